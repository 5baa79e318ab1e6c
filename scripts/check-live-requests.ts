// Requests built from the live API's documented shapes, for every operation of its facts, must
// (1) type-check against our operation methods and (2) pass a Prism mock of our spec that
// validates requests. The requests come from the facts only (scripts/lib/live-requests.ts).
//
//   tsx scripts/check-live-requests.ts [--facts <file>] [--only <operationId>]
//
// (1) writes one TypeScript file that calls `convert.<operationId>({ path, query, body })` with
// each request as a literal (so that excess-property checks apply) and runs tsc on it with the
// repository's tsconfig; each error is reported by operationId and field. (2) sends each request
// through the same operation method to scripts/prism-mock.mjs, with the credentials the operation
// takes; a request Prism refuses is reported with Prism's violations. Deliberate differences are
// accepted, each with its reason, in spec/live-request-differences.json; an entry that no longer
// matches fails a full run. Exit code: 0 all pass, 1 failures or stale entries, 2 usage.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ConvertApiError, type ConvertAuth, type ConvertClient, createConvertClient } from "../src/index.js";
import { ConvertSession } from "../src/session/index.js";
// @ts-expect-error: a plain .mjs module without types
import { glob } from "./lib/glob.mjs";
import { buildRequests, FilePart, type LiveRequest, type Value } from "./lib/live-requests.js";
import { startPrism } from "./prism.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const allowPath = join(root, "spec/live-request-differences.json");

/** One thing that did not pass: a tsc error or a violation Prism reported. */
interface Failure {
  operationId: string;
  label: string;
  check: "types" | "mock";
  /** `body.changes[].data`, `query.include`, or "(call)" where the whole call is at fault. */
  field: string;
  message: string;
}

interface Accepted {
  operation: string | string[];
  check?: "types" | "mock";
  field?: string | string[];
  /** A part of the message it accepts. */
  message?: string;
  reason: string;
  used?: number;
}

function usage(problem: string): never {
  console.error(`${problem}\nusage: check-live-requests.ts [--facts <file>] [--only <operationId>]`);
  process.exit(2);
}

