// The package as users get it: `npm pack`, install the tarball into a fresh project, then import it
// from ESM, require it from CommonJS and type-check TypeScript consumers, each making a signed call to
// a local server that checks the signature. The install is hermetic: the package's dependency closure
// and @types/node are packed from this checkout's node_modules, and npm runs with an empty cache and
// config and a trap for a registry, which must see no request at all.
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "../../scripts/verify-signature.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";
import { installPackedApp } from "./local-tarballs.js";

const root = resolve(import.meta.dirname, "../..");
const tsc = join(root, "node_modules/typescript/bin/tsc");
const secrets = { consumer_app: "consumer-secret" };
const auth = `{ type: "requestSigning", applicationId: "consumer_app", secretKey: "consumer-secret" }`;
const project = { id: 10034, name: "Consumer shop" };
const apiKeys = { data: [{ key_id: "k1", name: "consumer key" }] };
// The only routes the consumers call; anything else is a 404 the assertions would show.
const routes: Record<string, unknown> = {
  "GET /api/v2/accounts/100012/projects/10034": project,
  "GET /api/v2/accounts/100012/api-keys": apiKeys,
};

let temp: string;
let dir: string;
let server: RecordingServer;
let registry: RecordingServer;
/** What the server saw, with its signature verdict taken when the request arrived (null = valid). */
const calls: { call: string; signatureProblem: string | null }[] = [];
let installed: { names: string[]; notLocal: string[]; closure: string[] };

/** Runs node in the app and returns what the server saw meanwhile; asynchronous, because the server lives in this process. */
async function run(args: string[]) {
  const before = calls.length;
  const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, API_URL: `${server.origin}/api/v2` } });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk));
  const status = await new Promise<number | null>((done) => child.on("close", done));
  return { status, out, seen: calls.slice(before) };
}

/** Runs an installed executable directly (its #! line and mode matter), with `env` added. */
async function runBinary(file: string, args: string[], env: Record<string, string> = {}) {
  const before = calls.length;
  const child = spawn(file, args, { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, ...env } });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk));
  const status = await new Promise<number | null>((done) => child.on("close", done));
  return { status, out, seen: calls.slice(before) };
}

beforeAll(async () => {
  server = await startRecordingServer((request, response) => {
    const call = `${request.method} ${request.target}`;
    const signatureProblem = verifySignature(request, secrets);
    calls.push({ call, signatureProblem });
    const body = routes[call];
    if (signatureProblem)
      response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ message: signatureProblem }));
    else if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  // Any registry look-up lands here, is recorded and fails.
  registry = await startRecordingServer((_request, response) => void response.writeHead(503).end());

  ({ temp, dir, installed } = await installPackedApp(root, `${registry.origin}/`));
}, 240_000);

