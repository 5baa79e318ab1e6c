import { createHmac } from "node:crypto";
import type { Authenticator } from "../http/request.js";

export interface SignRequestInput {
  /** The API key's `key_id`. */
  applicationId: string;
  /** The API key's secret. */
  secretKey: string;
  /** Unix time in whole seconds after which the signature is void. */
  expires: number;
  /** Absolute URL exactly as sent, with its query string. */
  url: string;
  /** Exact body sent: text or bytes. Omit (or pass "") when the request has no body. */
  body?: string | Uint8Array | undefined;
}

export interface SignatureHeaders {
  "Convert-Application-ID": string;
  Expires: string;
  Authorization: string;
}

/**
 * Computes the Convert request-signing headers. Pure: same input, same output. Use it to sign
 * requests sent with another HTTP client; the message is
 * `applicationId \n expires \n url \n body`, HMAC-SHA256 keyed with the secret, lowercase hex.
 */
export function signRequest(input: SignRequestInput): SignatureHeaders {
  const expires = String(input.expires);
  const hmac = createHmac("sha256", input.secretKey);
  hmac.update(`${input.applicationId}\n${expires}\n${input.url}\n`);
  if (input.body !== undefined) hmac.update(input.body);
  return {
    "Convert-Application-ID": input.applicationId,
    Expires: expires,
    Authorization: `Convert-HMAC-SHA256 Signature=${hmac.digest("hex")}`,
  };
}

export interface RequestSigningAuth {
  type: "requestSigning";
  /** The API key's `key_id`. */
  applicationId: string;
  /** The API key's secret. */
  secretKey: string;
  /** How long each signature stays valid. Default 60 seconds. */
  expiresInSeconds?: number | undefined;
  /**
   * Seconds to add to this machine's clock when computing `Expires`, for a clock known to be
   * off (e.g. -30 when it runs 30 s fast). Default 0.
   */
  clockOffsetSeconds?: number | undefined;
  /** Sign even where a browser is detected (the secret would be exposed to the page). */
  allowInBrowser?: boolean | undefined;
}

const DEFAULT_EXPIRES_IN_SECONDS = 60;

export function requestSigning(auth: RequestSigningAuth, now: () => number = Date.now): Authenticator {
  const { applicationId, secretKey } = auth;
  const lifetime = (auth.expiresInSeconds ?? DEFAULT_EXPIRES_IN_SECONDS) + (auth.clockOffsetSeconds ?? 0);
  return {
    authenticate(request) {
      // Computed per attempt: a retried request never reuses an expired signature.
      const expires = Math.floor(now() / 1000) + lifetime;
      const signed = signRequest({ applicationId, secretKey, expires, url: request.url, body: request.body });
      const { headers } = request;
      headers["convert-application-id"] = signed["Convert-Application-ID"];
      headers.expires = signed.Expires;
      headers.authorization = signed.Authorization;
    },
  };
}
