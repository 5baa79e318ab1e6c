import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { verifySignature } from "../../../scripts/verify-signature.js";
import { createConvertClient } from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

// A real HTTP server checks every signature with its own HMAC code, from the raw request.
let server: RecordingServer;
const secrets = { [TEST_KEY.applicationId]: TEST_KEY.secretKey };

beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  vi.useRealTimers();
});

function client(expiresInSeconds?: number, clockOffsetSeconds?: number) {
  return createConvertClient({
    baseUrl: `${server.origin}/api/v2`,
    auth: {
      type: "requestSigning",
      ...TEST_KEY,
      ...(expiresInSeconds ? { expiresInSeconds } : {}),
      ...(clockOffsetSeconds ? { clockOffsetSeconds } : {}),
    },
  });
}

describe("request signing against a verifying server", () => {
  it("signs a GET with an array query as it goes on the wire", async () => {
    await client().GET("/accounts/{account_id}/projects/{project_id}", {
      params: { path: { account_id: 1, project_id: 2 }, query: { include: ["domains", "stats.usage"] } },
    });
    const [request] = server.requests;
    expect(request!.target).toBe("/api/v2/accounts/1/projects/2?include[]=domains&include[]=stats.usage");
    expect(request!.body.length).toBe(0);
    expect(verifySignature(request!, secrets)).toBeNull();
  });

  it("signs a POST whose JSON holds unicode and slashes", async () => {
    await client().POST("/accounts/{account_id}/projects/add", {
      params: { path: { account_id: 1 } },
      body: { name: "Café/Shop ✓ 日本", domains: [{ url: "https://shop.example.com/a/b", code_installed: false }] },
    });
    const [request] = server.requests;
    expect(request!.body.toString("utf8")).toBe(
      '{"name":"Café/Shop ✓ 日本","domains":[{"url":"https://shop.example.com/a/b","code_installed":false}]}',
    );
    expect(verifySignature(request!, secrets)).toBeNull();
  });

  it("signs a DELETE without a body", async () => {
    await client().DELETE("/accounts/{account_id}/projects/{project_id}/delete", {
      params: { path: { account_id: 1, project_id: 2 } },
    });
    expect(server.requests[0]!.method).toBe("DELETE");
    expect(verifySignature(server.requests[0]!, secrets)).toBeNull();
  });

  it("signs a multipart upload over its exact bytes", async () => {
    const file = new Blob([new Uint8Array([0, 255, 1, 254, 10, 13])], { type: "application/json" });
    await client().POST("/accounts/{account_id}/projects/import-project", {
      params: { path: { account_id: 1 } },
      body: { file },
    });
    const [request] = server.requests;
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request!.body.includes(Buffer.from([0, 255, 1, 254, 10, 13]))).toBe(true);
    expect(verifySignature(request!, secrets)).toBeNull();
  });

  it("sets Expires from the clock plus the expiry window", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-26T00:00:00Z"));
    await client(120).GET("/accounts/{account_id}/api-keys", { params: { path: { account_id: 1 } } });
    const expires = Number(server.requests[0]!.headers.expires);
    expect(expires).toBe(Date.UTC(2026, 10, 26) / 1000 + 120);
    expect(verifySignature(server.requests[0]!, secrets, expires - 1)).toBeNull();
    expect(verifySignature(server.requests[0]!, secrets, expires + 1)).toBe("signature expired");
  });

  it("corrects Expires by clockOffsetSeconds for a skewed clock", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    // This machine runs 90 s fast: the API's clock says 11:58:30 when ours says 12:00:00.
    vi.setSystemTime(new Date("2026-11-26T12:00:00Z"));
    await client(60, -90).GET("/accounts/{account_id}/api-keys", { params: { path: { account_id: 1 } } });
    const expires = Number(server.requests[0]!.headers.expires);
    expect(expires).toBe(Date.UTC(2026, 10, 26, 12) / 1000 - 90 + 60);
    const serverNow = Date.UTC(2026, 10, 26, 11, 58, 30) / 1000;
    expect(verifySignature(server.requests[0]!, secrets, serverNow)).toBeNull();
  });

  it("is detected as tampered when the body changes after signing", async () => {
    await client().POST("/accounts/{account_id}/projects/add", { params: { path: { account_id: 1 } }, body: { name: "A" } });
    const tampered = { ...server.requests[0]!, body: Buffer.from('{"name":"B"}') };
    expect(verifySignature(tampered, secrets)).toBe("signature mismatch");
  });
});

describe("secret key auth", () => {
  it("sends Authorization: Bearer <applicationId>:<secretKey>", async () => {
    const convert = createConvertClient({ baseUrl: server.origin, auth: { type: "secretKey", ...TEST_KEY } });
    await convert.GET("/accounts/{account_id}/api-keys", { params: { path: { account_id: 1 } } });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TEST_KEY.applicationId}:${TEST_KEY.secretKey}`);
    expect(server.requests[0]!.headers["convert-application-id"]).toBeUndefined();
  });
});
