import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** What the verifier reads of a request, as it arrived. */
export interface ArrivedRequest {
  /** Path and query exactly as on the request line. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Checks a Convert request signature the way the API does, written independently of src/:
 * rebuilds the signed message from the raw request line, Host header and body bytes.
 * Returns null when valid, else the reason.
 */
export function verifySignature(
  request: ArrivedRequest,
  secrets: Record<string, string>,
  nowSeconds = Math.floor(Date.now() / 1000),
): string | null {
  const appId = header(request, "convert-application-id");
  const expires = header(request, "expires");
  const authorization = header(request, "authorization");
  if (!appId || !expires || !authorization) return "missing signing headers";
  const secret = secrets[appId];
  if (secret === undefined) return "unknown application id";
  if (!/^\d+$/.test(expires)) return "Expires is not integer seconds";
  if (Number(expires) < nowSeconds) return "signature expired";
  const match = /^Convert-HMAC-SHA256 Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!match) return "malformed Authorization header";
  const url = `http://${header(request, "host")}${request.target}`;
  const message = Buffer.concat([Buffer.from(`${appId}\n${expires}\n${url}\n`, "utf8"), request.body]);
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(message).digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, "hex")) ? null : "signature mismatch";
}

function header(request: ArrivedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
