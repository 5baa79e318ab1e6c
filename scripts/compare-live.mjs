#!/usr/bin/env node
// Compares the bundled spec with the facts of the live API, operation by operation, and prints
// every field whose presence, type, nullability, enum values, required-ness or bounds differ.
//
//   node scripts/compare-live.mjs [spec.json] [--facts <file>] [--only <operationId>]
//
// Both documents are flattened the same way into field paths (`data[].tags[]`, `changes[]<richStructure>.data.js`):
// `$ref`s followed, `allOf` members intersected, `oneOf`/`anyOf` branches united, discriminated
// unions also compared variant by variant, `nullable: true` (facts, OpenAPI 3.0) and a "null"
// type or branch (ours, 3.1) both read as nullable. readOnly fields are left out of requests and
// writeOnly ones out of answers, as in the generated types. Accepted differences, each with its
// reason, are listed in spec/live-differences.json. Exit code: 0 none left, 1 differences, 2 usage.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BOUNDS, nullable, operationFields, operationsOf, pickViews, typeList } from "./lib/fields.mjs";
import { glob } from "./lib/glob.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith("--")) usage(`${name} needs a value`);
  args.splice(at, 2);
  return value;
};
function usage(problem) {
  console.error(`${problem}\nusage: compare-live.mjs [spec.json] [--facts <file>] [--only <operationId>]`);
  process.exit(2);
}
const factsPath = resolve(option("--facts") ?? join(root, "../shared/reference/api-structure.json"));
const only = option("--only");
const specPath = resolve(args[0] ?? join(root, "generated/openapi.json"));
const allowPath = join(root, "spec/live-differences.json");
if (args.length > 1) usage(`unexpected argument: ${args[1]}`);
for (const file of [specPath, factsPath]) if (!existsSync(file)) usage(`no such file: ${file}`);

const ours = JSON.parse(readFileSync(specPath, "utf8"));
const facts = JSON.parse(readFileSync(factsPath, "utf8"));
const accepted = JSON.parse(readFileSync(allowPath, "utf8")).accepted.map((entry) => ({ ...entry, used: 0 }));

// Our operations in the facts' shape: operationId -> { method, path, parameters, ... }.
const ourOps = operationsOf(ours);

/** The differences between the live and our facts of one field: [{ kind, text }]. */
function fieldDifferences(live, mine) {
  const lines = [];
  if (live.marker) return live.required === mine.required ? [] : [requiredLine(live, mine)];
  if (typeList(live) !== typeList(mine)) lines.push({ kind: "type", text: `type: live ${typeList(live)}, ours ${typeList(mine)}` });
  if (nullable(live) !== nullable(mine)) {
    lines.push({ kind: "nullable", text: nullable(live) ? "live allows null, ours does not" : "ours allows null, live does not" });
  }
  const show = (set) => [...set].sort().join(", ") || "-";
  if (live.enum && !mine.enum) lines.push({ kind: "enum", text: `enum: live ${show(live.enum)}, ours open` });
  else if (mine.enum && !live.enum) lines.push({ kind: "enum", text: `enum: ours ${show(mine.enum)}, live open` });
  else if (live.enum && mine.enum) {
    const onlyLive = new Set([...live.enum].filter((v) => !mine.enum.has(v)));
    const onlyMine = new Set([...mine.enum].filter((v) => !live.enum.has(v)));
    if (onlyLive.size || onlyMine.size) {
      lines.push({ kind: "enum", text: `enum: live only ${show(onlyLive)}; ours only ${show(onlyMine)}` });
    }
  }
  if (live.required !== mine.required) lines.push(requiredLine(live, mine));
  for (const key of BOUNDS) {
    const a = live.bounds[key] ? show(live.bounds[key]) : "-";
    const b = mine.bounds[key] ? show(mine.bounds[key]) : "-";
    if (a !== b) lines.push({ kind: "bounds", text: `${key}: live ${a}, ours ${b}` });
  }
  return lines;
}

function requiredLine(live, mine) {
  if (live.required) return { kind: "required", text: "required in live, optional in ours" };
  // A discriminator's property is present in every payload, whatever `required` says.
  if (mine.tag && live.tag) return { kind: "discriminator", text: "required in ours (a discriminator on both sides), optional in live" };
  return { kind: "required", text: `required in ours${mine.tag ? " (our discriminator)" : ""}, optional in live` };
}

