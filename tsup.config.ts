import { defineConfig } from "tsup";

// Dual ESM/CJS build of the two entry points, with .d.ts/.d.cts types. package.json says
// "type": "commonjs" on purpose: with "type": "module" the CJS output breaks on require().
export default defineConfig({
  entry: { index: "src/index.ts", session: "src/session/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
  treeshake: true,
});
