import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  /**
   * Run the real `prism mock` CLI on the spec (~15 s of CPU on the bundled spec) instead of
   * scripts/prism-mock.mjs, which serves the same operations from a cache (~1.5 s).
   * Default: true when the environment has PRISM_CLI=1.
   */
  cli?: boolean;
  /** Give up once Prism's processes have used this much CPU time without listening. */
  cpuBudgetSeconds?: number;
  /** Give up once Prism's CPU time has not moved for this long (stuck, not slow). */
  stallSeconds?: number;
  /** Where CPU time cannot be read (not Linux): a plain wall-clock limit. */
  wallLimitSeconds?: number;
}

const guard = fileURLToPath(new URL("./prism-guard.mjs", import.meta.url));
const fastMock = fileURLToPath(new URL("./prism-mock.mjs", import.meta.url));
const bundledSpec = fileURLToPath(new URL("../generated/openapi.json", import.meta.url));
const MAX_OUTPUT = 64 * 1024; // keep the tail of Prism's output for error messages

/**
 * Starts a Prism mock on 127.0.0.1 (random free port, --errors) and waits until it listens.
 * The wait scales with the machine: it lasts while Prism is alive and burning CPU, and fails
 * (with Prism's output) when Prism exits, exceeds its CPU budget, or stops making progress.
 */
export async function startPrism(spec = bundledSpec, extraArgs: string[] = [], options: PrismOptions = {}): Promise<PrismServer> {
  const { cli = process.env.PRISM_CLI === "1", cpuBudgetSeconds = 120, stallSeconds = 30, wallLimitSeconds = 300 } = options;
  const port = await freePort();
  const common = [spec, "-h", "127.0.0.1", "-p", String(port), "--errors"];
  const entry = cli
    ? // --no-multiprocess: under NODE_ENV=production the CLI forks a cluster worker that loads everything again (+3.5 s).
      [createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js"), "mock", ...common, "--no-multiprocess"]
    : [fastMock, ...common];
  const child: ChildProcess = spawn(process.execPath, [guard, ...entry, ...extraArgs], { stdio: ["pipe", "pipe", "pipe"] });
  const started = Date.now();
  let output = "";
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-MAX_OUTPUT);
    if (output.includes("Prism is listening")) settle();
  };
  let settle: (error?: Error) => void = () => {};
  await new Promise<void>((resolve, reject) => {
    let cpu = 0;
    let lastProgress = Date.now();
    const describe = () => `after ${((Date.now() - started) / 1000).toFixed(1)} s, ${cpu.toFixed(1)} s of CPU`;
    const watchdog = setInterval(() => {
      const now = treeCpuSeconds(child.pid ?? -1);
      if (now === undefined) {
        if (Date.now() - started > wallLimitSeconds * 1000) fail(`Prism did not listen within ${wallLimitSeconds} s`);
        return;
      }
      if (now > cpu) lastProgress = Date.now();
      cpu = now;
      if (cpu > cpuBudgetSeconds) fail(`Prism used its CPU budget (${cpuBudgetSeconds} s) without listening (${describe()})`);
      else if (Date.now() - lastProgress > stallSeconds * 1000) fail(`Prism made no progress for ${stallSeconds} s (${describe()})`);
    }, 1000);
    const fail = (reason: string) => {
      child.stdin?.end(); // the guard kills Prism when its stdin closes
      child.kill("SIGTERM");
      settle(new Error(reason));
    };
    settle = (error) => {
      clearInterval(watchdog);
      settle = () => {};
      if (error) reject(new Error(`${error.message}. Prism's output:\n${output || "(none)"}`));
      else resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("error", (error) => settle(error));
    // "close", not "exit": by then all of Prism's output has been read.
    child.on("close", (code, signal) => settle(new Error(`Prism exited (${signal ?? `code ${code}`}) before listening (${describe()})`)));
  });
  // Stop collecting, but keep draining output so Prism never blocks on a full pipe.
  child.stdout?.off("data", onData).resume();
  child.stderr?.off("data", onData).resume();
  let stopping = false;
  child.on("exit", (code, signal) => {
    if (!stopping) console.error(`Prism mock on port ${port} exited unexpectedly (${signal ?? `code ${code}`})`);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin?.end(); // the guard kills Prism when its stdin closes
      }),
  };
}

/**
 * CPU seconds used by `pid` and all its descendants (guard, Prism, any cluster worker), read
 * from /proc on Linux; undefined where there is no /proc.
 */
function treeCpuSeconds(pid: number): number | undefined {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return undefined;
  }
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after "(comm) ": state ppid ... utime stime cutime cstime at offsets 11..14.
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(f[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      ticks.set(Number(name), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
    } catch {} // it ended while we looked
  }
  if (!ticks.has(pid)) return undefined;
  let total = 0;
  for (const stack = [pid]; stack.length > 0; ) {
    const p = stack.pop()!;
    total += ticks.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total / 100; // USER_HZ is 100 on Linux
}
