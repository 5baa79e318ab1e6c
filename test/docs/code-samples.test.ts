// The reference's code samples (scripts/docs/code-samples.ts) for every operation: each TypeScript
// sample compiles against the current sources (all in one tsc program), and each command line, run
// by bash as a reader would paste it, is parsed by the CLI's own program in dry-run mode and
// becomes the request the operation describes.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, expect, it } from "vitest";
import { codeSamples, SESSION_PROFILE } from "../../scripts/docs/code-samples.js";
import type { Io } from "../../src/cli/io.js";
import { writeProfile } from "../../src/cli/profiles.js";
import { main } from "../../src/cli/program.js";
import { loadSpec } from "../../src/cli/spec.js";
import { allOperations, operationById } from "../../src/operations/table.js";
import { ConvertSession } from "../../src/session/index.js";

const root = resolve(import.meta.dirname, "../..");
const samples = codeSamples(loadSpec());
const dir = mkdtempSync(join(tmpdir(), "convert-code-samples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("every operation of the table has a TypeScript sample calling its method and a convert-api line", () => {
  const operationIds = [...allOperations()].map((operation) => operation.operationId);
  expect(operationIds.length).toBeGreaterThanOrEqual(189);
  expect(samples.map((sample) => sample.operationId)).toEqual(operationIds);
  for (const { operationId, typescript, cli } of samples) {
    expect(typescript).toContain(`await convert.${operationId}(`);
    expect(cli).toMatch(new RegExp(`^convert-api ${operationId}( |$)`, "m"));
  }
});

it("every TypeScript sample type-checks against src/", () => {
  const files = samples.map(({ operationId, typescript }) => {
    const file = join(dir, `${operationId}.ts`);
    writeFileSync(file, typescript);
    return file;
  });
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      compilerOptions: { noEmit: true, noUnusedLocals: false, typeRoots: [join(root, "node_modules/@types")] },
      include: files,
    }),
  );
  const result = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], {
    encoding: "utf8",
  });
  // Name the operation behind each error.
  expect(result.stdout.replace(/[^\s(]*convert-code-samples-[^/]+\//g, "")).toBe("");
  expect(result.status).toBe(0);
}, 120_000);

/** Each `convert-api` line of the CLI samples, run by bash: its words and the ids the sample exported. */
function pastedCommands(): { argv: string[]; account: string; project: string }[] {
  // A shell function stands in for the binary: it prints its arguments and the two variables.
  const script = [
    `convert-api() { printf '%s\\0' "\${CONVERT_ACCOUNT_ID-}" "\${CONVERT_PROJECT_ID-}" "$@"; printf '\\n\\0'; }`,
    // Each sample in a subshell, so that one's exports do not leak into the next.
    ...samples.map(({ cli }) => `(\n${cli})`),
  ].join("\n");
  const result = spawnSync("bash", ["--norc", "--noprofile", "-euo", "pipefail", "-c", script], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout
    .split("\n\0")
    .slice(0, -1)
    .map((record) => {
      const [account = "", project = "", ...argv] = record.split("\0").slice(0, -1);
      return { argv, account, project };
    });
}

function memoryIo(env: Record<string, string>): Io & { out(): string; err(): string } {
  const stdin = new PassThrough();
  stdin.end();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => (out += chunk));
  stderr.on("data", (chunk) => (err += chunk));
  return { stdin, stdout, stderr, env, out: () => out, err: () => err };
}

it("every command line parses in the CLI and, in dry-run mode, makes the operation's request", async () => {
  const commands = pastedCommands();
  expect(commands.length).toBe(samples.length);
  const config = join(dir, "config");
  // The session profile the samples of session-only operations name, with an empty cookie jar.
  writeProfile(
    { XDG_CONFIG_HOME: config },
    {
      version: 1,
      name: SESSION_PROFILE,
      auth: { type: "session", username: "jane@example.com", state: new ConvertSession().export() },
    },
  );
  // Upload samples name ./<field>.bin.
  const cwd = join(dir, "cwd");
  mkdirSync(cwd);
  for (const name of ["file", "image"]) writeFileSync(join(cwd, `${name}.bin`), "bytes");
  const failures: string[] = [];
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    for (const { argv, account, project } of commands) {
      const operation = operationById(argv[0]!)!;
      const env: Record<string, string> = {
        XDG_CONFIG_HOME: config,
        CONVERT_APPLICATION_ID: "10001_test_app",
        CONVERT_SECRET_KEY: "s3cr3t-test-key-do-not-use",
        CONVERT_API_BASE_URL: "https://api.convert.com/api/v2",
      };
      if (account) env.CONVERT_ACCOUNT_ID = account;
      if (project) env.CONVERT_PROJECT_ID = project;
      if (argv.includes("--profile")) {
        delete env.CONVERT_APPLICATION_ID;
        delete env.CONVERT_SECRET_KEY;
      }
      const io = memoryIo(env);
      const code = await main([...argv, "--dry-run"], io);
      const [requestLine = "", ...rest] = io.out().split("\n");
      // The path template with the exported ids in place and any segment for the other parameters.
      const pattern = operation.path
        .replace(/[.*+?^$()[\]\\|]/g, "\\$&")
        .replace("{account_id}", account || "-")
        .replace("{project_id}", project || "-")
        .replace(/\{[^}]+\}/g, "[^/?]+");
      const url = new RegExp(`^${operation.method} https://api\\.convert\\.com/api/v2${pattern}(\\?.*)?$`);
      const problems = [
        code !== 0 && `exit ${code}: ${io.err().trim()}`,
        !url.test(requestLine) && `request line ${requestLine}`,
        ...queryProblems(argv, requestLine),
        ...bodyProblems(argv, rest.join("\n")),
      ].filter(Boolean);
      if (problems.length > 0) failures.push(`${argv.join(" ")}: ${problems.join("; ")}`);
    }
  } finally {
    process.chdir(previous);
  }
  expect(failures).toEqual([]);
}, 60_000);

