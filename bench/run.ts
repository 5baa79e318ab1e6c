// npm run bench [-- --quick] [-- --only=cpu,import,memory,large,size,typecheck] [-- --rounds=N]
// Prints the figures of BENCHMARKS.md and writes them to bench/results.json (a full run of every
// section), bench/results.quick.json (--quick) or bench/results.partial.json (--only).
//   --quick   the same code with small counts: seconds, for CI; figures indicative only.
//   --only    some sections only.
//   --rounds  rounds of the cpu section (default 21 for small answers, 11 for 1 MiB).
// BENCH_SRC=<dir with src/ and generated/> adds that version's client next to this one.
// `npm run bench` bundles this file with esbuild into bench/.run.mjs and runs that with plain
// node --expose-gc: the bench code is compiled the way the client is, with no tsx loader.
// Never part of `npm test`, and it exits 0 whether or not a target is met.
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCpu, type CpuRow, UNDICI_VERSION } from "./cpu.js";
import { benchImport, benchSize, ensureDist, type ImportRow, installSize, type PackageSize, type SizeRow } from "./entry.js";
import { bundleClient, REPO, startServer, table, thousands } from "./lib.js";
import { benchLargeAnswer, benchMemory, type LargeAnswerRow, type MemoryResult } from "./memory.js";
import { benchTypecheck, type TypecheckRow, vsFloor } from "./typecheck.js";

const SECTIONS = ["cpu", "import", "memory", "large", "size", "typecheck"] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes("--quick");
const only = option("only")?.split(",");
for (const name of only ?? [])
  if (!SECTIONS.includes(name as Section)) throw new Error(`--only: no section "${name}" (${SECTIONS.join(", ")})`);
const runs = (section: Section) => !only || only.includes(section);

const CONCURRENCIES = [1, 32];
const settings = quick
  ? {
      small: { perRound: 64, rounds: 3, warmup: 64 },
      oneMiB: { perRound: 8, rounds: 3, warmup: 8 },
      importProcesses: 3,
      memory: { requests: 3_000, warmup: 300 },
      large: { sizeMiB: 10, processes: 1 },
      typecheckRuns: 1,
    }
  : {
      // Many short rounds rather than a few long ones: a busy spell of the machine then spoils a
      // few rounds, which the medians drop. 64 and more per round keep 32 requests in flight; 1,024
      // small ones (about 40 ms of CPU) keep timer ticks and GC pauses from deciding a round.
      small: { perRound: 1024, rounds: 21, warmup: 1024 },
      oneMiB: { perRound: 64, rounds: 11, warmup: 64 },
      importProcesses: 21,
      memory: { requests: 100_000, warmup: 2_000 },
      large: { sizeMiB: 200, processes: 3 },
      // tsc runs of each consumer and skipLibCheck setting: wall and check times are medians.
      typecheckRuns: 5,
    };
if (option("rounds")) settings.small.rounds = settings.oneMiB.rounds = Number(option("rounds"));

/** Growth of heapUsed (after forced GC) that counts as noise for the memory target. */
const HEAP_NOISE_BYTES = 1_000_000;

interface Results {
  meta: Record<string, unknown>;
  cpu?: CpuRow[];
  import?: ImportRow[];
  memory?: MemoryResult;
  large?: LargeAnswerRow[];
  size?: SizeRow[];
  typecheck?: TypecheckRow[];
  undici: PackageSize;
  targets?: { target: string; measured: string; met: boolean }[];
}

