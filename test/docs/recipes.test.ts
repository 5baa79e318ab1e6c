// The recipes of docs/recipes.md (examples/recipes/*.ts): each type-checks, and each runs to
// completion with tsx, as its header says, against the Prism mock behind the proxy that verifies
// every request's signature (scripts/verifying-proxy.ts), making the requests its recipe says.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startVerifyingProxy, type VerifyingProxy } from "../../scripts/verifying-proxy.js";

const root = resolve(import.meta.dirname, "../..");
const recipes = readdirSync(join(root, "examples/recipes"))
  .filter((file) => file.endsWith(".ts"))
  .sort();
const dir = mkdtempSync(join(tmpdir(), "convert-recipes-"));
const key = { applicationId: "recipes_application", secretKey: "recipes-secret-not-a-real-key" };
const TARGET_PROJECT = 10035;

let proxy: VerifyingProxy;
beforeAll(async () => {
  // The mock answers one goal list for every project; the proxy answers the target project of
  // copy-goals with an empty one, so that the copy has goals to create.
  const emptyPage = { data: [], extra: { pagination: { current_page: 1, items_count: 0, items_per_page: 50, pages_count: 1 } } };
  proxy = await startVerifyingProxy(inject("prismUrl"), { [key.applicationId]: key.secretKey }, (method, target) =>
    method === "POST" && target === `/accounts/100012/projects/${TARGET_PROJECT}/goals` ? { status: 200, body: emptyPage } : undefined,
  );
});
afterAll(async () => {
  await proxy?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("docs/recipes.md links every recipe, and every recipe it links exists", () => {
  const page = readFileSync(join(root, "docs/recipes.md"), "utf8");
  const linked = [...page.matchAll(/\]\(\.\.\/examples\/recipes\/([\w-]+\.ts)\)/g)].map((match) => match[1]);
  expect([...new Set(linked)].sort()).toEqual(recipes);
  expect(recipes.length).toBeGreaterThanOrEqual(4);
});

it("every recipe type-checks against src/", () => {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      compilerOptions: { noEmit: true, typeRoots: [join(root, "node_modules/@types")] },
      include: recipes.map((file) => join(root, "examples/recipes", file)),
    }),
  );
  const result = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], {
    encoding: "utf8",
  });
  expect(result.stdout).toBe("");
  expect(result.status).toBe(0);
}, 60_000);

/** Runs a recipe as its header says (npx tsx examples/recipes/<file> ...), from the repository. */
function runRecipe(file: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join("examples/recipes", file), ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: dir,
      CONVERT_API_BASE_URL: proxy.url,
      CONVERT_APPLICATION_ID: key.applicationId,
      CONVERT_SECRET_KEY: key.secretKey,
      CONVERT_ACCOUNT_ID: "100012",
      CONVERT_PROJECT_ID: "10034",
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

/** The requests that reached the proxy while `run` ran, as "METHOD /path", and any bad signature. */
async function requestsOf<T>(run: () => Promise<T>): Promise<{ result: T; requests: string[]; problems: string[] }> {
  const before = proxy.verdicts.length;
  const result = await run();
  const made = proxy.verdicts.slice(before);
  return {
    result,
    requests: made.map((verdict) => `${verdict.method} ${verdict.target.split("?")[0]}`),
    problems: made.flatMap((verdict) => (verdict.problem ? [`${verdict.target}: ${verdict.problem}`] : [])),
  };
}

// One after the other: each reads the proxy's record of its own requests.
describe.sequential("each recipe runs to completion against the mock, with signed requests", () => {
  it("pause-running-experiences pauses the active experience of the mock's list", async () => {
    const { result, requests, problems } = await requestsOf(() => runRecipe("pause-running-experiences.ts", []));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    // The mock lists one active and one paused experience: only the active one is paused.
    expect(result.stdout).toBe("paused 1 running experience(s): 100200\n");
    expect(requests).toEqual([
      "POST /accounts/100012/projects/10034/experiences",
      "POST /accounts/100012/projects/10034/experiences/bulk-update",
    ]);
    expect(problems).toEqual([]);
  }, 60_000);

  it("export-report writes the report as CSV", async () => {
    const file = join(dir, "report.csv");
    const { result, requests, problems } = await requestsOf(() => runRecipe("export-report.ts", ["100200", file]));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`wrote 1 row(s) of experience 100200's report to ${file}\n`);
    expect(readFileSync(file, "utf8")).toBe(
      "goal_id,variation_id,variation,baseline,visitors,conversions,conversion_rate,change_percent,confidence\n" +
        "100200,100301,Short headline,false,12034,412,3.42,12.5,96.4\n",
    );
    expect(requests).toEqual(["POST /accounts/100012/projects/10034/experiences/100200/aggregated_report"]);
    expect(problems).toEqual([]);
  }, 60_000);

  it("copy-goals creates the source project's goals in the target project", async () => {
    const { result, requests, problems } = await requestsOf(() => runRecipe("copy-goals.ts", ["10034", String(TARGET_PROJECT)]));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("copied 1 goal(s):\n  100500 -> 100500 Purchase completed\n");
    // The target's list first (the proxy answers it), the source's, then the create in the target.
    expect(requests).toEqual([
      `POST /accounts/100012/projects/${TARGET_PROJECT}/goals`,
      "POST /accounts/100012/projects/10034/goals",
      `POST /accounts/100012/projects/${TARGET_PROJECT}/goals/add`,
    ]);
    expect(problems).toEqual([]);
  }, 60_000);

  it("create-locations-from-csv creates one location per row of the sample file", async () => {
    const { result, requests, problems } = await requestsOf(() =>
      runRecipe("create-locations-from-csv.ts", ["examples/recipes/locations.csv"]),
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('"Blog, all posts" (URL contains /blog/)');
    expect(result.stdout).toContain("created 3 of 3 location(s) from examples/recipes/locations.csv\n");
    expect(requests).toEqual(Array(3).fill("POST /accounts/100012/projects/10034/locations/add"));
    expect(problems).toEqual([]);
  }, 60_000);
});