afterAll(async () => {
  await server?.close();
  await registry?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe("installed from the packed tarball", () => {
  it("installed exactly the packed closure from local tarballs, without a registry request", () => {
    expect(installed.closure).toEqual(expect.arrayContaining(["convert-api-client", "openapi-fetch", "tough-cookie", "@types/node"]));
    expect(installed.names).toEqual(installed.closure);
    expect(installed.notLocal).toEqual([]);
    expect(registry.requests.map((request) => `${request.method} ${request.target}`)).toEqual([]);
  });

  it("imports from an ES module, with the spec subpath and dual-package instanceof", async () => {
    writeFileSync(
      join(dir, "consumer.mjs"),
      `import { createConvertClient, ConvertConfigError } from "convert-api-client";
import { ConvertSession } from "convert-api-client/session";
import spec from "convert-api-client/openapi.json" with { type: "json" };
import { createRequire } from "node:module";
const convert = createConvertClient({ baseUrl: process.env.API_URL, auth: ${auth}, accountId: 100012 });
const project = await convert.getProject({ path: { project_id: 10034 } });
const cjs = createRequire(import.meta.url)("convert-api-client");
let crossBuild = false;
try { cjs.createConvertClient({}); } catch (error) { crossBuild = error instanceof ConvertConfigError; }
console.log(JSON.stringify({ project, paths: Object.keys(spec.paths).length, session: typeof ConvertSession, crossBuild }));
`,
    );
    const { status, out, seen } = await run(["consumer.mjs"]);
    // The spec subpath serves the bundled spec of this checkout, whatever its size.
    const paths = Object.keys(JSON.parse(readFileSync(join(root, "generated/openapi.json"), "utf8")).paths).length;
    expect(JSON.parse(out)).toEqual({ project, paths, session: "function", crossBuild: true });
    expect(seen).toEqual([{ call: "GET /api/v2/accounts/100012/projects/10034", signatureProblem: null }]);
    expect(status).toBe(0);
  });

  it("requires from CommonJS", async () => {
    writeFileSync(
      join(dir, "consumer.cjs"),
      `const { createConvertClient } = require("convert-api-client");
const { ConvertSession } = require("convert-api-client/session");
const spec = require("convert-api-client/openapi.json");
const convert = createConvertClient({ baseUrl: process.env.API_URL, auth: ${auth} });
convert.GET("/accounts/{account_id}/api-keys", { params: { path: { account_id: 100012 } } }).then(({ data, response }) => {
  console.log(JSON.stringify({ status: response.status, data, session: typeof ConvertSession, title: spec.info.title }));
});
`,
    );
    const { status, out, seen } = await run(["consumer.cjs"]);
    expect(JSON.parse(out)).toEqual({ status: 200, data: apiKeys, session: "function", title: "Convert API" });
    expect(seen).toEqual([{ call: "GET /api/v2/accounts/100012/api-keys", signatureProblem: null }]);
    expect(status).toBe(0);
  });

  it("installs the convert-api command: its help reads the shipped spec, and a call is signed", async () => {
    const bin = join(dir, "node_modules/.bin/convert-api");
    const help = await runBinary(bin, ["getProject", "--help"]);
    expect(help.out).toMatch(/^Usage: convert-api getProject \[options\]\n\nGET \/accounts\/\{account_id\}\/projects\/\{project_id\}\n/);
    expect(help.status).toBe(0);
    const call = await runBinary(bin, ["getProject", "--account", "100012", "--project-id", "10034"], {
      CONVERT_APPLICATION_ID: "consumer_app",
      CONVERT_SECRET_KEY: "consumer-secret",
      CONVERT_API_BASE_URL: `${server.origin}/api/v2`,
    });
    expect(call.out).toBe(`${JSON.stringify(project)}\n`);
    expect(call.seen).toEqual([{ call: "GET /api/v2/accounts/100012/projects/10034", signatureProblem: null }]);
    expect(call.status).toBe(0);
  });

  const consumerTs = `import { createConvertClient, type Schema, type components, type operations, type paths } from "convert-api-client";
import { ConvertSession } from "convert-api-client/session";

async function main(): Promise<void> {
  const convert = createConvertClient({ baseUrl: process.env.API_URL, auth: ${auth}, accountId: 100012, projectId: 10034 });
  const project: Schema<"Project"> = await convert.getProject();
  const id: number | undefined = project.id;
  // @ts-expect-error the types are real: name is a string
  const wrong: number = project.name;
  // @ts-expect-error key_id has no default (never called: only the types are checked)
  const missingKey = () => convert.deleteApiKey();
  const route: keyof paths = "/accounts/{account_id}/projects";
  const op: operations["getProject"]["parameters"]["path"]["project_id"] = 1;
  const domain: components["schemas"]["Domain"]["url"] = "https://shop.example.com";
  void [wrong, route, op, domain, missingKey, ConvertSession];
  console.log(JSON.stringify({ id, name: project.name }));
}
void main();
`;

  it.each([
    ["node16", ["--module", "node16", "--moduleResolution", "node16"]],
    ["bundler", ["--module", "esnext", "--moduleResolution", "bundler"]],
  ])("type-checks a strict TypeScript consumer with moduleResolution %s", async (name, flags) => {
    const file = `consumer-${name}.ts`;
    writeFileSync(join(dir, file), consumerTs);
    const common = ["--strict", "--target", "es2022", "--types", "node", "--skipLibCheck", "false"];
    const { status, out } = await run([tsc, ...common, ...flags, "--outDir", `out-${name}`, file]);
    expect(out).toBe("");
    expect(status).toBe(0);
    if (name === "node16") {
      const call = await run([join(`out-${name}`, file.replace(/\.ts$/, ".js"))]);
      expect(call.out).toBe(`${JSON.stringify(project)}\n`);
      expect(call.seen).toEqual([{ call: "GET /api/v2/accounts/100012/projects/10034", signatureProblem: null }]);
      expect(call.status).toBe(0);
    }
  });
});
