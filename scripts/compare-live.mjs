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
const ourOps = {};
for (const [path, item] of Object.entries(ours.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (op?.operationId) ourOps[op.operationId] = { ...op, method: method.toUpperCase(), path };
  }
}

const BOUNDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength"];
BOUNDS.push("minItems", "maxItems", "minProperties", "maxProperties", "multipleOf", "pattern");

/** Follows a local `$ref` ("#/components/...") inside `doc`. */
function deref(doc, node) {
  const seen = new Set();
  while (node?.$ref) {
    if (seen.has(node.$ref)) throw new Error(`$ref cycle at ${node.$ref}`);
    seen.add(node.$ref);
    node = node.$ref
      .slice(2)
      .split("/")
      .reduce((at, key) => at?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
  }
  return node;
}

/** True when the schema (through `$ref` and `allOf`) is marked `marker` (readOnly/writeOnly). */
function marked(doc, schema, marker) {
  const node = deref(doc, schema);
  if (!node) return false;
  return node[marker] === true || (node.allOf ?? []).some((member) => marked(doc, member, marker));
}

/**
 * The fields a schema describes, as a Map from field path ("" = the schema itself, `.name` a
 * property, `[]` array items, `{}` map values) to { types, enum, bounds, required, declared }.
 * `types` and `enum` are Sets, or null when unconstrained; "null" in `types` means nullable.
 * allOf members (and `$ref`, and the node's own keywords) all apply: their facts intersect.
 * oneOf/anyOf branches are alternatives: their facts unite. A discriminated union is also
 * described variant by variant, `<value>.field` (see `pickViews`).
 */
function shape(doc, schema, skip, refs = []) {
  if (!schema || typeof schema !== "object") return new Map();
  const parts = [own(doc, schema, skip, refs)];
  // A recursive shape: its first level is enough.
  if (schema.$ref && !refs.includes(schema.$ref)) parts.push(shapeOfRef(doc, schema.$ref, skip, refs));
  for (const member of schema.allOf ?? []) parts.push(shape(doc, member, skip, refs));
  for (const key of ["oneOf", "anyOf"]) {
    if (!schema[key]) continue;
    parts.push(unite(schema[key].map((branch) => shape(doc, branch, skip, refs))));
    if (schema.discriminator?.mapping) parts.push(variants(doc, schema.discriminator, skip, refs));
  }
  const result = spread(parts.reduce(intersect));
  // OpenAPI 3.0: `nullable: true` applies to the whole node, whatever its members say.
  const top = result.get("");
  if (schema.nullable === true && top.types) result.set("", { ...top, types: new Set([...top.types, "null"]) });
  return result;
}

/** The facts a schema node states itself: type, enum, bounds, properties, items, map values. */
function own(doc, schema, skip, refs) {
  let types = schema.type === undefined ? null : new Set([schema.type].flat());
  if (!types && (schema.properties || schema.additionalProperties)) types = new Set(["object"]);
  if (!types && schema.items) types = new Set(["array"]);
  const values = schema.enum ?? ("const" in schema ? [schema.const] : null);
  let enumSet = null;
  if (values) {
    enumSet = new Set(values.filter((v) => v !== null).map((v) => JSON.stringify(v)));
    types ??= new Set(values.map(jsonType));
    if (values.includes(null)) types.add("null");
  }
  // A bare null type leaves no other value open (`oneOf: [{ enum }, { type: "null" }]`).
  if (types?.size === 1 && types.has("null")) enumSet = new Set();
  const bounds = {};
  for (const key of BOUNDS) if (key in schema) bounds[key] = new Set([String(schema[key])]);
  const fields = new Map([["", { types, enum: enumSet, bounds, required: false, declared: true }]]);
  const add = (prefix, child) => {
    for (const [path, info] of shape(doc, child, skip, refs)) fields.set(prefix + path, info);
  };
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (!marked(doc, child, skip)) add(`.${name}`, child);
  }
  // `required` may name a property another allOf member declares: a stub, merged later.
  for (const name of schema.required ?? []) {
    const at = `.${name}`;
    const stub = { types: null, enum: null, bounds: {}, declared: false };
    fields.set(at, { ...(fields.get(at) ?? stub), required: true }); // a copy: shapes are shared
  }
  if (schema.items) add("[]", schema.items);
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    add("{}", schema.additionalProperties);
  }
  return fields;
}

// Components are shared widely: each is flattened once per document and direction.
const memo = new Map();
function shapeOfRef(doc, ref, skip, refs) {
  const key = `${doc === ours ? "ours" : "live"} ${skip} ${ref}`;
  if (!memo.has(key)) memo.set(key, shape(doc, deref(doc, { $ref: ref }), skip, [...refs, ref]));
  return memo.get(key);
}

/** One entry set per discriminator value, prefixed `<value>`: there its property is sent, with that value. */
function variants(doc, { propertyName, mapping }, skip, refs) {
  const out = new Map();
  for (const [value, ref] of Object.entries(mapping)) {
    if (refs.includes(ref)) continue;
    for (const [path, info] of shapeOfRef(doc, ref, skip, refs)) out.set(`<${value}>${path}`, info);
    const tag = out.get(`<${value}>.${propertyName}`);
    if (tag) out.set(`<${value}>.${propertyName}`, { ...tag, tag: true, enum: new Set([JSON.stringify(value)]) });
  }
  return out;
}

/**
 * Fields that sit beside a discriminated union (allOf members, own properties) belong to each of
 * its variants too: copied into every variant that no branch describes them in.
 */
