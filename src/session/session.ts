import { CookieJar, type SerializedCookieJar } from "tough-cookie";
import { checkCredential, type SessionCredentials } from "../auth/index.js";
import { sessionAuthenticator } from "../auth/session-link.js";
import { checkBaseUrl, DEFAULT_BASE_URL, requireHttpsFor } from "../base-url.js";
import { type ConvertClient, createConvertClient } from "../client.js";
import { ConvertConfigError } from "../errors.js";
import type { Authenticator } from "../http/request.js";
import type { ConvertLogger } from "../logger.js";
import { ConvertLoginError } from "./login-error.js";

export interface ConvertSessionOptions {
  /** API root. Default `https://api.convert.com/api/v2`. The session cookie is sent only to its origin. */
  baseUrl?: string | undefined;
  /** Optional anti-CSRF value sent as `x-convert-nonce` with every request of the session. */
  nonce?: string | undefined;
  /** Allow a plain `http://` baseUrl that is not this machine (the password and cookie would travel unencrypted). */
  allowInsecureHttp?: boolean | undefined;
  /** Sign in through this fetch instead of node:http (see the client's `fetch` option). */
  fetch?: typeof globalThis.fetch | undefined;
  /** See the client's `transport` option. */
  transport?: "node" | "undici" | undefined;
  /** See the client's `proxy` option. */
  proxy?: "env" | undefined;
  timeoutMs?: number | undefined;
  logger?: ConvertLogger | undefined;
}

/** What `ConvertSession.export()` returns: the session cookie and where it belongs. Keep it secret. */
export interface ConvertSessionState {
  version: 1;
  /** Origin of the API the cookies belong to. */
  origin: string;
  cookies: SerializedCookieJar;
}

export interface LoginOptions {
  username: string;
  password: string;
  /** Asked for the MFA code when the account needs one. Without it, `login` returns an `mfaRequired` step. */
  mfaCode?: () => string | Promise<string>;
  /** Asked for a new password when the API demands one. Without it, `login` returns a `newPasswordRequired` step. */
  newPassword?: () => string | Promise<string>;
}

/** Where a sign-in stands after `login` or a follow-up step. */
export type LoginResult =
  | { status: "signedIn"; message: string | undefined }
  | { status: "mfaRequired"; submitMfaCode(code: string): Promise<LoginResult> }
  | { status: "newPasswordRequired"; submitNewPassword(password: string): Promise<LoginResult> };

export type LogoutScope = "currentSession" | "otherSessions" | "allSessions";

interface AuthAnswer {
  "auth-code"?: string;
  message?: string | string[] | undefined;
  data?: { sessionToken?: string; username?: string };
}

/**
 * A signed-in Convert user: a cookie jar holding the `sid` session cookie, sent only to the
 * API's origin. Create one, `login`, then pass it to `createConvertClient({ auth: { type:
 * "session", session } })`. `export()` / `ConvertSession.restore()` keep a user signed in across
 * processes (e.g. a CLI).
 */
export class ConvertSession implements SessionCredentials {
  readonly origin: string;
  readonly #baseUrl: string;
  readonly #jar: CookieJar;
  readonly #nonce: string | undefined;
  readonly #client: ConvertClient;

  constructor(options: ConvertSessionOptions = {}, state?: ConvertSessionState) {
    if (typeof options !== "object" || options === null)
      throw new ConvertConfigError("new ConvertSession(options): options must be an object");
    this.#baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, "session options.baseUrl");
    // The password and the session cookie cross the network: https, unless the caller opts in.
    requireHttpsFor(this.#baseUrl, "the password and session cookie", options.allowInsecureHttp, "session options.baseUrl");
    this.origin = new URL(this.#baseUrl).origin;
    if (options.nonce !== undefined) checkCredential(options.nonce, "session options.nonce");
    this.#nonce = options.nonce;
    this.#jar = state ? restoreJar(state.cookies) : new CookieJar();
    this.#client = createConvertClient({
      baseUrl: this.#baseUrl,
      auth: { type: "session", session: this },
      fetch: options.fetch,
      transport: options.transport,
      proxy: options.proxy,
      allowInsecureHttp: options.allowInsecureHttp,
      timeoutMs: options.timeoutMs,
      logger: options.logger,
      maxRetries: 0, // sign-in steps are not safe to repeat blindly
    });
  }

  /** A session from `export()`'s output (or its JSON text). */
  static restore(state: ConvertSessionState | string, options: ConvertSessionOptions = {}): ConvertSession {
    const parsed = (typeof state === "string" ? safeParse(state) : state) as Partial<ConvertSessionState> | undefined;
    if (
      !parsed ||
      typeof parsed !== "object" ||
      parsed.version !== 1 ||
      typeof parsed.origin !== "string" ||
      typeof parsed.cookies !== "object" ||
      parsed.cookies === null
    ) {
      throw new ConvertConfigError("ConvertSession.restore: not a state made by ConvertSession.export()");
    }
    const baseUrl = checkBaseUrl(options?.baseUrl ?? DEFAULT_BASE_URL, "ConvertSession.restore: options.baseUrl");
    const origin = new URL(baseUrl).origin;
    if (origin !== parsed.origin) {
      // The state's origin is not echoed: it came from storage that may have been tampered with.
      throw new ConvertConfigError(`ConvertSession.restore: the state belongs to another origin than ${origin}`);
    }
    return new ConvertSession({ ...options, baseUrl }, parsed as ConvertSessionState);
  }

  /** Whether a session cookie is held (it may still have expired on the server: see `status()`). */
  get hasSessionCookie(): boolean {
    return this.#jar.getCookiesSync(this.#baseUrl).some((cookie) => cookie.key === "sid");
  }

