// Caller headers are checked when given (client options at creation, per-call headers before
// sending), and the framing headers stay the transport's on every way of calling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConvertConfigError, createConvertClient } from "../../../src/index.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const OWNED = ["content-length", "Transfer-Encoding", "host", "Connection"];

describe("options.headers", () => {
  it.each([
    ["a string", "x-a: 1"],
    ["an array", [["x-a", "1"]]],
    ["a Map", new Map([["x-a", "1"]])],
    ["a Headers object", new Headers({ "x-a": "1" })],
    ["null", null],
  ])("must be a plain object, not %s", (_what, headers) => {
    expect(() => createConvertClient({ auth: { type: "none" }, headers: headers as never })).toThrow(
      "options.headers must be a plain object of header names to strings",
    );
  });

  it("refuses non-string values, bad names and line breaks at creation, without echoing values", () => {
    const create = (headers: Record<string, unknown>) => () => createConvertClient({ auth: { type: "none" }, headers: headers as never });
    expect(create({ "x-count": 5 })).toThrow("options.headers.x-count must be a string");
    expect(create({ "bad name": "1" })).toThrow('options.headers: "bad?name" is not a valid header name');
    expect(create({ "x-a": "1\r\nx-injected: secret-value" })).toThrow(
      "options.headers.x-a must not contain line breaks or control characters",
    );
    try {
      create({ "x-a": "1\r\nsecret-value" })();
    } catch (error) {
      expect((error as Error).message).not.toContain("secret-value");
    }
  });

  it.each(OWNED)("refuses %s, which the transport sets", (name) => {
    expect(() => createConvertClient({ auth: { type: "none" }, headers: { [name]: "1" } })).toThrow(ConvertConfigError);
  });
});

describe("per-call and raw headers", () => {
  const convert = () => createConvertClient({ baseUrl: server.origin, auth: { type: "none" }, accountId: 1, projectId: 2 });

  it.each(OWNED)("%s is refused before sending, on operation methods, raw calls and middleware", async (name) => {
    await expect(convert().getProject({ headers: { [name]: "1" } })).rejects.toThrow(ConvertConfigError);
    const raw = convert().GET("/accounts/{account_id}/projects/{project_id}", {
      params: { path: { account_id: 1, project_id: 2 } },
      headers: { [name]: "1" },
    });
    await expect(raw).rejects.toThrow(`the ${name.toLowerCase()} header is set by the client itself`);
    const withMiddleware = convert();
    withMiddleware.use({
      onRequest: ({ request }) => {
        request.headers.set(name, "1");
        return request;
      },
    });
    await expect(withMiddleware.getProject()).rejects.toBeInstanceOf(ConvertConfigError);
    expect(server.requests).toEqual([]);
  });

  it("other headers are sent", async () => {
    await convert().getProject({ headers: { "x-trace": "abc" } });
    expect(server.requests.at(-1)!.headers["x-trace"]).toBe("abc");
  });
});
