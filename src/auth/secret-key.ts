import type { Authenticator } from "../http/request.js";

/** An API key created with `auth_type: "secretKey"`, sent as `Authorization: Bearer <key_id>:<secret>` (HTTPS only). */
export interface SecretKeyAuth {
  type: "secretKey";
  /** The API key's `key_id`. */
  applicationId: string;
  /** The API key's secret (the key must have been created with `auth_type: "secretKey"`). */
  secretKey: string;
  /** Send the secret even where a browser is detected (it would be exposed to the page). */
  allowInBrowser?: boolean | undefined;
}

export function secretKey(auth: SecretKeyAuth): Authenticator {
  const value = `Bearer ${auth.applicationId}:${auth.secretKey}`;
  return {
    authenticate: (request) => {
      request.headers.authorization = value;
    },
  };
}
