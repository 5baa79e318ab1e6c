// How answers are written: JSON (indented on a terminal, one line when piped), NDJSON items for
// --paginate, a table for --output table, and bytes (a binary answer, or a base64 field decoded
// with --decode) to --out FILE or a pipe.
import { writeFile } from "node:fs/promises";
import { CliFailure, UsageError } from "./exit.js";
import { type Io, write } from "./io.js";

export type OutputFormat = "json" | "table";

export interface OutputOptions {
  format: OutputFormat;
  /** Write here instead of standard output. */
  out?: string | undefined;
  /** Dotted path of a base64 text field to decode and write as bytes (`content`, `data.background`). */
  decode?: string | undefined;
}

/** Writes one answer. */
export async function writeResult(result: unknown, io: Io, options: OutputOptions): Promise<void> {
  let bytes: Uint8Array | undefined;
  if (options.decode !== undefined) bytes = decodeField(result, options.decode);
  else if (result instanceof Blob) bytes = new Uint8Array(await result.arrayBuffer());
  if (bytes) return writeBytes(bytes, io, options.out);
  const text =
    options.format === "table"
      ? table(rowsOf(result))
      : `${JSON.stringify(result ?? null, null, options.out !== undefined || io.stdout.isTTY ? 2 : undefined)}\n`;
  if (options.out !== undefined) return writeOut(options.out, text, io);
  await write(io.stdout, text);
}

/** One NDJSON line. */
export function ndjsonLine(item: unknown): string {
  return `${JSON.stringify(item ?? null)}\n`;
}

async function writeBytes(bytes: Uint8Array, io: Io, out: string | undefined): Promise<void> {
  if (out !== undefined) return writeOut(out, bytes, io);
  if (io.stdout.isTTY)
    throw new UsageError(`the answer is ${bytes.byteLength} bytes of binary data: write it with --out FILE, or pipe it to a file`);
  await write(io.stdout, bytes);
}

async function writeOut(file: string, data: string | Uint8Array, io: Io): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (error) {
    throw new CliFailure(`cannot write ${file} (${(error as { code?: string }).code ?? "error"})`);
  }
  const size = typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
  if (io.stderr.isTTY) await write(io.stderr, `wrote ${size} bytes to ${file}\n`);
}

function decodeField(result: unknown, path: string): Uint8Array {
  let value: unknown = result;
  for (const key of path.split("."))
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value !== "string") throw new CliFailure(`--decode ${path}: the answer has no text field ${path} to decode`);
  const text = value.replace(/^data:[^,]*;base64,/, ""); // some fields come as data: URLs
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text.replace(/\s+/g, "")))
    throw new CliFailure(`--decode ${path}: the field ${path} is not base64 text`);
  return new Uint8Array(Buffer.from(text, "base64"));
}

/** The rows a table shows: a list answer's items, or the answer itself. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  const list = Array.isArray(result)
    ? result
    : Array.isArray((result as { data?: unknown } | null)?.data)
      ? (result as { data: unknown[] }).data
      : undefined;
  if (list) return list.map((item) => (typeof item === "object" && item !== null ? (item as Record<string, unknown>) : { value: item }));
  if (typeof result === "object" && result !== null) {
    const data = (result as { data?: unknown }).data;
    const object = typeof data === "object" && data !== null ? data : result;
    return Object.entries(object).map(([field, value]) => ({ field, value }));
  }
  return [{ value: result }];
}

const MAX_COLUMNS = 8;
/** Columns that tell items apart, shown first when the items have them. */
const PREFERRED = ["id", "key", "name", "status", "type", "field", "value"];
const MAX_CELL = 48;

/** A plain-text table of the rows' scalar fields (first seen first), each cell cut to fit. */
export function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "(no items)\n";
  const columns: string[] = PREFERRED.filter((key) => rows.some((row) => isScalar(row[key])));
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (!columns.includes(key) && columns.length < MAX_COLUMNS && (isScalar(value) || Object.keys(row).length <= 2)) columns.push(key);
  const cells = rows.map((row) => columns.map((column) => cell(row[column])));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((line) => line[index]!.length)));
  const line = (values: string[]) =>
    `${values
      .map((value, index) => value.padEnd(widths[index]!))
      .join("  ")
      .trimEnd()}\n`;
  return line(columns.map((column) => column.toUpperCase())) + cells.map(line).join("");
}

function isScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function cell(value: unknown): string {
  const text = value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  const flat = text.replace(/\s+/g, " ");
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}