  /**
   * Signs in with a username and password, answering MFA and new-password challenges through the
   * callbacks when given, else returning the pending step.
   */
  async login(options: LoginOptions): Promise<LoginResult> {
    if (typeof options?.username !== "string" || options.username === "") throw new ConvertConfigError("login: username is missing");
    if (typeof options.password !== "string" || options.password === "") throw new ConvertConfigError("login: password is missing");
    for (const name of ["mfaCode", "newPassword"] as const) {
      if (options[name] !== undefined && typeof options[name] !== "function") {
        throw new ConvertConfigError(`login: ${name} must be a function that returns the value when asked`);
      }
    }
    const { username } = options;
    const answer = await this.#step({ username, requestType: "initiatePasswordAuth", data: { username, password: options.password } });
    return this.#next(answer, options);
  }

  /** Whether the server still accepts the session. */
  async status(): Promise<{ active: boolean }> {
    if (!this.hasSessionCookie) return { active: false };
    const { response } = await this.#client.GET("/auth/status", {});
    return { active: response.ok };
  }

  /** Ends the current session, the user's other sessions, or all of them; forgets the cookie unless `otherSessions`. */
  async logout(scope: LogoutScope = "currentSession"): Promise<void> {
    if (!["currentSession", "otherSessions", "allSessions"].includes(scope)) {
      throw new ConvertConfigError('logout: scope must be "currentSession", "otherSessions" or "allSessions"');
    }
    try {
      await this.#client.doLogout({ body: { requestType: scope } });
    } finally {
      if (scope !== "otherSessions") this.#jar.removeAllCookiesSync();
    }
  }

  /** The session's state for `ConvertSession.restore()`. It holds the session cookie: store it like a password. */
  export(): ConvertSessionState {
    return { version: 1, origin: this.origin, cookies: this.#jar.serializeSync()! };
  }

  toJSON(): { origin: string; hasSessionCookie: boolean } {
    return { origin: this.origin, hasSessionCookie: this.hasSessionCookie };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `ConvertSession { origin: '${this.origin}', hasSessionCookie: ${this.hasSessionCookie} }`;
  }

  /** @internal Credentials for requests to this session's origin. */
  [sessionAuthenticator](clientBaseUrl: string): Authenticator {
    if (new URL(clientBaseUrl).origin !== this.origin) {
      throw new ConvertConfigError(`options.auth.session belongs to ${this.origin}, but options.baseUrl points elsewhere`);
    }
    const jar = this.#jar;
    const nonce = this.#nonce;
    const ours = (url: string) => url.startsWith(`${this.origin}/`);
    return {
      authenticate: (request) => {
        if (!ours(request.url)) return;
        const cookie = jar.getCookieStringSync(request.url);
        if (cookie) request.headers.cookie = cookie;
        if (nonce) request.headers["x-convert-nonce"] = nonce;
      },
      receive: ({ url, headers }) => {
        if (!ours(url)) return; // only cookies of the API's origin, from the URL that answered
        const setCookie = headers["set-cookie"];
        for (const cookie of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [])
          jar.setCookieSync(cookie, url, { ignoreError: true });
      },
    };
  }

  async #step(body: Record<string, unknown>): Promise<AuthAnswer> {
    const { data, error, response } = await this.#client.POST("/auth", { body: body as never });
    if (!response.ok) throw new ConvertLoginError(`HTTP ${response.status}`, messagesOf(error));
    return (data ?? {}) as AuthAnswer;
  }

  async #next(answer: AuthAnswer, options: Partial<LoginOptions>): Promise<LoginResult> {
    const code = answer["auth-code"];
    const username = answer.data?.username ?? options.username ?? "";
    const sessionToken = answer.data?.sessionToken ?? "";
    switch (code) {
      case "SUCCESS":
        if (!this.hasSessionCookie) throw new ConvertLoginError("NO_SESSION_COOKIE", ["the API answered SUCCESS without a sid cookie"]);
        return { status: "signedIn", message: messagesOf(answer)[0] };
      case "MFA_TOKEN_REQUIRED": {
        const submitMfaCode = async (mfaCode: string) => {
          if (typeof mfaCode !== "string" || mfaCode === "") throw new ConvertConfigError("login: the MFA code is missing");
          const next = await this.#step({ username, requestType: "provideMfaCodeAuth", data: { username, mfaCode, sessionToken } });
          return this.#next(next, options);
        };
        return options.mfaCode ? submitMfaCode(await options.mfaCode()) : { status: "mfaRequired", submitMfaCode };
      }
      case "NEW_PASSWORD_REQUIRED": {
        const submitNewPassword = async (newPassword: string) => {
          if (typeof newPassword !== "string" || newPassword === "") throw new ConvertConfigError("login: the new password is missing");
          const data = { username, newPassword, confirmNewPassword: newPassword, sessionToken };
          const next = await this.#step({ username, requestType: "confirmNewPasswordAuth", data });
          return this.#next(next, options);
        };
        return options.newPassword ? submitNewPassword(await options.newPassword()) : { status: "newPasswordRequired", submitNewPassword };
      }
      default:
        throw new ConvertLoginError(code ?? "NO_AUTH_CODE", messagesOf(answer));
    }
  }
}

function messagesOf(body: unknown): string[] {
  const message = (body as { message?: unknown } | undefined)?.message;
  if (typeof message === "string") return [message];
  return Array.isArray(message) ? message.filter((m): m is string => typeof m === "string") : [];
}

/** A cookie jar from exported state; anything malformed is refused without echoing it. */
function restoreJar(cookies: SerializedCookieJar): CookieJar {
  try {
    return CookieJar.deserializeSync(cookies);
  } catch {
    throw new ConvertConfigError("ConvertSession.restore: the state's cookies are malformed");
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
