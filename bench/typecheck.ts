// Section 4: what the client's types cost a consumer's `tsc --noEmit`.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export interface TypecheckRow {
  name: string;
  file: string;
  /** Wall time of the whole `tsc` process, start-up included. */
  wallMs: number;
  checkSeconds: number;
  totalSeconds: number;
  instantiations: number;
  types: number;
  memoryKB: number;
}

const CASES = [
  { name: "20 operation methods, full Convert spec", file: "operations.ts", config: "tsconfig.operations.json" },
  { name: "the same 20 calls via convert.GET/POST", file: "raw-full.ts", config: "tsconfig.raw-full.json" },
  { name: "bare openapi-fetch, 3-operation spec (20 calls)", file: "raw-tiny.ts", config: "tsconfig.raw-tiny.json" },
];

export function benchTypecheck(): TypecheckRow[] {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  return CASES.map(({ name, file, config }) => {
    const project = fileURLToPath(new URL(`./fixtures/typecheck/${config}`, import.meta.url));
    const start = performance.now();
    const run = spawnSync(process.execPath, [tsc, "-p", project, "--noEmit", "--extendedDiagnostics"], { encoding: "utf8" });
    const wallMs = performance.now() - start;
    if (run.status !== 0) throw new Error(`tsc failed on bench/fixtures/typecheck/${file}:\n${run.stdout}${run.stderr}`);
    const figure = (label: string) => {
      const match = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(run.stdout);
      if (!match) throw new Error(`tsc --extendedDiagnostics printed no "${label}"`);
      return Number(match[1]);
    };
    return {
      name,
      file: `bench/fixtures/typecheck/${file}`,
      wallMs,
      checkSeconds: figure("Check time"),
      totalSeconds: figure("Total time"),
      instantiations: figure("Instantiations"),
      types: figure("Types"),
      memoryKB: figure("Memory used"),
    };
  });
}
