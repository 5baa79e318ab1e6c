import { ConvertConfigError } from "../errors.js";
import type { Authenticator } from "./authenticator.js";
import { requestSigning, type RequestSigningAuth } from "./request-signing.js";
import { secretKey, type SecretKeyAuth } from "./secret-key.js";

/** No credentials: for sign-in, password reset and report-token calls. */
export interface NoAuth {
  type: "none";
}

export type ConvertAuth = RequestSigningAuth | SecretKeyAuth | NoAuth;

const AUTH_TYPES = '"requestSigning", "secretKey" or "none"';

/** Validates `options.auth` and returns the function that applies it to each attempt. */
export function createAuthenticator(auth: ConvertAuth | undefined, now?: () => number): Authenticator | undefined {
  if (auth === undefined || auth === null) {
    throw new ConvertConfigError(
      `options.auth is required: { type: "requestSigning", applicationId, secretKey }, { type: "secretKey", applicationId, secretKey } or { type: "none" }`,
    );
  }
  if (typeof auth !== "object") throw new ConvertConfigError(`options.auth must be an object with a "type" of ${AUTH_TYPES}`);
  switch (auth.type) {
    case "none":
      return undefined;
    case "requestSigning":
      checkCredential(auth.applicationId, "options.auth.applicationId");
      checkCredential(auth.secretKey, "options.auth.secretKey");
      if (auth.expiresInSeconds !== undefined) {
        const value = auth.expiresInSeconds;
        if (!Number.isInteger(value) || value < 1 || value > 86_400) {
          throw new ConvertConfigError("options.auth.expiresInSeconds must be a whole number of seconds from 1 to 86400");
        }
      }
      return requestSigning(auth, now);
    case "secretKey":
      checkCredential(auth.applicationId, "options.auth.applicationId");
      checkCredential(auth.secretKey, "options.auth.secretKey");
      if (auth.applicationId.includes(":")) throw new ConvertConfigError("options.auth.applicationId must not contain ':'");
      return secretKey(auth);
    default:
      throw new ConvertConfigError(`options.auth.type must be ${AUTH_TYPES}`);
  }
}

// Header values must be printable ASCII without spaces; the message never echoes the value.
const CREDENTIAL = /^[\x21-\x7e]+$/;

function checkCredential(value: unknown, name: string): void {
  if (typeof value !== "string" || value.length === 0) throw new ConvertConfigError(`${name} is missing: pass a non-empty string`);
  if (!CREDENTIAL.test(value)) {
    throw new ConvertConfigError(`${name} is malformed: it must be printable ASCII without spaces or line breaks`);
  }
}
