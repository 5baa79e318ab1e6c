// The parts of an operation's --help that commander does not write: the body's fields (types,
// required, enums, descriptions, all from the spec) and an example command.
import type { Help } from "commander";
import { flagOf } from "./flags.js";
import { type BodyInfo, type FieldInfo, type OperationInfo, resolve, type SchemaObject, type Spec, typeText } from "./spec.js";

/** "Body fields:" with one item per top-level field, required ones first, formatted like commander's option list. */
export function formatBodyHelp(spec: Spec, body: BodyInfo, helper: Help): string {
  if (body.fields.length === 0) return "";
  const fields = [...body.fields.filter((field) => field.required), ...body.fields.filter((field) => !field.required)];
  const items = fields.map((field) => ({
    term: field.name,
    description: `${field.description}${field.description ? " " : ""}(${typeText(spec, field.schema)}${field.required ? "; required" : ""})`,
  }));
  const termWidth = Math.min(28, Math.max(...items.map((item) => item.term.length)));
  const heading = `Body fields (JSON for --body${body.multipart ? "; files with --file" : ""}${body.variants.length > 0 ? `; one of ${body.variants.join(", ")}` : ""}):`;
  const lines = items.map((item) => helper.formatItem(item.term, termWidth, item.description, helper));
  return `${helper.boxWrap(heading, helper.helpWidth ?? 80)}\n${lines.join("\n")}\n`;
}

/** A command line that calls the operation, with example values from the spec. */
export function exampleCommand(spec: Spec, info: OperationInfo): string {
  const words = ["convert-api", info.operationId];
  for (const parameter of info.parameters) {
    if (parameter.in !== "path" && !parameter.required) continue;
    const value = parameter.example ?? exampleValue(spec, parameter.schema);
    for (const item of Array.isArray(value) ? value.slice(0, 1) : [value]) words.push(flagOf(parameter), shellQuote(String(item)));
  }
  // One optional query flag shows how they are spelled, where no body makes the line long already.
  const firstQuery = info.body ? undefined : info.parameters.find((parameter) => parameter.in === "query" && !parameter.required);
  if (firstQuery) {
    const value = exampleValue(spec, firstQuery.schema);
    words.push(flagOf(firstQuery), shellQuote(String(Array.isArray(value) ? value[0] : value)));
  }
  const body = info.body;
  if (body) {
    // Uploads: file fields as --file, the other fields in --body.
    const isFile = (field: FieldInfo) => body.multipart && resolve(spec, field.schema).format === "binary";
    const required = body.fields.filter((field) => field.required && !isFile(field));
    const shown = required.length > 0 || body.multipart ? required : body.fields.slice(0, 1);
    const example = Object.fromEntries(shown.map((field) => [field.name, exampleValue(spec, field.schema)]));
    if (shown.length > 0 || !body.multipart) words.push("--body", shellQuote(JSON.stringify(example)));
    for (const field of body.fields.filter((candidate) => candidate.required && isFile(candidate)))
      words.push("--file", `${field.name}=./${field.name}.bin`);
  }
  return words.join(" ");
}

/** A plausible value for a schema: its example, default or first enum value, else one of its type. */
export function exampleValue(spec: Spec, given: SchemaObject, depth = 0): unknown {
  const schema = resolve(spec, given);
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (schema.enum?.length) return schema.enum.find((value) => value !== null) ?? null;
  if (schema.const !== undefined) return schema.const;
  const type = (Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type) ?? (schema.properties ? "object" : "");
  if (depth > 3) return type === "array" ? [] : type === "object" ? {} : "…";
  switch (type) {
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "array":
      return [exampleValue(spec, schema.items ?? {}, depth + 1)];
    case "object":
      return {};
    case "string":
      return "text";
    default: {
      const part = schema.allOf?.[0] ?? schema.oneOf?.[0] ?? schema.anyOf?.[0];
      return part ? exampleValue(spec, part, depth + 1) : "…";
    }
  }
}

/** A word the shell passes through unchanged. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
