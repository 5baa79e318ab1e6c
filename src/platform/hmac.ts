// HMAC-SHA256 for request signing, on Node: node:crypto, synchronous. The web build (workers,
// browsers, Deno, Bun) uses hmac.web.ts instead, chosen by the package's export conditions.
import { createHmac } from "node:crypto";

/** Lowercase hex HMAC-SHA256 of `message` then `body`, keyed with `key`. A promise on platforms that only have WebCrypto. */
export type HmacSha256Hex = (key: string, message: string, body?: string | Uint8Array) => string | Promise<string>;

export const hmacSha256Hex: HmacSha256Hex = (key, message, body) => {
  const hmac = createHmac("sha256", key).update(message);
  if (body !== undefined) hmac.update(body);
  return hmac.digest("hex");
};

/** Whether signing can answer synchronously here (signRequest needs it). */
export const SYNC_SIGNING = true;
