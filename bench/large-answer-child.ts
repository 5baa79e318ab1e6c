// Child process of large-answer.ts: one call for a large answer, then its memory figures on stdout.
//   tsx bench/large-answer-child.ts <baseUrl> <node|fetch>
import { createConvertClient } from "../src/index.js";

async function main() {
  const [baseUrl, transport] = process.argv.slice(2) as [string, string];
  const convert = createConvertClient({
    baseUrl,
    auth: { type: "none" },
    accountId: 1,
    projectId: 2,
    maxResponseBytes: 2 ** 31,
    ...(transport === "fetch" ? { fetch: globalThis.fetch } : {}),
  });
  await convert.getProject(); // warm: modules loaded, connection open
  const baseline = process.memoryUsage().rss;
  const page = await convert.getProjectsList({ body: {} });
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ baseline, peak, items: page.data?.length ?? 0 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
