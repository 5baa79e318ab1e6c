import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConvertAuth, type ConvertLogEvent, createConvertClient } from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

// Every way a call can fail, for each API-key auth type: no error, log event or client dump may
// contain the secret (nor, for signing, a signature computed from it).
let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer((request, response) => {
    if (request.target.includes("reset")) return void response.socket?.destroy();
    if (request.target.includes("slow")) return void response.writeHead(200).write("{");
    response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ code: 401, message: "Unauthorized" }));
  });
});
afterAll(() => server.close());

const auths: ConvertAuth[] = [
  { type: "requestSigning", ...TEST_KEY },
  { type: "secretKey", ...TEST_KEY },
];

describe.each(auths)("secrets stay secret with $type", (auth) => {
  it("in errors of every kind and in log events", async () => {
    const events: ConvertLogEvent[] = [];
    const convert = createConvertClient({ baseUrl: server.origin, auth, timeoutMs: 200, maxRetries: 0, logger: (e) => events.push(e) });
    const failures = await Promise.all([
      convert.getProject({ path: { account_id: 1, project_id: 2 } }).catch((e: unknown) => e), // 401
      convert.getProject({ path: { account_id: 1, project_id: 2 }, query: { include: ["reset" as "domains"] } }).catch((e: unknown) => e), // network
      convert.getProject({ path: { account_id: 1, project_id: 2 }, query: { include: ["slow" as "domains"] } }).catch((e: unknown) => e), // timeout
      convert.getProject({ path: { account_id: 1, project_id: 2 }, signal: AbortSignal.abort() }).catch((e: unknown) => e), // abort
      convert.getProject({ path: { account_id: 1 } as never }).catch((e: unknown) => e), // config
    ]);
    expect(failures.map((e) => (e as Error).name)).toEqual([
      "ConvertAuthenticationError",
      "ConvertNetworkError",
      "ConvertTimeoutError",
      "ConvertAbortError",
      "ConvertConfigError",
    ]);
    const dumps = failures.flatMap((e) => [
      String(e),
      (e as Error).stack ?? "",
      inspect(e, { depth: 10, showHidden: true }),
      JSON.stringify(e),
    ]);
    dumps.push(JSON.stringify(events), inspect(convert, { depth: 6, showHidden: true }));
    const signatures = server.requests.map((r) => String(r.headers.authorization ?? ""));
    for (const text of dumps) {
      expect(text).not.toContain(TEST_KEY.secretKey);
      for (const signature of signatures) expect(text).not.toContain(signature);
    }
  });
});
