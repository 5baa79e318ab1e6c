// `npm run demo`: runs examples/quickstart.ts with signed requests against a local Prism mock of
// the API (from generated/openapi.json) behind a proxy that verifies every signature the way the
// API does, then says what the verifier found and stops both.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startPrism } from "./prism.js";
import { startVerifyingProxy } from "./verifying-proxy.js";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const quickstart = fileURLToPath(new URL("../examples/quickstart.ts", import.meta.url));
const key = { applicationId: "demo_application", secretKey: "demo-secret-not-a-real-key" };

async function main() {
  console.log("Starting a Prism mock of the Convert API from generated/openapi.json (a few seconds)...");
  const started = performance.now();
  const prism = await startPrism();
  console.log(`Prism is listening on ${prism.url} (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  const proxy = await startVerifyingProxy(prism.url, { [key.applicationId]: key.secretKey });
  console.log(`A signature-verifying proxy in front of it listens on ${proxy.url}.\n`);
  try {
    // Not spawnSync: the proxy runs in this process and must keep answering.
    const child = spawn(process.execPath, [tsx, quickstart], {
      stdio: "inherit",
      env: {
        ...process.env,
        CONVERT_BASE_URL: proxy.url,
        CONVERT_APPLICATION_ID: key.applicationId,
        CONVERT_SECRET_KEY: key.secretKey,
        CONVERT_ACCOUNT_ID: "100012",
      },
    });
    const status = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const rejected = proxy.verdicts.filter((v) => v.problem);
    console.log(`\nThe proxy verified ${proxy.verdicts.length - rejected.length} of ${proxy.verdicts.length} request signatures.`);
    for (const v of rejected) console.log(`  rejected ${v.method} ${v.target}: ${v.problem}`);
    process.exitCode = status !== 0 || rejected.length > 0 || proxy.verdicts.length === 0 ? 1 : 0;
  } finally {
    await proxy.close();
    await prism.stop();
    console.log("Prism and the proxy stopped.");
  }
}

void main();
