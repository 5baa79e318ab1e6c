// scripts/spec-diff.mjs and scripts/check-shapes.mjs on small documents: what they call breaking,
// when --check lets a breaking change through, which components count as one shape, and which
// arrays two allOf members both declare.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module without types
import { duplicateShapes, splitArrays } from "../../../scripts/lib/shapes.mjs";

const root = resolve(import.meta.dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "convert-spec-checks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Doc = Record<string, unknown>;

/** A one-operation document: POST /goals with a body and a 200 answer of `Goal`. */
function doc(parts: { body?: Doc; goal?: Doc; schemas?: Record<string, Doc> } = {}): Doc {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/goals": {
        post: {
          operationId: "updateGoal",
          requestBody: {
            required: true,
            content: { "application/json": { schema: parts.body ?? { type: "object", properties: { name: { type: "string" } } } } },
          },
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Goal" } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Goal: parts.goal ?? {
          type: "object",
          properties: { id: { type: "integer" }, status: { type: "string", enum: ["active", "archived"] } },
          required: ["id"],
        },
        ...parts.schemas,
      },
    },
  };
}

let count = 0;
function specDiff(base: Doc, head: Doc, extra: string[] = [], changesets: Record<string, string> = {}) {
  const at = join(dir, String(++count));
  mkdirSync(join(at, "changesets"), { recursive: true });
  writeFileSync(join(at, "base.json"), JSON.stringify(base));
  writeFileSync(join(at, "head.json"), JSON.stringify(head));
  writeFileSync(join(at, "package.json"), JSON.stringify({ version: "0.3.0" }));
  for (const [name, text] of Object.entries(changesets)) writeFileSync(join(at, "changesets", name), text);
  const args = ["--base", join(at, "base.json"), "--head", join(at, "head.json"), "--changesets", join(at, "changesets")];
  const result = spawnSync(
    process.execPath,
    [join(root, "scripts/spec-diff.mjs"), ...args, "--package", join(at, "package.json"), ...extra],
    {
      encoding: "utf8",
    },
  );
  const [breaking = "", other = ""] = result.stdout.split(/\nnot breaking: \d+\n/);
  return { status: result.status, breaking, other, stderr: result.stderr };
}

describe("spec-diff", () => {
  it("the same document: nothing to report", () => {
    const { status, breaking, other } = specDiff(doc(), doc());
    expect(status).toBe(0);
    expect(breaking).toContain("breaking: 0");
    expect(other.trim()).toBe("");
  });

  it("an answer field removed, or an enum value added to an answer, is breaking", () => {
    const head = doc({ goal: { type: "object", properties: { status: { type: "string", enum: ["active", "archived", "deleted"] } } } });
    const { breaking } = specDiff(doc(), head);
    expect(breaking).toContain("responses.200[application/json].id: removed");
    expect(breaking).toContain('responses.200[application/json].status: enum gains "deleted" (widened)');
  });

  it("a new required input is breaking, a new optional one is not", () => {
    const required = doc({
      body: { type: "object", properties: { name: { type: "string" }, key: { type: "string" } }, required: ["key"] },
    });
    expect(specDiff(doc(), required).breaking).toContain("requestBody[application/json].key: added, required");
    const optional = doc({ body: { type: "object", properties: { name: { type: "string" }, key: { type: "string" } } } });
    const { breaking, other } = specDiff(doc(), optional);
    expect(breaking).toContain("breaking: 0");
    expect(other).toContain("requestBody[application/json].key: added");
  });

  it("a narrowed input type is breaking; a renamed component is breaking and its twin named", () => {
    const base = doc({
      body: { $ref: "#/components/schemas/Old" },
      schemas: { Old: { type: "object", properties: { n: { type: ["integer", "null"] } } } },
    });
    const head = doc({
      body: { $ref: "#/components/schemas/New" },
      schemas: { New: { type: "object", properties: { n: { type: "integer" } } } },
    });
    expect(specDiff(base, head).breaking).toContain("requestBody[application/json].n: null no longer allowed (narrowed)");
    const renamed = doc({
      body: { $ref: "#/components/schemas/New" },
      schemas: { New: { type: "object", properties: { n: { type: ["integer", "null"] } } } },
    });
    const { breaking } = specDiff(base, renamed);
    expect(breaking).toContain("components.schemas.Old: removed; same structure: New");
    expect(breaking).not.toContain("requestBody");
  });

  it("--check fails on a breaking change no minor changeset names, and passes once one does", () => {
    const head = doc({ goal: { type: "object", properties: { status: { type: "string" } } } });
    const unnamed = specDiff(doc(), head, ["--check"], { "a.md": '---\n"convert-api-client": minor\n---\n\nSomething else.\n' });
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toContain("no minor or major changeset names: updateGoal");
    const patch = specDiff(doc(), head, ["--check"], {
      "a.md": '---\n"convert-api-client": patch\n---\n\n`updateGoal` answers no `id`.\n',
    });
    expect(patch.status).toBe(1);
    const named = specDiff(doc(), head, ["--check"], {
      "a.md": '---\n"convert-api-client": minor\n---\n\n`updateGoal` answers no `id`.\n',
    });
    expect(named.status).toBe(0);
  });
});