function spread(fields) {
  const keys = new Set();
  for (const path of fields.keys()) if (path.startsWith("<")) keys.add(path.slice(0, path.indexOf(">") + 1));
  if (keys.size === 0) return fields;
  const beside = [...fields].filter(([path]) => path !== "" && !path.startsWith("<"));
  for (const [path, info] of beside) {
    if ([...keys].some((key) => fields.has(key + path))) continue;
    for (const key of keys) fields.set(key + path, info);
  }
  return fields;
}

/** All of the facts apply (allOf): types and enums intersect, requirements add up. */
function intersect(a, b) {
  const out = new Map(a);
  for (const [path, y] of b) {
    const x = out.get(path);
    if (!x) {
      out.set(path, y);
      continue;
    }
    out.set(path, {
      types: !x.types ? y.types : !y.types ? x.types : intersectTypes(x.types, y.types),
      enum: !x.enum ? y.enum : !y.enum ? x.enum : new Set([...x.enum].filter((v) => y.enum.has(v))),
      bounds: mergeBounds(x.bounds, y.bounds),
      required: x.required || y.required,
      declared: x.declared || y.declared,
      tag: x.tag || y.tag,
    });
  }
  return out;
}

function intersectTypes(x, y) {
  const out = new Set([...x].filter((t) => y.has(t)));
  if ((x.has("integer") && y.has("number")) || (x.has("number") && y.has("integer"))) out.add("integer");
  return out;
}

/** One of the branches applies (oneOf/anyOf): types and enums unite. */
function unite(branches) {
  const out = new Map();
  for (const path of new Set(branches.flatMap((branch) => [...branch.keys()]))) {
    const infos = branches.map((branch) => branch.get(path));
    const present = infos.filter(Boolean);
    const open = (key) => present.some((info) => !info[key]);
    out.set(path, {
      types: open("types") ? null : new Set(present.flatMap((info) => [...info.types])),
      enum: open("enum") ? null : new Set(present.flatMap((info) => [...info.enum])),
      bounds: present.map((info) => info.bounds).reduce(mergeBounds, {}),
      // A bare null branch has no fields: it leaves the others' requirements be.
      required: branches.filter((branch) => !onlyNull(branch)).every((branch) => branch.get(path)?.required),
      declared: present.some((info) => info.declared),
      tag: present.some((info) => info.tag),
    });
  }
  return out;
}

function onlyNull(branch) {
  const types = branch.get("")?.types;
  return types?.size === 1 && types.has("null");
}

function mergeBounds(x, y) {
  const out = { ...x };
  for (const [key, values] of Object.entries(y)) out[key] = new Set([...(out[key] ?? []), ...values]);
  return out;
}

function jsonType(value) {
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

/** Every field of one operation: parameters, request body, answers (each status and media type). */
function operationFields(doc, op) {
  const fields = new Map();
  const add = (prefix, schema, skip) => {
    for (const [path, info] of shape(doc, schema ?? {}, skip)) if (info.declared) fields.set(prefix + path, info);
  };
  const mark = (at, required) => fields.set(at, { types: null, enum: null, bounds: {}, required, marker: true });
  for (const ref of op.parameters ?? []) {
    const param = deref(doc, ref);
    const at = `parameters.${param.in}.${param.name}`;
    add(at, param.schema, "readOnly");
    fields.set(at, { ...fields.get(at), required: param.required === true });
  }
  if (op.requestBody) {
    const body = deref(doc, op.requestBody);
    mark("requestBody", body.required === true);
    for (const [media, content] of Object.entries(body.content ?? {})) {
      add(`requestBody[${media}]`, content.schema, "readOnly");
    }
  }
  for (const [status, ref] of Object.entries(op.responses ?? {})) {
    const response = deref(doc, ref);
    mark(`responses.${status}`, false);
    for (const [media, content] of Object.entries(response.content ?? {})) {
      add(`responses.${status}[${media}]`, content.schema, "writeOnly");
    }
  }
  return fields;
}

const typeList = (info) =>
  info.types
    ? [...info.types]
        .filter((t) => t !== "null")
        .sort()
        .join("|") || "never"
    : "any";
const nullable = (info) => !info.types || info.types.has("null");

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

/**
 * Where both sides discriminate a union by the same values, compare variant by variant and drop
 * the united view below it; elsewhere compare the united view and drop the variants.
 */
function pickViews(live, mine) {
  const anchors = (fields) => {
    const keys = new Map();
    for (const path of fields.keys()) {
      const at = path.lastIndexOf("<");
      if (at < 0) continue;
      const anchor = path.slice(0, at);
      if (!keys.has(anchor)) keys.set(anchor, new Set());
      keys.get(anchor).add(path.slice(at + 1, path.indexOf(">", at)));
    }
    return keys;
  };
  const a = anchors(live);
  const b = anchors(mine);
  const same = (x, y) => x && y && x.size === y.size && [...x].every((k) => y.has(k));
  const matched = [...a.keys()].filter((anchor) => same(a.get(anchor), b.get(anchor)));
  const below = (path, anchor) => path.startsWith(anchor) && /^[.[{]/.test(path.slice(anchor.length));
  const keep = (path) => {
    // A variant path is kept when its innermost union matches; a united one when none above it does.
    const at = path.lastIndexOf("<");
    if (at >= 0 && !matched.includes(path.slice(0, at))) return false;
    return !matched.some((anchor) => below(path, anchor) && !path.slice(anchor.length).startsWith("<"));
  };
  for (const fields of [live, mine]) for (const path of [...fields.keys()]) if (!keep(path)) fields.delete(path);
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
  const glob = (pattern) => new RegExp(`^${pattern.split("*").map(literal).join(".*")}$`);
  const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
