// What the command line tells about an operation (parameters, body fields, types, enums,
// summaries) comes from the bundled spec the package ships, generated/openapi.json, read when a
// command needs it: `convert-api --help` never parses it, an operation command parses it once.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The parts of an OpenAPI schema the CLI reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  description?: string;
  title?: string;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  format?: string;
  readOnly?: boolean;
}

interface ParameterObject {
  $ref?: string;
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: SchemaObject;
  example?: unknown;
}

interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: ParameterObject[];
  requestBody?: { $ref?: string; required?: boolean; description?: string; content?: Record<string, { schema?: SchemaObject }> };
  security?: Record<string, string[]>[];
}

export interface Spec {
  paths: Record<string, Record<string, OperationObject>>;
  components: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
}

/** One parameter as the CLI shows and reads it. */
export interface ParameterInfo {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description: string;
  schema: SchemaObject;
  /** A value to show in examples. */
  example: unknown;
}

/** One top-level field of a JSON body. */
export interface FieldInfo {
  name: string;
  required: boolean;
  description: string;
  schema: SchemaObject;
}

export interface BodyInfo {
  required: boolean;
  multipart: boolean;
  description: string;
  /** Fields of the body object (all variants merged when the body is one of several shapes). */
  fields: FieldInfo[];
  /** Names of the body's alternative shapes (`oneOf`), when it has them. */
  variants: string[];
  /** The body's schema, for example values. */
  schema: SchemaObject;
}

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  tag: string;
  parameters: ParameterInfo[];
  body: BodyInfo | undefined;
  /** The spec lets the operation be called without credentials (`security: []`). */
  anonymous: boolean;
}

let loaded: Spec | undefined;

/** The bundled spec, parsed on first use (about 1 MB of JSON). */
export function loadSpec(): Spec {
  if (loaded) return loaded;
  // Resolved through the package's own "./openapi.json" export: the same file from src/ and dist/.
  const file = createRequire(import.meta.url).resolve("convert-api-client/openapi.json");
  loaded = JSON.parse(readFileSync(file, "utf8")) as Spec;
  return loaded;
}

const METHODS = ["get", "put", "post", "delete", "patch"];

/** Every operation of the spec, in its order. */
export function* specOperations(spec: Spec): Generator<{ method: string; path: string; operation: OperationObject }> {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation?.operationId) yield { method: method.toUpperCase(), path, operation };
    }
  }
}

