#!/usr/bin/env node
// Checks the architecture of src/ from its import statements (type-only imports included): no
// import cycle, and no module importing from a layer above its own. Run by .ci/run.
//   node scripts/check-imports.mjs
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");

/**
 * The layers, lowest first: a module may import from its own layer and the ones below. Within a
 * layer only cycles are forbidden. Every file of src/ must match a layer.
 */
const LAYERS = [
  ["errors.ts", "version.ts", "types.ts"],
  ["logger.ts", "options.ts", "base-url.ts"],
  ["http/"],
  // What differs between Node and the web build (chosen by export conditions), and what uses it.
  ["platform/", "uploads.ts"],
  ["auth/"],
  ["operations/"],
  ["raw-client.ts"],
  ["console-logger.ts"],
  ["client.ts", "oauth.ts"],
  ["session/"],
  ["index.ts"],
  // The convert-api command: over the client, the session and the internals it reuses.
  ["cli/"],
];

const layerOf = (file) =>
  LAYERS.findIndex((layer) => layer.some((entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === entry)));

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;
const graph = new Map();
const problems = [];
for (const path of files(src)) {
  const file = relative(src, path);
  if (layerOf(file) < 0) problems.push(`${file}: in no layer (add it to LAYERS in scripts/check-imports.mjs)`);
  const imports = [];
  for (const match of readFileSync(path, "utf8").matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (!specifier.startsWith(".")) continue;
    const target = relative(src, resolve(dirname(path), specifier)).replace(/\.js$/, ".ts");
    if (target.startsWith("..")) continue; // generated/ and package.json sit below everything
    imports.push(target);
    if (layerOf(target) > layerOf(file)) problems.push(`${file} imports ${target}, a layer above it`);
  }
  graph.set(file, imports);
}

// Cycles: depth-first search, reporting each cycle once.
const state = new Map();
const stack = [];
const visit = (file) => {
  state.set(file, "open");
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === "open") problems.push(`import cycle: ${[...stack.slice(stack.indexOf(next)), next].join(" → ")}`);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, "done");
};
for (const file of graph.keys()) if (!state.has(file)) visit(file);

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`src/: ${graph.size} modules, ${[...graph.values()].flat().length} imports, no cycle, no import up a layer`);
