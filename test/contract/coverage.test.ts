// Keeps the contract suite laid out as one file per spec/paths/*.yaml, each calling every operation
// that its spec file defines, so a new tag or operation cannot land without a test against Prism.
// It reads the files as text and needs no server.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

/** Contract files that are about something other than one tag. */
const crossCutting = ["auth-methods", "coverage", "errors"];

/** The operations as Prism serves them: method and path of each operationId. */
const bundled = JSON.parse(read("generated/openapi.json")) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const operations = new Map<string, { method: string; path: string }>();
for (const [path, item] of Object.entries(bundled.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    if (operation.operationId) operations.set(operation.operationId, { method: method.toUpperCase(), path });
  }
}

/** Tag file name (without .yaml) -> the operationIds it defines. */
const tagFiles = new Map(
  readdirSync(new URL("spec/paths/", root))
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => [
      file.slice(0, -".yaml".length),
      [...read(`spec/paths/${file}`).matchAll(/^\s+operationId:\s*(\S+)\s*$/gm)].map((match) => match[1]!),
    ]),
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An operation counts as exercised when a test calls its method, names it as a string or sends its method + path. */
function exercises(test: string, operationId: string): boolean {
  const operation = operations.get(operationId);
  if (!operation) return false; // not in the bundle: the test above says so
  const { method, path } = operation;
  return [
    new RegExp(`\\.${operationId}\\(`),
    new RegExp(`["'\`]${operationId}["'\`]`),
    new RegExp(`\\.${method}\\(\\s*["'\`]${escapeRegExp(path)}["'\`]`),
  ].some((pattern) => pattern.test(test));
}

describe("contract suite layout", () => {
  it("every spec/paths file has its test/contract file", () => {
    const missing = [...tagFiles.keys()].map((tag) => `test/contract/${tag}.test.ts`).filter((file) => !existsSync(new URL(file, root)));
    expect(missing).toEqual([]);
  });

  it("every contract file is a tag's or a cross-cutting one", () => {
    const strays = readdirSync(new URL("test/contract/", root))
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => file.slice(0, -".test.ts".length))
      .filter((name) => !tagFiles.has(name) && !crossCutting.includes(name));
    expect(strays).toEqual([]);
  });

  it("the spec/paths files define every operation of the bundled spec, once", () => {
    const defined = [...tagFiles.values()].flat();
    expect(defined.sort()).toEqual([...operations.keys()].sort());
  });

  it("every operation is exercised by its tag's contract file", () => {
    const untested: string[] = [];
    for (const [tag, operationIds] of tagFiles) {
      const file = `test/contract/${tag}.test.ts`;
      const test = existsSync(new URL(file, root)) ? read(file) : "";
      for (const id of operationIds) {
        if (!exercises(test, id)) untested.push(`${tag}: ${id} (${operations.get(id)?.method} ${operations.get(id)?.path})`);
      }
    }
    expect(untested).toEqual([]);
  });
});
