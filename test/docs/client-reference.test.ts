// The client's own reference (TypeDoc, build/docs/client/, built by the docs project's setup):
// every export of both entry points has its page, the pages say what a user looks for (options,
// per-call options, errors, pagination, logger events), the operation methods link to their
// operation in the API reference, and Chromium with the network off loads nothing from outside.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GENERATED_TYPES, operationAnchor } from "../../scripts/docs/client-reference.js";
import { launchOfflineBrowser, type OfflineBrowser } from "../support/offline-browser.js";

const root = resolve(import.meta.dirname, "../..");
const reference = join(root, "build/docs/client");
const entryPoints = { "convert-api-client": "src/index.ts", "convert-api-client/session": "src/session/index.ts" };

/** The names each entry point exports, as TypeScript sees them. */
function exportsOf(): Map<string, string[]> {
  const files = Object.values(entryPoints).map((file) => join(root, file));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  return new Map(
    Object.entries(entryPoints).map(([module, file]) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(join(root, file))!)!;
      return [module, checker.getExportsOfModule(symbol).map((exported) => exported.name)];
    }),
  );
}

let browser: OfflineBrowser;
beforeAll(async () => {
  browser = await launchOfflineBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

it("has a page for every export of both entry points but the generated types", () => {
  const missing: string[] = [];
  let count = 0;
  // A name both entry points export (SessionAuth) has its page under the first.
  const slugs = Object.keys(entryPoints).map((module) => module.replace("/", "_"));
  for (const [module, names] of exportsOf()) {
    for (const name of names) {
      if (GENERATED_TYPES.includes(name)) continue;
      count++;
      const pages = ["classes", "interfaces", "functions", "types", "variables"].flatMap((kind) =>
        slugs.map((slug) => join(reference, kind, `${slug}.${name}.html`)),
      );
      if (!pages.some((page) => existsSync(page))) missing.push(`${module}: ${name}`);
    }
  }
  expect(missing).toEqual([]);
  expect(count).toBeGreaterThanOrEqual(60);
});

it("tells the client's options, per-call options, errors, pagination and logger events", () => {
  const page = (file: string) => readFileSync(join(reference, file), "utf8");
  const options = page("interfaces/convert-api-client.ConvertClientOptions.html");
  for (const option of ["auth", "baseUrl", "accountId", "projectId", "timeoutMs", "maxRetries", "maxResponseBytes", "logger", "logLevel"])
    expect(options, option).toContain(`>${option}<`);
  expect(page("interfaces/convert-api-client.OperationCallOptions.html")).toContain(">signal<");
  expect(page("classes/convert-api-client.ConvertApiError.html")).toContain(">fields<");
  expect(page("classes/convert-api-client.ConvertRateLimitError.html")).toContain("ConvertApiError");
  expect(page("interfaces/convert-api-client.PaginateOptions.html")).toContain(">maxPages<");
  expect(page("types/convert-api-client.ConvertLogEvent.html")).toContain("&quot;retry&quot;");
  expect(page("classes/convert-api-client_session.ConvertSession.html")).toContain(">login<");
  // The front page is docs/client-reference.md, with its links resolved.
  expect(page("index.html")).toContain('href="interfaces/convert-api-client.ConvertClientOptions.html"');
});

it("links each operation method to its operation in the API reference", async () => {
  const client = readFileSync(join(reference, "interfaces/convert-api-client.ConvertClient.html"), "utf8");
  const anchor = operationAnchor("Experiences", "getExperience");
  expect(client).toContain(`href="../../index.html${anchor}"`);
  const links = [...client.matchAll(/href="\.\.\/\.\.\/index\.html(#[^"]+)"/g)].map((match) => match[1]);
  expect(new Set(links).size).toBe(189);
  // Followed in the browser, the link lands on the operation.
  const tab = await browser.open(pathToFileURL(join(reference, "interfaces/convert-api-client.ConvertClient.html")).href);
  await tab.page.locator(`a[href="../../index.html${anchor}"]`).first().click();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the text a reader sees
  await expect.poll(async () => (await tab.page.locator("body").innerText()).includes("convert.getExperience({")).toBe(true);
  expect(tab.outside).toEqual([]);
  expect(tab.errors).toEqual([]);
}, 60_000);

it("opens, searches and loads nothing from outside its own files", async () => {
  const tab = await browser.open(pathToFileURL(join(reference, "index.html")).href);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the text a reader sees
  const text = () => tab.page.locator("body").innerText();
  await expect.poll(async () => (await text()).includes("ConvertClientOptions")).toBe(true);
  await tab.page.locator("#tsd-search-trigger, #tsd-search").first().click();
  await tab.page.keyboard.type("RateLimit");
  await expect.poll(async () => (await text()).includes("ConvertRateLimitError")).toBe(true);
  await tab.page.goto(pathToFileURL(join(reference, "interfaces/convert-api-client.ConvertClientOptions.html")).href);
  await expect.poll(async () => (await text()).includes("maxResponseBytes")).toBe(true);
  expect(tab.outside).toEqual([]);
  expect(tab.blocked).toEqual([]);
  expect(tab.errors).toEqual([]);
}, 60_000);
