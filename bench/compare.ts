// Compares versions of the client in one process, round by round, which resolves smaller
// differences than two separate runs of `npm run bench`:
//   npx tsx --expose-gc bench/compare.ts [--concurrency=32] [--rounds=7] [--per-round=2000] <dir> ...
// Each <dir> holds a src/ and generated/ (e.g. `git archive <commit> src generated | tar -x -C <dir>`;
// `.` is this tree). Prints each version's (c) and (d) time per request relative to (b).
import { bundleClient } from "./load.js";
import { compareSideBySide, startServer, variants, type Variant } from "./http.js";
import { runMain } from "./stats.js";

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

runMain(main);
