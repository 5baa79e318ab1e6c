import { ConvertConfigError } from "../errors.js";

/** Headers the transport writes itself: set by a caller they would desynchronise the framing. */
const TRANSPORT_OWNED = new Set(["content-length", "transfer-encoding", "host", "connection", "keep-alive", "upgrade", "te", "trailer"]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII, spaces and tabs inside; no line breaks or NUL, which would split the header.
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Whether the transport owns this (lowercase) header name. */
export function isTransportOwned(name: string): boolean {
  return TRANSPORT_OWNED.has(name);
}

/**
 * Checks caller-given headers (`where` names the option): a plain object of string values with
 * valid names, none the transport owns. Returns them with lowercase names. Messages name the
 * header, never its value.
 */
export function checkHeaders(headers: unknown, where: string): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  const proto = typeof headers === "object" && headers !== null ? Object.getPrototypeOf(headers) : undefined;
  if (proto !== Object.prototype && proto !== null)
    throw new ConvertConfigError(`${where} must be a plain object of header names to strings`);
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (!TOKEN.test(name))
      throw new ConvertConfigError(`${where}: "${name.slice(0, 40).replace(/[^\x21-\x7e]/g, "?")}" is not a valid header name`);
    if (typeof value !== "string") throw new ConvertConfigError(`${where}.${name} must be a string`);
    if (!VALUE.test(value)) throw new ConvertConfigError(`${where}.${name} must not contain line breaks or control characters`);
    const lower = name.toLowerCase();
    if (isTransportOwned(lower)) throw new ConvertConfigError(`${where}.${name} is set by the client itself and cannot be given`);
    checked[lower] = value;
  }
  return checked;
}
