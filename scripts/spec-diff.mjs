#!/usr/bin/env node
// Classifies the changes of the bundled spec against the last released one, from the side of a
// user of the generated types: what stops compiling or starts meaning something else is breaking.
//
//   node scripts/spec-diff.mjs [--base <spec.json>] [--head <spec.json>] [--check] [--all]
//                              [--changesets <dir>] [--package <package.json>]
//
// base: spec/baseline/openapi.json, the spec of the last release (the release script replaces it);
// head: generated/openapi.json. Operations are compared field by field, flattened the way
// scripts/compare-live.mjs flattens them (scripts/lib/fields.mjs): `$ref`s followed, allOf
// intersected, oneOf/anyOf united, readOnly fields left out of requests, writeOnly ones out of
// answers. Components are compared by name, since `Schema<"Name">` and `components[kind][name]`
// are public types; for one that is gone, a component of the same structure
// (scripts/lib/shapes.mjs), if any, is named as the likely replacement.
//
// Breaking: a removed operation, route, auth scheme, success status or media type; a removed or
// renamed component; in what users send (parameters, request bodies): a removed field, a field or
// body that became required, a narrowed type, enum or bound, null no longer allowed; in what they
// read (answers): a removed field, a field no longer always present, a widened type or enum, null
// newly possible. Everything else (additions, the opposite directions, prose) is not.
//
// --check: exit 1 when a breaking change is not announced: each needs a pending changeset
// (.changeset/*.md) that bumps "convert-api-client" by minor or major (major from 1.0.0 on) and
// names it in its text: the operationId, or the component's old name. A changeset that names
// `components["<kind>"]` covers every component of a kind that no longer exists at all.
// --all: list every non-breaking change, not a summary.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BOUNDS, nullable, operationFields, operationsOf, typeList } from "./lib/fields.mjs";
import { fingerprinter, SHAPE_KINDS } from "./lib/shapes.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  if (at >= 0) args.splice(at, 1);
  return at >= 0;
};
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = args[at + 1];
  args.splice(at, 2);
  return value;
};
const check = flag("--check");
const all = flag("--all");
const basePath = resolve(option("--base", join(root, "spec/baseline/openapi.json")));
const headPath = resolve(option("--head", join(root, "generated/openapi.json")));
const changesetDir = resolve(option("--changesets", join(root, ".changeset")));
const packagePath = resolve(option("--package", join(root, "package.json")));
if (args.length > 0) {
  console.error(
    `unexpected argument: ${args[0]}\nusage: spec-diff.mjs [--base <spec.json>] [--head <spec.json>] [--check] [--all] [--changesets <dir>] [--package <file>]`,
  );
  process.exit(2);
}
for (const file of [basePath, headPath]) {
  if (!existsSync(file)) {
    console.error(`no such file: ${file}`);
    process.exit(2);
  }
}
const base = JSON.parse(readFileSync(basePath, "utf8"));
const head = JSON.parse(readFileSync(headPath, "utf8"));

/** @type {{ breaking: boolean, subject: string, path: string, text: string, names: string[] }[]} */
const changes = [];
const note = (breaking, subject, path, text, names = [subject]) => changes.push({ breaking, subject, path, text, names });

// 1. Operations.
const before = operationsOf(base);
const after = operationsOf(head);
const schemeNames = (doc, op) => new Set((op.security ?? doc.security ?? []).flatMap((requirement) => Object.keys(requirement)));
for (const id of Object.keys(before).sort()) {
  const old = before[id];
  const now = after[id];
  if (!now) {
    note(true, id, "", `operation removed (${old.method} ${old.path})`);
    continue;
  }
  if (old.method !== now.method || old.path !== now.path) {
    note(true, id, "", `route changed: ${old.method} ${old.path} → ${now.method} ${now.path}`);
  }
  const oldSchemes = schemeNames(base, old);
  const newSchemes = schemeNames(head, now);
  for (const scheme of oldSchemes) if (!newSchemes.has(scheme)) note(true, id, "security", `no longer accepts ${scheme}`);
  for (const scheme of newSchemes) if (!oldSchemes.has(scheme)) note(false, id, "security", `now also accepts ${scheme}`);
  compareFields(id, operationFields(base, old), operationFields(head, now));
}
for (const id of Object.keys(after).sort()) {
  if (!before[id]) note(false, id, "", `operation added (${after[id].method} ${after[id].path})`);
}

