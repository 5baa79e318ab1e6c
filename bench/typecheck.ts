// Section 5: what the client's types cost a consumer's `tsc --noEmit`. The same 20 calls through the
// package as users get it (the built declarations in dist/) and through bare openapi-fetch over the
// same `paths` (the floor), each with skipLibCheck true and false.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, REPO } from "./lib.js";

export interface TypecheckRow {
  /** Which consumer: "methods", "raw" or "floor". */
  key: string;
  name: string;
  file: string;
  skipLibCheck: boolean;
  /** Runs of `tsc` behind the medians. */
  runs: number;
  /** Median wall time of the whole `tsc` process, start-up included. */
  wallMs: number;
  /** Median CPU time (user + system) of the same process. */
  cpuMs: number;
  checkSeconds: number;
  totalSeconds: number;
  /** Instantiations, types and memory come from the first run: the first two never vary between runs. */
  instantiations: number;
  types: number;
  memoryKB: number;
  wallSamplesMs: number[];
  cpuSamplesMs: number[];
  checkSamples: number[];
}

interface Consumer {
  key: string;
  name: string;
  file: string;
  config: string;
  /** Left out of --quick runs. */
  fullOnly?: boolean;
}

const CONSUMERS: Consumer[] = [
  { key: "methods", name: "20 operation methods (dist/)", file: "operations.ts", config: "tsconfig.operations.json" },
  {
    key: "raw",
    name: "the same 20 calls via convert.GET/POST (dist/)",
    file: "raw-full.ts",
    config: "tsconfig.raw-full.json",
    fullOnly: true,
  },
  {
    key: "floor",
    name: "floor: bare openapi-fetch, same paths, same calls",
    file: "openapi-fetch.ts",
    config: "tsconfig.openapi-fetch.json",
  },
];

/** Where the floor's consumer finds the generated types as a declaration file (tsconfig.openapi-fetch.json). */
const FLOOR_TYPES = join(REPO, "node_modules/.cache/bench-typecheck/openapi-types.d.ts");

/**
 * `runs` rounds; each round runs every consumer with skipLibCheck true and false, one `tsc` at a time
 * and starting one case further on each round, so that a busy spell of the machine falls on all of
 * them alike. dist/ must be current (ensureDist).
 */
export function benchTypecheck(options: { runs: number; quick: boolean }): TypecheckRow[] {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  // Only type declarations in it, so it is a valid .d.ts as it stands.
  mkdirSync(join(FLOOR_TYPES, ".."), { recursive: true });
  copyFileSync(join(REPO, "generated/openapi-types.ts"), FLOOR_TYPES);

  const cases = CONSUMERS.filter((c) => !(options.quick && c.fullOnly)).flatMap((consumer) =>
    [true, false].map((skipLibCheck) => ({ consumer, skipLibCheck, samples: [] as Sample[] })),
  );
  for (let round = 0; round < options.runs; round++) {
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(round + i) % cases.length]!;
      c.samples.push(runTsc(tsc, c.consumer, c.skipLibCheck));
    }
  }
  return cases.map(({ consumer, skipLibCheck, samples }) => {
    const first = samples[0]!;
    return {
      key: consumer.key,
      name: consumer.name,
      file: `bench/fixtures/typecheck/${consumer.file}`,
      skipLibCheck,
      runs: samples.length,
      wallMs: median(samples.map((s) => s.wallMs)),
      cpuMs: median(samples.map((s) => s.cpuMs)),
      checkSeconds: median(samples.map((s) => s.checkSeconds)),
      totalSeconds: median(samples.map((s) => s.totalSeconds)),
      instantiations: first.instantiations,
      types: first.types,
      memoryKB: first.memoryKB,
      wallSamplesMs: samples.map((s) => Math.round(s.wallMs)),
      cpuSamplesMs: samples.map((s) => Math.round(s.cpuMs)),
      checkSamples: samples.map((s) => s.checkSeconds),
    };
  });
}

type Sample = Pick<TypecheckRow, "wallMs" | "cpuMs" | "checkSeconds" | "totalSeconds" | "instantiations" | "types" | "memoryKB">;

function runTsc(tsc: string, consumer: Consumer, skipLibCheck: boolean): Sample {
  const project = fileURLToPath(new URL(`./fixtures/typecheck/${consumer.config}`, import.meta.url));
  const cpuAtExit = fileURLToPath(new URL("./cpu-at-exit.cjs", import.meta.url));
  const args = ["--require", cpuAtExit, tsc, "-p", project, "--noEmit", "--skipLibCheck", String(skipLibCheck), "--extendedDiagnostics"];
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: "utf8" });
  const wallMs = performance.now() - start;
  if (run.status !== 0) {
    throw new Error(`tsc failed on bench/fixtures/typecheck/${consumer.file} (skipLibCheck ${skipLibCheck}):\n${run.stdout}${run.stderr}`);
  }
  const figure = (label: string) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(run.stdout);
    if (!match) throw new Error(`tsc --extendedDiagnostics printed no "${label}"`);
    return Number(match[1]);
  };
  return {
    wallMs,
    cpuMs: figure("CPU microseconds") / 1000,
    checkSeconds: figure("Check time"),
    totalSeconds: figure("Total time"),
    instantiations: figure("Instantiations"),
    types: figure("Types"),
    memoryKB: figure("Memory used"),
  };
}

/** The row's cost against the floor's with the same skipLibCheck: CPU time and instantiations. */
export function vsFloor(rows: TypecheckRow[], row: TypecheckRow): { cpu: number; instantiations: number } | undefined {
  const floor = rows.find((r) => r.key === "floor" && r.skipLibCheck === row.skipLibCheck);
  if (!floor) return undefined;
  return { cpu: row.cpuMs / floor.cpuMs, instantiations: row.instantiations / floor.instantiations };
}
