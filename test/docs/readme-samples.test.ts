// Every TypeScript sample in README.md must compile against the current sources, so the docs
// cannot drift from the API. Each ```ts block is type-checked as its own module.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";
import { readmeTypeScriptSamples } from "../support/readme.js";

const root = resolve(import.meta.dirname, "../..");
const samples = readmeTypeScriptSamples();
const dir = mkdtempSync(join(tmpdir(), "convert-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("README.md has TypeScript samples", () => {
  expect(samples.length).toBeGreaterThanOrEqual(10);
});

it("every README sample type-checks", () => {
  const files = samples.map((code, index) => {
    const file = join(dir, `sample-${index + 1}.ts`);
    writeFileSync(file, code.includes("import ") || code.includes("export ") ? code : `${code}\nexport {};\n`);
    return file;
  });
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      compilerOptions: { noEmit: true, noUnusedLocals: false, noUnusedParameters: false, typeRoots: [join(root, "node_modules/@types")] },
      include: files,
    }),
  );
  const result = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], {
    encoding: "utf8",
  });
  // Name the README block behind each error, so a broken sample is easy to find.
  const output = result.stdout.replace(/[^\s]*sample-(\d+)\.ts/g, "README ```ts block #$1");
  expect(output).toBe("");
  expect(result.status).toBe(0);
}, 120_000);
