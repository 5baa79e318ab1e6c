import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

/** One Prism mock for the whole run, from the committed bundled spec. */
export default async function setup(project: TestProject) {
  const prism = await startPrism();
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
