// npm run bench [-- --quick] [-- --only=http,signing,memory,typecheck,size] [-- --requests=N]
// Measures the client's cost (see BENCHMARKS.md), prints tables and writes bench/results.json
// (bench/results.quick.json with --quick).
//   --quick     the same code with small counts (seconds; for CI). Figures are indicative only.
//   --only      some sections only.
//   --requests  HTTP requests per variant, split evenly between the concurrencies (default 20,000).
// Never part of `npm test`: vitest only collects test/**/*.test.ts.
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { benchHttp, type HttpRow } from "./http.js";
import { benchLargeAnswer, type LargeAnswerRow } from "./large-answer.js";
import { loadClient } from "./load.js";
import { benchMemory, type MemoryResult } from "./memory.js";
import { benchSigning, type SigningRow } from "./signing.js";
import { benchSize, type SizeRow } from "./size.js";
import { round, runMain, table, thousands } from "./stats.js";
import { benchTypecheck, type TypecheckRow } from "./typecheck.js";

type Section = "http" | "signing" | "memory" | "large" | "typecheck" | "size";

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes("--quick");
const only = option("only")?.split(",");
const runs = (section: Section) => !only || only.includes(section);

const settings = quick
  ? {
      http: { requests: 1_200, rounds: 3, warmup: 100 },
      signing: { durationMs: 100, repeats: 1 },
      memory: { requests: 3_000, warmup: 300 },
      largeMiB: 10,
    }
  : {
      http: { requests: 20_000, rounds: 5, warmup: 500 },
      signing: { durationMs: 300, repeats: 3 },
      memory: { requests: 100_000, warmup: 2_000 },
      largeMiB: 200,
    };
if (option("requests")) settings.http.requests = Number(option("requests"));
const CONCURRENCIES = [1, 32];

/** Growth of heapUsed (after forced GC) that counts as noise for the memory target. */
const HEAP_NOISE_BYTES = 1_000_000;

interface Results {
  meta: Record<string, unknown>;
  http?: HttpRow[];
  signing?: SigningRow[];
  memory?: MemoryResult;
  large?: LargeAnswerRow[];
  typecheck?: TypecheckRow[];
  size?: SizeRow[];
  targets?: { target: string; measured: string; met: boolean }[];
}

