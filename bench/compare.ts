// Compares versions of the client in one process, round by round, which resolves smaller
// differences than two separate runs of `npm run bench`:
//   npx tsx --expose-gc bench/compare.ts [--concurrency=32] [--rounds=7] [--per-round=2000] <dir> ...
// Each <dir> holds a src/ and generated/ (e.g. `git archive <commit> src generated | tar -x -C <dir>`;
// `.` is this tree). Prints each version's (c) and (d) time per request relative to (b).
import { bundleClient } from "./load.js";
import { drive, startServer, variants, type Variant } from "./http.js";
import { collectGarbage, median } from "./stats.js";

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
  const concurrency = option("concurrency", 32);
  const rounds = option("rounds", 7);
  const perRound = option("per-round", 2000);
  const dirs = args.filter((a) => !a.startsWith("--"));
  if (dirs.length === 0) throw new Error("give at least one directory with a src/ to measure");

  const server = await startServer();
  const runs: { name: string; send: Variant["send"] }[] = [];
  for (const dir of dirs) {
    const all = variants(server.baseUrl, (await bundleClient(dir)).index);
    if (runs.length === 0) runs.push({ name: "(b)", send: all[1]!.send });
    runs.push({ name: `${dir} (c)`, send: all[2]!.send }, { name: `${dir} (d)`, send: all[3]!.send });
  }
  for (const { send } of runs) await drive(send, 500, concurrency);
  const times = new Map<string, number[]>(runs.map((r) => [r.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < runs.length; i++) {
      const { name, send } = runs[(i + round) % runs.length]!;
      collectGarbage();
      const { wallMs } = await drive(send, perRound, concurrency);
      times.get(name)!.push((wallMs / perRound) * 1000);
    }
  }
  server.close();
  const b = times.get("(b)")!;
  console.log(`concurrency ${concurrency}, ${rounds} rounds of ${perRound}: µs per request (median), and x(b) (median of per-round ratios)`);
  for (const [name, t] of times) console.log(`${name.padEnd(40)} ${median(t).toFixed(0).padStart(6)} µs  x(b) ${median(t.map((v, i) => v / b[i]!)).toFixed(2)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
