// One packed install for the whole runtimes project (building and packing takes most of its time).

import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { installPackedApp } from "../package/local-tarballs.js";
import { startRecordingServer } from "../support/recording-server.js";
import { root } from "./runtimes.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The app folder holding the packed package in node_modules. */
    packedApp: string;
  }
}

export default async function setup(project: TestProject) {
  // A registry trap: the install must need none.
  const registry = await startRecordingServer((_request, response) => void response.writeHead(503).end());
  const app = await installPackedApp(root, `${registry.origin}/`);
  await registry.close();
  project.provide("packedApp", app.dir);
  return () => rmSync(app.temp, { recursive: true, force: true });
}
