// Section 5: bytes of the runtime entry a consumer ships, minified and gzipped.

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface SizeRow {
  name: string;
  minifiedBytes: number;
  gzipBytes: number;
}

const repo = fileURLToPath(new URL("..", import.meta.url));
// BENCH_SRC: measure another version of src/ (see bench/load.ts), with this repository's packages.
const root = process.env.BENCH_SRC ?? repo;

/** `src/index.ts` bundled as ESM for node, minified; gzip level 9. */
export async function benchSize(): Promise<SizeRow[]> {
  const cases = [
    { name: "src/index.ts, openapi-fetch bundled", external: [] as string[] },
    { name: "src/index.ts, openapi-fetch external", external: ["openapi-fetch"] },
  ];
  const rows: SizeRow[] = [];
  for (const { name, external } of cases) {
    const result = await build({
      absWorkingDir: root,
      nodePaths: [join(repo, "node_modules")],
      entryPoints: ["src/index.ts"],
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      minify: true,
      write: false,
      external,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    rows.push({ name, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength });
  }
  return rows;
}
