// A fast stand-in for `prism mock <spec> -h <host> -p <port> [--errors]`: the same Prism HTTP
// server with the same config, fed the same operations, without the CLI's start-up cost.
//
// Why: on the ~950 KB bundled spec the CLI dereferences the whole document twice and runs
// @stoplight/json's `decycle` over each fully expanded copy (components included), ~7 s each.
// Here the spec is dereferenced once with Prism's own $ref parser, `components` is dropped except
// `securitySchemes` (operations only need those), the expanded tree goes through Prism's own
// OAS3 transform, and the resulting operations are cached as JSON, keyed by a hash of the spec
// and the Prism versions. A cached start is loading Prism's modules + JSON.parse + listen.
// On generated/openapi.json the operations are JSON-identical to the CLI's. Not carried over:
// the CLI's restart-on-file-change watcher and its pretty log format (logs are pino JSON).
//
// Usage: node prism-mock.mjs <spec> [-h host] [-p port] [--errors] [-d] [--seed s]
//        [--ignoreExamples] [-v level]; prints "Prism is listening on <url>" like the CLI.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";

// Bump when what the cache holds changes, so old caches are never reused.
const CACHE_FORMAT = 1;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: "string", short: "h", default: "127.0.0.1" },
    port: { type: "string", short: "p", default: "4010" },
    errors: { type: "boolean", default: false },
    dynamic: { type: "boolean", short: "d", default: false },
    seed: { type: "string" },
    ignoreExamples: { type: "boolean", default: false },
    verboseLevel: { type: "string", short: "v", default: "info" },
  },
});
if (positionals.length !== 1) throw new Error("usage: prism-mock.mjs <spec> [-h host] [-p port] [--errors]");
const spec = resolve(positionals[0]);

// Prism's own packages, resolved the way prism-cli resolves them (transitive, not our deps).
const cliRequire = createRequire(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json"));
const httpRequire = createRequire(cliRequire.resolve("@stoplight/prism-http"));
const $RefParser = httpRequire("@stoplight/json-schema-ref-parser");
const { transformOas3Operations } = httpRequire("@stoplight/http-spec/oas3/operation");
const { getHttpOperationsFromSpec } = httpRequire("@stoplight/prism-http");
const { createServer } = cliRequire("@stoplight/prism-http-server");
const { createLogger } = cliRequire("@stoplight/prism-core");
const { configureExtensionsUserProvided } = cliRequire("./dist/extensions.js");

/** Where operations are cached: node_modules/.cache (never committed), else the temp dir. */
function cacheDir() {
  for (const dir of [
    fileURLToPath(new URL("../node_modules/.cache/convert-api-client", import.meta.url)),
    join(tmpdir(), "convert-api-client"),
  ]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {}
  }
  return undefined;
}

/** The version of the package that `httpRequire` loads `id` from (some hide package.json). */
function packageVersion(id) {
  const name = join("node_modules", ...id.split("/").slice(0, 2));
  const entry = httpRequire.resolve(id);
  return JSON.parse(readFileSync(join(entry.slice(0, entry.lastIndexOf(name) + name.length), "package.json"), "utf8")).version;
}

/** What Prism's CLI would build from `specPath`: its operations (via the cache) and the spec's
 *  `x-json-schema-faker` options. */
async function load(specPath) {
  // The key covers the spec bytes and the Prism packages that shape the operations.
  const versions = ["@stoplight/prism-http", "@stoplight/http-spec/oas3/operation", "@stoplight/json-schema-ref-parser"].map(
    packageVersion,
  );
  const key = createHash("sha256").update(readFileSync(specPath)).update(`${CACHE_FORMAT} ${versions}`).digest("hex").slice(0, 20);
  const dir = cacheDir();
  const cached = dir && join(dir, `prism-mock-${key}.json`);
  if (cached) {
    try {
      return JSON.parse(readFileSync(cached, "utf8"));
    } catch {} // missing or unreadable: build it
  }
  const parser = new $RefParser();
  const document = await parser.dereference(specPath);
  // Cycles (which need `components` to point into) or non-OAS3 input: let Prism do it all, slowly.
  if (parser.$refs.circular || typeof document?.openapi !== "string") {
    return { operations: await getHttpOperationsFromSpec(specPath), faker: document?.["x-json-schema-faker"] };
  }
  // An acyclic dereferenced graph serialises to exactly the tree Prism's `decycle` makes of it.
  // Operations need nothing from `components` but the security schemes.
  const trimmed = { ...document, components: { securitySchemes: document.components?.securitySchemes ?? {} } };
  const tree = JSON.parse(JSON.stringify(trimmed));
  // Prism's transform writes absent optional fields as keys set to undefined (an http bearer
  // scheme's `bearerFormat`); JSON drops them, so they go here too: cached and fresh starts alike.
  const result = withoutUndefined({ operations: transformOas3Operations(tree), faker: tree["x-json-schema-faker"] ?? {} });
  const text = JSON.stringify(result);
  // Cache only a self-contained spec (the key hashes the root file, not files it $refs), and
  // only operations that JSON carries exactly (no undefined, no class instances).
  if (cached && parser.$refs.paths().length === 1 && isDeepStrictEqual(result, JSON.parse(text))) {
    try {
      const temp = `${cached}.${process.pid}.tmp`;
      writeFileSync(temp, text);
      renameSync(temp, cached); // atomic: a concurrent reader sees all of it or nothing
      for (const name of readdirSync(dir)) {
        // Keep only this one: each is ~14 MB, and a stale key is never read again.
        if (name.startsWith("prism-mock-") && name.endsWith(".json") && join(dir, name) !== cached)
          rmSync(join(dir, name), { force: true });
      }
    } catch {} // a read-only cache only costs speed
  } else if (cached) {
    console.error("prism-mock: not caching the operations (multi-file spec, or not JSON-exact)");
  }
  return result;
}

/** Deletes, in place, every key of a plain object (at any depth) whose value is undefined. */
function withoutUndefined(value) {
  if (Array.isArray(value)) for (const item of value) withoutUndefined(item);
  else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) delete value[key];
      else withoutUndefined(child);
    }
  }
  return value;
}

// From here on this mirrors createPrismServerWithLogger in prism-cli/dist/util/createServer.js.
const { operations, faker } = await load(spec);
// The CLI's own code: resets Prism's JSON Schema faker, applies the spec's faker options.
await configureExtensionsUserProvided({ "x-json-schema-faker": faker ?? {} }, { fillProperties: undefined });
if (operations.length === 0) throw new Error("No operations found in the current file.");
const logger = createLogger("CLI", { level: values.verboseLevel });
const config = {
  validateRequest: true,
  validateResponse: true,
  checkSecurity: true,
  errors: values.errors,
  upstreamProxy: undefined,
  mock: { dynamic: values.dynamic, ignoreExamples: values.ignoreExamples, seed: values.seed ?? null },
  isProxy: false,
};
const server = createServer(operations, { cors: true, config, components: { logger: logger.child({ name: "HTTP SERVER" }) } });
const address = await server.listen(Number(values.port), values.host);
console.log(`Prism is listening on ${address}`);
