import { spawn, type ChildProcess } from "node:child_process";
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
}

const guard = fileURLToPath(new URL("./prism-guard.mjs", import.meta.url));
const fastMock = fileURLToPath(new URL("./prism-mock.mjs", import.meta.url));
const bundledSpec = fileURLToPath(new URL("../generated/openapi.json", import.meta.url));

/** Starts a Prism mock on 127.0.0.1 (random free port, --errors) and waits until it listens. */
export async function startPrism(spec = bundledSpec, extraArgs: string[] = [], options: PrismOptions = {}): Promise<PrismServer> {
  const { cli = process.env.PRISM_CLI === "1" } = options;
  const port = await freePort();
  const common = [spec, "-h", "127.0.0.1", "-p", String(port), "--errors"];
  const entry = cli
    ? // --no-multiprocess: under NODE_ENV=production the CLI forks a cluster worker that loads everything again (+3.5 s).
      [createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js"), "mock", ...common, "--no-multiprocess"]
    : [fastMock, ...common];
  const child: ChildProcess = spawn(process.execPath, [guard, ...entry, ...extraArgs], { stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with code ${code} before listening:\n${output}`));
    });
  });
  // Keep draining output so Prism never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin?.end(); // the guard kills Prism when its stdin closes
      }),
  };
}
