// withOptions: a client with other defaults that shares connections and credentials, typed so
// that a projectId given there makes project_id optional; and fromEnv.
import { Agent } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type ConvertClient, ConvertConfigError, createConvertClient } from "../../src/index.js";
import { TEST_KEY } from "../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

describe("withOptions", () => {
  it("fills the new defaults, adds headers, keeps the parent's, and shares connections and credentials", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      let tokensAsked = 0;
      const parent = createConvertClient({
        baseUrl: server.origin,
        auth: { type: "oauth", getAccessToken: () => `token-${++tokensAsked}` },
        accountId: 1,
        headers: { "x-app": "reports" },
        agent: { http: agent },
      });
      const child = parent.withOptions({ projectId: 2, headers: { "x-team": "growth" }, maxRetries: 0 });
      expectTypeOf(child).toEqualTypeOf<ConvertClient<"account_id" | "project_id">>();
      await child.getProject();
      await parent.getProject({ path: { project_id: 3 } });
      expect(server.requests.map((r) => [r.target, r.headers["x-app"], r.headers["x-team"], r.headers.authorization])).toEqual([
        ["/accounts/1/projects/2", "reports", "growth", "Bearer token-1"],
        ["/accounts/1/projects/3", "reports", undefined, "Bearer token-1"],
      ]);
      expect(tokensAsked).toBe(1); // one credential for both
      expect(Object.keys(agent.freeSockets)).toHaveLength(1); // one pool for both
    } finally {
      agent.destroy();
    }
  });

  it("checks what it is given like createConvertClient does", () => {
    const parent = createConvertClient({ baseUrl: server.origin, auth: { type: "none" } });
    expect(() => parent.withOptions({ projectId: -2 })).toThrow("withOptions(options).projectId must be a positive whole number");
    expect(() => parent.withOptions({ timeoutMs: 0 })).toThrow(ConvertConfigError);
    expect(() => parent.withOptions({ headers: { host: "x" } })).toThrow(ConvertConfigError);
  });
});

describe("createConvertClient.fromEnv", () => {
  const env = {
    CONVERT_APPLICATION_ID: TEST_KEY.applicationId,
    CONVERT_SECRET_KEY: TEST_KEY.secretKey,
    CONVERT_ACCOUNT_ID: "100012",
    CONVERT_PROJECT_ID: "10034",
  };

  it("reads the key, the base URL and the default ids", async () => {
    const convert = createConvertClient.fromEnv(undefined, { ...env, CONVERT_API_BASE_URL: server.origin });
    await convert.getProject();
    expect(server.requests[0]).toMatchObject({ target: "/accounts/100012/projects/10034" });
    expect(server.requests[0]!.headers["convert-application-id"]).toBe(TEST_KEY.applicationId);
  });

  it("takes secretKey auth, and overrides that win", async () => {
    const convert = createConvertClient.fromEnv({ baseUrl: server.origin, projectId: 7 }, { ...env, CONVERT_AUTH_TYPE: "secretKey" });
    await convert.getProject();
    expect(server.requests[0]).toMatchObject({ target: "/accounts/100012/projects/7" });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TEST_KEY.applicationId}:${TEST_KEY.secretKey}`);
  });

  it("names what is missing or malformed, never echoing a value", () => {
    const fail = (vars: Record<string, string>) => {
      try {
        createConvertClient.fromEnv(undefined, vars);
      } catch (error) {
        expect(error).toBeInstanceOf(ConvertConfigError);
        return (error as Error).message;
      }
      throw new Error("expected a ConvertConfigError");
    };
    expect(fail({})).toBe("createConvertClient.fromEnv: set CONVERT_APPLICATION_ID and CONVERT_SECRET_KEY (an API key), or pass auth");
    expect(fail({ ...env, CONVERT_ACCOUNT_ID: "12abc" })).toBe("CONVERT_ACCOUNT_ID must be a positive whole number");
    expect(fail({ ...env, CONVERT_AUTH_TYPE: "password" })).toBe("CONVERT_AUTH_TYPE must be requestSigning or secretKey");
    expect(fail({ ...env, CONVERT_API_BASE_URL: "not a url s3cr3t" })).not.toContain("s3cr3t");
    expect(fail({ ...env, CONVERT_SECRET_KEY: "has spaces s3cr3t" })).not.toContain("s3cr3t");
  });
});
