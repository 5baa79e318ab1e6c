// An example call of an operation, with values from the spec: the example line of an operation's
// --help, and the code samples of the HTML reference (scripts/docs/code-samples.ts).
import { flagOf } from "./flags.js";
import { type FieldInfo, isArraySchema, type OperationInfo, type ParameterInfo, resolve, type SchemaObject, type Spec } from "./spec.js";

/** One call of an operation with example values: what the --help example and the reference's code samples show. */
export interface ExampleCall {
  /** The parameters shown, each with its value (a list of one item for a repeatable one). */
  parameters: { parameter: ParameterInfo; value: unknown }[];
  /** The JSON body (for an upload, its fields that are not files), or undefined when none is shown. */
  body: Record<string, unknown> | undefined;
  /** Upload fields that take a file. */
  files: string[];
}

/**
 * An example call: path and required parameters (except those named in `omit`, which defaults
 * fill in), one optional query parameter where there is no body, and a body with its required
 * fields, nested ones included, so that the call is one the API accepts.
 */
export function exampleCall(spec: Spec, info: OperationInfo, omit: readonly string[] = []): ExampleCall {
  const parameters: ExampleCall["parameters"] = [];
  const exampleOf = (parameter: ParameterInfo) => {
    const value = parameter.example ?? exampleValue(spec, parameter.schema);
    return isArraySchema(spec, parameter.schema) ? (Array.isArray(value) ? value : [value]).slice(0, 1) : value;
  };
  for (const parameter of info.parameters) {
    if (omit.includes(parameter.name) || (parameter.in !== "path" && !parameter.required)) continue;
    parameters.push({ parameter, value: exampleOf(parameter) });
  }
  // One optional query parameter shows how they are spelled, where no body makes the call long already.
  const firstQuery = info.body ? undefined : info.parameters.find((parameter) => parameter.in === "query" && !parameter.required);
  if (firstQuery) parameters.push({ parameter: firstQuery, value: exampleOf({ ...firstQuery, example: undefined }) });
  const body = info.body;
  if (!body) return { parameters, body: undefined, files: [] };
  // Uploads: file fields apart, the other fields in the JSON body.
  const isFile = (field: FieldInfo) => body.multipart && resolve(spec, field.schema).format === "binary";
  const files = body.fields.filter((field) => field.required && isFile(field)).map((field) => field.name);
  const value = exampleValue(spec, body.schema);
  const json: Record<string, unknown> = typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {};
  for (const name of files) delete json[name];
  // A body of optional fields only (a list's filters) shows its first field that can be sent.
  const first = [...composedProperties(spec, body.schema).properties].find(([, schema]) => !resolveWithSiblings(spec, schema).readOnly);
  if (Object.keys(json).length === 0 && !body.multipart && first) json[first[0]] = exampleValue(spec, first[1]);
  return { parameters, body: Object.keys(json).length > 0 || !body.multipart ? json : undefined, files };
}

/** A command line that calls the operation, with example values from the spec. */
export function exampleCommand(spec: Spec, info: OperationInfo, omit: readonly string[] = []): string {
  const call = exampleCall(spec, info, omit);
  const words = ["convert-api", info.operationId];
  for (const { parameter, value } of call.parameters)
    for (const item of Array.isArray(value) ? value : [value]) words.push(flagOf(parameter), shellQuote(String(item)));
  if (call.body) words.push("--body", shellQuote(JSON.stringify(call.body)));
  for (const name of call.files) words.push("--file", `${name}=./${name}.bin`);
  return words.join(" ");
}

/**
 * A plausible value for a schema: its example, default or first enum value; for an object, its
 * required properties (from its allOf parts and its first oneOf/anyOf variant too), read-only
 * ones left out; else a value of its type.
 */
