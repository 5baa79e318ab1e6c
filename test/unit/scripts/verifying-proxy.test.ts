// The demo's proof of signing: its proxy forwards correctly signed requests and refuses others.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startVerifyingProxy, type VerifyingProxy } from "../../../scripts/verifying-proxy.js";
import { ConvertAuthenticationError, createConvertClient } from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

let upstream: RecordingServer;
let proxy: VerifyingProxy;
beforeAll(async () => {
  upstream = await startRecordingServer(
    (_request, response) => void response.writeHead(200, { "content-type": "application/json" }).end('{"id":2}'),
  );
  proxy = await startVerifyingProxy(upstream.origin, { [TEST_KEY.applicationId]: TEST_KEY.secretKey });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

it("forwards a correctly signed request and refuses a wrongly signed one", async () => {
  const good = createConvertClient({ baseUrl: proxy.url, auth: { type: "requestSigning", ...TEST_KEY }, accountId: 1, projectId: 2 });
  const bad = createConvertClient({
    baseUrl: proxy.url,
    auth: { type: "requestSigning", ...TEST_KEY, secretKey: "wrong" },
    accountId: 1,
    projectId: 2,
  });
  await expect(good.updateProject({ body: { name: "Café" } })).resolves.toEqual({ id: 2 });
  await expect(bad.getProject()).rejects.toBeInstanceOf(ConvertAuthenticationError);
  expect(proxy.verdicts.map((v) => v.problem)).toEqual([null, "signature mismatch"]);
  expect(upstream.requests.map((r) => r.target)).toEqual(["/accounts/1/projects/2/update"]);
});

it("answers a canned request itself, once its signature is good", async () => {
  const canning = await startVerifyingProxy(upstream.origin, { [TEST_KEY.applicationId]: TEST_KEY.secretKey }, (method, target) =>
    method === "GET" && target === "/accounts/1/projects/3" ? { status: 200, body: { id: 3 } } : undefined,
  );
  try {
    const options = { baseUrl: canning.url, accountId: 1, projectId: 3 } as const;
    const good = createConvertClient({ ...options, auth: { type: "requestSigning", ...TEST_KEY } });
    const bad = createConvertClient({ ...options, auth: { type: "requestSigning", ...TEST_KEY, secretKey: "wrong" } });
    const forwardedBefore = upstream.requests.length;
    await expect(good.getProject()).resolves.toEqual({ id: 3 });
    await expect(bad.getProject()).rejects.toBeInstanceOf(ConvertAuthenticationError);
    await expect(good.getProject({ path: { project_id: 4 } })).resolves.toEqual({ id: 2 });
    expect(canning.verdicts.map((v) => v.problem)).toEqual([null, "signature mismatch", null]);
    expect(upstream.requests.slice(forwardedBefore).map((r) => r.target)).toEqual(["/accounts/1/projects/4"]);
  } finally {
    await canning.close();
  }
});