async function main() {
  const started = performance.now();
  let values: { facts?: string | undefined; only?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { facts: { type: "string" }, only: { type: "string" } }, allowPositionals: false }));
  } catch (error) {
    usage((error as Error).message);
  }
  const factsPath = resolve(values.facts ?? join(root, "../shared/reference/api-structure.json"));
  if (!existsSync(factsPath)) usage(`no such file: ${factsPath}`);
  const facts = JSON.parse(readFileSync(factsPath, "utf8"));
  const ids = Object.keys(facts.operations).sort();
  if (values.only && !ids.includes(values.only)) usage(`no operation ${values.only} in ${factsPath}`);
  const accepted: Accepted[] = JSON.parse(readFileSync(allowPath, "utf8")).accepted.map((entry: Accepted) => ({ ...entry, used: 0 }));

  const requests: LiveRequest[] = [];
  for (const id of values.only ? [values.only] : ids) {
    const built = buildRequests(facts, id);
    requests.push(...built.requests);
    for (const note of built.notes) console.log(`note: ${id}: ${note}`);
  }

  // A request broken on purpose goes through both checks, which must each refuse it: a check
  // that lets everything through (a client typed `any`, a mock that validates nothing) fails.
  const canary = brokenRequest(facts, ids);
  // tsc runs while the requests go to Prism: both take seconds, on different processes.
  const timed = async <T>(work: Promise<T>) => {
    const start = performance.now();
    const result = await work;
    return { result, seconds: ((performance.now() - start) / 1000).toFixed(1) };
  };
  const typeErrors = timed(typeCheck([...requests, canary]));
  const mock = await timed(sendToPrism([...requests, canary]));
  const types = await typeErrors;
  const all = [...types.result, ...mock.result];
  const failures = all.filter((f) => f.label !== CANARY && !isAccepted(accepted, f));
  for (const check of ["types", "mock"] as const) {
    if (all.some((f) => f.label === CANARY && f.check === check)) continue;
    const message = `a request broken on purpose (${canary.field} sent as a number) passed: the check checks nothing`;
    failures.push({ operationId: canary.operationId, label: CANARY, check, field: canary.field, message });
  }

  const byOperation = new Map<string, Failure[]>();
  for (const failure of failures) byOperation.set(failure.operationId, [...(byOperation.get(failure.operationId) ?? []), failure]);
  for (const [id, list] of [...byOperation].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`\n${id} (${list.length})`);
    for (const f of list) console.log(`  ${f.label} ${f.check} ${f.field}: ${f.message}`);
  }
  let stale = 0;
  if (!values.only) {
    for (const entry of accepted.filter((e) => e.used === 0)) {
      stale++;
      console.log(`\nstale entry in spec/live-request-differences.json (matches nothing now): ${JSON.stringify(entry)}`);
    }
  }
  const count = (check: Failure["check"]) => failures.filter((f) => f.check === check).length;
  const acceptedCount = accepted.reduce((sum, entry) => sum + (entry.used ?? 0), 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\ncheck:live-requests: ${values.only ? 1 : ids.length} operations, ${requests.length} requests; ` +
      `${count("types")} type errors, ${count("mock")} mock rejections in ${byOperation.size} operations` +
      `${stale ? `, ${stale} stale allow-list entries` : ""}; ${acceptedCount} accepted; ` +
      `${seconds} s (tsc ${types.seconds} s beside Prism ${mock.seconds} s)`,
  );
  process.exit(failures.length > 0 || stale > 0 ? 1 : 0);
}

const CANARY = "canary";

/** The first JSON request whose body has a text property, that property sent as a number. */
function brokenRequest(facts: Record<string, unknown>, ids: string[]): LiveRequest & { field: string } {
  for (const id of ids) {
    for (const request of buildRequests(facts, id).requests) {
      const body = request.body;
      if (request.media !== "application/json" || !body || typeof body !== "object" || Array.isArray(body)) continue;
      const name = Object.keys(body).find((key) => typeof (body as Record<string, Value>)[key] === "string");
      if (name) return { ...request, label: CANARY, body: { ...body, [name]: 12345 }, field: `body.${name}` };
    }
  }
  throw new Error("no operation of the facts has a JSON body with a text property to break on purpose");
}

/** An allow-list entry matches by operation ("*" or a list), check, field (`*` wildcards) and message part. */
function isAccepted(accepted: Accepted[], failure: Failure): boolean {
  const entry = accepted.find(
    (e) =>
      (e.operation === "*" || [e.operation].flat().includes(failure.operationId)) &&
      (!e.check || e.check === failure.check) &&
      [e.field ?? "*"].flat().some((field) => glob(field).test(failure.field)) &&
      (!e.message || failure.message.includes(e.message)),
  );
  if (entry) entry.used = (entry.used ?? 0) + 1;
  return !!entry;
}

// ---- (1) the type check ----

/**
 * One file of calls, one property per line, so that each tsc error's line names its request and
 * field; tsc with the repository's tsconfig (as test/docs/readme-samples.test.ts runs it).
 */
async function typeCheck(requests: LiveRequest[]): Promise<Failure[]> {
  const lines = ['import type { ConvertClient } from "convert-api-client";', "", "declare const convert: ConvertClient;", ""];
  const where: { request: LiveRequest; field: string }[] = [];
  const emit = (text: string, request: LiveRequest, field: string) => {
    lines.push(text);
    where[lines.length] = { request, field }; // tsc counts lines from 1
  };
  for (const request of requests) {
    emit(`// ${request.operationId} ${request.label}`, request, "(call)");
    emit(`convert.${request.operationId}({`, request, "(call)");
    for (const part of ["path", "query", "body"] as const) {
      const value = request[part];
      if (value === undefined || (part === "path" && Object.keys(request.path).length === 0)) continue;
      literal(value, part, `  ${part}: `, ",", "  ", (text, field) => emit(text, request, field));
    }
    emit("});", request, "(call)");
  }
  const dir = mkdtempSync(join(tmpdir(), "convert-live-requests-"));
  try {
    const file = join(dir, "live-requests.ts");
    writeFileSync(file, `${lines.join("\n")}\n`);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: join(root, "tsconfig.json"),
        compilerOptions: { noEmit: true, typeRoots: [join(root, "node_modules/@types")] },
        include: [file],
      }),
    );
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const { status, output } = await run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--pretty", "false"], root);
    const failures: Failure[] = [];
    let last: Failure | undefined;
    for (const line of output.split("\n")) {
      const error = /^(.*)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
      if (error) {
        const at = resolve(root, error[1]!) === file ? where[Number(error[2])] : undefined;
        last = {
          operationId: at?.request.operationId ?? "(outside the calls)",
          label: at?.request.label ?? "",
          check: "types",
          field: at?.field ?? `${error[1]}:${error[2]}`,
          message: `${error[4]} ${error[5]}`,
        };
        failures.push(last);
      } else if (last && line.startsWith("  ") && line.trim()) {
        // Elaboration lines: the innermost one names the real mismatch.
        last.message += ` / ${line.trim()}`;
      }
    }
    if (status !== 0 && failures.length === 0) {
      failures.push({ operationId: "(tsc)", label: "", check: "types", field: "(call)", message: `tsc exited ${status}: ${output}` });
    }
    return failures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints `value` as a TypeScript literal, one property per line, each line with its field path. */
function literal(value: Value, field: string, head: string, tail: string, indent: string, out: (text: string, field: string) => void) {
  if (value instanceof FilePart) {
    out(`${head}new Blob([${JSON.stringify(value.text)}], { type: ${JSON.stringify(value.type)} })${tail}`, field);
  } else if (Array.isArray(value)) {
    out(`${head}[`, field);
    for (const item of value) literal(item, `${field}[]`, `${indent}  `, ",", `${indent}  `, out);
    out(`${indent}]${tail}`, field);
  } else if (value !== null && typeof value === "object") {
    out(`${head}{`, field);
    for (const [name, child] of Object.entries(value)) {
      const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
      literal(child, `${field}.${name}`, `${indent}  ${key}: `, ",", `${indent}  `, out);
    }
    out(`${indent}}${tail}`, field);
  } else {
    out(`${head}${JSON.stringify(value)}${tail}`, field);
  }
}

