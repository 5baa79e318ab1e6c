// HMAC-SHA256 for request signing through WebCrypto (crypto.subtle), for runtimes without
// node:crypto: asynchronous. Keys are imported once per secret.
import type { HmacSha256Hex } from "./hmac.js";

const encoder = new TextEncoder();
type Key = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const keys = new Map<string, Promise<Key>>();

export const hmacSha256Hex: HmacSha256Hex = async (key, message, body) => {
  let imported = keys.get(key);
  if (!imported) {
    imported = crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(key, imported);
  }
  const head = encoder.encode(message);
  const tail = body === undefined ? new Uint8Array(0) : typeof body === "string" ? encoder.encode(body) : body;
  const data = new Uint8Array(head.byteLength + tail.byteLength);
  data.set(head, 0);
  data.set(tail, head.byteLength);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await imported, data));
  let hex = "";
  for (const byte of signature) hex += byte.toString(16).padStart(2, "0");
  return hex;
};

export const SYNC_SIGNING = false;
