// The built binary against a local API that verifies every request signature (written
// independently of src/, scripts/verify-signature.ts): reads, creates from a file and from stdin,
// --paginate, --out and --decode, each exit code, --dry-run sending nothing, and no secret in any
// output.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifySignature } from "../../scripts/verify-signature.js";
import { signRequest } from "../../src/auth/request-signing.js";
import { type CliRun, printed, runCli, runInTerminal } from "../support/cli.js";
import { type RecordedRequest, type RecordingServer, startRecordingServer } from "../support/recording-server.js";

const APP = "cli_e2e_app";
const SECRET = "cli-e2e-s3cr3t-9f8e7d6c";
const PROJECT = "/api/v2/accounts/100012/projects/10034";
const GOALS = Array.from({ length: 5 }, (_, index) => ({ id: 500 + index, name: `Goal ${index + 1}`, status: "active" }));
const FILE_BYTES = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);

let server: RecordingServer;
let base: string;
let dir: string;
/** Each request with the verifier's verdict (null: valid). */
const seen: { request: RecordedRequest; problem: string | null }[] = [];

const json = (status: number, body: unknown) => (response: import("node:http").ServerResponse) => {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "convert-cli-signed-"));
  server = await startRecordingServer((request, response) => {
    const problem = request.headers.authorization?.startsWith("Bearer ")
      ? request.headers.authorization === `Bearer ${APP}:${SECRET}`
        ? null
        : "wrong secret key"
      : verifySignature(request, { [APP]: SECRET });
    seen.push({ request, problem });
    if (problem) return json(401, { code: 401, message: problem })(response);
    const route = `${request.method} ${request.target.split("?")[0]}`;
    const isJson = request.headers["content-type"] === "application/json";
    const body = isJson && request.body.length > 0 ? JSON.parse(request.body.toString("utf8")) : undefined;
    switch (route) {
      case `GET ${PROJECT}`:
        return json(200, { id: 10034, name: "Signed shop", query: request.target.split("?")[1] ?? "" })(response);
      case `POST ${PROJECT}/tags/add`:
        if (!body?.name) return json(422, { code: 422, message: "The name field is required.", fields: ["name"] })(response);
        return json(201, { data: { id: 77, ...body } })(response);
      case `POST ${PROJECT}/goals`: {
        const page = body?.page ?? 1;
        const perPage = body?.results_per_page ?? 30;
        const data = GOALS.slice((page - 1) * perPage, page * perPage);
        const pagination = {
          current_page: page,
          items_count: GOALS.length,
          items_per_page: perPage,
          pages_count: Math.ceil(GOALS.length / perPage),
        };
        return json(200, { data, extra: { pagination } })(response);
      }
      case `POST ${PROJECT}/images/add`:
        return json(200, { key: "banner.png", size: request.body.length, type: request.headers["content-type"] })(response);
      case `GET ${PROJECT}/goals/404`:
        return json(404, { code: 404, message: "Goal not found" })(response);
      case `GET ${PROJECT}/goals/500`:
        return json(500, { code: 500, message: "Internal error", trace: "abc" })(response);
      case `GET ${PROJECT}/files/report`:
        return json(200, { key: "report", name: "report.pdf", content: FILE_BYTES.toString("base64") })(response);
      default:
        return json(404, { code: 404, message: `no route ${route}` })(response);
    }
  });
  base = `${server.origin}/api/v2`;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  // No run printed the secret, whatever it did.
  for (const text of printed) expect(text).not.toContain(SECRET);
});

let before = 0;
beforeEach(() => {
  before = seen.length;
});
const sinceTest = () => seen.slice(before);

const env = (extra: Record<string, string> = {}) => ({
  CONVERT_APPLICATION_ID: APP,
  CONVERT_SECRET_KEY: SECRET,
  CONVERT_API_BASE_URL: base,
  CONVERT_ACCOUNT_ID: "100012",
  CONVERT_PROJECT_ID: "10034",
  XDG_CONFIG_HOME: join(dir, "config"),
  ...extra,
});
const cli = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  runCli(args, { env: options.env ?? env(), input: options.input, cwd: dir });

function expectSigned(count: number) {
  const requests = sinceTest();
  expect(requests.map((entry) => entry.problem)).toEqual(Array(count).fill(null));
  return requests.map((entry) => entry.request);
}