function run(command: string, args: string[], cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", fail);
    child.on("close", (status) => done({ status, output }));
  });
}

// ---- (2) the mock ----

type Client = ConvertClient & Record<string, (init: Record<string, unknown>) => Promise<unknown>>;

/** Each request through its operation method to a Prism mock of generated/openapi.json. */
async function sendToPrism(requests: LiveRequest[]): Promise<Failure[]> {
  const prism = await startPrism();
  try {
    const spec = JSON.parse(readFileSync(join(root, "generated/openapi.json"), "utf8"));
    const security = securityByOperation(spec);
    const clients = await clientsFor(prism.url);
    const failures: Failure[] = [];
    for (const request of requests) {
      const schemes = security.get(request.operationId);
      const client =
        schemes === undefined || schemes.length === 0
          ? clients.none
          : schemes.includes("requestSigning")
            ? clients.signing
            : clients.session;
      const init: Record<string, unknown> = { path: runtime(request.path), maxRetries: 0 };
      if (request.query) init.query = runtime(request.query);
      if (request.body !== undefined) init.body = runtime(request.body);
      const method = client[request.operationId];
      if (typeof method !== "function") {
        failures.push({ ...blame(request), field: "(call)", message: "no such operation method on the client" });
        continue;
      }
      try {
        await method.call(client, init);
      } catch (error) {
        failures.push(...describeRejection(request, error));
      }
    }
    return failures;
  } finally {
    await prism.stop();
  }
}

const blame = (request: LiveRequest) => ({ operationId: request.operationId, label: request.label, check: "mock" as const });

/** Prism's violations (`sl-violations`, else the problem+json body), one failure each. */
function describeRejection(request: LiveRequest, error: unknown): Failure[] {
  if (!(error instanceof ConvertApiError)) return [{ ...blame(request), field: "(call)", message: `not sent: ${String(error)}` }];
  const header = error.headers["sl-violations"];
  const body = error.body as { validation?: unknown[]; detail?: string } | undefined;
  let violations: { location?: string[]; message?: string }[] = [];
  try {
    violations = (header ? JSON.parse(header) : body?.validation) ?? [];
  } catch {} // an unreadable header: reported by status below
  if (violations.length === 0) {
    const detail = body?.detail ?? JSON.stringify(error.body)?.slice(0, 300);
    return [{ ...blame(request), field: "(call)", message: `answered ${error.status}: ${detail}` }];
  }
  // Prism's location ["request", "body", "changes", "0", "data"] -> body.changes[].data, the builder's notation.
  const field = (location: string[]) =>
    location.slice(location[0] === "request" ? 1 : 0).reduce((at, key) => (/^\d+$/.test(key) ? `${at}[]` : at ? `${at}.${key}` : key), "");
  const out = new Map<string, Failure>();
  for (const v of violations) {
    const failure = { ...blame(request), field: field(v.location ?? []) || "(call)", message: `${error.status} ${v.message ?? ""}`.trim() };
    out.set(`${failure.field} ${failure.message}`, failure); // each branch of a oneOf repeats its complaints
  }
  return [...out.values()];
}

/** The spec's security per operationId: the schemes of its requirement list (the global one when it has none). */
function securityByOperation(spec: {
  security?: object[];
  paths: Record<string, Record<string, { operationId?: string; security?: object[] }>>;
}) {
  const out = new Map<string, string[]>();
  for (const item of Object.values(spec.paths)) {
    for (const op of Object.values(item)) {
      if (op?.operationId)
        out.set(
          op.operationId,
          (op.security ?? spec.security ?? []).flatMap((requirement) => Object.keys(requirement)),
        );
    }
  }
  return out;
}

/** Anonymous, request-signing, and a session signed in through the mock's doAuth (as test/support/contract.ts does). */
async function clientsFor(baseUrl: string): Promise<Record<"none" | "signing" | "session", Client>> {
  const signing: ConvertAuth = { type: "requestSigning", applicationId: "10001_test_app", secretKey: "s3cr3t-test-key-do-not-use" };
  const session = new ConvertSession({ baseUrl });
  await session.login({ username: "jane.doe@example.com", password: "correct horse battery" });
  const client = (auth: ConvertAuth) => createConvertClient({ baseUrl, auth }) as Client;
  return { none: client({ type: "none" }), signing: client(signing), session: client({ type: "session", session }) };
}

/** A built value as the client takes it: file parts as Blobs. */
function runtime(value: Value): unknown {
  if (value instanceof FilePart) return new Blob([value.text], { type: value.type });
  if (Array.isArray(value)) return value.map(runtime);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, runtime(v)]));
  return value;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
