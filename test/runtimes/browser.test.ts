// A browser page: the packed package bundled through its `browser` export condition, loaded in
// Chromium, calling a local API on another origin (CORS) with an OAuth access token and with a
// report token; API-key auth stays refused in a page.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { launchChromium } from "../support/chromium.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";

const appDir = inject("packedApp");
let page: RecordingServer;
let api: RecordingServer;
let browser: Browser;

beforeAll(async () => {
  writeFileSync(
    join(appDir, "page.mjs"),
    `import { ConvertConfigError, createConvertClient } from "convert-api-client";
window.run = async (api) => {
  const results = {};
  try {
    createConvertClient({ baseUrl: api, auth: { type: "requestSigning", applicationId: "app", secretKey: "secret" } });
    results.apiKey = "allowed";
  } catch (error) {
    results.apiKey = error instanceof ConvertConfigError ? "refused" : String(error);
  }
  const convert = createConvertClient({ baseUrl: api, auth: { type: "oauth", accessToken: "browser-token" }, accountId: 100012, projectId: 10034 });
  results.project = await convert.getProject();
  const reports = createConvertClient({ baseUrl: api, auth: { type: "reportToken", reportToken: "report-token-1" } });
  results.report = await reports.getExperienceAggregatedReport({ path: { account_id: 100012, project_id: 10034, experience_id: 5 }, body: {} });
  return results;
};
`,
  );
  const bundled = await build({
    absWorkingDir: appDir,
    entryPoints: ["page.mjs"],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const script = bundled.outputFiles[0]!.text;
  page = await startRecordingServer((request, response) => {
    if (request.target === "/page.js") return void response.writeHead(200, { "content-type": "text/javascript" }).end(script);
    response.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><script type="module" src="/page.js"></script>');
  });
  api = await startRecordingServer((request, response) => {
    const cors = {
      "access-control-allow-origin": page.origin,
      "access-control-allow-headers": "authorization, content-type, report_token",
      "access-control-allow-methods": "GET, POST",
    };
    if (request.method === "OPTIONS") return void response.writeHead(204, cors).end();
    const body = request.target.includes("aggregated_report") ? { data: { reportData: [] } } : { id: 10034, name: "Browser shop" };
    response.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify(body));
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await page?.close();
  await api?.close();
});

it("calls the API from a page with an OAuth token and a report token, and refuses API keys there", async () => {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on("pageerror", (error) => errors.push(String(error)));
  await tab.goto(page.origin);
  // Code run in the page: its globalThis is the page's window.
  await tab.waitForFunction(() => typeof (globalThis as unknown as { run?: unknown }).run === "function");
  const results = await tab.evaluate(
    (origin) => (globalThis as unknown as { run(api: string): Promise<unknown> }).run(`${origin}/api/v2`),
    api.origin,
  );
  expect(results).toEqual({ apiKey: "refused", project: { id: 10034, name: "Browser shop" }, report: { data: { reportData: [] } } });
  const calls = api.requests.filter((r) => r.method !== "OPTIONS");
  expect(calls.map((r) => [r.method, r.target, r.headers.authorization, r.headers.report_token])).toEqual([
    ["GET", "/api/v2/accounts/100012/projects/10034", "Bearer browser-token", undefined],
    ["POST", "/api/v2/accounts/100012/projects/10034/experiences/5/aggregated_report", undefined, "report-token-1"],
  ]);
  expect(errors).toEqual([]);
});
