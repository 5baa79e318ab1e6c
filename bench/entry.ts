// Sections "import" (time to load the package entry in a fresh process) and "size" (bytes of the
// runtime entry), plus undici's install size for the exchange decision.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { webPlatform } from "../tsup.config.js";
import { median, REPO } from "./lib.js";

/** Newest modification time of the files under `path` (or of `path` itself). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path, { recursive: true, encoding: "utf8" }).map((file) => statSync(join(path, file)).mtimeMs));
}

/**
 * Runs `npm run build` unless dist/ is newer than everything tsup builds it from. CI builds dist/
 * just before (lint:package), so there the bench reuses it. Returns whether it built.
 */
export function ensureDist(): boolean {
  const outputs = ["dist/index.js", "dist/index.mjs", "dist/index.d.ts"].map((file) => join(REPO, file));
  const inputs = ["src", "generated", "package.json", "tsup.config.ts"].map((file) => newest(join(REPO, file)));
  let built: number;
  try {
    built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  } catch {
    built = 0; // missing
  }
  if (built >= Math.max(...inputs)) return false;
  const run = spawnSync("npm", ["run", "--silent", "build"], { cwd: REPO, stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) throw new Error(`npm run build failed (exit ${run.status})`);
  return true;
}

export interface ImportRow {
  name: string;
  /** Median ms of the `require`/`import()` call itself, process start-up excluded. */
  medianMs: number;
  /** Median CPU ms of the same call. */
  medianCpuMs: number;
  samples: number[];
  cpuSamples: number[];
}

/**
 * Each case in `processes` fresh `node` processes (no flags), taking turns so that a slow spell
 * of the machine hits every case alike; the child times its own require/import() call.
 */
export function benchImport(processes: number): ImportRow[] {
  const empty = mkdtempSync(join(tmpdir(), "convert-bench-empty-"));
  writeFileSync(join(empty, "empty.cjs"), "");
  writeFileSync(join(empty, "empty.mjs"), "");
  // Wall time is what a user waits; CPU time (user + system) is the same work less the waits
  // for other processes, so it stays readable on a busy machine.
  const timed = (load: string) =>
    `const t=performance.now(),c=process.cpuUsage();${load};const u=process.cpuUsage(c);` +
    "console.log(JSON.stringify([performance.now()-t,(u.user+u.system)/1000]))";
  const cjs = (spec: string) => ["-e", timed(`require(${JSON.stringify(spec)})`)];
  const esm = (spec: string) => ["--input-type=module", "-e", timed(`await import(${JSON.stringify(spec)})`)];
  const cases = [
    { name: 'require("./dist/index.js")', args: cjs("./dist/index.js") },
    { name: 'import("./dist/index.mjs")', args: esm("./dist/index.mjs") },
    { name: 'openapi-fetch alone: require("openapi-fetch")', args: cjs("openapi-fetch") },
    { name: 'openapi-fetch alone: import("openapi-fetch")', args: esm("openapi-fetch") },
    { name: "empty CJS file: require(...) (the loader's own cost)", args: cjs(join(empty, "empty.cjs")) },
    { name: "empty ESM file: import(...) (the loader's own cost)", args: esm(pathToFileURL(join(empty, "empty.mjs")).href) },
    { name: 'require("node:http")', args: cjs("node:http") },
    { name: 'require("undici")', args: cjs("undici") },
    { name: 'import("undici")', args: esm("undici") },
  ];
  const samples = cases.map(() => [] as number[]);
  const cpuSamples = cases.map(() => [] as number[]);
  try {
    for (let p = 0; p < processes; p++) {
      for (let i = 0; i < cases.length; i++) {
        const at = (i + p) % cases.length;
        const run = spawnSync(process.execPath, cases[at]!.args, { cwd: REPO, encoding: "utf8" });
        if (run.status !== 0) throw new Error(`${cases[at]!.name} failed:\n${run.stderr}`);
        const [wall, cpu] = JSON.parse(run.stdout) as [number, number];
        samples[at]!.push(wall);
        cpuSamples[at]!.push(cpu);
      }
    }
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  return cases.map(({ name }, i) => ({
    name,
    medianMs: median(samples[i]!),
    medianCpuMs: median(cpuSamples[i]!),
    samples: samples[i]!,
    cpuSamples: cpuSamples[i]!,
  }));
}

export interface SizeRow {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
}

/** Optional peer dependencies: loaded only by the options that need them, never part of an entry. */
const OPTIONAL_PEERS = ["undici", "tough-cookie"];

/**
 * `src/index.ts` under `root` bundled and minified, gzip level 9: the Node entry as imported
 * (openapi-fetch external: it is loaded with the first raw call), with openapi-fetch in the same
 * file, and the web entry (the build that workers, browsers, Deno and Bun get) with openapi-fetch.
 */
export async function benchSize(root: string, label: string): Promise<SizeRow[]> {
  const cases = [
    { name: `${label}node entry, openapi-fetch external (loaded lazily)`, external: ["openapi-fetch"], web: false },
    { name: `${label}node entry + openapi-fetch in one file`, external: [], web: false },
    { name: `${label}web entry + openapi-fetch in one file`, external: [], web: true },
  ];
  const rows: SizeRow[] = [];
  for (const { name, external, web } of cases) {
    const result = await build({
      absWorkingDir: root,
      nodePaths: [join(REPO, "node_modules")], // BENCH_SRC uses this repository's packages
      entryPoints: ["src/index.ts"],
      bundle: true,
      format: "esm",
      platform: web ? "neutral" : "node",
      target: web ? "es2022" : "node20",
      ...(web && { plugins: [webPlatform], mainFields: ["module", "main"] }),
      minify: true,
      write: false,
      external: [...external, ...OPTIONAL_PEERS],
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    rows.push({ name, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength });
  }
  return rows;
}

export interface PackageSize {
  name: string;
  version: string;
  files: number;
  bytes: number;
  dependencies: number;
}

/** What installing a package adds: its files in node_modules (undici has no dependencies of its own). */
export function installSize(name: string): PackageSize {
  const dir = join(REPO, "node_modules", name);
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => statSync(join(dir, file)))
    .filter((stat) => stat.isFile());
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string; dependencies?: object };
  return {
    name,
    version: manifest.version,
    files: files.length,
    bytes: files.reduce((sum, stat) => sum + stat.size, 0),
    dependencies: Object.keys(manifest.dependencies ?? {}).length,
  };
}
