// Builds the `convert-api` binary with the package's own build options into a package layout of its
// own (package.json, generated/openapi.json, node_modules), so that tests spawn the built file
// without racing a `npm run build` of dist/ elsewhere in the run.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "tsup";
import type { TestProject } from "vitest/node";
import { cliBuild } from "../../tsup.config.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built dist/cli.js. */
    cliPath: string;
  }
}

const root = resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "convert-cli-build-"));
  copyFileSync(join(root, "package.json"), join(dir, "package.json"));
  mkdirSync(join(dir, "generated"));
  symlinkSync(join(root, "generated/openapi.json"), join(dir, "generated/openapi.json"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  await build({ ...cliBuild, outDir: join(dir, "dist"), silent: true, config: false });
  project.provide("cliPath", join(dir, "dist/cli.js"));
  return () => rmSync(dir, { recursive: true, force: true });
}
