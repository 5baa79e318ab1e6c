// Builds requests for an operation from the live API's facts (an OpenAPI 3.0 style fragment:
// `{ operations: { <id>: { method, path, parameters?, requestBody?, responses } }, components }`),
// never from our spec: what scripts/check-live-requests.ts type-checks against our types and
// sends to a Prism mock of our spec.
//
// Each request fills every path parameter, every query parameter the facts declare, and every
// property the body's schema declares, optional ones too, nested to full depth, arrays with one
// item (or minItems), maps with one entry, with values that keep the live enums, bounds, patterns
// and formats (where a string has no format, a name such as `page_url` or `email` picks a
// realistic value). A property readOnly in any allOf member is left out, as in the generated
// request types. Requests follow one another until every branch of every oneOf/anyOf met has
// been taken (nested ones too: a branch that leads to a union not yet covered is taken again);
// each request with a nullable property has a twin that takes the same branches and sends every
// such property as null. `$ref`, readOnly, nullability and the intersection of allOf members'
// facts (types, enums, bounds) are read by ./fields.mjs, as compare-live reads them. The builder
// checks itself against fields.mjs's field paths: a declared field that no request sends is noted.
// @ts-expect-error: a plain .mjs module without types
import { deref, marked, nullable, operationFields, shape } from "./fields.mjs";

type Schema = Record<string, unknown>;
/** Facts of one node as ./fields.mjs reads them: type and enum Sets (null = open), bounds as Sets of text. */
interface LeafFacts {
  types: Set<string> | null;
  enum: Set<string> | null;
  bounds: Record<string, Set<string>>;
}

/** A file part of a multipart body: a Blob in TypeScript and at run time. */
export class FilePart {
  constructor(
    readonly name: string,
    readonly type: string,
    readonly text: string,
  ) {}
}

export type Value = null | boolean | number | string | FilePart | Value[] | { [name: string]: Value };

export interface LiveRequest {
  operationId: string;
  /** "#1", "#2 (nulls)": which request of the operation this is. */
  label: string;
  /** The branch taken at each union of more than one branch: `body.changes[]: oneOf 2/6 ExperienceChangeCss`. */
  branches: string[];
  path: Record<string, Value>;
  query?: Record<string, Value>;
  body?: Value;
  media?: string;
}

export interface BuiltOperation {
  requests: LiveRequest[];
  /** What the facts leave open and the builder assumed (an undeclared path parameter, an unmatched pattern). */
  notes: string[];
}

interface Context {
  doc: Schema;
  /** The request's index: enum sites take value `index % n`. */
  index: number;
  nulls: boolean;
  multipart: boolean;
  coverage: Coverage;
  /** The union branches taken on the way to this value (`<site>#<branch>`). */
  stack: string[];
  /** Shared by every value of one request: the branch taken at each site, and how many nullables were met. */
  seen: { choices: Map<string, number>; shown: Map<string, string>; nullables: number; readOnly: Set<string> };
  /** The twin with nulls takes the branches its request took. */
  replay?: Map<string, number>;
  notes: Set<string>;
}

/** At most this many requests per operation, whatever its unions. */
const MAX_REQUESTS = 64;

/** Which branches of each union site (`<field path>|<oneOf/anyOf>|<nth union there>`) have been taken. */
class Coverage {
  readonly sites = new Map<string, { count: number; taken: Set<number> }>();
  /** The sites met inside each branch (`<site>#<branch>`), at any depth. */
  readonly below = new Map<string, Set<string>>();

  /** A branch not taken yet, else one that leads to a site not covered yet, else `index % count`. */
  choose(site: string, count: number, index: number, stack: string[]): number {
    const state = this.sites.get(site) ?? { count, taken: new Set<number>() };
    this.sites.set(site, state);
    for (const key of stack) this.below.set(key, new Set([...(this.below.get(key) ?? []), site]));
    const all = [...Array(count).keys()];
    const chosen =
      all.find((branch) => !state.taken.has(branch)) ?? all.find((branch) => this.leadsToUncovered(`${site}#${branch}`)) ?? index % count;
    state.taken.add(chosen);
    return chosen;
  }

  leadsToUncovered(key: string): boolean {
    return [...(this.below.get(key) ?? [])].some((site) => !this.covered(site));
  }

  covered(site: string): boolean {
    const state = this.sites.get(site)!;
    return state.taken.size === state.count;
  }

  complete(): boolean {
    return [...this.sites.keys()].every((site) => this.covered(site));
  }
}

