// The package as users get it: `npm pack`, install the tarball into a fresh project (offline, from
// the npm cache that `npm ci` filled), then import it from ESM, require it from CommonJS and
// type-check a TypeScript consumer, each making a signed call to the Prism mock.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const tsc = join(root, "node_modules/typescript/bin/tsc");
const typesNodeVersion = JSON.parse(readFileSync(join(root, "node_modules/@types/node/package.json"), "utf8")).version;
let dir: string;
let tarball: string;

function run(args: string[], cwd = dir) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, PRISM_URL: inject("prismUrl") } });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "convert-consumer-"));
  // Build, then pack without lifecycle scripts, so that stdout is npm's JSON alone.
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "pipe" });
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  tarball = join(dir, JSON.parse(packed)[0].filename);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball, `@types/node@${typesNodeVersion}`], { cwd: dir, stdio: "pipe" });
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const auth = `{ type: "requestSigning", applicationId: "consumer_app", secretKey: "consumer-secret" }`;

describe("installed from the packed tarball", () => {
  it("imports from an ES module, with the spec subpath and dual-package instanceof", () => {
    writeFileSync(
      join(dir, "consumer.mjs"),
      `import { createConvertClient, ConvertConfigError } from "convert-api-client";
import { ConvertSession } from "convert-api-client/session";
import spec from "convert-api-client/openapi.json" with { type: "json" };
import { createRequire } from "node:module";
const convert = createConvertClient({ baseUrl: process.env.PRISM_URL, auth: ${auth}, accountId: 100012 });
const project = await convert.getProject({ path: { project_id: 10034 } });
const cjs = createRequire(import.meta.url)("convert-api-client");
let crossBuild = false;
try { cjs.createConvertClient({}); } catch (error) { crossBuild = error instanceof ConvertConfigError; }
console.log(JSON.stringify({ id: project.id, operations: Object.keys(spec.paths).length, session: typeof ConvertSession, crossBuild }));
`,
    );
    const { status, out } = run(["consumer.mjs"]);
    expect(out).toContain('"id":10034');
    expect(JSON.parse(out)).toEqual({ id: 10034, operations: 152, session: "function", crossBuild: true });
    expect(status).toBe(0);
  });

  it("requires from CommonJS", () => {
    writeFileSync(
      join(dir, "consumer.cjs"),
      `const { createConvertClient } = require("convert-api-client");
const { ConvertSession } = require("convert-api-client/session");
const spec = require("convert-api-client/openapi.json");
const convert = createConvertClient({ baseUrl: process.env.PRISM_URL, auth: ${auth} });
convert.GET("/accounts/{account_id}/api-keys", { params: { path: { account_id: 100012 } } }).then(({ data, response }) => {
  console.log(JSON.stringify({ status: response.status, keys: Array.isArray(data.data), session: typeof ConvertSession, title: spec.info.title }));
});
`,
    );
    const { status, out } = run(["consumer.cjs"]);
    expect(JSON.parse(out)).toEqual({ status: 200, keys: true, session: "function", title: "Convert API" });
    expect(status).toBe(0);
  });

  const consumerTs = `import { createConvertClient, type Schema, type components, type operations, type paths } from "convert-api-client";
import { ConvertSession } from "convert-api-client/session";

async function main(): Promise<void> {
  const convert = createConvertClient({ baseUrl: process.env.PRISM_URL, auth: ${auth}, accountId: 100012, projectId: 10034 });
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
  console.log(JSON.stringify({ id }));
}
void main();
`;

  it.each([
    ["node16", ["--module", "node16", "--moduleResolution", "node16"]],
    ["bundler", ["--module", "esnext", "--moduleResolution", "bundler"]],
  ])("type-checks a strict TypeScript consumer with moduleResolution %s", (name, flags) => {
    const file = `consumer-${name}.ts`;
    writeFileSync(join(dir, file), consumerTs);
    const common = ["--strict", "--target", "es2022", "--types", "node", "--skipLibCheck", "false"];
    const { status, out } = run([tsc, ...common, ...flags, "--outDir", `out-${name}`, file]);
    expect(out).toBe("");
    expect(status).toBe(0);
    if (name === "node16") {
      const call = run([join(`out-${name}`, file.replace(/\.ts$/, ".js"))]);
      expect(call.out).toBe('{"id":10034}\n');
    }
  });
});
