import { ConvertConfigError } from "../errors.js";
import type { Authenticator } from "../http/request.js";
import { hmacSha256Hex, SYNC_SIGNING } from "../platform/hmac.js";

/** What `signRequest` signs: the key, the expiry and the exact request. */
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

/** The headers that carry a request signature: add all three to the request. */
export interface SignatureHeaders {
  "Convert-Application-ID": string;
  Expires: string;
  Authorization: string;
}

/**
 * Computes the Convert request-signing headers. Pure: same input, same output. Use it to sign
 * requests sent with another HTTP client; the message is
 * `applicationId \n expires \n url \n body`, HMAC-SHA256 keyed with the secret, lowercase hex.
 * Synchronous, so Node only: elsewhere use signRequestAsync.
 */
export function signRequest(input: SignRequestInput): SignatureHeaders {
  if (!SYNC_SIGNING) throw new ConvertConfigError("signRequest is synchronous and needs node:crypto: use signRequestAsync on this runtime");
  return headersOf(input, hmacSha256Hex(input.secretKey, messageOf(input), input.body) as string);
}

/** signRequest for every runtime (WebCrypto where node:crypto is missing). */
export async function signRequestAsync(input: SignRequestInput): Promise<SignatureHeaders> {
  return headersOf(input, await hmacSha256Hex(input.secretKey, messageOf(input), input.body));
}

function messageOf(input: Pick<SignRequestInput, "applicationId" | "expires" | "url">): string {
  return `${input.applicationId}\n${input.expires}\n${input.url}\n`;
}

function headersOf(input: SignRequestInput, signature: string): SignatureHeaders {
  return {
    "Convert-Application-ID": input.applicationId,
    Expires: String(input.expires),
    Authorization: `Convert-HMAC-SHA256 Signature=${signature}`,
  };
}

/** HMAC request signing with an API key (the default key type): every attempt is signed afresh. */
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
      const { headers } = request;
      const sign = (signature: string) => {
        headers["convert-application-id"] = applicationId;
        headers.expires = String(expires);
        headers.authorization = `Convert-HMAC-SHA256 Signature=${signature}`;
      };
      // Synchronous on Node; a promise where only WebCrypto signs.
      const signature = hmacSha256Hex(secretKey, messageOf({ applicationId, expires, url: request.url }), request.body);
      return typeof signature === "string" ? sign(signature) : signature.then(sign);
    },
  };
}
