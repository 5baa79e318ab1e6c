// The packed package on every runtime it supports: Node 20 (this one), 22 and 24 load the Node
// build (node:http, node:crypto), Bun and Deno the web build (fetch, WebCrypto) through their
// export conditions. Each imports it as a user would and makes a request-signing call to a local
// server that verifies the signature; Node and Bun also require() it.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifySignature } from "../../scripts/verify-signature.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";
import { runtimes } from "./runtimes.js";

const secrets = { runtime_app: "runtime-secret" };
let server: RecordingServer;
const appDir = inject("packedApp");
const seen: { target: string; problem: string | null; agent: string }[] = [];

beforeAll(async () => {
  server = await startRecordingServer((request, response) => {
    const problem = verifySignature(request, secrets);
    seen.push({ target: request.target, problem, agent: String(request.headers["user-agent"] ?? "") });
    if (problem) return void response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ message: problem }));
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: 10034, name: "Runtime shop" }));
  });
  const call = `const convert = createConvertClient({ baseUrl: process.env.API_URL, auth: { type: "requestSigning", applicationId: "runtime_app", secretKey: "runtime-secret" }, accountId: 100012, projectId: 10034 });
const project = await convert.getProject({ query: { include: ["domains"] } });
const signed = await signRequestAsync({ applicationId: "a", secretKey: "s", expires: 1, url: "https://x/" });
console.log(JSON.stringify({ id: project.id, session: typeof ConvertSession, signature: signed.Authorization.length }));`;
  writeFileSync(
    join(appDir, "esm.mjs"),
    `import { createConvertClient, signRequestAsync } from "convert-api-client";\nimport { ConvertSession } from "convert-api-client/session";\n${call}\n`,
  );
  writeFileSync(
    join(appDir, "cjs.cjs"),
    `const { createConvertClient, signRequestAsync } = require("convert-api-client");\nconst { ConvertSession } = require("convert-api-client/session");\n(async () => {\n${call}\n})();\n`,
  );
}, 240_000);

afterAll(async () => {
  await server?.close();
});

async function run(binary: string, args: string[]) {
  const child = spawn(binary, args, { cwd: appDir, env: { ...process.env, API_URL: `${server.origin}/api/v2`, NO_COLOR: "1" } });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk));
  const status = await new Promise<number | null>((done) => child.on("close", done));
  return { status, out };
}

const expected = { id: 10034, session: "function", signature: "Convert-HMAC-SHA256 Signature=".length + 64 };

const builds = { node: /^convert-api-client\/\S+ node\/v\d+/, web: /^(?!convert-api-client)/ };

describe.each([
  ["Node 20", () => process.execPath, ["esm.mjs"], builds.node],
  ["Node 22", () => runtimes().node22, ["esm.mjs"], builds.node],
  ["Node 24", () => runtimes().node24, ["esm.mjs"], builds.node],
  ["Bun", () => runtimes().bun, ["esm.mjs"], builds.web],
  ["Deno", () => runtimes().deno, ["run", "--allow-net", "--allow-read", "--allow-env", "esm.mjs"], builds.web],
] as const)("%s", (_name, binary, args, build) => {
  it("imports its build of the package and makes a signed call the server verifies", async () => {
    const before = seen.length;
    const { status, out } = await run(binary(), [...args]);
    expect(out.trim(), out).toBe(JSON.stringify(expected));
    expect(status).toBe(0);
    const calls = seen.slice(before);
    expect(calls.map((s) => [s.target, s.problem])).toEqual([["/api/v2/accounts/100012/projects/10034?include[]=domains", null]]);
    // The Node build names itself in User-Agent; the web build leaves it to the runtime's fetch.
    expect(calls[0]!.agent).toMatch(build);
  });
});

describe.each([
  ["Node 20", () => process.execPath],
  ["Node 22", () => runtimes().node22],
  ["Node 24", () => runtimes().node24],
  ["Bun", () => runtimes().bun],
])("%s", (_name, binary) => {
  it("requires the package from CommonJS", async () => {
    const { status, out } = await run(binary(), ["cjs.cjs"]);
    expect(out.trim(), out).toBe(JSON.stringify(expected));
    expect(status).toBe(0);
  });
});
