// Users who never sign in with a password do not install the cookie stack (tough-cookie and
// tldts, 4.5 MB): it is an optional peer dependency of the session entry alone.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";
import { installPackedApp, type PackedApp } from "./local-tarballs.js";

let registry: RecordingServer;
let app: PackedApp;
beforeAll(async () => {
  registry = await startRecordingServer((_request, response) => void response.writeHead(503).end());
  app = await installPackedApp(resolve(import.meta.dirname, "../.."), `${registry.origin}/`, { optionalPeers: false });
}, 240_000);
afterAll(async () => {
  await registry?.close();
  if (app) rmSync(app.temp, { recursive: true, force: true });
});

it("installs without tough-cookie, and the main entry works", () => {
  expect(existsSync(join(app.dir, "node_modules/tough-cookie"))).toBe(false);
  expect(existsSync(join(app.dir, "node_modules/tldts"))).toBe(false);
  writeFileSync(
    join(app.dir, "main.mjs"),
    `import { createConvertClient } from "convert-api-client";\nconsole.log(typeof createConvertClient({ auth: { type: "none" } }).getProject);\n`,
  );
  const run = spawnSync(process.execPath, ["main.mjs"], { cwd: app.dir, encoding: "utf8" });
  expect(run.stdout.trim()).toBe("function");
  expect(run.status).toBe(0);
});

it("says what to install when the session entry is used without it", () => {
  writeFileSync(
    join(app.dir, "session.mjs"),
    `import { ConvertSession } from "convert-api-client/session";\nconsole.log(typeof ConvertSession);\n`,
  );
  const run = spawnSync(process.execPath, ["session.mjs"], { cwd: app.dir, encoding: "utf8" });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain("Cannot find package 'tough-cookie'");
});
