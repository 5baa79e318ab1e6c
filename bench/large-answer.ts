// Peak memory of one call for a large legitimate answer, in a fresh child process per case so that
// the figure is the call's own: peak RSS during the call minus RSS before it, as a multiple of the
// body's size. The server runs in this process.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { median } from "./stats.js";

export interface LargeAnswerRow {
  transport: string;
  framing: string;
  bodyMiB: number;
  items: number;
  peakMiB: number;
  /** Peak growth over the body's size. */
  multiple: number;
}

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const child = fileURLToPath(new URL("./large-answer-child.ts", import.meta.url));
const MiB = 1024 * 1024;

/** A list answer of about `sizeMiB`, made of project-like items. */
function listBody(sizeMiB: number): Buffer {
  const item = (id: number) =>
    `{"id":${id},"name":"Project ${id}","status":"active","global_javascript":"console.log(${id})","domains":[]}`;
  const parts: string[] = [];
  let size = 0;
  for (let id = 1; size < sizeMiB * MiB; id++) {
    const text = item(id);
    parts.push(text);
    size += text.length + 1;
  }
  return Buffer.from(`{"data":[${parts.join(",")}],"extra":{"pagination":{"current_page":1,"pages_count":1}}}`);
}

export async function benchLargeAnswer(sizeMiB: number): Promise<LargeAnswerRow[]> {
  const body = listBody(sizeMiB);
  const gzipped = gzipSync(body, { level: 1 });
  let framing = "content-length";
  const server = createServer((request, response) => {
    if (!request.url?.endsWith("/projects")) return void response.writeHead(200, { "content-type": "application/json" }).end("{}");
    if (framing === "content-length") response.writeHead(200, { "content-type": "application/json", "content-length": body.byteLength });
    else response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }); // chunked
    response.end(framing === "content-length" ? body : gzipped);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rows: LargeAnswerRow[] = [];
  try {
    for (const transport of ["node", "fetch"]) {
      for (framing of ["content-length", "gzip, chunked"]) {
        // The peak depends on when the collector runs: the median of three fresh processes.
        const runs: { peak: number; items: number }[] = [];
        for (let i = 0; i < 3; i++) runs.push(await measure(baseUrl, transport));
        const peaks = runs.map((r) => r.peak);
        const peakMiB = median(peaks) / MiB;
        const bodyMiB = body.byteLength / MiB;
        rows.push({
          transport: transport === "node" ? "node:http" : "fetch",
          framing,
          bodyMiB,
          items: runs[0]!.items,
          peakMiB,
          multiple: peakMiB / bodyMiB,
        });
      }
    }
  } finally {
    server.close();
  }
  return rows;
}

/** One call in a fresh child process: its peak RSS growth in bytes. */
function measure(baseUrl: string, transport: string): Promise<{ peak: number; items: number }> {
  // Async: the server in this process must keep answering while the child runs.
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, [tsx, child, baseUrl, transport]);
    let text = "";
    run.stdout.on("data", (chunk) => (text += chunk));
    run.stderr.on("data", (chunk) => process.stderr.write(chunk));
    run.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`large-answer child exited with ${code}`));
      const { baseline, peak, items } = JSON.parse(text) as { baseline: number; peak: number; items: number };
      resolve({ peak: peak - baseline, items });
    });
  });
}
