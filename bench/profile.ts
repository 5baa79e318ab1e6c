// Runs one variant of the HTTP benchmark for a CPU profile of the hot path:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts d 32 20000
//   node bench/profile-summary.mjs /tmp/prof/*.cpuprofile
// Arguments: variant (a|b|c|d, default d), concurrency (default 32), requests (default 20000).
import { drive, startServer, variants } from "./http.js";
import { loadClient } from "./load.js";
import { runMain } from "./stats.js";

async function main() {
  const [key = "d", concurrency = "32", count = "20000"] = process.argv.slice(2);
  const { index } = await loadClient();
  const server = await startServer();
  const variant = variants(server.baseUrl, index).find((v) => v.key === key);
  if (!variant) throw new Error(`no variant ${key}`);
  await drive(variant.send, 1_000, Number(concurrency));
  const { wallMs } = await drive(variant.send, Number(count), Number(concurrency));
  console.log(`(${key}) ${variant.name}: ${Math.round((Number(count) / wallMs) * 1000)} req/s at concurrency ${concurrency}`);
  server.close();
}

runMain(main);
