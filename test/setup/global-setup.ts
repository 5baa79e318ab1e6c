import type { TestProject } from "vitest/node";
import { type PrismServer, startPrism } from "../../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

/** One Prism mock for the whole run, from the committed bundled spec. */
export default async function setup(project: TestProject) {
  let prism: PrismServer;
  try {
    prism = await startPrism();
  } catch (error) {
    // A bare throw here makes vitest print "No test files found" first (the run has neither
    // files nor errors yet). Recording the error first gets it reported as the run's error.
    // vitest's State API is experimental, hence the check.
    const state = project.vitest.state as { catchError?: (error: unknown, type: string) => void } | undefined;
    if (typeof state?.catchError !== "function") throw error;
    state.catchError(error, "Prism mock did not start");
    throw new Error("Prism mock did not start (its output is above)");
  }
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
