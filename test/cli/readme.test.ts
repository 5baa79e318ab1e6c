// Every shell block of README.md's "Command line" section runs, as written, against the Prism mock
// of the bundled spec, with `convert-api` on PATH being the built binary.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, inject, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("\n## Command line\n"), readme.indexOf("\n## ", readme.indexOf("\n## Command line\n") + 1));
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
const dir = mkdtempSync(join(tmpdir(), "convert-cli-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("the Command line section has shell blocks that use convert-api", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  expect(blocks.every((block) => block.includes("convert-api "))).toBe(true);
});

it.each(blocks.map((block, index) => [index + 1, block] as const))("README Command line block #%i runs", (index, block) => {
  // A reader runs the blocks in order: the variables earlier blocks export still hold.
  const exports = blocks.slice(0, index - 1).flatMap((earlier) => earlier.split("\n").filter((line) => line.startsWith("export ")));
  const bin = join(dir, "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, "convert-api"), `#!/bin/sh\nexec "${process.execPath}" "${inject("cliPath")}" "$@"\n`);
  chmodSync(join(bin, "convert-api"), 0o755);
  const result = spawnSync("bash", ["--norc", "--noprofile", "-euo", "pipefail", "-c", [...exports, block].join("\n")], {
    cwd: dir,
    encoding: "utf8",
    input: "s3cr3t-test-key-do-not-use\n", // what `convert-api login` asks for
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, "config"),
      CONVERT_API_BASE_URL: inject("prismUrl"),
    },
  });
  // Nothing failed, and nothing but the login's prompt and confirmation went to stderr.
  expect(result.stderr.replace(/API key secret: \nconvert-api: saved profile "work" .*\n/, "")).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).not.toContain("s3cr3t-test-key-do-not-use");
});

it("the blocks left what they say they write", () => {
  expect(readFileSync(join(dir, "goals.ndjson"), "utf8").trimEnd().split("\n").length).toBeGreaterThanOrEqual(1);
  expect(existsSync(join(dir, "brief.pdf"))).toBe(true);
  expect(existsSync(join(dir, "config", "convert-api-client", "profiles", "work.json"))).toBe(true);
});