export function exampleValue(spec: Spec, given: SchemaObject, depth = 0): unknown {
  const schema = resolveWithSiblings(spec, given);
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (schema.enum?.length) return schema.enum.find((value) => value !== null) ?? null;
  if (schema.const !== undefined) return schema.const;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type = types.find((t) => t !== "null") ?? (schema.properties || schema.required ? "object" : "");
  if (depth > 8) return type === "array" ? [] : type === "object" ? {} : "…";
  if (type === "object" || (type === "" && (schema.allOf || schema.properties))) {
    const { properties, required } = composedProperties(spec, schema);
    const value: Record<string, unknown> = {};
    for (const name of required) {
      const property = properties.get(name);
      if (property && !resolve(spec, property).readOnly) value[name] = exampleValue(spec, property, depth + 1);
    }
    return value;
  }
  const variant = firstVariant(spec, schema);
  switch (type) {
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "array":
      return [exampleValue(spec, schema.items ?? {}, depth + 1)];
    case "string":
      return "text";
    default:
      return variant ? exampleValue(spec, variant, depth + 1) : "…";
  }
}

/** A schema's `$ref` followed, with the keywords beside it (OpenAPI 3.1 allows them) applied over the target. */
function resolveWithSiblings(spec: Spec, given: SchemaObject): SchemaObject {
  const { $ref, ...siblings } = given;
  if ($ref === undefined || Object.keys(siblings).length === 0) return resolve(spec, given);
  const target = resolve(spec, given);
  const required = [...new Set([...(target.required ?? []), ...(siblings.required ?? [])])];
  return { ...target, ...siblings, ...(required.length > 0 && { required }) };
}

/** The first variant of a oneOf/anyOf that is not null. */
function firstVariant(spec: Spec, schema: SchemaObject): SchemaObject | undefined {
  return (schema.oneOf ?? schema.anyOf)?.find((candidate) => resolve(spec, candidate).type !== "null");
}

/**
 * The properties and required names of an object schema with its allOf parts and its first
 * oneOf/anyOf variant merged. A property several parts describe is their merge, the later part's
 * keywords winning (the part that narrows: a discriminator's one value, read-only), examples kept.
 */
function composedProperties(spec: Spec, given: SchemaObject, depth = 0): { properties: Map<string, SchemaObject>; required: string[] } {
  const schema = resolveWithSiblings(spec, given);
  const properties = new Map<string, SchemaObject>();
  const required = [...(schema.required ?? [])];
  const variant = firstVariant(spec, schema);
  const add = (name: string, property: SchemaObject) => {
    const known = properties.get(name);
    properties.set(name, known ? mergeSchemas(spec, known, property) : property);
  };
  if (depth < 8)
    for (const part of schema.allOf ?? []) {
      const inner = composedProperties(spec, part, depth + 1);
      for (const [name, property] of inner.properties) add(name, property);
      for (const name of inner.required) if (!required.includes(name)) required.push(name);
    }
  for (const [name, property] of Object.entries(schema.properties ?? {})) add(name, property);
  if (variant && depth < 8) {
    const inner = composedProperties(spec, variant, depth + 1);
    for (const [name, property] of inner.properties) add(name, property);
    for (const name of inner.required) if (!required.includes(name)) required.push(name);
  }
  return { properties, required };
}

/** Two descriptions of one value as one: `later`'s keywords win, properties merged one by one, required names joined. */
function mergeSchemas(spec: Spec, earlier: SchemaObject, later: SchemaObject): SchemaObject {
  const a = resolveWithSiblings(spec, earlier);
  const b = resolveWithSiblings(spec, later);
  const properties: Record<string, SchemaObject> = { ...a.properties };
  for (const [name, property] of Object.entries(b.properties ?? {}))
    properties[name] = properties[name] ? mergeSchemas(spec, properties[name], property) : property;
  const required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  const allOf = [...(a.allOf ?? []), ...(b.allOf ?? [])];
  return {
    ...a,
    ...b,
    ...(Object.keys(properties).length > 0 && { properties }),
    ...(required.length > 0 && { required }),
    ...(allOf.length > 0 && { allOf }),
  };
}

/** A word the shell passes through unchanged. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