describe("calls, signed", () => {
  it("reads, with a repeatable query flag, and prints compact JSON into a pipe", async () => {
    const run = await cli(["getProject", "--query.include", "domains", "--query.include", "stats.usage"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`${JSON.stringify({ id: 10034, name: "Signed shop", query: "include[]=domains&include[]=stats.usage" })}\n`);
    expect(run.status).toBe(0);
    expectSigned(1);
  });

  it("takes account and project from flags over the environment", async () => {
    const run = await cli(["getProject", "--account", "100012", "--project-id", "10034"], {
      env: env({ CONVERT_ACCOUNT_ID: "1", CONVERT_PROJECT_ID: "2" }),
    });
    expect(run.status).toBe(0);
    expect(expectSigned(1)[0]!.target).toBe(`${PROJECT}`);
  });

  it("creates from @file.json and from standard input, signing the exact body", async () => {
    writeFileSync(join(dir, "tag.json"), '{"name":"Café ✓","description":"from a file"}');
    const fromFile = await cli(["createTag", "--body", "@tag.json"]);
    expect(JSON.parse(fromFile.stdout)).toEqual({ data: { id: 77, name: "Café ✓", description: "from a file" } });
    const fromStdin = await cli(["createTag", "--body", "-"], { input: '{"name":"piped"}\n' });
    expect(JSON.parse(fromStdin.stdout)).toEqual({ data: { id: 77, name: "piped" } });
    expect([fromFile.status, fromStdin.status]).toEqual([0, 0]);
    const requests = expectSigned(2);
    expect(requests.map((request) => request.body.toString("utf8"))).toEqual([
      '{"name":"Café ✓","description":"from a file"}',
      '{"name":"piped"}',
    ]);
    expect(requests[0]!.headers["content-type"]).toBe("application/json");
  });

  it("uploads a file as multipart form data, signed over the exact bytes sent", async () => {
    writeFileSync(join(dir, "banner.png"), FILE_BYTES);
    const run = await cli(["uploadCdnImage", "--file", "image=banner.png", "--body", '{"image_name":"banner.png"}']);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const [request] = expectSigned(1);
    expect(JSON.parse(run.stdout)).toEqual({ key: "banner.png", size: request!.body.length, type: request!.headers["content-type"] });
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request!.body.includes(FILE_BYTES)).toBe(true);
    expect(request!.body.toString("latin1")).toContain('name="image_name"\r\n\r\nbanner.png\r\n');
  });

  it("--paginate writes every item of every page as one NDJSON line", async () => {
    const run = await cli(["getGoalsList", "--paginate", "--body", '{"results_per_page":2}']);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(GOALS.length);
    expect(lines.map((line) => JSON.parse(line))).toEqual(GOALS);
    expect(run.stderr).toBe(""); // no progress line when stderr is not a terminal
    expect(run.status).toBe(0);
    const requests = expectSigned(3);
    expect(requests.map((request) => JSON.parse(request.body.toString()).page)).toEqual([1, 2, 3]);
    const limited = await cli(["getGoalsList", "--paginate", "--max-items", "3", "--body", '{"results_per_page":2}']);
    expect(limited.stdout.trimEnd().split("\n")).toHaveLength(3);
  });

  it("--paginate shows its progress on stderr when it is a terminal", async () => {
    const { status, screen } = await runInTerminal(["getGoalsList", "--paginate", "--body", '{"results_per_page":2}'], [], {
      env: env(),
      cwd: dir,
    });
    expect(screen).toContain("page 1 of 3, 2 items");
    expect(screen).toContain("3 pages, 5 items\r\n");
    expect(status).toBe(0);
  });

  it("--debug logs each attempt with its headers and body, credentials redacted", async () => {
    const run = await cli(["createTag", "--body", '{"name":"debugged"}', "--debug"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^convert-api-client DEBUG createTag POST .*\/tags\/add \(attempt 1\) sending\n/);
    expect(run.stderr).toContain('"authorization":"[redacted]"');
    expect(run.stderr).toContain('{"name":"debugged"}');
  });

  it("--output table", async () => {
    const run = await cli(["getGoalsList", "--output", "table", "--body", '{"results_per_page":10}']);
    expect(run.stdout).toBe(`ID   NAME    STATUS\n${GOALS.map((goal) => `${goal.id}  ${goal.name}  ${goal.status}`).join("\n")}\n`);
  });

  it("--out writes the JSON answer to a file; --decode writes a base64 field's bytes", async () => {
    const json = await cli(["getFile", "--file-key", "report", "--out", "answer.json"]);
    expect(json.stdout).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "answer.json"), "utf8")).name).toBe("report.pdf");
    const decoded = await cli(["getFile", "--file-key", "report", "--decode", "content", "--out", "report.pdf"]);
    expect(readFileSync(join(dir, "report.pdf"))).toEqual(FILE_BYTES);
    const piped = await cli(["getFile", "--file-key", "report", "--decode", "content"]);
    expect(piped.bytes).toEqual(FILE_BYTES);
    expect([json.status, decoded.status, piped.status]).toEqual([0, 0, 0]);
    expectSigned(3);
  });

  it("signs with a secret-key API key too (CONVERT_AUTH_TYPE=secretKey)", async () => {
    const run = await cli(["getProject"], { env: env({ CONVERT_AUTH_TYPE: "secretKey", CONVERT_API_BASE_URL: base }) });
    expect(run.status).toBe(0);
    expect(sinceTest()[0]!.request.headers.authorization).toBe(`Bearer ${APP}:${SECRET}`);
  });
});

