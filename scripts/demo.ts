// `npm run demo`: runs examples/quickstart.ts with signed requests against a local Prism mock
// started from generated/openapi.json, then stops Prism.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startPrism } from "./prism.js";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const quickstart = fileURLToPath(new URL("../examples/quickstart.ts", import.meta.url));

async function main() {
  const prism = await startPrism();
  console.log(`Prism mock of the Convert API listening on ${prism.url}\n`);
  try {
    const run = spawnSync(process.execPath, [tsx, quickstart], {
      stdio: "inherit",
      env: {
        ...process.env,
        CONVERT_BASE_URL: prism.url,
        CONVERT_APPLICATION_ID: "demo_application",
        CONVERT_SECRET_KEY: "demo-secret-not-a-real-key",
        CONVERT_ACCOUNT_ID: "100012",
      },
    });
    process.exitCode = run.status ?? 1;
  } finally {
    await prism.stop();
    console.log("\nPrism stopped.");
  }
}

void main();