async function main() {
  const started = Date.now();
  const cpu = `${cpus().length} x ${cpus()[0]?.model}`;
  const other = process.env.BENCH_SRC ? resolve(process.env.BENCH_SRC) : undefined;
  const results: Results = {
    // The load average says whether other work shared the machine (the figures assume it idle).
    meta: { date: new Date().toISOString(), quick, node: process.version, cpu, loadAverageAtStart: loadavg(), benchSrc: other, settings },
    undici: installSize("undici"),
  };
  const seconds: Record<string, number> = {};
  let mark = Date.now();
  const lap = (section: string) => {
    seconds[section] = Math.round((Date.now() - mark) / 100) / 10;
    mark = Date.now();
  };
  const say = (text: string) => console.log(text);
  const fixed = (value: number, digits: number) => value.toFixed(digits);

  const client = await bundleClient(REPO);
  const otherClient = other ? { label: "BENCH_SRC", client: await bundleClient(other) } : undefined;
  lap("bundle");
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(" ");
  say(
    `convert-api-client bench${quick ? " (--quick)" : ""}: node ${process.version}, ${cpu}, undici ${UNDICI_VERSION}, load average ${load()}`,
  );
  if (other) say(`BENCH_SRC = ${other}`);
  say("");

  if (runs("cpu")) {
    const server = await startServer();
    try {
      const sizes = [
        { answer: "small (221 B)", route: "small", ...settings.small },
        { answer: "1 MiB", route: "1mib", ...settings.oneMiB },
      ];
      results.cpu = [];
      for (const [n, s] of sizes.entries()) {
        const rows = await benchCpu(server.origin, client, otherClient, { ...s, concurrencies: CONCURRENCIES });
        results.cpu.push(...rows);
        say(
          `1${"ab"[n]}. Client CPU per signed request, ${s.answer} JSON answers: ${s.rounds} rounds of ${thousands(s.perRound)} ` +
            "requests per variant and concurrency, order rotated; medians",
        );
        const cells = rows.map((r) => [
          `(${r.key}) ${r.name}`,
          r.concurrency,
          fixed(r.cpuUsPerRequest, 0),
          fixed(r.vsFloor, 2),
          `${fixed(r.vsFloorQuartiles[0], 2)}-${fixed(r.vsFloorQuartiles[1], 2)}`,
          thousands(r.requestsPerSecond),
        ]);
        say(table(["variant", "conc.", "µs CPU/req", "x floor", "(quartiles)", "req/s"], cells));
        const floors = CONCURRENCIES.map((c) => `(${rows.find((r) => r.concurrency === c)!.floor}) at ${c}`).join(", ");
        say(`floor: the hand-written variant with the lower median, ${floors}; x floor: median of the per-round ratios to it\n`);
      }
    } finally {
      server.close();
    }
    lap("cpu");
  }

  if (runs("import")) {
    if (ensureDist()) say("(dist/ was older than src/: ran npm run build)");
    const rows = benchImport(settings.importProcesses);
    results.import = rows;
    lap("import");
    say(`2. Import time in a fresh node process: the require/import() call itself, median of ${settings.importProcesses} processes`);
    const cells = rows.map((r) => [
      r.name,
      fixed(r.medianMs, 1),
      fixed(Math.min(...r.samples), 1),
      fixed(Math.max(...r.samples), 1),
      fixed(r.medianCpuMs, 1),
    ]);
    say(`${table(["module", "median ms", "min", "max", "median CPU ms"], cells)}\n`);
  }

  if (runs("memory")) {
    const m = await benchMemory(client, settings.memory);
    results.memory = m;
    lap("memory");
    const mb = (bytes: number) => fixed(bytes / 1e6, 2);
    say(
      `3a. Memory: heapUsed after ${thousands(m.requests)} operation-method calls (32 at a time), ${m.gcForced ? "GC forced" : "GC NOT forced"}`,
    );
    const header = [
      "before MB",
      "half-way MB",
      "after MB",
      "growth MB",
      "bytes/call",
      "abort listeners peak/after",
      "cookies",
      "timers left",
    ];
    const row = [
      mb(m.heapBefore),
      mb(m.heapMiddle),
      mb(m.heapAfter),
      mb(m.growth),
      fixed(m.growthPerRequest, 2),
      `${m.abortListenersPeak} / ${m.abortListenersLeft}`,
      m.sessionCookies,
      m.timersLeft,
    ];
    say(`${table(header, [row])}\n`);
  }

  if (runs("large")) {
    const { sizeMiB, processes } = settings.large;
    const rows = await benchLargeAnswer(client, sizeMiB, processes);
    results.large = rows;
    lap("large");
    say(`3b. Peak memory of one getProjectsList call for a ${sizeMiB} MiB answer: peak RSS growth, median of ${processes} fresh processes`);
    const cells = rows.map((r) => [r.transport, r.framing, thousands(r.items), fixed(r.peakMiB, 0), fixed(r.multiple, 2)]);
    say(`${table(["transport", "framing", "items", "peak MiB", "x body"], cells)}\n`);
  }

  if (runs("size")) {
    const rows = await benchSize(REPO, "");
    if (other) rows.push(...(await benchSize(other, "[BENCH_SRC] ")));
    results.size = rows;
    lap("size");
    say("4. Size of the runtime entries (esbuild, ESM, minified; gzip -9; optional peers external)");
    const cells = rows.map((r) => [r.name, thousands(r.minifiedBytes), thousands(r.gzipBytes)]);
    say(`${table(["bundle", "min bytes", "min+gz bytes"], cells)}\n`);
  }

  if (runs("typecheck")) {
    if (ensureDist()) say("(dist/ was older than src/: ran npm run build)");
    const runsEach = settings.typecheckRuns;
    const rows = benchTypecheck({ runs: runsEach, quick });
    results.typecheck = rows;
    lap("typecheck");
    say(
      `5. Type-check cost: tsc --noEmit --extendedDiagnostics on one consumer file of 20 calls, ${runsEach === 1 ? "1 run" : `median of ${runsEach} runs`} each`,
    );
    const cells = rows.map((r) => {
      const ratio = vsFloor(rows, r);
      return [
        r.name,
        String(r.skipLibCheck),
        fixed(r.wallMs / 1000, 2),
        fixed(r.cpuMs / 1000, 2),
        fixed(r.checkSeconds, 2),
        thousands(r.instantiations),
        thousands(r.types),
        fixed(r.memoryKB / 1024, 0),
        r.key === "floor" || !ratio ? "" : `${fixed(ratio.cpu, 2)} / ${fixed(ratio.instantiations, 2)}`,
      ];
    });
    const header = [
      "consumer",
      "skipLibCheck",
      "wall s",
      "CPU s",
      "check s",
      "instantiations",
      "types",
      "memory MB",
      "x floor (CPU / inst.)",
    ];
    say(table(header, cells));
    say("dist/: the package as built, resolved by its name; floor: openapi-fetch with the generated paths as a .d.ts\n");
  }

  say(`6. The exchange: node:http (the default) or undici ${UNDICI_VERSION} request, hand-written floors (a) and (b)`);
  say(`${table(["figure", "node:http", "undici", "undici ÷ node:http"], exchangeRows(results))}\n`);

  const targets = checkTargets(results);
  results.targets = targets;
  say(`Targets${quick ? " (quick run: indicative only)" : ""}`);
  say(
    table(
      ["target", "measured", "met"],
      targets.map((t) => [t.target, t.measured, t.met ? "yes" : "NO"]),
    ),
  );

  results.meta.loadAverageAtEnd = loadavg();
  results.meta.durationSeconds = Math.round((Date.now() - started) / 100) / 10;
  results.meta.sectionSeconds = seconds;
  // Only a full run replaces the figures BENCHMARKS.md quotes.
  const name = quick ? "results.quick.json" : only ? "results.partial.json" : "results.json";
  writeFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
  say(`\nWrote bench/${name} in ${results.meta.durationSeconds} s (${JSON.stringify(seconds)}), load average now ${load()}.`);
}

