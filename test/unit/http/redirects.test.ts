// Credentials never follow a redirect: a 3xx is an answer like any other (a ConvertApiError from an
// operation method), on node:http and through options.fetch alike. Nothing is sent to the other
// origin, a password is not sent twice, and cookies are only kept from the API's own origin.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConvertApiError, ConvertNetworkError, createConvertClient } from "../../../src/index.js";
import { ConvertLoginError, ConvertSession } from "../../../src/session/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";
import { TRANSPORTS } from "../../support/transports.js";

let api: RecordingServer;
let elsewhere: RecordingServer;
beforeAll(async () => {
  // Another origin that would gladly take a token, set a cookie and answer as if it were the API.
  elsewhere = await startRecordingServer((_request, response) => {
    response
      .writeHead(200, { "content-type": "application/json", "set-cookie": "sid=attacker-chosen; Path=/" })
      .end(JSON.stringify({ "auth-code": "SUCCESS", id: 666 }));
  });
  api = await startRecordingServer((request, response) => {
    response.writeHead(307, { location: `${elsewhere.origin}${request.target}` }).end();
  });
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
});
afterEach(() => {
  api.requests.length = 0;
  elsewhere.requests.length = 0;
});

describe.each(TRANSPORTS)("over %s", (_name, transport) => {
  it.each([
    ["a report token", { type: "reportToken", reportToken: "report-token-secret" }],
    ["a secret key", { type: "secretKey", ...TEST_KEY }],
    ["a request signature", { type: "requestSigning", ...TEST_KEY }],
  ] as const)("a 307 to another origin is an error and %s goes nowhere else", async (_what, auth) => {
    const convert = createConvertClient({ baseUrl: api.origin, auth, accountId: 1, projectId: 2, ...transport });
    const error = await convert.getProject().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertApiError);
    expect(error).toMatchObject({ status: 307, url: `${api.origin}/accounts/1/projects/2` });
    const raw = await convert.GET("/accounts/{account_id}/projects/{project_id}", { params: { path: { account_id: 1, project_id: 2 } } });
    expect(raw.response.status).toBe(307);
    expect(raw.data).toBeUndefined();
    expect(api.requests).toHaveLength(2);
    expect(elsewhere.requests).toEqual([]);
  });

  it("a sign-in answered with a 307 sends the password once, to the API only, and adopts no cookie", async () => {
    const session = new ConvertSession({ baseUrl: api.origin, ...transport });
    const error = await session.login({ username: "user@example.com", password: "hunter2-Passw0rd" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertLoginError);
    expect(api.requests).toHaveLength(1);
    expect(elsewhere.requests).toEqual([]);
    expect(session.hasSessionCookie).toBe(false);
  });
});

describe("cookies", () => {
  it("are kept only from answers of the API's origin, even when a custom fetch follows redirects itself", async () => {
    // A fetch that ignores `redirect: "manual"` (some wrappers do): the answer comes from elsewhere.
    const following: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, { ...init, redirect: "follow" });
    const session = new ConvertSession({ baseUrl: api.origin, fetch: following });
    const error = await session.login({ username: "user@example.com", password: "hunter2-Passw0rd" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertNetworkError);
    expect((error as Error).message).toContain('options.fetch followed a redirect; it must honour redirect: "manual"');
    expect(session.hasSessionCookie).toBe(false);
  });
});
