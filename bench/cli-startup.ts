// Start-up of the built `convert-api` (dist/cli.js): wall time of whole processes, from spawn to
// exit, next to a bare `node -e 0`. Cases run round-robin so that load from elsewhere falls on all
// of them alike. A call goes to a local server that answers at once.
//   npm run build && npx tsx bench/cli-startup.ts [--runs=20]
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const cli = join(root, "dist/cli.js");
if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run npm run build first");
const runs = Number(process.argv.find((arg) => arg.startsWith("--runs="))?.slice(7) ?? 20);

async function main(): Promise<void> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end('{"id":10034,"name":"Bench shop"}');
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CONVERT_APPLICATION_ID: "bench",
    CONVERT_SECRET_KEY: "bench-secret",
    CONVERT_API_BASE_URL: base,
  };

  const cases: [name: string, args: string[]][] = [
    ["node -e 0 (baseline)", ["-e", "0"]],
    ["convert-api --help", [cli, "--help"]],
    ["convert-api list", [cli, "list"]],
    ["convert-api getProject --help", [cli, "getProject", "--help"]],
    ["convert-api getProject (a call)", [cli, "getProject", "--account", "100012", "--project-id", "10034"]],
  ];

  /** One process, spawned and awaited off the main thread's event loop (spawnSync would block the server). */
  async function time(args: string[]): Promise<number> {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: "ignore" });
    const code = await new Promise<number | null>((done) => child.on("close", done));
    if (code !== 0) throw new Error(`exit ${code}: ${args.join(" ")}`);
    return performance.now() - started;
  }

  spawnSync(process.execPath, ["-e", "0"]); // warm the file cache
  const times = new Map(cases.map(([name]) => [name, [] as number[]]));
  const loadBefore = loadavg()[0]!;
  for (let round = -3; round < runs; round++) {
    for (const [name, args] of cases) {
      const ms = await time(args);
      if (round >= 0) times.get(name)!.push(ms);
    }
  }
  server.close();

  const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`${runs} runs each, load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)} (${process.version})`);
  console.log(`${"".padEnd(34)}${"median".padStart(8)}${"min".padStart(8)}${"p90".padStart(8)}  ms`);
  for (const [name, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `${name.padEnd(34)}${at(sorted, 0.5).toFixed(1).padStart(8)}${sorted[0]!.toFixed(1).padStart(8)}${at(sorted, 0.9).toFixed(1).padStart(8)}`,
    );
  }
}

void main();