/** node:http against undici's request, from the sections that ran. */
function exchangeRows(results: Results): string[][] {
  const rows: string[][] = [];
  const pair = (label: string, node: number, undici: number, digits = 0) =>
    rows.push([label, node.toFixed(digits), undici.toFixed(digits), (undici / node).toFixed(2)]);
  for (const answer of new Set(results.cpu?.map((r) => r.answer))) {
    for (const concurrency of CONCURRENCIES) {
      const row = (key: string) => results.cpu!.find((r) => r.answer === answer && r.concurrency === concurrency && r.key === key)!;
      const [a, b] = [row("a"), row("b")];
      pair(`µs CPU/request, ${answer}, concurrency ${concurrency}`, a.cpuUsPerRequest, b.cpuUsPerRequest);
      pair(`requests/s, ${answer}, concurrency ${concurrency}`, a.requestsPerSecond, b.requestsPerSecond);
    }
  }
  const imported = (name: string) => results.import?.find((r) => r.name === name)?.medianMs;
  const nodeImport = imported('require("node:http")');
  const undiciImport = imported('require("undici")');
  if (nodeImport !== undefined && undiciImport !== undefined) pair("import ms (require, median)", nodeImport, undiciImport, 1);
  const u = results.undici;
  rows.push(["install: files / bytes / dependencies", "built in", `${u.files} / ${thousands(u.bytes)} / ${u.dependencies}`, ""]);
  return rows;
}

