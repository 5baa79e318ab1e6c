// `convert-api list [filter]`: the operations with method, path and summary, from the spec.
import { type Io, write } from "./io.js";
import { loadSpec, specOperations } from "./spec.js";

export async function listOperations(filter: string[], format: "table" | "json", io: Io): Promise<void> {
  const words = filter.map((word) => word.toLowerCase());
  const rows = [];
  for (const { method, path, operation } of specOperations(loadSpec())) {
    const row = { operationId: operation.operationId!, method, path, tag: operation.tags?.[0] ?? "", summary: operation.summary ?? "" };
    const text = `${row.operationId} ${path} ${row.tag} ${row.summary}`.toLowerCase();
    if (words.every((word) => text.includes(word))) rows.push(row);
  }
  if (format === "json") return write(io.stdout, `${JSON.stringify(rows, null, io.stdout.isTTY ? 2 : undefined)}\n`);
  const idWidth = Math.max(0, ...rows.map((row) => row.operationId.length));
  const lines = rows.map((row) => `${row.method.padEnd(6)} ${row.operationId.padEnd(idWidth)}  ${row.path}  ${row.summary}`.trimEnd());
  await write(io.stdout, lines.length > 0 ? `${lines.join("\n")}\n` : "");
  if (io.stderr.isTTY) io.stderr.write(`${rows.length} operations${words.length ? ` matching ${filter.join(" ")}` : ""}\n`);
}
