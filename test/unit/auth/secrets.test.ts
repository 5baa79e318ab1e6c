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

describe("debug logging (logLevel or CONVERT_LOG)", () => {
  /** Runs `work` with stderr captured; returns what was written. */
  async function stderrOf(work: () => Promise<unknown>): Promise<string> {
    const write = process.stderr.write;
    let captured = "";
    process.stderr.write = ((chunk: string | Uint8Array) => {
      captured += String(chunk);
      return true;
    }) as typeof process.stderr.write;
    try {
      await work();
    } finally {
      process.stderr.write = write;
    }
    return captured;
  }

  it("prints headers and bodies with every credential redacted, for every auth type", async () => {
    const secrets = [
      TEST_KEY.secretKey,
      "report-token-9f8e7d",
      "oauth-access-token-1a2b3c",
      "hunter2-Passw0rd",
      "one-time-code-55aa",
      "verifier-dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
    ];
    const auths: ConvertAuth[] = [
      { type: "requestSigning", ...TEST_KEY },
      { type: "secretKey", ...TEST_KEY },
      { type: "reportToken", reportToken: secrets[1]! },
      { type: "oauth", accessToken: secrets[2]! },
    ];
    const output = await stderrOf(async () => {
      for (const auth of auths) {
        const convert = createConvertClient({ baseUrl: server.origin, auth, logLevel: "debug", maxRetries: 0 });
        await convert.getProject({ path: { account_id: 1, project_id: 2 } }).catch(() => undefined);
        // Bodies that carry secrets: a sign-in and an OAuth code exchange.
        await convert
          .doAuth({ body: { requestType: "initiatePasswordAuth", data: { username: "u@example.com", password: secrets[3]! } } })
          .catch(() => undefined);
        await convert
          .requestOauthToken({
            body: { grant_type: "authorization_code", code: secrets[4]!, client_id: "1111111", code_verifier: secrets[5]! },
          })
          .catch(() => undefined);
      }
    });
    expect(output).toContain("DEBUG > GET");
    expect(output).toContain('"authorization":"[redacted]"');
    expect(output).toContain('"password":"[redacted]"');
    expect(output).toContain('"code_verifier":"[redacted]"');
    for (const secret of secrets) expect(output).not.toContain(secret);
    for (const signature of server.requests.map((r) => String(r.headers.authorization ?? ""))) {
      if (signature) expect(output).not.toContain(signature.split(" ").at(-1));
    }
  });

  it("CONVERT_LOG picks the level when the options do not, and info prints one line per answer", async () => {
    const before = process.env.CONVERT_LOG;
    process.env.CONVERT_LOG = "info";
    try {
      const output = await stderrOf(() =>
        createConvertClient({ baseUrl: server.origin, auth: { type: "none" }, maxRetries: 0 })
          .getProject({ path: { account_id: 1, project_id: 2 } })
          .catch(() => undefined),
      );
      expect(output.trim().split("\n")).toEqual([
        expect.stringMatching(
          /^convert-api-client WARN getProject GET http:\/\/127\.0\.0\.1:\d+\/accounts\/1\/projects\/2 \(attempt 1\) -> 401 in \d+ ms$/,
        ),
      ]);
      expect(() => createConvertClient({ auth: { type: "none" }, logLevel: "loud" as never })).toThrow("options.logLevel must be one of");
    } finally {
      if (before === undefined) delete process.env.CONVERT_LOG;
      else process.env.CONVERT_LOG = before;
    }
  });
});
