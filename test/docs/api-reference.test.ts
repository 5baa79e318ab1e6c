// `npm run docs` builds the HTML API reference from the spec; headless Chromium (Debian's
// package, installed by .ci/run) opens it, expands every tag and finds every operation listed.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const page = join(root, "build/docs/index.html");
const spec = JSON.parse(readFileSync(join(root, "generated/openapi.json"), "utf8"));
const tags: string[] = spec.tags.map((tag: { name: string }) => tag.name);
const summaries = new Set<string>();
const summariesByTag = new Map<string, string[]>();
for (const item of Object.values(spec.paths) as Record<string, { summary?: string; tags?: string[] }>[]) {
  for (const operation of Object.values(item)) {
    if (!operation.summary) continue;
    summaries.add(operation.summary);
    for (const tag of operation.tags ?? []) summariesByTag.set(tag, [...(summariesByTag.get(tag) ?? []), operation.summary]);
  }
}

let browser: Browser;
beforeAll(async () => {
  execFileSync("npm", ["run", "--silent", "docs"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // Flags for a sandboxed CI machine with no network but loopback (playwright uses a fresh profile).
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

it("lists every tag and, once expanded, every operation of the spec", async () => {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on("pageerror", (error) => errors.push(String(error)));
  await tab.goto(pathToFileURL(page).href, { waitUntil: "load" });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the text a reader sees
  await expect.poll(async () => (await tab.locator("body").innerText()).includes("Convert API (2.0.0)")).toBe(true);
  // The menu shows one tag's operations at a time: open each and read what it lists.
  const menu = tab.locator(".menu-content");
  let listed = "";
  for (const tag of tags) {
    await menu.getByText(tag, { exact: true }).first().click();
    // The tag's operations are drawn a moment after the click, later on a busy machine: wait (a
    // while) until they show instead of reading the menu at once.
    const own = summariesByTag.get(tag) ?? [];
    let text = "";
    await expect
      .poll(
        async () => {
          // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the text a reader sees
          text = await menu.innerText();
          return own.filter((summary) => !text.includes(summary));
        },
        { timeout: 10_000, message: `operations the menu lists under ${tag}` },
      )
      .toEqual([]);
    listed += text;
  }
  const missing = [...summaries].filter((summary) => !listed.includes(summary));
  expect(missing).toEqual([]);
  expect(summaries.size).toBeGreaterThanOrEqual(150);
  expect(errors).toEqual([]);
}, 120_000);
