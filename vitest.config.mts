import { defineConfig } from "vitest/config";

// Test projects by cost; `npm test` runs them all, `npm run test:<name>` one (see CONTRIBUTING.md).
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      // In-process: local servers on 127.0.0.1, fake clocks. No Prism, browser or npm pack.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      // Compile-time assertions on the public types (expectTypeOf), checked by tsc.
      {
        extends: true,
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["test/types/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      // Every tag of the spec against one Prism mock of the bundled spec.
      { extends: true, test: { name: "contract", include: ["test/contract/**/*.test.ts"], globalSetup: ["test/setup/global-setup.ts"] } },
      // README's samples type-checked and run, the reference's type-checked, the recipes run; the references built once and opened in Chromium.
      {
        extends: true,
        test: {
          name: "docs",
          include: ["test/docs/**/*.test.ts"],
          globalSetup: ["test/setup/global-setup.ts", "test/setup/docs-build.ts"],
        },
      },
      // The packed package on Node 22/24, Bun, Deno, workerd and Chromium (npm run runtimes:install first).
      {
        extends: true,
        test: { name: "runtimes", include: ["test/runtimes/**/*.test.ts"], globalSetup: ["test/runtimes/setup.ts"], testTimeout: 60_000 },
      },
      // The built `convert-api` binary, spawned against Prism and against local servers.
      {
        extends: true,
        test: { name: "cli", include: ["test/cli/**/*.test.ts"], globalSetup: ["test/setup/global-setup.ts", "test/setup/cli-build.ts"] },
      },
      // The packed tarball installed into fresh consumer projects.
      { extends: true, test: { name: "package", include: ["test/package/**/*.test.ts"] } },
    ],
  },
});