/** Field by field, each side read in its direction: what users send, or what they read. */
function compareFields(id, oldFields, newFields) {
  const input = (path) => path.startsWith("parameters.") || path.startsWith("requestBody");
  const isTop = (path, list) => !list.some((q) => q !== path && path.startsWith(q) && /^[.[{<]/.test(path.slice(q.length)));
  const removed = [...oldFields.keys()].filter((path) => !newFields.has(path));
  const added = [...newFields.keys()].filter((path) => !oldFields.has(path));
  for (const path of removed.filter((p) => isTop(p, removed))) {
    const what = path.startsWith("responses.") && !path.includes("[") ? "answer removed" : "removed";
    // A whole answer status that goes away is breaking only for a success status.
    const breaking = !(what === "answer removed" && !/^responses\.2/.test(path));
    note(breaking, id, path, what);
  }
  for (const path of added.filter((p) => isTop(p, added))) {
    const info = newFields.get(path);
    if (input(path) && info.required) note(true, id, path, "added, required");
    else note(false, id, path, path.startsWith("responses.") && !path.includes("[") ? "answer added" : "added");
  }
  for (const [path, old] of oldFields) {
    const now = newFields.get(path);
    if (!now) continue;
    for (const change of fieldChanges(old, now, input(path))) note(change.breaking, id, path, change.text);
  }
}

/** How one field changed: [{ breaking, text }]. `input`: users send it (else they read it). */
function fieldChanges(old, now, input) {
  const out = [];
  // Narrowed: the new side accepts less. Breaking for what users send; for what they read, the
  // other direction (a value they have never seen) is.
  const narrowed = (text) => out.push({ breaking: input, text: `${text} (narrowed)` });
  const widened = (text) => out.push({ breaking: !input, text: `${text} (widened)` });
  if (old.required !== now.required) {
    if (input) out.push({ breaking: now.required, text: now.required ? "now required" : "now optional" });
    else out.push({ breaking: !now.required, text: now.required ? "now always present" : "no longer always present" });
  }
  if (old.marker) return out;
  const oldTypes = typeList(old);
  const newTypes = typeList(now);
  if (oldTypes !== newTypes) {
    const covers = (list, type) =>
      list === "any" || list.split("|").includes(type) || (type === "integer" && list.split("|").includes("number"));
    const lost = oldTypes === "any" ? newTypes !== "any" : oldTypes.split("|").some((t) => !covers(newTypes, t));
    const gained = newTypes === "any" ? oldTypes !== "any" : newTypes.split("|").some((t) => !covers(oldTypes, t));
    const text = `type ${oldTypes} → ${newTypes}`;
    if (lost) narrowed(text);
    if (gained) widened(text);
    if (!lost && !gained) out.push({ breaking: false, text });
  }
  if (nullable(old) && !nullable(now)) narrowed("null no longer allowed");
  if (!nullable(old) && nullable(now)) widened("null now allowed");
  const show = (set) => [...set].sort().join(", ");
  if (old.enum && !now.enum) widened(`enum ${show(old.enum)} → any value`);
  else if (!old.enum && now.enum) narrowed(`any value → enum ${show(now.enum)}`);
  else if (old.enum && now.enum) {
    const gone = [...old.enum].filter((v) => !now.enum.has(v));
    const come = [...now.enum].filter((v) => !old.enum.has(v));
    if (gone.length) narrowed(`enum loses ${gone.sort().join(", ")}`);
    if (come.length) widened(`enum gains ${come.sort().join(", ")}`);
  }
  for (const key of BOUNDS) {
    const a = old.bounds[key] ? [...old.bounds[key]] : [];
    const b = now.bounds[key] ? [...now.bounds[key]] : [];
    if (a.sort().join() === b.sort().join()) continue;
    const text = `${key} ${a.join("|") || "none"} → ${b.join("|") || "none"}`;
    const loosest = (values, upper) => (values.length === 0 ? undefined : (upper ? Math.max : Math.min)(...values.map(Number)));
    const upper = key.startsWith("max") || key === "exclusiveMaximum";
    const lower = key.startsWith("min") || key === "exclusiveMinimum";
    const x = loosest(a, upper);
    const y = loosest(b, upper);
    // Bounds only decide what the server takes and sends; they never change a generated type.
    const stricter = upper || lower ? y !== undefined && (x === undefined || (upper ? y < x : y > x)) : b.length > 0;
    if (stricter) out.push({ breaking: input, text: `${text} (stricter)` });
    else out.push({ breaking: false, text: `${text} (looser)` });
  }
  return out;
}

// 2. Components by name: the generated `components` interface and `Schema<"Name">` name them.
const fingerprintBase = fingerprinter(base);
const fingerprintHead = fingerprinter(head);
const pointer = (kind, name) => ({ $ref: `#/components/${kind}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}` });
const goneKinds = [];
for (const kind of SHAPE_KINDS) {
  const oldNames = Object.keys(base.components?.[kind] ?? {});
  const newNames = new Set(Object.keys(head.components?.[kind] ?? {}));
  if (oldNames.length > 0 && newNames.size === 0) goneKinds.push(kind);
  const byPrint = new Map();
  for (const name of newNames) {
    const print = fingerprintHead(pointer(kind, name));
    byPrint.set(print, [...(byPrint.get(print) ?? []), name]);
  }
  for (const name of oldNames.sort()) {
    if (newNames.has(name)) continue;
    const twins = byPrint.get(fingerprintBase(pointer(kind, name))) ?? [];
    // A twin is a hint (a rename, or a merge into a shared shape), not a proof: say it as such.
    const text = twins.length > 0 ? `removed; same structure: ${twins.join(", ")}` : "removed";
    note(true, `components.${kind}.${name}`, "", text, [name, `components["${kind}"]`]);
  }
  for (const name of [...newNames].sort()) {
    if (!oldNames.includes(name)) note(false, `components.${kind}.${name}`, "", "added");
  }
}

// 3. Report.
const breaking = changes.filter((change) => change.breaking);
const other = changes.filter((change) => !change.breaking);
const show = (list, full) => {
  // The same change on many operations (a new error answer...) is printed once.
  const groups = new Map();
  for (const change of list) {
    const key = `${change.subject.startsWith("components.") ? change.subject : ""}\u0000${change.path}\u0000${change.text}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  const lines = [...groups.values()].map((group) => {
    const [first] = group;
    if (first.subject.startsWith("components.")) return `  ${first.subject}: ${first.text}`;
    const names = group.map((c) => c.subject);
    const listed = full || names.length <= 6 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
    const where = group.length === 1 ? first.subject : `${group.length} operations (${listed})`;
    return `  ${where}${first.path ? `: ${first.path}` : ""}: ${first.text}`;
  });
  lines.sort();
  if (full || lines.length <= 40) return lines;
  return [...lines.slice(0, 40), `  ... ${lines.length - 40} more (--all lists them)`];
};
console.log(`spec:diff ${relative(root, headPath)} against ${relative(root, basePath)}`);
console.log(`\nbreaking: ${breaking.length}`);
for (const line of show(breaking, true)) console.log(line);
console.log(`\nnot breaking: ${other.length}`);
for (const line of show(other, all)) console.log(line);

if (!check) process.exit(0);

// 4. --check: every breaking change is announced by a minor/major changeset that names it.
if (breaking.length === 0) {
  console.log("\nspec:diff --check: no breaking change");
  process.exit(0);
}
const version = JSON.parse(readFileSync(packagePath, "utf8")).version;
const bumps = Number(version.split(".")[0]) >= 1 ? ["major"] : ["minor", "major"];
const dir = changesetDir;
const texts = readdirSync(dir)
  .filter((name) => name.endsWith(".md") && name !== "README.md")
  .map((name) => readFileSync(join(dir, name), "utf8"))
  .filter((text) => {
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
    return bumps.some((bump) => new RegExp(`^["']?convert-api-client["']?:\\s*${bump}\\s*$`, "m").test(front));
  });
const named = (name) =>
  texts.some((text) => new RegExp(`(^|[^A-Za-z0-9_])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9_])`).test(text));
const unannounced = breaking.filter((change) => {
  const [own, kind] = change.names;
  if (named(own)) return false;
  // A kind of component gone as a whole may be named as a whole.
  return !(kind && goneKinds.some((gone) => kind === `components["${gone}"]`) && named(kind));
});
if (unannounced.length === 0) {
  console.log(`\nspec:diff --check: ${breaking.length} breaking change(s), each named in a ${bumps.join(" or ")} changeset`);
  process.exit(0);
}
const missing = [...new Set(unannounced.map((change) => change.names[0]))];
console.error(
  `\nspec:diff --check: ${unannounced.length} breaking change(s) no ${bumps.join(" or ")} changeset names: ${missing.join(", ")}.\n` +
    `Add one (npx changeset, "convert-api-client": ${bumps[0]}) that says what changed for users and names each of them.`,
);
process.exit(1);
