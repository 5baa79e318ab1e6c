// Where the other runtimes are: installed by `node scripts/runtimes.mjs` (npm run runtimes:install)
// from the npm registry, never during a test.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");
const manifest = join(root, "node_modules/.cache/convert-runtimes/runtimes.json");

export type Runtime = "node22" | "node24" | "bun" | "deno" | "workerd";

/** The binaries, or a clear error saying how to install them. */
export function runtimes(): Record<Runtime, string> {
  if (!existsSync(manifest))
    throw new Error("the runtimes are not installed: run `npm run runtimes:install` (downloads them from the npm registry)");
  return JSON.parse(readFileSync(manifest, "utf8")).binaries;
}