/** The targets, for the sections that ran. */
function checkTargets(results: Results): NonNullable<Results["targets"]> {
  const targets: NonNullable<Results["targets"]> = [];
  for (const r of results.cpu?.filter((r) => r.key === "c" || r.key === "f") ?? []) {
    const limit = r.answer.startsWith("small") ? 1.25 : 1;
    targets.push({
      target: `(${r.key}) CPU/request <= ${limit.toFixed(2)}x the faster floor, ${r.answer}, concurrency ${r.concurrency}`,
      measured: `${r.vsFloor.toFixed(2)}x`,
      met: r.vsFloor <= limit,
    });
  }
  for (const r of results.import?.filter((r) => r.name.includes("./dist/")) ?? []) {
    targets.push({ target: `${r.name} <= 15 ms (median)`, measured: `${r.medianMs.toFixed(1)} ms`, met: r.medianMs <= 15 });
  }
  const m = results.memory;
  if (m) {
    const met =
      m.gcForced &&
      m.growth < HEAP_NOISE_BYTES &&
      m.abortListenersPeak <= 1 &&
      m.abortListenersLeft === 0 &&
      m.sessionCookies === 1 &&
      m.timersLeft <= 0;
    targets.push({
      target: "heap flat (< 1 MB growth); <= 1 listener on a shared signal, none after; no timer left; one cookie",
      measured: `${(m.growth / 1e6).toFixed(2)} MB`,
      met,
    });
  }
  const largest = results.large && Math.max(...results.large.map((r) => r.multiple));
  if (largest !== undefined) {
    targets.push({ target: "peak memory of a large answer <= 5x its size", measured: `${largest.toFixed(2)}x`, met: largest <= 5 });
  }
  for (const whole of results.size?.filter((r) => r.name.endsWith("entry + openapi-fetch in one file")) ?? []) {
    targets.push({
      target: `${whole.name.replace(" in one file", "")} <= 12 kB min+gz`,
      measured: `${thousands(whole.gzipBytes)} B`,
      met: whole.gzipBytes <= 12_000,
    });
  }
  for (const r of results.typecheck?.filter((r) => r.key === "methods") ?? []) {
    const ratio = vsFloor(results.typecheck!, r);
    if (!ratio) continue;
    targets.push({
      target: `tsc, 20 operation methods <= 1.5x bare openapi-fetch (CPU s and instantiations), skipLibCheck ${r.skipLibCheck}`,
      measured: `${ratio.cpu.toFixed(2)}x / ${ratio.instantiations.toFixed(2)}x`,
      met: ratio.cpu <= 1.5 && ratio.instantiations <= 1.5,
    });
  }
  return targets;
}

main().then(
  // Exit explicitly: keep-alive sockets would hold the process open.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
