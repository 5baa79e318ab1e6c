// Compares versions of the client in one process, round by round, which resolves smaller
// differences than two separate runs of `npm run bench`:
//   npx tsx --expose-gc bench/compare.ts [--concurrency=32] [--rounds=7] [--per-round=2000] <dir> ...
// Each <dir> holds a src/ and generated/ (e.g. `git archive <commit> src generated | tar -x -C <dir>`;
// `.` is this tree). Prints each version's (c) and (d) time per request relative to (b).

import { drive, startServer, type Variant, variants } from "./http.js";
import { bundleClient } from "./load.js";
import { collectGarbage, median, runMain } from "./stats.js";

async function main() {
  const args = process.argv.slice(2);
  const dirs = args.filter((a) => !a.startsWith("--"));
  if (dirs.length === 0) throw new Error("give at least one directory with a src/ to measure");
  const server = await startServer();
  const runs: [string, Variant["send"]][] = [];
  for (const dir of dirs) {
    const all = variants(server.baseUrl, (await bundleClient(dir)).index);
    if (runs.length === 0) runs.push(["(b)", all[1]!.send]);
    runs.push([`${dir} (c)`, all[2]!.send], [`${dir} (d)`, all[3]!.send]);
  }
  await compareSideBySide(runs, args);
  server.close();
}

/**
 * Warms each run up, then alternates their order over rounds and prints each one's time per
 * request relative to the first run. Options come from `--concurrency=`, `--rounds=` and
 * `--per-round=` in `args`.
 */
async function compareSideBySide(runs: [name: string, send: (i: number) => Promise<unknown>][], args: string[]) {
  const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
  const concurrency = option("concurrency", 32);
  const rounds = option("rounds", 7);
  const perRound = option("per-round", 2000);
  for (const [, send] of runs) await drive(send, 500, concurrency);
  const times = new Map<string, number[]>(runs.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < runs.length; i++) {
      const [name, send] = runs[(i + round) % runs.length]!;
      collectGarbage();
      const { wallMs } = await drive(send, perRound, concurrency);
      times.get(name)!.push((wallMs / perRound) * 1000);
    }
  }
  const base = times.get(runs[0]![0])!;
  console.log(
    `concurrency ${concurrency}, ${rounds} rounds of ${perRound}: µs per request (median), and x(b) (median of per-round ratios)`,
  );
  for (const [name, t] of times) {
    console.log(`${name.padEnd(44)} ${median(t).toFixed(0).padStart(6)} µs  x(b) ${median(t.map((v, i) => v / base[i]!)).toFixed(2)}`);
  }
}

runMain(main);
