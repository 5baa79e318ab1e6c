// The bench measures the client as it ships: src/ bundled by esbuild the way tsup builds dist/
// (ESM, node 20, no keepNames), not src/ as tsx transforms it on the fly (tsx keeps function
// names with a helper call on every closure, which would add a cost users never pay).

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export type Index = typeof import("../src/index.js");
export type Session = typeof import("../src/session/index.js");
export interface Client {
  index: Index;
  session: Session;
}

const repo = fileURLToPath(new URL("..", import.meta.url));
let loaded: Promise<Client> | undefined;

/**
 * This repository's client, or with BENCH_SRC=<dir with src/ and generated/> another version
 * (e.g. a `git archive` of an older commit), for before/after figures in the same conditions.
 */
export function loadClient(): Promise<Client> {
  loaded ??= bundleClient(process.env.BENCH_SRC ?? repo);
  return loaded;
}

/** Bundles and imports the client whose src/ is under `root`. */
export async function bundleClient(root: string): Promise<Client> {
  // Inside node_modules so that the dependencies, left external as in dist/, resolve.
  const cache = join(repo, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, "convert-bench-"));
  // BENCH_KEEP_BUILD=1 keeps the bundle, to read a CPU profile's line numbers against it.
  if (process.env.BENCH_KEEP_BUILD) console.error(`bench: client bundle in ${outdir}`);
  else process.on("exit", () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    absWorkingDir: resolve(root),
    entryPoints: { index: "src/index.ts", session: "src/session/index.ts" },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  const index = (await import(pathToFileURL(join(outdir, "index.mjs")).href)) as Index;
  const session = (await import(pathToFileURL(join(outdir, "session.mjs")).href)) as Session;
  return { index, session };
}
