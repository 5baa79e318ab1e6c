// The built binary against the Prism mock of the bundled spec: requests that the spec accepts,
// answers from its examples, and help and completion made from it.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { printed, runCli } from "../support/cli.js";

const SECRET = "prism-s3cret-0a1b2c";
const dir = mkdtempSync(join(tmpdir(), "convert-cli-prism-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const text of printed) expect(text).not.toContain(SECRET);
});
const env = {
  CONVERT_APPLICATION_ID: "prism_app",
  CONVERT_SECRET_KEY: SECRET,
  CONVERT_API_BASE_URL: inject("prismUrl"),
  CONVERT_ACCOUNT_ID: "100012",
  CONVERT_PROJECT_ID: "10034",
  XDG_CONFIG_HOME: join(dir, "config"),
};
const cli = (args: string[], input?: string) => runCli(args, { env, input, cwd: dir });

describe("against Prism", () => {
  it("reads", async () => {
    const run = await cli(["getExperience", "--experience-id", "100200", "--query.include", "variations"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 100200, name: "Homepage hero test" });
    expect(run.status).toBe(0);
  });

  it("creates from @file.json and from standard input (Prism checks the body against the spec)", async () => {
    writeFileSync(join(dir, "tag.json"), '{"name":"Checkout"}');
    const fromFile = await cli(["createTag", "--body", "@tag.json"]);
    const fromStdin = await cli(["createTag", "--body", "-"], '{"name":"Pricing"}');
    expect([fromFile.stderr, fromStdin.stderr]).toEqual(["", ""]);
    expect(JSON.parse(fromFile.stdout)).toHaveProperty("id");
    expect([fromFile.status, fromStdin.status]).toEqual([0, 0]);
    const invalid = await cli(["createTag", "--body", '{"name":5}']);
    expect(invalid.stderr).toMatch(/^convert-api: createTag: POST .* answered HTTP 422/);
    expect(invalid.status).toBe(3);
  });

  it("--paginate ends on the mock's single page of examples", async () => {
    const run = await cli(["getGoalsList", "--paginate"]);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty("id");
    expect(run.status).toBe(0);
  });

  it("describes an operation from the spec in --help, on stdout, exit 0", async () => {
    const run = await cli(["createExperience", "--help"]);
    expect(run.stdout).toMatch(
      /^Usage: convert-api createExperience \[options\]\n\nPOST \/accounts\/\{account_id\}\/projects\/\{project_id\}\/experiences\/add\n/,
    );
    expect(run.stdout).toMatch(/\nBody fields \(JSON for --body\):\n {2}name +[^\n]*\n(?: {20,}[^\n]*\n)* {2}\w+ /);
    expect(run.stdout).toMatch(/\n {2}name {2,}.*\(string; required\)\n/);
    const flat = run.stdout.replace(/\s+/g, " ");
    expect(flat).toMatch(/ status [^(]*\("draft" \| "active" \| "paused" \| "completed" \| "scheduled" \|[^)]*; required\) /);
    expect(run.stdout).toMatch(/\nExample:\n {2}\$ convert-api createExperience --account-id 100012 --project-id 10034 --body '\{"name":/);
    expect(run.status).toBe(0);
    const list = await cli(["list", "heatmap", "background"]);
    expect(list.stdout).toMatch(/^POST +getExperienceHeatmapBackground +\/accounts\/.*\/background {2}Get Heatmap Background Image\n$/);
  });

  it("completes in bash with the script it prints", () => {
    const bin = join(dir, "bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "convert-api"), `#!/bin/sh\nexec "${process.execPath}" "${inject("cliPath")}" "$@"\n`);
    chmodSync(join(bin, "convert-api"), 0o755);
    const script = `eval "$(convert-api completion bash)"
COMP_WORDS=(convert-api getExperienceH); COMP_CWORD=1; _convert_api; echo "\${COMPREPLY[*]}"
COMP_WORDS=(convert-api getExperience --query.inc); COMP_CWORD=2; _convert_api; echo "\${COMPREPLY[*]}"
COMP_WORDS=(convert-api getGoal --output ''); COMP_CWORD=3; _convert_api; echo "\${COMPREPLY[*]}"`;
    const result = spawnSync("bash", ["--norc", "--noprofile", "-c", script], {
      encoding: "utf8",
      env: { PATH: `${bin}:${process.env.PATH}` },
    });
    const [operations, flags, choices] = result.stdout.split("\n");
    expect(operations!.split(" ").sort()).toEqual([
      "getExperienceHeatmapBackground",
      "getExperienceHeatmapOverlay",
      "getExperienceHistory",
    ]);
    expect([flags, choices]).toEqual(["--query.include", "json table"]);
  });
});
