// `npm run docs` once for the docs project: the API reference and the client reference in
// build/docs/, which its tests open in Chromium.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

export default function setup() {
  execFileSync("npm", ["run", "--silent", "docs"], {
    cwd: resolve(import.meta.dirname, "../.."),
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
}
