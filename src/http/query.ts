import { ConvertConfigError } from "../errors.js";

/**
 * Serializes query parameters the way the Convert API reads them: arrays in PHP style
 * (`include[]=a&include[]=b`, which the API requires), scalars as `key=value`, `undefined` and
 * `null` left out. The result is exactly the query string that is sent and signed.
 */
export function serializeQuery(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key in query) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const name = encodeURIComponent(key);
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${name}[]=${encodeURIComponent(scalar(key, item))}`);
    } else {
      parts.push(`${name}=${encodeURIComponent(scalar(key, value))}`);
    }
  }
  return parts.join("&");
}

function scalar(key: string, value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  throw new ConvertConfigError(`query parameter "${key}" must be a string, number, boolean or an array of them`);
}
