// Flattens the schemas of an OpenAPI document (ours, 3.1) or of the live API's facts (3.0 style)
// into field paths per operation, the common ground of scripts/compare-live.mjs (ours against the
// live API) and scripts/spec-diff.mjs (ours against the last release).
//
// Field paths: `data[].tags[]`, `changes[]<richStructure>.data.js`: `$ref`s followed, `allOf`
// members intersected, `oneOf`/`anyOf` branches united, discriminated unions also described variant
// by variant, `nullable: true` (3.0) and a "null" type or branch (3.1) both read as nullable.
// readOnly fields are left out of requests and writeOnly ones out of answers, as in the generated
// types.
export const BOUNDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength"];
BOUNDS.push("minItems", "maxItems", "minProperties", "maxProperties", "multipleOf", "pattern");

/** Follows a local `$ref` ("#/components/...") inside `doc`. */
export function deref(doc, node) {
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
export function marked(doc, schema, marker) {
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
export function shape(doc, schema, skip, refs = []) {
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
const memos = new WeakMap();
function shapeOfRef(doc, ref, skip, refs) {
  if (!memos.has(doc)) memos.set(doc, new Map());
  const memo = memos.get(doc);
  const key = `${skip} ${ref}`;
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
export function intersect(a, b) {
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
export function unite(branches) {
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
export function operationFields(doc, op) {
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

export const typeList = (info) =>
  info.types
    ? [...info.types]
        .filter((t) => t !== "null")
        .sort()
        .join("|") || "never"
    : "any";
export const nullable = (info) => !info.types || info.types.has("null");

/**
 * Where both sides discriminate a union by the same values, compare variant by variant and drop
 * the united view below it; elsewhere compare the united view and drop the variants.
 */
export function pickViews(live, mine) {
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

/** The operations of an OpenAPI document by operationId: { ...operation, method, path }. */
export function operationsOf(doc) {
  const out = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (op?.operationId) out[op.operationId] = { ...op, method: method.toUpperCase(), path };
    }
  }
  return out;
}
