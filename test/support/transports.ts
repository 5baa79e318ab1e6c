import type { ConvertClientOptions } from "../../src/index.js";

/** The ways the client can send, as client options: each behaviour test runs over all of them. */
export const TRANSPORTS: readonly (readonly [name: string, options: Pick<ConvertClientOptions, "fetch" | "transport">])[] = [
  ["node:http", {}],
  ["undici", { transport: "undici" }],
  ["options.fetch", { fetch: globalThis.fetch }],
];
