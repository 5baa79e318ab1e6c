// The OAuth authorization-code flow with PKCE, for third-party apps: make a verifier and its
// challenge, send the user to Convert's consent page, then exchange the code the redirect brings
// back for an access token (requestOauthToken). Uses WebCrypto, so it runs in browsers too.

import type { OAuthToken } from "./auth/oauth.js";
import type { ConvertClient } from "./client.js";
import { ConvertConfigError } from "./errors.js";

/** Convert's consent page. */
export const OAUTH_AUTHORIZE_URL = "https://app.convert.com/auth/oauth/authorize";
/** The scope Convert grants third-party apps: the accounts and projects the user selects. */
export const OAUTH_DEFAULT_SCOPE = "selected_accounts_projects";

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * A PKCE pair: keep `codeVerifier` secret until the exchange (e.g. in the user's server-side
 * session); send `codeChallenge` in the authorize URL. The verifier stays out of `inspect` and
 * JSON output.
 */
export class OAuthPkce {
  readonly #codeVerifier: string;
  readonly codeChallenge: string;
  readonly codeChallengeMethod = "S256" as const;
  constructor(codeVerifier: string, codeChallenge: string) {
    this.#codeVerifier = codeVerifier;
    this.codeChallenge = codeChallenge;
  }
  get codeVerifier(): string {
    return this.#codeVerifier;
  }
  toJSON(): { codeChallenge: string; codeChallengeMethod: "S256" } {
    return { codeChallenge: this.codeChallenge, codeChallengeMethod: this.codeChallengeMethod };
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `OAuthPkce { codeChallenge: '${this.codeChallenge}', codeChallengeMethod: 'S256' }`;
  }
}

/**
 * A fresh PKCE pair: a 43-character verifier from 32 random bytes, and its S256 challenge
 * (base64url of its SHA-256). Pass `codeVerifier` to reuse one kept from earlier.
 */
export async function createPkce(codeVerifier: string = base64url(randomBytes(32))): Promise<OAuthPkce> {
  if (!VERIFIER.test(codeVerifier))
    throw new ConvertConfigError("createPkce: a code verifier is 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(codeVerifier));
  return new OAuthPkce(codeVerifier, base64url(new Uint8Array(digest)));
}

export interface OAuthAuthorizeOptions {
  /** Your OAuth client's id. */
  clientId: string;
  /** The challenge of a PKCE pair from `createPkce()`. */
  codeChallenge: string;
  /** Default `selected_accounts_projects`. */
  scope?: string | undefined;
  /** Echoed back on the redirect; give your own or take the random one returned. */
  state?: string | undefined;
  /** Where Convert sends the user back, when your client has several. */
  redirectUri?: string | undefined;
  /** The consent page. Default `https://app.convert.com/auth/oauth/authorize`. */
  authorizeUrl?: string | undefined;
}

/**
 * The URL to send the user to, and the `state` to check when they come back (keep it with the
 * verifier).
 */
export function oauthAuthorizeUrl(options: OAuthAuthorizeOptions): { url: string; state: string } {
  const { clientId, codeChallenge, scope = OAUTH_DEFAULT_SCOPE, redirectUri } = options;
  if (typeof clientId !== "string" || clientId === "") throw new ConvertConfigError("oauthAuthorizeUrl: clientId is missing");
  if (typeof codeChallenge !== "string" || !/^[A-Za-z0-9\-_]{43}$/.test(codeChallenge)) {
    throw new ConvertConfigError("oauthAuthorizeUrl: codeChallenge must be the S256 challenge from createPkce()");
  }
  const state = options.state ?? base64url(randomBytes(24));
  if (typeof state !== "string" || state === "") throw new ConvertConfigError("oauthAuthorizeUrl: state must be a non-empty string");
  let url: URL;
  try {
    url = new URL(options.authorizeUrl ?? OAUTH_AUTHORIZE_URL);
  } catch {
    throw new ConvertConfigError("oauthAuthorizeUrl: authorizeUrl is not a valid absolute URL");
  }
  const query = { response_type: "code", client_id: clientId, scope, state, code_challenge: codeChallenge, code_challenge_method: "S256" };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  if (redirectUri !== undefined) url.searchParams.set("redirect_uri", redirectUri);
  return { url: url.href, state };
}

/**
 * Checks the `state` the redirect brought back against the one you sent, in constant time, and
 * throws when they differ (a forged or replayed redirect): call it before exchanging the code.
 */
export function checkOAuthState(received: unknown, expected: string): void {
  const a = new TextEncoder().encode(typeof received === "string" ? received : "");
  const b = new TextEncoder().encode(expected);
  let difference = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) difference |= (a[i] ?? 0) ^ b[i]!;
  if (typeof received !== "string" || difference !== 0) {
    throw new ConvertConfigError("OAuth: the state in the redirect is not the one sent: refuse this sign-in and start again");
  }
}

export interface OAuthExchangeOptions {
  /** Your OAuth client's id. */
  clientId: string;
  /** The `code` the redirect brought back. */
  code: string;
  /** The PKCE pair whose challenge went into the authorize URL (or its verifier). */
  pkce: OAuthPkce | { codeVerifier: string };
  /** The `state` the redirect brought back, and the one you sent: checked before anything is sent. */
  state: { received: unknown; expected: string };
}

/** What the exchange gives: the token for `auth: { type: "oauth", ...token }`, and what it grants. */
export interface OAuthGrant extends OAuthToken {
  expiresAt: number;
  tokenType: string;
  /** The accounts and projects the user approved. */
  scope: unknown;
}

/**
 * The last step of the flow: checks the state, then trades the code and the PKCE verifier for an
 * access token (requestOauthToken). `convert` may be any client (the exchange needs no credentials).
 */
export async function exchangeOauthCode(
  convert: Pick<ConvertClient, "requestOauthToken">,
  options: OAuthExchangeOptions,
): Promise<OAuthGrant> {
  checkOAuthState(options.state?.received, options.state?.expected);
  const codeVerifier = options.pkce?.codeVerifier;
  if (typeof codeVerifier !== "string" || !VERIFIER.test(codeVerifier))
    throw new ConvertConfigError("exchangeOauthCode: pkce must hold the code verifier");
  if (typeof options.code !== "string" || options.code === "") throw new ConvertConfigError("exchangeOauthCode: code is missing");
  if (typeof options.clientId !== "string" || options.clientId === "")
    throw new ConvertConfigError("exchangeOauthCode: clientId is missing");
  const answer = await convert.requestOauthToken({
    body: { grant_type: "authorization_code", code: options.code, client_id: options.clientId, code_verifier: codeVerifier },
  });
  return { accessToken: answer.access_token, expiresAt: answer.expires_at, tokenType: answer.token_type, scope: answer.scope };
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