describe("--dry-run", () => {
  it("prints the exact signed request with the secret parts masked, and sends nothing", async () => {
    const run = await cli(["deleteGoal", "--goal-id", "5", "--dry-run"]);
    const pending = await cli(["createTag", "--body", '{"name":"x"}', "--dry-run"]);
    expect(sinceTest()).toEqual([]);
    expect([run.status, pending.status]).toEqual([0, 0]);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`DELETE ${base}/accounts/100012/projects/10034/goals/5/delete`);
    expect(run.stdout).toContain(`convert-application-id: ${APP}\n`);
    expect(run.stdout).toMatch(/\nauthorization: Convert-HMAC-SHA256 Signature=[0-9a-f]{8}…\*\*\*\*\n/);
    // The masked signature is the start of the one the printed request would carry.
    const expires = Number(/\nexpires: (\d+)\n/.exec(run.stdout)![1]);
    const signature = signRequest({ applicationId: APP, secretKey: SECRET, expires, url: lines[0]!.split(" ")[1]!, body: "" });
    expect(run.stdout).toContain(`${signature.Authorization.slice(0, "Convert-HMAC-SHA256 Signature=".length + 8)}…****`);
    expect(pending.stdout).toContain("\ncontent-type: application/json\n");
    expect(pending.stdout).toMatch(/\ncontent-length: 12\n\n\{"name":"x"\}\n$/);
    const bearer = await cli(["getProject", "--dry-run"], { env: env({ CONVERT_AUTH_TYPE: "secretKey" }) });
    expect(bearer.stdout).toContain(`authorization: Bearer ${APP}:****\n`);
    expect(sinceTest()).toEqual([]);
  });
});

describe("exit codes", () => {
  const expectExit = (run: CliRun, status: number, stderr: RegExp) => {
    expect(run.stderr).toMatch(stderr);
    expect(run.status).toBe(status);
  };

  it("0 on success, 1 for a failure of its own (a file it cannot write)", async () => {
    expectExit(await cli(["getProject"]), 0, /^$/);
    expectExit(
      await cli(["getProject", "--out", join(dir, "missing-dir", "x.json")]),
      1,
      /^convert-api: cannot write .*x\.json \(ENOENT\)\n$/,
    );
  });

  it("2 for usage errors, before anything is sent", async () => {
    expectExit(await cli(["getProjekt"]), 2, /unknown command 'getProjekt'\. Did you mean getProject\?/);
    expectExit(await cli(["getProject", "--nope"]), 2, /unknown option '--nope'/);
    expectExit(await cli(["getGoal"]), 2, /required option '--goal-id <id>' not specified/);
    expectExit(await cli(["getGoal", "--goal-id", "../5"]), 2, /path parameter goal_id must be a positive whole number/);
    expectExit(await cli(["createTag", "--body", "{oops"]), 2, /--body is not valid JSON/);
    expectExit(await cli(["createTag", "--body", "@nowhere.json"]), 2, /cannot read nowhere\.json/);
    expectExit(await cli(["createTag"]), 2, /createTag needs --body with name/);
    expectExit(
      await cli(["getProject"], { env: { CONVERT_API_BASE_URL: base, XDG_CONFIG_HOME: join(dir, "empty") } }),
      2,
      /no credentials: set CONVERT_APPLICATION_ID/,
    );
    expectExit(await cli(["getProject", "--account", "x"]), 2, /--account must be a positive whole number/);
    expect(sinceTest()).toEqual([]);
  });

  it("3 when the API refuses the request (4xx): its message and fields on one line, the body with --verbose", async () => {
    const refused = await cli(["createTag", "--body", '{"name":""}']);
    expectExit(
      refused,
      3,
      /^convert-api: createTag: POST \/api\/v2\/accounts\/100012\/projects\/10034\/tags\/add answered HTTP 422: The name field is required\. \(fields: name\)\n$/,
    );
    const verbose = await cli(["getGoal", "--goal-id", "404", "--verbose"]);
    expectExit(verbose, 3, /HTTP 404: Goal not found\n\{\n {2}"code": 404,\n {2}"message": "Goal not found"\n\}\n$/);
  });

  it("4 when the API fails (5xx) or does not answer", async () => {
    expectExit(await cli(["getGoal", "--goal-id", "500"]), 4, /^convert-api: getGoal: GET .* answered HTTP 500: Internal error\n$/);
    const closed = await startRecordingServer();
    const deadBase = `${closed.origin}/api/v2`;
    await closed.close();
    // A create is not retried after a network error, so this fails at once.
    expectExit(
      await cli(["createTag", "--body", '{"name":"x"}'], { env: env({ CONVERT_API_BASE_URL: deadBase }) }),
      4,
      /failed before an answer arrived/,
    );
  });
});