const OMIT = Symbol("omit");
type Built = Value | typeof OMIT;

/** Every request the live facts describe for `operationId`. */
export function buildRequests(facts: Schema, operationId: string): BuiltOperation {
  const operations = facts.operations as Record<string, Schema>;
  const op = operations[operationId];
  if (!op) throw new Error(`no operation ${operationId} in the facts`);
  const notes = new Set<string>();
  const requests: LiveRequest[] = [];
  const built = new Set<string>();
  // A request like one built before (the same branches taken, the same values) is dropped.
  const add = (request: LiveRequest) => {
    const key = JSON.stringify([request.path, request.query, request.body, request.media]);
    if (built.has(key)) return;
    built.add(key);
    requests.push(request);
  };
  const coverage = new Coverage();
  const readOnly = new Set<string>();
  let index = 0;
  do {
    const fresh = () => ({ choices: new Map<string, number>(), shown: new Map<string, string>(), nullables: 0, readOnly });
    const base = { doc: facts, index, multipart: false, coverage, stack: [], notes };
    const seen = fresh();
    add({ ...buildOne(facts, operationId, op, { ...base, nulls: false, seen }), label: `#${index + 1}` });
    // The twin with nulls only when there was something to set to null.
    const twin = fresh();
    const nulled = buildOne(facts, operationId, op, { ...base, nulls: true, seen: twin, replay: seen.choices });
    if (twin.nullables > 0) add({ ...nulled, label: `#${index + 1} (nulls)` });
    index++;
  } while (!coverage.complete() && index < MAX_REQUESTS);
  if (!coverage.complete()) notes.add(`stopped at ${MAX_REQUESTS} requests with union branches not taken`);
  for (const field of unsentFields(facts, op, requests, readOnly)) notes.add(`${field} is declared but sent in no request`);
  return { requests, notes: [...notes] };
}

/** The key a map (additionalProperties) gets its one entry under. */
export const MAP_KEY = "sample_key";

/**
 * The builder checking itself: fields the facts declare for the request (compare-live's field
 * paths, united view) that no built request carries, readOnly ones aside.
 */
