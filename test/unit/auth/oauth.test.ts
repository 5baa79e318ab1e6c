// OAuth access tokens: sent as a bearer token, never sent once expired, renewed through
// getAccessToken when missing, expired or refused (once), and kept out of errors and logs.
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ConvertAuthenticationError,
  ConvertConfigError,
  type ConvertLogEvent,
  ConvertTokenExpiredError,
  createConvertClient,
  type OAuthAuth,
} from "../../../src/index.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

let server: RecordingServer;
/** Tokens the server accepts. */
const valid = new Set(["token-fresh-1", "token-fresh-2"]);
beforeAll(async () => {
  server = await startRecordingServer((request, response) => {
    const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ""))?.[1];
    if (!token || !valid.has(token))
      return void response.writeHead(401, { "content-type": "application/json" }).end('{"code":401,"message":"invalid token"}');
    response.writeHead(200, { "content-type": "application/json" }).end('{"id":2}');
  });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;
const client = (auth: Omit<OAuthAuth, "type">, logger?: (event: ConvertLogEvent) => void) =>
  createConvertClient({ baseUrl: server.origin, auth: { type: "oauth", ...auth }, accountId: 1, projectId: 2, maxRetries: 0, logger });
const sentTokens = () => server.requests.map((r) => r.headers.authorization);

describe("an OAuth access token", () => {
  it("is sent as Authorization: Bearer", async () => {
    await expect(client({ accessToken: "token-fresh-1", expiresAt: inOneHour() }).getProject()).resolves.toEqual({ id: 2 });
    expect(sentTokens()).toEqual(["Bearer token-fresh-1"]);
  });

  it("is refused before sending once expired (or about to), when nothing can renew it", async () => {
    for (const expiresAt of [Math.floor(Date.now() / 1000) - 10, new Date(Date.now() + 5_000)]) {
      const error = await client({ accessToken: "token-fresh-1", expiresAt })
        .getProject()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConvertTokenExpiredError);
      expect(error).toBeInstanceOf(ConvertConfigError);
      expect((error as Error).message).toMatch(/expired at .*pass a fresh accessToken, or getAccessToken/);
    }
    expect(server.requests).toEqual([]);
  });

  it("is asked for once when missing or expired, however many calls need it at once", async () => {
    let asked = 0;
    const getAccessToken = async () => {
      asked++;
      return { accessToken: "token-fresh-2", expiresAt: inOneHour() };
    };
    const convert = client({ accessToken: "token-old", expiresAt: Math.floor(Date.now() / 1000) - 1, getAccessToken });
    await Promise.all(Array.from({ length: 5 }, () => convert.getProject()));
    expect(asked).toBe(1);
    expect(sentTokens()).toEqual(Array(5).fill("Bearer token-fresh-2"));
    await client({ getAccessToken: () => "token-fresh-1" }).getProject();
    expect(sentTokens().at(-1)).toBe("Bearer token-fresh-1");
  });

  it("after a 401 is renewed once and the request goes again, also a create; a second 401 is the error", async () => {
    let asked = 0;
    const getAccessToken = () => {
      asked++;
      return "token-fresh-1";
    };
    const convert = client({ accessToken: "token-revoked", getAccessToken });
    await expect(convert.createProject({ body: { name: "New" } })).resolves.toEqual({ id: 2 });
    expect(asked).toBe(1);
    expect(sentTokens()).toEqual(["Bearer token-revoked", "Bearer token-fresh-1"]);
    server.requests.length = 0;
    const stubborn = client({ accessToken: "token-revoked", getAccessToken: () => "token-also-revoked" });
    const error = await stubborn.getProject().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertAuthenticationError);
    expect((error as Error).message).toContain("The OAuth access token was refused");
    expect(server.requests).toHaveLength(2);
  });

  it("must come with accessToken or getAccessToken, as a credential, over https off loopback", () => {
    expect(() => createConvertClient({ auth: { type: "oauth" } })).toThrow("needs accessToken, getAccessToken, or both");
    expect(() => createConvertClient({ auth: { type: "oauth", accessToken: "two words" } })).toThrow(
      "options.auth.accessToken is malformed",
    );
    expect(() => createConvertClient({ auth: { type: "oauth", accessToken: "t", expiresAt: Number.NaN } })).toThrow("expiresAt must be");
    expect(() => createConvertClient({ baseUrl: "http://api.example.com", auth: { type: "oauth", accessToken: "t" } })).toThrow(
      /plain http/,
    );
  });

  it("never appears in errors, log events or the client", async () => {
    const events: ConvertLogEvent[] = [];
    const secret = "token-revoked";
    const convert = client({ accessToken: secret, getAccessToken: () => "token-also-revoked" }, (event) => events.push(event));
    const error = await convert.getProject().catch((e: unknown) => e);
    for (const text of [
      String(error),
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(events),
      inspect(convert, { depth: 6 }),
    ]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain("token-also-revoked");
    }
  });
});
