#!/usr/bin/env node
// One source per shape: fails when two components of one kind in spec/ have the same structure.
//
//   node scripts/check-shapes.mjs [bundled-spec.json]
//
// Without an argument it bundles spec/openapi.yaml (Redocly, into a temporary directory), so it
// checks the spec as edited, not generated/. Structure is what scripts/lib/shapes.mjs
// fingerprints: `$ref`s followed to full depth, prose (descriptions, examples, defaults) and `x-`
// extensions left out. Two schemas that print alike are one shape written twice, or one only
// wrapping the other: keep one and `$ref` it (a property that needs its own words says so beside
// the `$ref`). It also fails on an array property that two allOf members of one schema both declare
// (`splitArrays`: the generated operation types keep only one member's items).
// Exit code: 0 none, 1 duplicates or split arrays, 2 the spec did not bundle.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { duplicateShapes, splitArrays } from "./lib/shapes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The bundled document: the file given, or spec/openapi.yaml bundled now. */
function load(path) {
  if (path) return JSON.parse(readFileSync(resolve(path), "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "convert-shapes-"));
  try {
    const out = join(dir, "openapi.json");
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
    const cli = join(root, "node_modules/@redocly/cli/bin/cli.js");
    const result = spawnSync(process.execPath, [cli, "bundle", join(root, "spec/openapi.yaml"), "--output", out], {
      env,
      encoding: "utf8",
    });
    if (result.status !== 0) {
      console.error(result.stderr || result.stdout);
      process.exit(2);
    }
    return JSON.parse(readFileSync(out, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const doc = load(process.argv[2]);
const groups = duplicateShapes(doc);
const split = splitArrays(doc);
const counts = Object.entries(doc.components ?? {})
  .filter(([kind]) => kind !== "securitySchemes")
  .map(([kind, map]) => `${Object.keys(map).length} ${kind}`);
if (groups.length === 0 && split.length === 0) {
  console.log(`check-shapes: no two components share a structure, no array is split over allOf members (${counts.join(", ")})`);
  process.exit(0);
}
for (const { kind, names } of groups) {
  console.error(`${kind}: ${names.join(", ")} have the same structure (spec/components/${kind}/<name>.yaml)`);
}
for (const { at, property } of split) {
  console.error(`${at}: the array \`${property}\` is declared by two of its allOf members; the generated types keep one member's items`);
}
if (groups.length > 0) {
  console.error(
    `check-shapes: ${groups.length} group(s) of components with one structure. Keep one per shape and $ref it; ` +
      "a use that needs its own words puts a description beside the $ref.",
  );
}
if (split.length > 0) {
  console.error(`check-shapes: ${split.length} array(s) split over allOf members. Declare each array once, with all of its item's fields.`);
}
process.exit(1);
