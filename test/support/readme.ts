import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** README.md's ```ts blocks, in order: the README calls the first one block #1. */
export function readmeTypeScriptSamples(): string[] {
  const readme = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}
