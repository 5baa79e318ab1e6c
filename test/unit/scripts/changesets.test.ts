// Every pending changeset parses: `changeset version` (npm run release) stops at the first one
// whose front matter a formatter or an editor has mangled.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";

const dir = resolve(import.meta.dirname, "../../../.changeset");

it("each .changeset/*.md starts with its package and bump in front matter", () => {
  const files = readdirSync(dir).filter((name) => name.endsWith(".md") && name !== "README.md");
  expect(files.length).toBeGreaterThan(0);
  for (const name of files) {
    expect(readFileSync(join(dir, name), "utf8"), name).toMatch(/^---\n"convert-api-client": (patch|minor|major)\n---\n\n\S/);
  }
});
