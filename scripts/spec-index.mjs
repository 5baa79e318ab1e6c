#!/usr/bin/env node
// Writes the operation index of spec/README.md: every operationId with its method, path, and the
// file and line of spec/paths/ where it is written, between the index markers.
//
//   node scripts/spec-index.mjs          rewrite the index (npm run generate does it)
//   node scripts/spec-index.mjs --check  exit 1 when the index is not what the spec says now
//                                        (npm run check:generated does it)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const readmePath = join(root, "spec/README.md");
const START = "<!-- operation-index:start (written by scripts/spec-index.mjs; do not edit) -->";
const END = "<!-- operation-index:end -->";

/** The rows of the index, in file order then line order. */
function rows() {
  const out = [];
  const dir = join(root, "spec/paths");
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    let path;
    let method;
    lines.forEach((line, index) => {
      // Path items are top-level keys; operations are methods two spaces in (the tree's layout).
      const pathKey = /^("?)(\/[^"]*)\1:\s*$/.exec(line);
      if (pathKey) path = pathKey[2];
      const methodKey = /^ {2}(get|put|post|delete|patch):\s*$/.exec(line);
      if (methodKey) method = methodKey[1].toUpperCase();
      const id = /^ {4}operationId:\s*(\S+)\s*$/.exec(line);
      if (id) out.push({ operationId: id[1], method, path, file: `paths/${file}`, line: index + 1 });
    });
  }
  return out;
}

function index() {
  const list = rows();
  const cells = [
    ["operationId", "Method and path", "Written in"],
    ...list.map((row) => [
      `\`${row.operationId}\``,
      `\`${row.method} ${row.path}\``,
      `[${row.file}:${row.line}](${row.file}#L${row.line})`,
    ]),
  ];
  // Columns padded to their widest cell, as the formatter (Biome) lays Markdown tables out.
  const widths = cells[0].map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  const table = [line(cells[0]), line(widths.map((width) => "-".repeat(width))), ...cells.slice(1).map(line)];
  return `${START}\n\n${list.length} operations.\n\n${table.join("\n")}\n\n${END}`;
}

const readme = readFileSync(readmePath, "utf8");
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`spec/README.md has no index markers (${START} ... ${END})`);
  process.exit(2);
}
const updated = readme.slice(0, start) + index() + readme.slice(end + END.length);
if (process.argv.includes("--check")) {
  if (updated !== readme) {
    console.error("spec/README.md: the operation index is stale. Run `npm run generate` and commit the result.");
    process.exit(1);
  }
  console.log("spec/README.md: the operation index is up to date");
} else if (updated !== readme) {
  writeFileSync(readmePath, updated);
  console.log("spec/README.md: operation index written");
}
