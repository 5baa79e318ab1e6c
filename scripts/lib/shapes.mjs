// Structural fingerprints of OpenAPI components: what a component accepts or describes, with
// `$ref`s followed to full depth and the prose left out, so that two components with the same
// fingerprint are one shape written twice (or one wrapping the other, by `$ref` or by an `allOf`
// of that one member). Used by
// scripts/check-shapes.mjs (no two components of one kind may share a shape) and by
// scripts/spec-diff.mjs (to tell a renamed or merged component from a removed one).

/** Keywords that document a node without changing what it accepts or describes. */
const PROSE = new Set(["description", "title", "summary", "examples", "example", "default", "deprecated", "externalDocs", "$comment"]);
/** Keywords whose array values are sets: their order carries no meaning. */
const UNORDERED = new Set(["required", "enum", "type"]);

/** Follows a local `$ref` ("#/components/...") inside `doc`, one step. */
function follow(doc, ref) {
  return ref
    .slice(2)
    .split("/")
    .reduce((at, key) => at?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
}

/**
 * A fingerprint maker for one document: `fingerprint(node)` is a string that two nodes share
 * exactly when they have the same structure. A `$ref` stands for its target (a cycle for its
 * distance up the chain); `x-` extensions and prose keywords are left out; object keys are sorted,
 * and so are the values of `required`, `enum` and `type`.
 */
export function fingerprinter(doc) {
  const memo = new Map();
  const print = (node, stack) => {
    if (Array.isArray(node)) return `[${node.map((item) => print(item, stack)).join(",")}]`;
    if (node === null || typeof node !== "object") return JSON.stringify(node);
    const keys = Object.keys(node)
      .filter((key) => key !== "$ref" && !PROSE.has(key) && !key.startsWith("x-"))
      .sort();
    // `allOf` of one member and nothing else is that member: a wrapper, printed as what it wraps.
    if (!node.$ref && keys.length === 1 && keys[0] === "allOf" && Array.isArray(node.allOf) && node.allOf.length === 1) {
      return print(node.allOf[0], stack);
    }
    const own = keys.map((key) => {
      const value = node[key];
      if (UNORDERED.has(key) && Array.isArray(value)) return `${key}:${JSON.stringify(value.map((v) => JSON.stringify(v)).sort())}`;
      if (value && typeof value === "object" && !Array.isArray(value) && (key === "properties" || key === "mapping" || key === "content")) {
        const entries = Object.keys(value)
          .sort()
          .map((name) => `${JSON.stringify(name)}:${print(value[name], stack)}`);
        return `${key}:{${entries.join(",")}}`;
      }
      return `${key}:${print(value, stack)}`;
    });
    if (!node.$ref) return `{${own.join(",")}}`;
    const target = target$(node.$ref, stack);
    return own.length === 0 ? target : `{&${target},${own.join(",")}}`;
  };
  const target$ = (ref, stack) => {
    const at = stack.indexOf(ref);
    if (at >= 0) return `@${stack.length - at}`;
    // Only a chain that started at the top is free of outside cycles: memoize those.
    if (stack.length === 0 && memo.has(ref)) return memo.get(ref);
    const printed = print(follow(doc, ref), [...stack, ref]);
    if (stack.length === 0) memo.set(ref, printed);
    return printed;
  };
  return (node) => print(node, []);
}

/** The component kinds that hold shapes (securitySchemes, examples, links... are left out). */
export const SHAPE_KINDS = ["schemas", "parameters", "requestBodies", "responses", "headers"];

/**
 * Groups of components of one kind that share a structure: [{ kind, names }], names sorted,
 * groups sorted by kind and first name. Responses count their examples too.
 */
export function duplicateShapes(doc) {
  const fingerprint = fingerprinter(doc);
  const groups = [];
  for (const kind of SHAPE_KINDS) {
    const byPrint = new Map();
    for (const name of Object.keys(doc.components?.[kind] ?? {})) {
      const node = doc.components[kind][name];
      let print = fingerprint({ $ref: `#/components/${kind}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}` });
      // A response component pairs a schema with what an answer of one status shows: the
      // examples are what it is for (ErrorData answers 401, 404, 422 and 429 each with its own).
      if (kind === "responses") print += JSON.stringify(Object.values(node.content ?? {}).map((media) => [media.example, media.examples]));
      byPrint.set(print, [...(byPrint.get(print) ?? []), name]);
    }
    for (const names of byPrint.values()) if (names.length > 1) groups.push({ kind, names: names.sort() });
  }
  return groups.sort((a, b) => a.kind.localeCompare(b.kind) || a.names[0].localeCompare(b.names[0]));
}

/**
 * Array properties that two members of one allOf both declare: [{ at, property }], `at` the JSON
 * pointer of the schema with the allOf (its own `properties` count as a member). openapi-typescript
 * writes such a schema as `A & B`, and the `Readable`/`Writable` of openapi-typescript-helpers,
 * which the operation methods' types apply, infer one element type from `X[] & Y[]`: the items of
 * one member are lost to callers, on requests and answers alike. Declare the array once.
 */
export function splitArrays(doc) {
  const deref = (node) => {
    for (let hops = 0; node?.$ref && hops < 50; hops++) node = follow(doc, node.$ref);
    return node;
  };
  const isArray = (schema) => {
    const node = deref(schema);
    return !!node && ([node.type].flat().includes("array") || node.items !== undefined);
  };
  /** The property names a member declares, its own allOf members' included. */
  const declared = (member, seen = new Set()) => {
    const node = deref(member);
    if (!node || typeof node !== "object" || seen.has(node)) return new Map();
    seen.add(node);
    const names = new Map(Object.entries(node.properties ?? {}));
    for (const inner of node.allOf ?? []) for (const [name, schema] of declared(inner, seen)) if (!names.has(name)) names.set(name, schema);
    return names;
  };
  const found = [];
  const walk = (node, at) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node.allOf)) {
      const counts = new Map();
      for (const member of [...node.allOf, { properties: node.properties ?? {} }]) {
        for (const [name, schema] of declared(member)) if (isArray(schema)) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      for (const [property, count] of counts) if (count > 1) found.push({ at, property });
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
  };
  walk(doc.components?.schemas, "#/components/schemas");
  walk(doc.paths, "#/paths");
  return found;
}