describe("check-shapes", () => {
  it("finds schemas of one structure, whatever their prose, and schemas that only wrap another ($ref, allOf of one)", () => {
    const groups = duplicateShapes({
      components: {
        schemas: {
          A: { type: "array", description: "Ids of goals", items: { type: "integer" }, maxItems: 100 },
          B: { type: "array", description: "Ids of tags", examples: [[1]], items: { type: "integer" }, maxItems: 100 },
          C: { type: "array", items: { type: "integer" }, maxItems: 200 },
          D: { $ref: "#/components/schemas/C", description: "a wrapper" },
          E: { description: "another wrapper", allOf: [{ $ref: "#/components/schemas/C" }] },
        },
      },
    });
    expect(groups).toEqual([
      { kind: "schemas", names: ["A", "B"] },
      { kind: "schemas", names: ["C", "D", "E"] },
    ]);
  });

  it("responses of one schema are different when their examples are", () => {
    const error = (code: number) => ({
      description: "x",
      content: { "application/json": { schema: { type: "object" }, examples: { e: { value: { code } } } } },
    });
    expect(duplicateShapes({ components: { responses: { A: error(401), B: error(404) } } })).toEqual([]);
    expect(duplicateShapes({ components: { responses: { A: error(401), B: error(401) } } })).toEqual([
      { kind: "responses", names: ["A", "B"] },
    ]);
  });

  it("finds an array that two allOf members both declare, through $refs and nested allOf, in components and paths", () => {
    const list = (item: Doc) => ({ type: "object", properties: { items: { type: "array", items: item } } });
    const doc = {
      paths: {
        "/a": { post: { requestBody: { content: { "application/json": { schema: { allOf: [list({}), list({ type: "string" })] } } } } } },
      },
      components: {
        schemas: {
          Base: list({ type: "object", properties: { id: { type: "integer" } } }),
          Deep: { allOf: [{ $ref: "#/components/schemas/Base" }] },
          // Split: Base's items and the own ones.
          Report: { allOf: [{ $ref: "#/components/schemas/Deep" }, list({ type: "object", properties: { metrics: {} } })] },
          // Split: a member and the schema's own properties.
          Own: { allOf: [{ $ref: "#/components/schemas/Base" }], properties: { items: { type: ["array", "null"] } } },
          // Not split: declared once, or the second time not as an array.
          Once: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { name: { type: "string" } } }] },
          Other: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { items: { type: "string" } } }] },
        },
      },
    };
    expect(splitArrays(doc)).toEqual([
      { at: "#/components/schemas/Report", property: "items" },
      { at: "#/components/schemas/Own", property: "items" },
      { at: "#/paths/~1a/post/requestBody/content/application~1json/schema", property: "items" },
    ]);
  });
});
