// A JSON-like value written as a TypeScript object literal, as a person would type it in a sample:
// identifier keys unquoted, on one line when it fits, else one property per line.

/** Code written as it is, e.g. `await fileFromPath("./image.bin")` as an upload field's value. */
export class Code {
  constructor(readonly text: string) {}
}

// The sample panel beside the reference shows about this many characters of code.
const WIDTH = 72;

export function typescriptLiteral(value: unknown, indent = ""): string {
  const flat = oneLine(value);
  if (indent.length + flat.length <= WIDTH || !isBranch(value)) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => `${inner}${typescriptLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) =>
    item instanceof Code && item.text === key ? `${inner}${key},` : `${inner}${propertyName(key)}: ${typescriptLiteral(item, inner)},`,
  );
  return `{\n${entries.join("\n")}\n${indent}}`;
}

function oneLine(value: unknown): string {
  if (value instanceof Code) return value.text;
  if (Array.isArray(value)) return `[${value.map(oneLine).join(", ")}]`;
  if (isBranch(value)) {
    const entries = Object.entries(value).map(([key, item]) =>
      item instanceof Code && item.text === key ? key : `${propertyName(key)}: ${oneLine(item)}`,
    );
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return value === undefined ? "undefined" : JSON.stringify(value);
}

function isBranch(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null && !(value instanceof Code);
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}