async function main() {
  const started = Date.now();
  const cpu = `${cpus().length} x ${cpus()[0]?.model}`;
  const results: Results = {
    meta: { date: new Date().toISOString(), quick, node: process.version, cpu, settings: { ...settings, concurrencies: CONCURRENCIES } },
  };
  const seconds: Record<string, number> = {};
  let mark = Date.now();
  const lap = (section: string) => {
    seconds[section] = round((Date.now() - mark) / 1000, 1);
    mark = Date.now();
  };
  const say = (text: string) => console.log(text);

  const { index, session } = await loadClient();
  lap("build");
  say(`convert-api-client bench${quick ? " (--quick)" : ""}: node ${process.version}, ${cpu}\n`);

  if (runs("http")) {
    const { requests, rounds, warmup } = settings.http;
    const perRound = Math.ceil(requests / CONCURRENCIES.length / rounds);
    const rows = await benchHttp(index, { perRound, rounds, warmup, concurrencies: CONCURRENCIES });
    results.http = rows;
    lap("http");
    say(
      `1. Per-request overhead: ${thousands(perRound * rounds)} requests per variant at each concurrency ` +
        `(${rounds} rounds of ${thousands(perRound)}, order rotated; median round), local node:http server`,
    );
    const header = ["variant", "conc.", "req/s", "x(a)", "x(b)", "p50 µs", "x(a)", "p99 µs", "x(a)"];
    say(
      `${table(
        header,
        rows.map((r) => [
          `(${r.variant}) ${r.name}`,
          r.concurrency,
          thousands(r.requestsPerSecond),
          r.vsFloor.requestsPerSecond.toFixed(2),
          r.rpsVsHandSigned.toFixed(2),
          thousands(r.p50Ms * 1000),
          r.vsFloor.p50.toFixed(2),
          thousands(r.p99Ms * 1000),
          r.vsFloor.p99.toFixed(2),
        ]),
      )}\n`,
    );
  }

  if (runs("signing")) {
    const rows = benchSigning(index, settings.signing);
    results.signing = rows;
    lap("signing");
    say("2. Signing throughput (one core)");
    const cells = rows.map((r) => [r.name, thousands(r.bodyBytes), thousands(r.signaturesPerSecond), r.megabytesPerSecond.toFixed(1)]);
    say(`${table(["case", "body bytes", "signatures/s", "MB/s hashed"], cells)}\n`);
  }

  if (runs("memory")) {
    const m = await benchMemory(index, session, settings.memory);
    results.memory = m;
    lap("memory");
    const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
    const gc = m.gcForced ? "GC forced" : "GC NOT forced: run with --expose-gc";
    say(`3. Memory: heapUsed after ${thousands(m.requests)} operation-method calls (32 at a time), ${gc}`);
    const header = [
      "before MB",
      "half-way MB",
      "after MB",
      "growth MB",
      "bytes/request",
      "abort listeners peak/after",
      "session cookies",
      "timers left",
    ];
    const listeners = `${m.abortListenersPeak} / ${m.abortListenersLeft}`;
    const row = [
      mb(m.heapBefore),
      mb(m.heapMiddle),
      mb(m.heapAfter),
      mb(m.growth),
      m.growthPerRequest.toFixed(2),
      listeners,
      m.sessionCookies,
      m.timersLeft,
    ];
    say(`${table(header, [row])}\n`);
  }

  if (runs("large")) {
    const rows = await benchLargeAnswer(settings.largeMiB);
    results.large = rows;
    lap("large");
    say(`3b. Peak memory of one call for a ${settings.largeMiB} MiB list answer (peak RSS growth, median of 3 fresh processes)`);
    const cells = rows.map((r) => [r.transport, r.framing, thousands(r.items), r.peakMiB.toFixed(0), r.multiple.toFixed(2)]);
    say(`${table(["transport", "framing", "items", "peak MiB", "x body"], cells)}\n`);
  }

  if (runs("typecheck")) {
    const rows = benchTypecheck();
    results.typecheck = rows;
    lap("typecheck");
    say("4. Type-check cost: tsc --noEmit --extendedDiagnostics on one consumer file");
    const cells = rows.map((r) => [
      r.name,
      (r.wallMs / 1000).toFixed(2),
      r.checkSeconds.toFixed(2),
      thousands(r.instantiations),
      thousands(r.types),
      (r.memoryKB / 1024).toFixed(0),
    ]);
    say(`${table(["consumer", "wall s", "check s", "instantiations", "types", "memory MB"], cells)}\n`);
  }

  if (runs("size")) {
    const rows = await benchSize();
    results.size = rows;
    lap("size");
    say("5. Size of the runtime entry (esbuild, ESM, platform node, minified; gzip -9)");
    say(
      `${table(
        ["bundle", "min bytes", "min+gz bytes"],
        rows.map((r) => [r.name, thousands(r.minifiedBytes), thousands(r.gzipBytes)]),
      )}\n`,
    );
  }

  const targets = checkTargets(results);
  results.targets = targets;
  say(`Targets${quick ? " (quick run: indicative only)" : ""}`);
  say(
    table(
      ["target", "measured", "met"],
      targets.map((t) => [t.target, t.measured, t.met ? "yes" : "NO"]),
    ),
  );

  results.meta.durationSeconds = round((Date.now() - started) / 1000, 1);
  results.meta.sectionSeconds = seconds;
  // A quick run must not overwrite the figures of the last full run (BENCHMARKS.md quotes them).
  const name = quick ? "results.quick.json" : "results.json";
  writeFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
  say(`\nWrote bench/${name} in ${results.meta.durationSeconds} s.`);
}

/** The targets of issue 9, for the sections that ran. */
function checkTargets(results: Results): NonNullable<Results["targets"]> {
  const targets: NonNullable<Results["targets"]> = [];
  for (const r of results.http?.filter((r) => r.variant === "c") ?? []) {
    const ratio = 1 / r.rpsVsHandSigned;
    targets.push({
      target: `(c) req/s within 1.10x of (b), concurrency ${r.concurrency}`,
      measured: `(b)/(c) = ${ratio.toFixed(2)}`,
      met: ratio <= 1.1,
    });
  }
  const small = results.signing?.[0];
  if (small) {
    targets.push({
      target: ">= 100,000 small signatures/s",
      measured: thousands(small.signaturesPerSecond),
      met: small.signaturesPerSecond >= 100_000,
    });
  }
  const m = results.memory;
  if (m) {
    const clean = m.gcForced && m.growth < HEAP_NOISE_BYTES && m.abortListenersPeak <= 1 && m.abortListenersLeft === 0;
    const met = clean && m.sessionCookies === 1 && m.timersLeft <= 0;
    targets.push({
      target: "no heap growth (< 1 MB); <= 1 listener on a shared signal, none after; no timers left; one cookie",
      measured: `${(m.growth / 1e6).toFixed(2)} MB`,
      met,
    });
  }
  const largest = results.large && Math.max(...results.large.map((r) => r.multiple));
  if (largest !== undefined) {
    targets.push({ target: "peak memory of a large answer <= 5x its size", measured: `${largest.toFixed(2)}x`, met: largest <= 5 });
  }
  const bundled = results.size?.[0];
  if (bundled) {
    targets.push({
      target: "runtime entry <= 12 kB min+gz with openapi-fetch",
      measured: `${thousands(bundled.gzipBytes)} B`,
      met: bundled.gzipBytes <= 12_000,
    });
  }
  return targets;
}

runMain(main);
