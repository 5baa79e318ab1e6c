// Every ```ts sample of README.md runs to completion, each in its own Node process (through tsx),
// against the Prism mock of generated/openapi.json: the samples a reader copies must work, not
// only compile (readme-samples.test.ts type-checks them).
//
// What the harness gives every sample, without changing what the sample shows:
// - `convert-api-client` and `convert-api-client/session` resolve to small shims over src/ that
//   force `baseUrl` to CONVERT_API_BASE_URL, and nothing else (readme-harness/convert-api-client.mts
//   says why the package's own variable is not enough);
// - the environment the samples read: an API key, ids, the session user's passwords;
// - a temporary working directory with the files a sample reads (`./banner.png`);
// - readme-harness/loopback-only.ts, which ends the process loudly if it connects anywhere but
//   127.0.0.1.
// The cookie-session sample signs in with a password and an MFA code, which Prism cannot check:
// it runs against test/support/session-server.ts, a local imitation of Convert's sign-in.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { readmeTypeScriptSamples } from "../support/readme.js";
import { type SessionServer, startSessionServer } from "../support/session-server.js";
import { LEFT_LOOPBACK_EXIT_CODE } from "./readme-harness/loopback-only.js";

const root = resolve(import.meta.dirname, "../..");
const harness = join(root, "test/docs/readme-harness");
const tsx = import.meta.resolve("tsx");
const samples = readmeTypeScriptSamples();
const dir = mkdtempSync(join(tmpdir(), "convert-readme-run-"));

/** The user the cookie-session sample signs in as (username and MFA code as the README shows them). */
const README_USER = { username: "jane@example.com", password: "j4ne-Passw0rd!", mfaCode: "123456" };

/** What a sample must print besides its end: what its comments promise, or proof that its catch ran. */
const EXPECTED_OUTPUT: { sampleContains: string; prints: RegExp[] }[] = [
  { sampleContains: "signRequest({", prints: [/^Convert-HMAC-SHA256 Signature=90f71fb8/m] },
  { sampleContains: "// true while the server accepts the session", prints: [/^true$/m] },
  // The Errors sample calls without credentials: the mock's 401 goes through its catch.
  { sampleContains: "else if (error instanceof ConvertApiError) console.log(error.status", prints: [/^401 401 /m] },
  { sampleContains: '// "Acme Shop", from the examples', prints: [/^Acme Shop$/m] },
  {
    sampleContains: '"code=422, example=parameters"',
    prints: [/^401: /m, /^404: /m, /^422, fields: \[ 'results_per_page' \]$/m, /^422, fields: \[ 'include' \]$/m, /^429: /m],
  },
];

let sessions: SessionServer;

beforeAll(async () => {
  sessions = await startSessionServer([README_USER]);
  // tsx reads `paths` from the tsconfig.json of the working directory.
  const shim = (file: string) => relative(dir, join(harness, file));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "ESNext",
        moduleResolution: "Bundler",
        paths: { "convert-api-client": [shim("convert-api-client.mts")], "convert-api-client/session": [shim("session.mts")] },
      },
    }),
  );
  // A 1x1 PNG, for `fileFromPath("./banner.png")`.
  writeFileSync(
    join(dir, "banner.png"),
    Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
  );
});

afterAll(async () => {
  await sessions?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface SampleRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A sample that has not exited by then is killed (and fails), before the test's own timeout. */
const SAMPLE_TIMEOUT_MS = 15_000;

/** Runs README block #`number` as an ES module in a child process; resolves when it exits. */
function runSample(number: number, code: string): Promise<SampleRun> {
  const file = join(dir, `sample-${number}.mts`);
  // Printed only once everything above it, top-level awaits included, has finished.
  writeFileSync(file, `${code}\nconsole.log(${JSON.stringify(endMarker(number))});\n`);
  const baseUrl = code.includes('"convert-api-client/session"') ? sessions.origin : inject("prismUrl");
  const child = spawn(process.execPath, ["--import", tsx, "--import", join(harness, "loopback-only.ts"), file], {
    cwd: dir,
    timeout: SAMPLE_TIMEOUT_MS,
    env: {
      PATH: process.env.PATH,
      CONVERT_API_BASE_URL: baseUrl,
      CONVERT_APPLICATION_ID: "10001_test_app",
      CONVERT_SECRET_KEY: "s3cr3t-test-key-do-not-use",
      CONVERT_ACCOUNT_ID: "100012",
      CONVERT_PROJECT_ID: "10034",
      CONVERT_PASSWORD: README_USER.password,
      CONVERT_NEW_PASSWORD: "n3w-Passw0rd!",
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

function endMarker(number: number): string {
  return `README sample #${number} reached its end`;
}

it("README.md has TypeScript samples, and each expected output belongs to exactly one", () => {
  expect(samples.length).toBeGreaterThanOrEqual(10);
  for (const expected of EXPECTED_OUTPUT) expect(samples.filter((code) => code.includes(expected.sampleContains))).toHaveLength(1);
});

it.each(samples.map((code, index) => ({ number: index + 1, code })))(
  "README ```ts block #$number runs to completion against the mock",
  async ({ number, code }) => {
    const run = await runSample(number, code);
    const report = `README \`\`\`ts block #${number} exited with ${run.signal ?? run.status}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
    expect(run.status, report).toBe(0);
    expect(run.stdout, report).toContain(endMarker(number));
    expect(run.stderr, report).toBe("");
    for (const expected of EXPECTED_OUTPUT.filter((p) => code.includes(p.sampleContains)))
      for (const line of expected.prints) expect(run.stdout, report).toMatch(line);
  },
);

// 192.0.2.1 is TEST-NET-1 (RFC 5737): reserved for documentation, routed nowhere, should the guard fail.
it.each([
  ["node:http", 'import { request } from "node:http";\nrequest("http://192.0.2.1/").end();\nawait new Promise(() => {});'],
  ["fetch over https", 'await fetch("https://192.0.2.1/");'],
])("the harness stops a sample that connects beyond 127.0.0.1 (%s)", async (_how, code) => {
  const run = await runSample(0, code);
  expect(run.stderr).toContain("refused a connection to 192.0.2.1");
  expect(run.status).toBe(LEFT_LOOPBACK_EXIT_CODE);
});
