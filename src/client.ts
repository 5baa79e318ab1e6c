import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/openapi-types.js";
import { createAuthenticator, type ConvertAuth } from "./auth/index.js";
import { serializeBody } from "./body-serializer.js";
import { ConvertConfigError } from "./errors.js";
import { serializeQuery } from "./query-serializer.js";
import { createTransport } from "./transport.js";

export const DEFAULT_BASE_URL = "https://api.convert.com/api/v2";

export interface ConvertClientOptions {
  /** How requests authenticate. Required; `{ type: "none" }` for anonymous calls. */
  auth: ConvertAuth;
  /** API root. Default `https://api.convert.com/api/v2`. */
  baseUrl?: string;
  /** Headers added to every request. */
  headers?: Record<string, string>;
  /** The fetch implementation to send requests with. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

export type ConvertClient = Client<paths, "application/json">;

/** Creates a typed client for the Convert API v2. */
export function createConvertClient(options: ConvertClientOptions): ConvertClient {
  if (typeof options !== "object" || options === null) {
    throw new ConvertConfigError("createConvertClient(options) needs an options object with at least `auth`");
  }
  const authenticate = createAuthenticator(options.auth);
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const fetch = options.fetch ?? globalThis.fetch;
  if (typeof fetch !== "function") throw new ConvertConfigError("options.fetch must be a function");
  return createClient<paths>({
    baseUrl,
    headers: options.headers,
    querySerializer: serializeQuery,
    bodySerializer: serializeBody,
    fetch: createTransport({ fetch, authenticate }),
  });
}

function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string") throw new ConvertConfigError("options.baseUrl must be a string URL");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConvertConfigError("options.baseUrl is not a valid absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConvertConfigError("options.baseUrl must use http or https");
  if (url.username || url.password) throw new ConvertConfigError("options.baseUrl must not contain credentials");
  if (url.search || url.hash) throw new ConvertConfigError("options.baseUrl must not have a query string or fragment");
  return value.replace(/\/+$/, "");
}