/** Follows `$ref`s within the document. */
export function resolve<T extends { $ref?: string }>(spec: Spec, value: T): T {
  let current: unknown = value;
  for (let hops = 0; (current as { $ref?: string } | undefined)?.$ref && hops < 32; hops++) {
    const ref = (current as { $ref: string }).$ref;
    if (!ref.startsWith("#/")) break;
    current = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  return (current ?? {}) as T;
}

/** The name a `$ref` points to (`#/components/schemas/Goal` → `Goal`). */
function refName(value: { $ref?: string; title?: string }): string | undefined {
  return value.$ref?.split("/").pop() ?? value.title;
}

/** Everything the CLI needs to know about one operation. */
export function describeOperation(spec: Spec, operationId: string): OperationInfo | undefined {
  for (const { method, path, operation } of specOperations(spec)) {
    if (operation.operationId !== operationId) continue;
    const parameters: ParameterInfo[] = [];
    for (const given of operation.parameters ?? []) {
      const parameter = resolve(spec, given);
      if (parameter.in === "cookie") continue;
      const schema = resolve(spec, parameter.schema ?? {});
      parameters.push({
        name: parameter.name,
        in: parameter.in,
        required: parameter.required === true || parameter.in === "path",
        description: oneLine(parameter.description ?? schema.description ?? ""),
        schema,
        example: parameter.example ?? schema.example,
      });
    }
    return {
      operationId,
      method,
      path,
      summary: oneLine(operation.summary ?? ""),
      description: operation.description ?? "",
      tag: operation.tags?.[0] ?? "",
      parameters,
      body: operation.requestBody ? describeBody(spec, operation.requestBody) : undefined,
      anonymous: Array.isArray(operation.security) && operation.security.length === 0,
    };
  }
  return undefined;
}

function describeBody(spec: Spec, given: NonNullable<OperationObject["requestBody"]>): BodyInfo {
  const body = resolve(spec, given);
  const content = body.content ?? {};
  const multipart = Object.keys(content).some((type) => type.startsWith("multipart/"));
  const media = content["application/json"] ?? Object.values(content)[0];
  const schema = resolve(spec, media?.schema ?? {});
  const variants = (schema.oneOf ?? schema.anyOf ?? []).map((variant) => refName(variant) ?? "variant");
  return {
    required: body.required === true,
    multipart,
    description: oneLine(body.description ?? schema.description ?? ""),
    fields: objectFields(spec, schema),
    variants,
    schema,
  };
}

/**
 * The fields of an object schema, `allOf` parts merged; for `oneOf`/`anyOf`, the fields of every
 * variant (required only when every variant requires it). Read-only fields are left out: they are
 * never sent.
 */
export function objectFields(spec: Spec, given: SchemaObject, depth = 0): FieldInfo[] {
  const schema = resolve(spec, given);
  if (depth > 8) return [];
  const fields = new Map<string, FieldInfo>();
  const add = (list: FieldInfo[], requiredHere: (field: FieldInfo) => boolean) => {
    for (const field of list) {
      const known = fields.get(field.name);
      if (known) known.required ||= requiredHere(field);
      else fields.set(field.name, { ...field, required: requiredHere(field) });
    }
  };
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const resolved = resolve(spec, property);
    if (resolved.readOnly) continue;
    add(
      [{ name, required: false, description: oneLine(property.description ?? resolved.description ?? ""), schema: resolved }],
      () => false,
    );
  }
  for (const part of schema.allOf ?? []) add(objectFields(spec, part, depth + 1), (field) => field.required);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    const lists = variants.map((variant) => objectFields(spec, variant, depth + 1));
    for (const list of lists) {
      for (const field of list) {
        // A field whose shape differs between variants (the discriminator, each variant's
        // settings) is shown as any of them, without one variant's description.
        const known = fields.get(field.name);
        if (known && JSON.stringify(known.schema) !== JSON.stringify(field.schema)) {
          known.schema = { anyOf: [...(known.schema.anyOf && !known.schema.type ? known.schema.anyOf : [known.schema]), field.schema] };
          if (known.description !== field.description) known.description = "";
        }
      }
      add(list, (field) => lists.every((other) => other.some((candidate) => candidate.name === field.name && candidate.required)));
    }
  }
  for (const name of schema.required ?? []) {
    const field = fields.get(name);
    if (field) field.required = true;
  }
  return [...fields.values()];
}

/** A short type for help: `integer`, `string`, `array of integer`, `"a" | "b"`, `Goal`... */
export function typeText(spec: Spec, given: SchemaObject, depth = 0): string {
  const schema = resolve(spec, given);
  const values = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (values) return values.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.format === "binary") return "file";
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []).filter((type) => type !== "null");
  const nullable = Array.isArray(schema.type) && schema.type.includes("null");
  let text: string;
  if (types.includes("array")) text = depth > 2 ? "array" : `array of ${typeText(spec, schema.items ?? {}, depth + 1)}`;
  else if (types.length > 0) text = types.join(" | ");
  else if (schema.allOf?.length === 1) text = typeText(spec, schema.allOf[0]!, depth + 1);
  else if (schema.oneOf || schema.anyOf)
    text =
      depth > 1
        ? "one of several"
        : [...new Set((schema.oneOf ?? schema.anyOf)!.map((variant) => typeText(spec, variant, depth + 1)))].join(" | ");
  else if (schema.properties || schema.allOf) text = refName(given) ?? "object";
  else text = "any";
  return nullable ? `${text} | null` : text;
}

/** The values an enum-like schema allows (also for arrays of them), or undefined. */
export function allowedValues(spec: Spec, given: SchemaObject): string[] | undefined {
  const schema = resolve(spec, given);
  const values = schema.enum ?? resolve(spec, schema.items ?? {}).enum;
  return values?.filter((value) => value !== null).map(String);
}

/** Whether a parameter's schema is an array (a repeatable flag). */
export function isArraySchema(spec: Spec, given: SchemaObject): boolean {
  const { type } = resolve(spec, given);
  return type === "array" || (Array.isArray(type) && type.includes("array"));
}

/** The scalar type of a parameter (or of its items). */
export function scalarType(spec: Spec, given: SchemaObject): "integer" | "number" | "boolean" | "string" {
  const schema = resolve(spec, given);
  const target = isArraySchema(spec, schema) ? resolve(spec, schema.items ?? {}) : schema;
  const types = Array.isArray(target.type) ? target.type : [target.type];
  for (const type of ["integer", "number", "boolean"] as const) if (types.includes(type)) return type;
  return "string";
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
