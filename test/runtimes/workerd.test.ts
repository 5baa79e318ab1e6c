// An edge worker: the packed package bundled for workerd (Cloudflare's runtime) through its
// `workerd` export condition, with no node: module, making a request-signing call (WebCrypto) with
// fetch to a local server that verifies the signature.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/free-port.js";
import { verifySignature } from "../../scripts/verify-signature.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";
import { runtimes } from "./runtimes.js";

let server: RecordingServer;
const appDir = inject("packedApp");
let workerd: ChildProcess | undefined;
let workerUrl: string;
let bundle: { text: string; imports: string[] };
const dir = mkdtempSync(join(tmpdir(), "convert-workerd-"));

beforeAll(async () => {
  server = await startRecordingServer((request, response) => {
    const problem = verifySignature(request, { edge_app: "edge-secret" });
    if (problem) return void response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ message: problem }));
    response.writeHead(200, { "content-type": "application/json" }).end('{"id":10034,"name":"Edge shop"}');
  });
  writeFileSync(
    join(appDir, "worker.mjs"),
    `import { createConvertClient } from "convert-api-client";
export default {
  async fetch(request) {
    const api = new URL(request.url).searchParams.get("api");
    const convert = createConvertClient({ baseUrl: api, auth: { type: "requestSigning", applicationId: "edge_app", secretKey: "edge-secret" }, accountId: 100012, projectId: 10034 });
    try {
      const project = await convert.getProject();
      return Response.json({ id: project.id });
    } catch (error) {
      return Response.json({ error: String(error) }, { status: 500 });
    }
  },
};
`,
  );
  // As wrangler bundles a worker: the workerd/worker conditions, no Node built-ins available.
  const result = await build({
    absWorkingDir: appDir,
    entryPoints: ["worker.mjs"],
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  bundle = {
    text: result.outputFiles[0]!.text,
    imports: Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((entry) => entry.path)),
  };
  writeFileSync(join(dir, "worker.mjs"), bundle.text);
  const port = await freePort();
  writeFileSync(
    join(dir, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.mjs")],
  compatibilityDate = "2025-01-01",
  globalOutbound = "internet",
);
`,
  );
  workerd = spawn(runtimes().workerd, ["serve", join(dir, "config.capnp")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  workerd.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  workerd.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  workerUrl = `http://127.0.0.1:${port}/`;
  // workerd prints nothing when it is ready: poll its socket.
  for (let tries = 0; ; tries++) {
    if (workerd.exitCode !== null) throw new Error(`workerd exited: ${output}`);
    if (
      await fetch(workerUrl, { method: "HEAD" }).then(
        () => true,
        () => false,
      )
    )
      break;
    if (tries > 200) throw new Error(`workerd did not listen: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 240_000);

afterAll(async () => {
  workerd?.kill();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("bundles for a worker without any node: module", () => {
  expect(bundle.imports.filter((path) => path.startsWith("node:"))).toEqual([]);
  expect(bundle.text).not.toMatch(/from ["']node:/);
});

it("makes a request-signing call from inside workerd that the server verifies", async () => {
  server.requests.length = 0;
  const answer = await fetch(`${workerUrl}?api=${encodeURIComponent(`${server.origin}/api/v2`)}`);
  expect(await answer.json()).toEqual({ id: 10034 });
  expect(server.requests.map((r) => [r.target, verifySignature(r, { edge_app: "edge-secret" })])).toEqual([
    ["/api/v2/accounts/100012/projects/10034", null],
  ]);
});