/** Each `--query.<name> value` is in the URL (PHP-style for lists). */
function queryProblems(argv: string[], requestLine: string): string[] {
  const query = new URL(requestLine.split(" ")[1] ?? "http://x").searchParams;
  const problems: string[] = [];
  argv.forEach((word, index) => {
    if (!word.startsWith("--query.")) return;
    const name = word.slice("--query.".length);
    const value = argv[index + 1]!;
    if (!query.getAll(name).includes(value) && !query.getAll(`${name}[]`).includes(value)) problems.push(`no ${name}=${value} in the URL`);
  });
  return problems;
}

/**
 * The `--body` JSON is the body sent (a JSON body; uploads send it as multipart parts). The dry run
 * masks fields that look like credentials (`code`, passwords, tokens) as "[redacted]".
 */
function bodyProblems(argv: string[], message: string): string[] {
  const at = argv.indexOf("--body");
  if (at < 0 || argv.includes("--file")) return [];
  const sent = message.slice(message.indexOf("\n\n") + 2).trim();
  let same = false;
  try {
    same = sameOrRedacted(JSON.parse(sent), JSON.parse(argv[at + 1]!));
  } catch {}
  return same ? [] : [`body sent: ${sent.slice(0, 200)}`];
}

function sameOrRedacted(sent: unknown, given: unknown): boolean {
  if (sent === "[redacted]") return true;
  if (typeof sent !== "object" || sent === null || typeof given !== "object" || given === null) return sent === given;
  const keys = Object.keys(given);
  return (
    Array.isArray(sent) === Array.isArray(given) &&
    Object.keys(sent).length === keys.length &&
    keys.every((key) => sameOrRedacted((sent as Record<string, unknown>)[key], (given as Record<string, unknown>)[key]))
  );
}
