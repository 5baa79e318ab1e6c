// Runs the built `convert-api` binary (see test/setup/cli-build.ts) as a user would, and keeps
// everything it printed, so that a test file can check at the end that no secret ever appeared.
import { spawn } from "node:child_process";
import { inject } from "vitest";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes, for binary output. */
  bytes: Buffer;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Written to standard input, which is then closed. */
  input?: string | undefined;
  cwd?: string | undefined;
}

/** Everything every run printed, stdout and stderr. */
export const printed: string[] = [];

/** The environment a run starts from: PATH and HOME only, nothing of this process's CONVERT_* variables. */
export function baseEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1" };
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [inject("cliPath"), ...args], {
    env: { ...baseEnv(), ...options.env } as NodeJS.ProcessEnv,
    cwd: options.cwd,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  child.stdin.on("error", () => {}); // a command that never reads its input
  child.stdin.end(options.input ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => {
      const bytes = Buffer.concat(out);
      const run = { status, stdout: bytes.toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), bytes };
      printed.push(run.stdout, run.stderr);
      resolve(run);
    });
  });
}

/**
 * Runs the binary on a terminal (a pseudo-terminal from util-linux `script`), answering each
 * prompt once it appears. Returns everything the terminal showed.
 */
export function runInTerminal(
  args: string[],
  answers: [prompt: string, answer: string][],
  options: CliOptions = {},
): Promise<{ status: number | null; screen: string }> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, inject("cliPath"), ...args].map(quote).join(" ");
  const child = spawn("script", ["-qefc", command, "/dev/null"], {
    env: { ...baseEnv(), ...options.env } as NodeJS.ProcessEnv,
    cwd: options.cwd,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let screen = "";
  const pending = [...answers];
  const onData = (chunk: Buffer) => {
    screen += chunk.toString("utf8");
    const next = pending[0];
    if (next && screen.includes(next[0])) {
      pending.shift();
      child.stdin.write(next[1]);
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => {
      printed.push(screen);
      resolve({ status, screen });
    });
  });
}
