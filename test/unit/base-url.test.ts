// Plain http is refused off this machine for credentials an eavesdropper could reuse, unless the
// caller opts in; request signing (nothing reusable on the wire) and loopback stay allowed.
import { describe, expect, it } from "vitest";
import { type ConvertAuth, ConvertConfigError, createConvertClient } from "../../src/index.js";
import { ConvertSession } from "../../src/session/index.js";
import { TEST_KEY } from "../support/clients.js";

const session = () => new ConvertSession({ baseUrl: "http://127.0.0.1:1" });
const reusable: [string, () => ConvertAuth][] = [
  ["secretKey", () => ({ type: "secretKey", ...TEST_KEY })],
  ["reportToken", () => ({ type: "reportToken", reportToken: "a-report-token" })],
];

describe("a plain http baseUrl that is not loopback", () => {
  it.each(reusable)("is refused for %s auth, naming the way out", (_type, auth) => {
    const create = () => createConvertClient({ baseUrl: "http://api.example.com/api/v2", auth: auth() });
    expect(create).toThrow(ConvertConfigError);
    expect(create).toThrow(/plain http.*allowInsecureHttp: true/);
    expect(() => createConvertClient({ baseUrl: "http://api.example.com/api/v2", auth: auth(), allowInsecureHttp: true })).not.toThrow();
  });

  it("is refused for a session, both for signing in and for calls", () => {
    expect(() => new ConvertSession({ baseUrl: "http://10.0.0.5/api/v2" })).toThrow(
      /the password and session cookie would cross the network unencrypted/,
    );
    expect(() => new ConvertSession({ baseUrl: "http://10.0.0.5/api/v2", allowInsecureHttp: true })).not.toThrow();
    const insecure = new ConvertSession({ baseUrl: "http://10.0.0.5/api/v2", allowInsecureHttp: true });
    expect(() => createConvertClient({ baseUrl: "http://10.0.0.5/api/v2", auth: { type: "session", session: insecure } })).toThrow(
      ConvertConfigError,
    );
  });

  it("is allowed for request signing and for anonymous calls", () => {
    expect(() => createConvertClient({ baseUrl: "http://api.example.com", auth: { type: "requestSigning", ...TEST_KEY } })).not.toThrow();
    expect(() => createConvertClient({ baseUrl: "http://api.example.com", auth: { type: "none" } })).not.toThrow();
  });
});

describe("loopback and https", () => {
  it.each(["http://127.0.0.1:4010", "http://localhost:4010/api", "http://[::1]:4010", "http://127.9.9.9", "https://api.example.com"])(
    "%s is allowed for every auth type",
    (baseUrl) => {
      for (const [, auth] of reusable) expect(() => createConvertClient({ baseUrl, auth: auth() })).not.toThrow();
      expect(() => new ConvertSession({ baseUrl })).not.toThrow();
    },
  );

  it("a look-alike of loopback is not loopback", () => {
    for (const baseUrl of ["http://127.0.0.1.example.com", "http://localhost.example.com", "http://0x7f000001.example.com"]) {
      expect(() => createConvertClient({ baseUrl, auth: reusable[0]![1]() }), baseUrl).toThrow(ConvertConfigError);
    }
    expect(session().origin).toBe("http://127.0.0.1:1");
  });
});
