// `--body`: JSON text, `@file.json`, or `-` for standard input. `--file field=path` adds a file
// part to a multipart body (uploads).
import { readFile } from "node:fs/promises";
import { UsageError } from "./exit.js";
import type { Io } from "./io.js";

/** The JSON value `--body` gives. */
export async function readBodyFlag(value: string, io: Io): Promise<unknown> {
  let text: string;
  let where: string;
  if (value === "-") {
    text = await readAll(io.stdin);
    where = "standard input";
  } else if (value.startsWith("@")) {
    const file = value.slice(1);
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new UsageError(`--body ${value}: cannot read ${file} (${(error as { code?: string }).code ?? "error"})`);
    }
    where = file;
  } else {
    text = value;
    where = "--body";
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Files for a multipart body: `field=path` pairs. */
export async function readFileFlags(values: readonly string[]): Promise<Record<string, File>> {
  const { fileFromPath } = await import("../uploads.js");
  const files: Record<string, File> = {};
  for (const value of values) {
    const at = value.indexOf("=");
    if (at <= 0 || at === value.length - 1) throw new UsageError(`--file ${value}: expected field=path, e.g. --file image=./banner.png`);
    const path = value.slice(at + 1);
    try {
      files[value.slice(0, at)] = await fileFromPath(path);
    } catch (error) {
      throw new UsageError(`--file ${value}: cannot read ${path} (${(error as { code?: string }).code ?? "error"})`);
    }
  }
  return files;
}

async function readAll(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