/** All differences of one operation: [{ path, kind, text }]. */
function compareOperation(id, live, mine) {
  const out = [];
  if (live.method !== mine.method || live.path !== mine.path) {
    out.push({ path: "", kind: "route", text: `live ${live.method} ${live.path}, ours ${mine.method} ${mine.path}` });
  }
  const liveFields = operationFields(facts, live);
  const myFields = operationFields(ours, mine);
  pickViews(liveFields, myFields);
  // A field missing on one side is reported once, at its top; its nested fields are counted.
  const under = (paths, top) => paths.filter((p) => p.startsWith(top) && /^[.[{<]/.test(p.slice(top.length))).length;
  // The facts often leave out path parameters; their path template still names them.
  const implied = (p) => /^parameters\.path\.([^.[{]+)$/.test(p) && live.path.includes(`{${p.split(".")[2]}}`);
  const liveOnly = [...liveFields.keys()].filter((p) => !myFields.has(p));
  const myOnly = [...myFields.keys()].filter((p) => !liveFields.has(p) && !implied(p));
  const isTop = (p, list) => !list.some((q) => q !== p && p.startsWith(q) && /^[.[{<]/.test(p.slice(q.length)));
  for (const p of liveOnly.filter((p) => isTop(p, liveOnly))) {
    const nested = under(liveOnly, p);
    out.push({ path: p, kind: "missing", text: `in live, not in ours${nested ? ` (with ${nested} nested)` : ""}` });
  }
  for (const p of myOnly.filter((p) => isTop(p, myOnly))) {
    const nested = under(myOnly, p);
    out.push({ path: p, kind: "extra", text: `in ours, not in live${nested ? ` (with ${nested} nested)` : ""}` });
  }
  for (const [p, info] of liveFields) {
    if (myFields.has(p)) for (const line of fieldDifferences(info, myFields.get(p))) out.push({ path: p, ...line });
  }
  return out.filter((diff) => !isAccepted(id, diff));
}

/** An allow-list entry matches by operation ("*" or a list), field path (`*` wildcards) and kind. */
function isAccepted(id, diff) {
  const entry = accepted.find(
    (e) =>
      (e.operation === "*" || [e.operation].flat().includes(id)) &&
      [e.path ?? "*"].flat().some((path) => glob(path).test(diff.path)) &&
      (!e.kind || e.kind === diff.kind),
  );
  if (entry) entry.used++;
  return !!entry;
}

const ids = [...new Set([...Object.keys(facts.operations), ...Object.keys(ourOps)])].sort();
if (only && !ids.includes(only)) usage(`no operation ${only} on either side`);
let total = 0;
let operations = 0;
const kinds = {};
for (const id of only ? [only] : ids) {
  const live = facts.operations[id];
  const mine = ourOps[id];
  const diffs = !live
    ? [{ path: "", kind: "only-ours", text: "operation only in ours" }].filter((d) => !isAccepted(id, d))
    : !mine
      ? [{ path: "", kind: "only-live", text: "operation only in the live API" }].filter((d) => !isAccepted(id, d))
      : compareOperation(id, live, mine);
  if (diffs.length === 0) continue;
  operations++;
  total += diffs.length;
  console.log(`\n${id} (${diffs.length})`);
  for (const d of diffs) {
    console.log(`  ${d.path || "(operation)"}: ${d.text}`);
    kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
  }
}
if (!only) {
  for (const entry of accepted.filter((e) => e.used === 0)) {
    console.warn(`warning: allow-list entry matches nothing now: ${JSON.stringify(entry.operation)} ${entry.path ?? ""}`);
  }
}
const byKind = Object.entries(kinds).map(([kind, count]) => `${kind} ${count}`);
const acceptedCount = accepted.reduce((sum, entry) => sum + entry.used, 0);
console.log(`\n${total} difference(s) in ${operations} of ${only ? 1 : ids.length} operation(s)${total ? ` (${byKind.join(", ")})` : ""}`);
console.log(`${acceptedCount} accepted by spec/live-differences.json; compared ${specPath} with ${factsPath}`);
process.exit(total > 0 ? 1 : 0);
