import { requireHttpsFor } from "../base-url.js";
import { ConvertConfigError } from "../errors.js";
import type { Authenticator } from "../http/request.js";
import { type OAuthAuth, oauth } from "./oauth.js";
import { type ReportTokenAuth, reportToken } from "./report-token.js";
import { type RequestSigningAuth, requestSigning } from "./request-signing.js";
import { type SecretKeyAuth, secretKey } from "./secret-key.js";
import { sessionAuthenticator } from "./session-link.js";

/**
 * Sign in as a Convert user with a cookie session (Convert's own apps only; others use API keys):
 * `session` is a signed-in ConvertSession from "convert-api-client/session".
 */
export interface SessionAuth {
  type: "session";
  session: SessionCredentials;
}

/** What the client needs of a ConvertSession: its origin and its credentials for that origin. */
export interface SessionCredentials {
  readonly origin: string;
  [sessionAuthenticator](baseUrl: string): Authenticator;
}

/** No credentials: for sign-in, password reset and report-token calls. */
export interface NoAuth {
  type: "none";
}

/** How a client authenticates: the `auth` option of `createConvertClient`, told apart by `type`. */
export type ConvertAuth = RequestSigningAuth | SecretKeyAuth | OAuthAuth | SessionAuth | ReportTokenAuth | NoAuth;

const AUTH_TYPES = '"requestSigning", "secretKey", "oauth", "session", "reportToken" or "none"';

/** Validates `options.auth` and returns the function that applies it to each attempt. */
export function createAuthenticator(
  auth: ConvertAuth | undefined,
  baseUrl: string,
  allowInsecureHttp?: boolean,
): Authenticator | undefined {
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
      checkApiKey(auth);
      if (auth.expiresInSeconds !== undefined && !isWhole(auth.expiresInSeconds, 1, 86_400)) {
        throw new ConvertConfigError("options.auth.expiresInSeconds must be a whole number of seconds from 1 to 86400");
      }
      if (auth.clockOffsetSeconds !== undefined && !isWhole(auth.clockOffsetSeconds, -86_400, 86_400)) {
        throw new ConvertConfigError("options.auth.clockOffsetSeconds must be a whole number of seconds from -86400 to 86400");
      }
      return requestSigning(auth);
    case "secretKey":
      checkApiKey(auth);
      if (auth.applicationId.includes(":")) throw new ConvertConfigError("options.auth.applicationId must not contain ':'");
      requireHttpsFor(baseUrl, "the secret key", allowInsecureHttp, "options.baseUrl");
      return secretKey(auth);
    case "session": {
      const link = (auth.session as Partial<SessionCredentials> | undefined)?.[sessionAuthenticator];
      if (typeof link !== "function") throw new ConvertConfigError("options.auth.session must be a ConvertSession");
      requireHttpsFor(baseUrl, "the session cookie", allowInsecureHttp, "options.baseUrl");
      return link.call(auth.session, baseUrl);
    }
    case "oauth": {
      if (auth.accessToken === undefined && typeof auth.getAccessToken !== "function") {
        throw new ConvertConfigError("options.auth: an oauth client needs accessToken, getAccessToken, or both");
      }
      if (auth.accessToken !== undefined) checkCredential(auth.accessToken, "options.auth.accessToken");
      if (auth.getAccessToken !== undefined && typeof auth.getAccessToken !== "function") {
        throw new ConvertConfigError("options.auth.getAccessToken must be a function");
      }
      const { expiresAt } = auth;
      if (expiresAt !== undefined && !(expiresAt instanceof Date ? Number.isFinite(expiresAt.getTime()) : Number.isFinite(expiresAt))) {
        throw new ConvertConfigError("options.auth.expiresAt must be Unix seconds or a Date");
      }
      requireHttpsFor(baseUrl, "the OAuth access token", allowInsecureHttp, "options.baseUrl");
      return oauth(auth, (token) => checkCredential(token, "the token from options.auth.getAccessToken()"));
    }
    case "reportToken":
      checkCredential(auth.reportToken, "options.auth.reportToken");
      requireHttpsFor(baseUrl, "the report token", allowInsecureHttp, "options.baseUrl");
      return reportToken(auth);
    default:
      throw new ConvertConfigError(`options.auth.type must be ${AUTH_TYPES}`);
  }
}

/** What to check when the API answers 401, by auth type. */
export function authHint(auth: ConvertAuth, status: number): string | undefined {
  if (status !== 401) return undefined;
  switch (auth.type) {
    case "requestSigning":
      return (
        "The API refused the request signature. Check that this machine's clock is right (or set " +
        "auth.clockOffsetSeconds), that auth.expiresInSeconds leaves the request enough time to arrive, that the " +
        'application id and secret belong to one key, and that the key uses request signing (keys created with auth_type "secretKey" need auth.type "secretKey")'
      );
    case "session":
      return "The session is not signed in or has expired: call session.login() again";
    case "reportToken":
      return "The report token was refused: it may have been revoked or belong to another experience";
    case "oauth":
      return "The OAuth access token was refused: it may have expired or been revoked (pass getAccessToken to be asked for a fresh one)";
    case "secretKey":
      return 'The API refused the key. Check the application id and secret, and that the key was created with auth_type "secretKey"';
    default:
      return "This operation needs credentials: set options.auth";
  }
}

function checkApiKey(auth: RequestSigningAuth | SecretKeyAuth): void {
  checkCredential(auth.applicationId, "options.auth.applicationId");
  checkCredential(auth.secretKey, "options.auth.secretKey");
  if (!auth.allowInBrowser && looksLikeBrowser()) {
    throw new ConvertConfigError(
      `options.auth: ${auth.type} credentials would be exposed to every visitor of this page. Call the API from a server, or set allowInBrowser: true if you accept that`,
    );
  }
}

function looksLikeBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window === "object" && typeof scope.document === "object";
}

// Header values must be printable ASCII without spaces; the message never echoes the value.
const CREDENTIAL = /^[\x21-\x7e]+$/;

/** A credential or other secret header value: printable ASCII without spaces; never echoed. */
export function checkCredential(value: unknown, name: string): void {
  if (typeof value !== "string" || value.length === 0) throw new ConvertConfigError(`${name} is missing: pass a non-empty string`);
  if (!CREDENTIAL.test(value)) {
    throw new ConvertConfigError(`${name} is malformed: it must be printable ASCII without spaces or line breaks`);
  }
}

function isWhole(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
