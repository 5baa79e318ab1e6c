import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Options } from "tsup";

/**
 * The web build swaps each `platform/<name>.ts` for its `platform/<name>.web.ts` (WebCrypto
 * signing, fetch as the exchange, no file system): the package's export conditions pick it for
 * workers, browsers, Deno and Bun, so nothing is sniffed at run time.
 */
export const webPlatform: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "web-platform",
  setup(build) {
    build.onResolve({ filter: /\/platform\/[a-z-]+\.js$/ }, (args) => {
      const web = resolve(args.resolveDir, args.path.replace(/\.js$/, ".web.ts"));
      return existsSync(web) ? { path: web } : undefined;
    });
  },
};

/**
 * The `convert-api` command: one CommonJS file (it starts faster than an ES module graph) whose
 * commands are loaded lazily (esbuild keeps each dynamic import() unevaluated until called). The
 * #! line comes from src/cli/index.ts; tsup makes the file executable. The CLI tests build it
 * with these options too.
 */
export const cliBuild = {
  entry: { cli: "src/cli/index.ts" },
  format: ["cjs"],
  dts: false,
  splitting: false,
  sourcemap: true,
  clean: false,
  shims: true, // import.meta.url, which src/cli/spec.ts resolves the bundled spec from
  target: "node20",
  platform: "node",
} satisfies Options;

export default defineConfig([
  // Dual ESM/CJS build of the two library entry points, with .d.ts/.d.cts types. package.json says
  // "type": "commonjs" on purpose: with "type": "module" the CJS output breaks on require().
  {
    entry: { index: "src/index.ts", session: "src/session/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: ["!cli.*"], // the CLI build below writes beside it, at the same time
    target: "node20",
    platform: "node",
    treeshake: true,
  },
  {
    entry: { index: "src/index.ts", session: "src/session/index.ts" },
    outDir: "dist/web",
    format: ["esm"],
    dts: false,
    splitting: true,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
    esbuildPlugins: [webPlatform],
  },
  cliBuild,
]);
