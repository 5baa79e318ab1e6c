// What the bench sections share: the client as it ships, the local server, the request loop,
// the workload's constants and small number helpers.
import { fork } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export type Index = typeof import("../src/index.js");
export type Session = typeof import("../src/session/index.js");

/** The repository root (this file runs as bench/.run.mjs, bundled by `npm run bench`). */
export const REPO = fileURLToPath(new URL("..", import.meta.url));

/** A fake key: the local server does not check signatures. */
export const KEY = { applicationId: "10001_bench_app", secretKey: "bench-secret-do-not-use" } as const;
export const ACCOUNT_ID = 100012;
export const PROJECT_ID = 10034;
export const LIST_BODY = { page: 1, results_per_page: 10 };

export interface Client {
  index: Index;
  session: Session;
  /** file: URL of the bundled index, for child processes. */
  indexUrl: string;
}

/**
 * The client under `root` (this repository, or BENCH_SRC: any dir with src/ and generated/)
 * bundled by esbuild the way tsup builds dist/ (ESM, node 20, dependencies external), then
 * imported. Not src/ through tsx: tsx wraps every named closure in a `__name()` call.
 */
export async function bundleClient(root: string): Promise<Client> {
  // Inside node_modules, so that the external dependencies resolve from the bundle.
  const cache = join(REPO, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, "convert-bench-"));
  process.on("exit", () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    absWorkingDir: resolve(root),
    // Older versions (BENCH_SRC) had the session entry in src/session.ts.
    entryPoints: { index: "src/index.ts", session: existsSync(join(root, "src/session.ts")) ? "src/session.ts" : "src/session/index.ts" },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  const indexUrl = pathToFileURL(join(outdir, "index.mjs")).href;
  const index = (await import(indexUrl)) as Index;
  const session = (await import(pathToFileURL(join(outdir, "session.mjs")).href)) as Session;
  return { index, session, indexUrl };
}

export interface BenchServer {
  /** http://127.0.0.1:<port>; the first path segment picks the answer (see server.mjs). */
  origin: string;
  close(): void;
}

/** Forks bench/server.mjs (its own process: its CPU is not the client's) and waits for its port. */
export function startServer(largeMiB = 0): Promise<BenchServer> {
  const child = fork(fileURLToPath(new URL("./server.mjs", import.meta.url)), [String(largeMiB)], {
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    child.once("message", (message) => {
      const { port } = message as { port: number };
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => child.kill() });
    });
  });
}

export interface Run {
  /** Client process CPU (user + system), µs. */
  cpuUs: number;
  wallMs: number;
}

/** Makes `count` requests, `concurrency` at a time; `send(i)` makes request i. */
export async function drive(send: (i: number) => Promise<unknown>, count: number, concurrency: number): Promise<Run> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await send(i);
  };
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const cpu = process.cpuUsage(cpuStart);
  return { cpuUs: cpu.user + cpu.system, wallMs: performance.now() - wallStart };
}

/** Calls `gc()` (the bench runs with --expose-gc), so that a run does not pay for the last one's garbage. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (0..1), interpolated between the nearest values. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
}

export function thousands(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** A plain-text table, columns right-aligned except the first. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}
