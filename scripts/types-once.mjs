#!/usr/bin/env node
// After tsup: the ESM entries' declarations (.d.mts) become one-line re-exports of the CJS ones
// (.d.ts), so the 850 kB of types ship once instead of twice. Both builds have the same exports;
// TypeScript reads the named exports of the .d.ts from an ESM importer as it does at run time.
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = new URL("../dist/", import.meta.url).pathname;
for (const name of readdirSync(dist)) {
  if (!name.endsWith(".d.mts")) continue;
  const entry = name.slice(0, -".d.mts".length);
  // Chunks shared between entries (errors-<hash>.d.mts) are only reached from .d.mts entries.
  if (/-[A-Za-z0-9_]{8}$/.test(entry)) rmSync(join(dist, name));
  else writeFileSync(join(dist, name), `export * from "./${entry}.js";\n`);
}
