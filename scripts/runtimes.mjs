#!/usr/bin/env node
// Installs the other runtimes the package is tested on, from the npm registry alone, into
// node_modules/.cache/convert-runtimes (kept between runs; versions pinned below), and prints
// where each binary is. `npm run test:runtimes` runs this first; the tests read the manifest.
//   node scripts/runtimes.mjs            install if missing, print the manifest
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const RUNTIMES_DIR = join(root, "node_modules/.cache/convert-runtimes");
const platform = `${process.platform === "win32" ? "win" : process.platform}-${process.arch}`;

// Each runtime is an npm package that carries its binary (no install script, no other download).
const PACKAGES = {
  node22: `npm:node-${platform}@22.23.5`,
  node24: `npm:node-${platform}@24.22.3`,
  bun: "bun@1.4.5",
  deno: "deno@2.9.6",
  workerd: "workerd@1.20261117.1",
};
const BINARIES = {
  node22: "node_modules/node22/bin/node",
  node24: "node_modules/node24/bin/node",
  bun: "node_modules/.bin/bun",
  deno: "node_modules/.bin/deno",
  workerd: "node_modules/.bin/workerd",
};

const manifestPath = join(RUNTIMES_DIR, "runtimes.json");
const wanted = JSON.stringify(PACKAGES);
const current = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : undefined;
if (current?.packages !== wanted || !Object.values(current.binaries).every((path) => existsSync(path))) {
  mkdirSync(RUNTIMES_DIR, { recursive: true });
  writeFileSync(join(RUNTIMES_DIR, "package.json"), JSON.stringify({ name: "convert-runtimes", private: true }));
  const specs = Object.entries(PACKAGES).map(([name, spec]) => (spec.startsWith("npm:") ? `${name}@${spec}` : spec));
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--no-save", ...specs], { cwd: RUNTIMES_DIR, stdio: "inherit" });
  if (install.status !== 0) process.exit(install.status ?? 1);
  const binaries = Object.fromEntries(Object.entries(BINARIES).map(([name, path]) => [name, join(RUNTIMES_DIR, path)]));
  for (const [name, path] of Object.entries(binaries)) if (!existsSync(path)) throw new Error(`${name}: ${path} was not installed`);
  writeFileSync(manifestPath, JSON.stringify({ packages: wanted, binaries }, null, 2));
}
const { binaries } = JSON.parse(readFileSync(manifestPath, "utf8"));
for (const [name, path] of Object.entries(binaries)) {
  const version = spawnSync(path, ["--version"], { encoding: "utf8" }).stdout.trim().split("\n")[0];
  console.log(`${name.padEnd(8)} ${version}`);
}
