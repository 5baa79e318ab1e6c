#!/usr/bin/env node
// Fails when generated/ (or the operation index of spec/README.md) is not exactly what
// scripts/generate.mjs makes from spec/ now.
// Regenerates into a temporary directory; never touches the working tree.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const committed = join(root, "generated");
const fresh = mkdtempSync(join(tmpdir(), "convert-generated-"));
try {
  const gen = spawnSync(process.execPath, [join(root, "scripts/generate.mjs"), "--out", fresh], { stdio: "inherit" });
  if (gen.status !== 0) process.exit(gen.status ?? 1);
  const names = new Set([...readdirSync(fresh), ...readdirSync(committed)]);
  const stale = [...names].filter((name) => {
    try {
      return !readFileSync(join(fresh, name)).equals(readFileSync(join(committed, name)));
    } catch {
      return true; // present on one side only
    }
  });
  if (stale.length > 0) {
    console.error(`generated/ is stale: ${stale.join(", ")}. Run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
  console.log("generated/ is up to date");
  // The operation index of spec/README.md is written by the same `npm run generate`.
  const index = spawnSync(process.execPath, [join(root, "scripts/spec-index.mjs"), "--check"], { stdio: "inherit" });
  if (index.status !== 0) process.exit(index.status ?? 1);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
