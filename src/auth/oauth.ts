import { ConvertTokenExpiredError } from "../errors.js";
import type { Authenticator } from "../http/request.js";

/** A token as an app holds it: the `access_token` and `expires_at` of requestOauthToken's answer. */
export interface OAuthToken {
  accessToken: string;
  /** When it stops working: Unix seconds (the API's `expires_at`) or a Date. */
  expiresAt?: number | Date | undefined;
}

/**
 * A third-party app's OAuth access token (from the authorization-code flow with PKCE: see
 * `createPkce`, `oauthAuthorizeUrl` and `exchangeOauthCode`), sent as `Authorization: Bearer`.
 * Give `accessToken` (and `expiresAt`), `getAccessToken`, or both.
 */
export interface OAuthAuth {
  type: "oauth";
  accessToken?: string | undefined;
  expiresAt?: number | Date | undefined;
  /**
   * Asked for a token when none is held, when the one held has expired (or expires within 30 s),
   * and once after the API answers 401 to a token it held. Return the token, or the token and its
   * expiry.
   */
  getAccessToken?: (() => string | OAuthToken | Promise<string | OAuthToken>) | undefined;
}

/** A token this close to its expiry is not sent: it could expire on the way. */
const EXPIRY_MARGIN_MS = 30_000;

export function oauth(auth: OAuthAuth, check: (token: string) => void, now: () => number = Date.now): Authenticator {
  let held: { token: string; expiresAt: number | undefined } | undefined =
    auth.accessToken === undefined ? undefined : { token: auth.accessToken, expiresAt: millis(auth.expiresAt) };
  let refreshing: Promise<void> | undefined;
  const usable = () => held !== undefined && (held.expiresAt === undefined || held.expiresAt - EXPIRY_MARGIN_MS > now());
  /** One refresh at a time, shared by the calls that need it. */
  const refresh = () =>
    (refreshing ??= (async () => {
      const fresh = await auth.getAccessToken!();
      const token = typeof fresh === "string" ? { accessToken: fresh } : fresh;
      check(token?.accessToken);
      held = { token: token.accessToken, expiresAt: millis(token.expiresAt) };
    })().finally(() => {
      refreshing = undefined;
    }));

  const sign = (headers: Record<string, string>) => {
    headers.authorization = `Bearer ${held!.token}`;
  };
  return {
    authenticate(request) {
      if (usable()) return sign(request.headers);
      if (!auth.getAccessToken) throw new ConvertTokenExpiredError(held?.expiresAt);
      return refresh().then(() => {
        if (!usable()) throw new ConvertTokenExpiredError(held?.expiresAt);
        sign(request.headers);
      });
    },
    // A 401 to a token it held: ask for a fresh one once, then the call tries again.
    async renew() {
      if (!auth.getAccessToken) return false;
      await refresh();
      return true;
    },
  };
}

function millis(expiresAt: number | Date | undefined): number | undefined {
  if (expiresAt === undefined) return undefined;
  return expiresAt instanceof Date ? expiresAt.getTime() : expiresAt * 1000;
}
