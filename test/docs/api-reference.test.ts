// The HTML API reference that `npm run docs` built (scripts/docs/build.ts; the docs project's setup
// runs it): headless Chromium with the network off opens it, expands every tag and finds every
// operation listed under the anchor the client reference links to, shows an operation's TypeScript
// and CLI samples, follows the link to the client reference, and checks that nothing was requested
// from outside the page's own files.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { operationAnchor } from "../../scripts/docs/client-reference.js";
import { launchOfflineBrowser, type OfflineBrowser, type OfflinePage } from "../support/offline-browser.js";

const root = resolve(import.meta.dirname, "../..");
const page = pathToFileURL(join(root, "build/docs/index.html")).href;
const spec = JSON.parse(readFileSync(join(root, "generated/openapi.json"), "utf8"));
const tags: string[] = spec.tags.map((tag: { name: string }) => tag.name);
const summaries = new Set<string>();
/** Each tag's operations, by the anchor the client reference links to. */
const anchorsByTag = new Map<string, string[]>(tags.map((tag) => [tag, []]));
for (const item of Object.values(spec.paths) as Record<string, { summary?: string; operationId: string; tags: string[] }>[]) {
  for (const operation of Object.values(item)) {
    if (operation.summary) summaries.add(operation.summary);
    anchorsByTag.get(operation.tags[0]!)?.push(operationAnchor(operation.tags[0]!, operation.operationId));
  }
}

let browser: OfflineBrowser;
const opened: OfflinePage[] = [];
beforeAll(async () => {
  browser = await launchOfflineBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function open(url: string): Promise<OfflinePage> {
  const tab = await browser.open(url);
  opened.push(tab);
  return tab;
}

// biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the text a reader sees
const textOf = (tab: OfflinePage, selector: string) => tab.page.locator(selector).innerText();

it("lists every tag and, once expanded, every operation of the spec under its anchor", async () => {
  const tab = await open(page);
  await expect.poll(async () => (await textOf(tab, "body")).includes("Convert API (2.0.0)")).toBe(true);
  // The menu shows one tag's operations at a time: open each and read what it lists.
  let listed = "";
  const hrefs = () => tab.page.locator(".menu-content a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  for (const tag of tags) {
    await tab.page.locator(".menu-content").getByText(tag, { exact: true }).first().click();
    // Once the tag is open, each of its operations is listed under the anchor the client reference links to.
    const anchors = anchorsByTag.get(tag)!;
    await expect
      .poll(
        async () => {
          const all = await hrefs();
          return anchors.filter((anchor) => !all.includes(anchor));
        },
        { timeout: 10_000, message: `operations the menu lists under ${tag}` },
      )
      .toEqual([]);
    listed += await textOf(tab, ".menu-content");
  }
  const missing = [...summaries].filter((summary) => !listed.includes(summary));
  expect(missing).toEqual([]);
  expect(summaries.size).toBeGreaterThanOrEqual(150);
  expect([...anchorsByTag.values()].flat().length).toBe(189);
  expect(tab.errors).toEqual([]);
}, 120_000);

it("shows an operation's TypeScript sample and its command line", async () => {
  const tab = await open(`${page}${operationAnchor("Experiences", "getExperience")}`);
  await expect.poll(async () => (await textOf(tab, "body")).includes("convert.getExperience({")).toBe(true);
  const body = await textOf(tab, "body");
  expect(body).toContain("createConvertClient({");
  expect(body).toContain("path: { experience_id: 100200 }");
  // The sample panel's language menu: TypeScript first, then the command line.
  // Neighbouring operations render too: the menu of this operation's own section.
  const section = tab.page.locator(`[id="${operationAnchor("Experiences", "getExperience").slice(2)}"]`);
  await section.getByRole("button", { name: "TypeScript" }).click();
  await tab.page.getByRole("menuitem", { name: "CLI" }).click();
  await expect
    .poll(async () => (await textOf(tab, "body")).includes("convert-api getExperience --experience-id 100200 --query.include alerts"))
    .toBe(true);
  expect(tab.errors).toEqual([]);
}, 60_000);

it("links to the client reference, which opens", async () => {
  const tab = await open(page);
  const link = tab.page.locator("a[href='client/index.html']").first();
  await expect.poll(() => link.count()).toBe(1);
  await link.click();
  await tab.page.waitForURL(/client\/index\.html$/);
  expect(await textOf(tab, "body")).toContain("ConvertClientOptions");
});

it("searches, switches layout and colour mode, and loads nothing from anywhere but its own files", async () => {
  const tab = await open(page);
  await expect.poll(async () => (await textOf(tab, "body")).includes("Convert API (2.0.0)")).toBe(true);
  // What a reader does beyond the menu: search, and the sidebar's buttons.
  await tab.page.keyboard.press("Control+k");
  await tab.page.keyboard.type("experience");
  await expect.poll(async () => (await textOf(tab, "body")).includes("Experience Live Data")).toBe(true);
  await tab.page.keyboard.press("Escape");
  for (const button of await tab.page.locator("[data-component-name='Sidebar/SidebarActions'] button").all()) await button.click();
  expect(tab.errors).toEqual([]);
  // Every page the tests opened, with everything done in them.
  expect(opened.flatMap((each) => each.outside)).toEqual([]);
  expect(opened.flatMap((each) => each.blocked)).toEqual([]);
}, 60_000);