function unsentFields(facts: Schema, op: Schema, requests: LiveRequest[], readOnly: Set<string>): string[] {
  const sent = new Set<string>();
  const walk = (value: Value | undefined, at: string) => {
    sent.add(at);
    if (Array.isArray(value)) for (const item of value) walk(item, `${at}[]`);
    else if (value && typeof value === "object" && !(value instanceof FilePart)) {
      for (const [key, child] of Object.entries(value)) walk(child, key === MAP_KEY ? `${at}{}` : `${at}.${key}`);
    }
  };
  for (const request of requests) {
    walk(request.body, "body");
    walk(request.path, "path");
    walk(request.query, "query");
  }
  const wanted = [...(operationFields(facts, op) as Map<string, unknown>).keys()]
    .filter((path) => !path.includes("<"))
    .map((path) => path.replace(/^requestBody\[[^\]]*\]/, "body").replace(/^parameters\.(path|query)\./, "$1."))
    .filter((path) => /^(body|path|query)\b/.test(path) && path !== "body")
    // A path parameter declared under another name than the template's is sent under the template's.
    .filter((path) => !path.startsWith("path.") || String(op.path).includes(`{${path.slice(5)}}`));
  const isUnder = (path: string, top: string) => path === top || (path.startsWith(top) && /^[.[{]/.test(path.slice(top.length)));
  return wanted.filter((path) => !sent.has(path) && ![...readOnly].some((top) => isUnder(path, top)));
}

function buildOne(facts: Schema, operationId: string, op: Schema, ctx: Context): LiveRequest {
  const params = ((op.parameters as Schema[] | undefined) ?? []).map((ref) => deref(facts, ref) as Schema);
  const path: Record<string, Value> = {};
  const template = [...String(op.path).matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  for (const name of template) path[name] = pathValue(facts, operationId, name, params, ctx);
  const query: Record<string, Value> = {};
  for (const param of params.filter((p) => p.in === "query")) {
    const value = build(param.schema as Schema, `query.${param.name}`, { ...ctx, nulls: false }, []);
    if (value !== OMIT && value !== null) query[String(param.name)] = value;
  }
  const request: LiveRequest = { operationId, label: "", branches: [], path };
  if (Object.keys(query).length > 0) request.query = query;
  if (op.requestBody) {
    const body = deref(facts, op.requestBody) as Schema;
    const content = (body.content ?? {}) as Record<string, Schema>;
    const media = Object.keys(content).find((m) => m === "application/json") ?? Object.keys(content)[0];
    if (media) {
      ctx.multipart = media === "multipart/form-data";
      const value = build(content[media]!.schema as Schema, "body", ctx, []);
      if (value !== OMIT) request.body = value;
      request.media = media;
    }
  }
  request.branches = [...ctx.seen.shown].map(([at, choice]) => `${at}: ${choice}`);
  return request;
}

/**
 * A path parameter's value from its live declaration: in this operation, else the same name in
 * another operation, else this operation's one declared path parameter the template does not
 * name (`{placeholderId}` declared as `placeholder_id`). Undeclared anywhere: an integer, noted.
 */
function pathValue(facts: Schema, operationId: string, name: string, params: Schema[], ctx: Context): Value {
  const declared = (list: Schema[]) => list.find((p) => p.in === "path" && p.name === name);
  const template = String((facts.operations as Record<string, Schema>)[operationId]!.path);
  let param = declared(params);
  if (!param) {
    for (const other of Object.values(facts.operations as Record<string, Schema>)) {
      param = declared(((other.parameters as Schema[] | undefined) ?? []).map((ref) => deref(facts, ref) as Schema));
      if (param) break;
    }
  }
  const normal = (text: string) => text.replace(/_/g, "").toLowerCase();
  if (!param) {
    param = params.find((p) => p.in === "path" && !template.includes(`{${p.name}}`) && normal(String(p.name)) === normal(name));
    if (param) ctx.notes.add(`path parameter ${name} is declared as ${param.name}`);
  }
  if (!param) {
    ctx.notes.add(`path parameter ${name} is declared nowhere in the facts: sent as an integer`);
    return 1;
  }
  const value = build(param.schema as Schema, `path.${name}`, { ...ctx, nulls: false }, []);
  return value === OMIT || value === null ? 1 : value;
}

/** A value for `schema` at field path `at` ("body.changes[].data"). `refs`: the $refs being built, for recursion. */
function build(schema: Schema | undefined, at: string, ctx: Context, refs: string[]): Built {
  if (!schema || typeof schema !== "object") return "sample";
  const parts: Schema[] = [];
  const tags: Record<string, string> = {};
  const taken: string[] = [];
  if (!collect(schema, at, ctx, refs, { parts, tags, taken, unions: 0 })) return OMIT;
  // What is built below was reached through the branches taken here.
  ctx = { ...ctx, stack: [...ctx.stack, ...taken] };
  // Nullable as compare-live reads it: allOf members intersect, a node's own `nullable` covers it all.
  if (mayBeNull(ctx.doc, schema)) {
    ctx.seen.nullables++;
    if (ctx.nulls && at !== "body") return null;
  }
  const facts = leafFacts(ctx.doc, parts);
  const innerRefs = [...refs, ...parts.map((part) => part.$id as string).filter(Boolean)];
  if (facts.enum && facts.enum.size > 0)
    return pick(
      [...facts.enum].map((text) => JSON.parse(text) as Value),
      ctx.index,
    );
  const types = facts.types ? [...facts.types].filter((t) => t !== "null") : null;
  const structured = parts.some((part) => part.properties || part.additionalProperties);
  if (structured || types?.includes("object")) return object(parts, tags, at, ctx, innerRefs);
  if (parts.some((part) => part.items) || types?.includes("array")) return array(parts, facts, at, ctx, innerRefs);
  if (!types || types.includes("string")) return text(parts, facts, at, ctx);
  if (types.includes("integer")) return number(facts, true);
  if (types.includes("number")) return number(facts, false);
  if (types.includes("boolean")) return true;
  return null;
}

const nullables = new WeakMap<Schema, boolean>();
function mayBeNull(doc: Schema, schema: Schema): boolean {
  if (!nullables.has(schema)) nullables.set(schema, nullable(shape(doc, schema, "readOnly").get("")));
  return nullables.get(schema)!;
}

/** What `collect` gathers for one place. */
interface Collected {
  /** The schema nodes that all apply there. */
  parts: Schema[];
  /** Discriminator values of the branches taken. */
  tags: Record<string, string>;
  /** The branches taken, `<site>#<branch>`. */
  taken: string[];
  /** Unions met so far at this place, to tell sites at one field path apart. */
  unions: number;
}

/**
 * The schema nodes that all apply at one place: `schema` itself ($ref followed), its allOf
 * members, and the branch it takes at each oneOf/anyOf. False when a $ref would recurse into itself.
 */
function collect(schema: Schema, at: string, ctx: Context, refs: string[], out: Collected): boolean {
  const ref = schema.$ref as string | undefined;
  if (ref && refs.includes(ref)) return false;
  const node = deref(ctx.doc, schema) as Schema;
  // Remember the $ref on the node's copy, for recursion checks further down.
  out.parts.push(ref ? { ...node, $id: ref } : node);
  const inner = ref ? [...refs, ref] : refs;
  for (const member of (node.allOf as Schema[] | undefined) ?? []) if (!collect(member, at, ctx, inner, out)) return false;
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = node[key] as Schema[] | undefined;
    if (!branches?.length) continue;
    let chosen = 0;
    if (branches.length > 1) {
      const site = `${at}|${key}|${out.unions++}`;
      chosen = ctx.replay?.get(site) ?? ctx.coverage.choose(site, branches.length, ctx.index, [...ctx.stack, ...out.taken]);
      ctx.seen.choices.set(site, chosen);
      out.taken.push(`${site}#${chosen}`);
      const name = typeof branches[chosen]!.$ref === "string" ? ` ${String(branches[chosen]!.$ref).split("/").pop()}` : "";
      ctx.seen.shown.set(at, `${key} ${chosen + 1}/${branches.length}${name}`);
    }
    const branch = branches[chosen]!;
    const discriminator = node.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
    if (discriminator && typeof branch.$ref === "string") {
      const mapped = Object.entries(discriminator.mapping ?? {}).find(([, target]) => target === branch.$ref)?.[0];
      out.tags[discriminator.propertyName] = mapped ?? branch.$ref.split("/").pop()!;
    }
    if (!collect(branch, at, ctx, inner, out)) return false;
  }
  return true;
}

/** Types, enum and bounds that hold for all of `parts` at once (intersected as compare-live reads allOf). */
function leafFacts(doc: Schema, parts: Schema[]): LeafFacts {
  const own = (part: Schema) => {
    const copy = { ...part };
    for (const key of ["$ref", "allOf", "oneOf", "anyOf", "properties", "items", "additionalProperties", "required"]) delete copy[key];
    return copy;
  };
  return shape(doc, { allOf: parts.map(own) }, "readOnly").get("") as LeafFacts;
}

function object(parts: Schema[], tags: Record<string, string>, at: string, ctx: Context, refs: string[]): Built {
  const declared = new Map<string, Schema[]>();
  for (const part of parts) {
    for (const [name, child] of Object.entries((part.properties ?? {}) as Record<string, Schema>)) {
      declared.set(name, [...(declared.get(name) ?? []), child]);
    }
  }
  const out: Record<string, Value> = {};
  for (const [name, schemas] of declared) {
    // readOnly in any allOf member makes the property readOnly (JSON Schema's reading, and the
    // generated types': such a property is `never` in a request).
    if (schemas.some((child) => marked(ctx.doc, child, "readOnly"))) {
      ctx.seen.readOnly.add(`${at}.${name}`);
      continue;
    }
    if (name in tags) {
      out[name] = tags[name]!;
      continue;
    }
    const value = build(schemas.length === 1 ? schemas[0] : { allOf: schemas }, `${at}.${name}`, ctx, refs);
    if (value !== OMIT) out[name] = value;
  }
  for (const [name, value] of Object.entries(tags)) out[name] ??= value;
  // A map: one entry of its value schema, beside the declared properties.
  const values = parts.map((part) => part.additionalProperties).find((ap) => ap && typeof ap === "object") as Schema | undefined;
  if (values) {
    const value = build(values, `${at}{}`, ctx, refs);
    if (value !== OMIT) out[MAP_KEY] = value;
  }
  return out;
}

function array(parts: Schema[], facts: LeafFacts, at: string, ctx: Context, refs: string[]): Built {
  const items = parts.map((part) => part.items as Schema | undefined).filter((item): item is Schema => !!item);
  const min = Math.max(1, ...numbers(facts.bounds.minItems));
  const count = Math.min(min, ...numbers(facts.bounds.maxItems));
  const out: Value[] = [];
  for (let k = 0; k < count; k++) {
    // Item k takes the next enum value (and the next branch), so that several items differ.
    const value = build(items.length === 1 ? items[0] : { allOf: items }, `${at}[]`, { ...ctx, index: ctx.index + k }, refs);
    if (value === OMIT) return count > min ? out : [];
    out.push(value);
  }
  return out;
}

function numbers(values: Set<string> | undefined): number[] {
  return [...(values ?? [])].map(Number).filter((n) => Number.isFinite(n));
}

/** 1 where the bounds allow it, else the nearest allowed value (a multiple of multipleOf). */
function number(facts: LeafFacts, integer: boolean): number {
  const { bounds } = facts;
  // OpenAPI 3.0: exclusiveMinimum/Maximum are booleans that make minimum/maximum exclusive.
  const flag = (key: string) => bounds[key]?.has("true") === true;
  const step = integer ? 1 : 0.5;
  const lows = numbers(bounds.minimum).map((n) => (flag("exclusiveMinimum") ? n + step : n));
  const highs = numbers(bounds.maximum).map((n) => (flag("exclusiveMaximum") ? n - step : n));
  lows.push(...numbers(bounds.exclusiveMinimum).map((n) => n + step));
  highs.push(...numbers(bounds.exclusiveMaximum).map((n) => n - step));
  let value = Math.min(Math.max(1, ...lows), ...highs);
  for (const multiple of numbers(bounds.multipleOf)) value = Math.ceil(value / multiple) * multiple;
  return integer ? Math.ceil(value) : value;
}

/** Values a format names (their own syntax). */
const FORMATS: Record<string, string> = {
  date: "2024-05-01",
  "date-time": "2024-05-01T12:00:00Z",
  email: "jane.doe@example.com",
  uri: "https://www.example.com/",
  url: "https://www.example.com/",
  "ip-address": "203.0.113.7",
  ipv4: "203.0.113.7",
  ipv6: "2001:db8::7",
  byte: "c2FtcGxl",
  uuid: "3f0c2a7b-e1d0-4c5a-8e6b-9a1d2e9f7c60",
  json: '{"key":"value"}',
};

/** Values that a property's name asks for where the facts give no format (a URL where it says url). */
const NAME_HINTS: [RegExp, string][] = [
  [/(^|_)(url|link|href|website)s?$/i, "https://www.example.com/"],
  [/email/i, "jane.doe@example.com"],
  [/(^|_)(domain|host)(_name)?$/i, "www.example.com"],
  [/(^|_)colou?r$/i, "#336699"],
  [/(^|_)ip(_address)?$/i, "203.0.113.7"],
];

/** Tried in turn against the patterns and lengths when the first choice does not fit. */
const FALLBACKS = ["sample", "www.example.com", "https://www.example.com/", "ab", "09:30", "sample-key", "example"];

function text(parts: Schema[], facts: LeafFacts, at: string, ctx: Context): Value {
  const format = parts.map((part) => part.format).find((f): f is string => typeof f === "string");
  // In form data a string of bytes is a file part; `json` names a JSON file's content.
  if (ctx.multipart && (format === "binary" || format === "json") && /^body\.[^.[{]+$/.test(at)) {
    const json = format === "json";
    return new FilePart(
      json ? "sample.json" : "sample.bin",
      json ? "application/json" : "application/octet-stream",
      json ? "{}" : "sample",
    );
  }
  const name = at.slice(at.lastIndexOf(".") + 1);
  const hinted = NAME_HINTS.find(([pattern]) => pattern.test(name))?.[1];
  const patterns = [...(facts.bounds.pattern ?? [])].map((source) => new RegExp(source, "u"));
  const min = Math.max(0, ...numbers(facts.bounds.minLength));
  const max = Math.min(Number.POSITIVE_INFINITY, ...numbers(facts.bounds.maxLength));
  const candidates = [format && FORMATS[format], hinted, ...FALLBACKS].filter((c): c is string => !!c);
  const fitted = candidates.map((c) => fitLength(c, min, max));
  const chosen = fitted.find((c) => patterns.every((p) => p.test(c)));
  if (chosen !== undefined) return chosen;
  ctx.notes.add(`${at}: no built value matches ${[...(facts.bounds.pattern ?? [])].join(" and ")}`);
  return fitted[0]!;
}

/** Pads with "x" up to `min` characters, cuts down to `max`. */
function fitLength(value: string, min: number, max: number): string {
  const padded = value.length < min ? value + "x".repeat(min - value.length) : value;
  return padded.length > max ? padded.slice(0, max) : padded;
}

function pick<T>(values: T[], index: number): T {
  return values[index % values.length]!;
}
