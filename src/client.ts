// createConvertClient: checks the options once and wires the parts. A call then runs in
// operations/call.ts (operation methods) or raw-client.ts (the openapi-fetch interface), both over
// the send loop in http/send.ts.
import type { Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { authHint, type ConvertAuth, createAuthenticator } from "./auth/index.js";
import { checkBaseUrl, DEFAULT_BASE_URL } from "./base-url.js";
import { type ConsoleLogging, consoleLogging, type LogLevel, logLevelOf } from "./console-logger.js";
import { ConvertConfigError } from "./errors.js";
import { fetchExchange } from "./http/fetch.js";
import { checkHeaders } from "./http/headers.js";
import type { Exchange } from "./http/request.js";
import { createSender } from "./http/send.js";
import type { ConvertLogger } from "./logger.js";
import { createOperationCaller } from "./operations/call.js";
import { type PaginateOptions, type Paginator, paginate } from "./operations/paginate.js";
import { ConvertPromise } from "./operations/promise.js";
import { allOperations } from "./operations/table.js";
import type { OperationArgs, OperationMethods, PaginatedOperationId } from "./operations/types.js";
import { type CallOptions, checkCallOptions, checkId, DEFAULTS } from "./options.js";
import { defaultExchange } from "./platform/exchange.js";
import { createRawClient, type RawClient } from "./raw-client.js";

export { DEFAULT_BASE_URL };

const NO_HEADERS: Readonly<Record<string, string>> = {};

/**
 * The options of `createConvertClient`: credentials, API root, default ids, and the per-call limits
 * (timeouts, retries, answer size) that each call may override.
 */
export interface ConvertClientOptions extends CallOptions {
  /** How requests authenticate. Required; `{ type: "none" }` for anonymous calls. */
  auth: ConvertAuth;
  /** API root. Default `https://api.convert.com/api/v2`. */
  baseUrl?: string | undefined;
  /**
   * Allow a plain `http://` baseUrl that is not this machine (localhost, 127.0.0.0/8, ::1) with
   * credentials an eavesdropper could reuse: a secret key, a report token or a session. Default false.
   */
  allowInsecureHttp?: boolean | undefined;
  /** Default `account_id` for operation methods; an explicit path parameter wins. */
  accountId?: number | undefined;
  /** Default `project_id` for operation methods; an explicit path parameter wins. */
  projectId?: number | undefined;
  /** Receives request, response, retry and error events (never credentials). */
  logger?: ConvertLogger | undefined;
  /**
   * Without a logger: print one line per attempt to stderr at this level and above ("info": every
   * answer; "warn": retries and error answers; "error": failures), or at "debug" also every
   * request's and answer's headers and body, credentials redacted. Default: the CONVERT_LOG
   * environment variable, else "off".
   */
  logLevel?: LogLevel | undefined;
  /** Headers added to every request. */
  headers?: Record<string, string> | undefined;
  /**
   * node:http / node:https agents to send with (connection pooling, keep-alive, a proxy agent),
   * instead of Node's global agents.
   */
  agent?: { http?: HttpAgent | undefined; https?: HttpsAgent | undefined } | undefined;
  /**
   * How to send on Node: "node" (node:http, the default) or "undici" (undici's request API: less
   * CPU per request when many run at once; `npm install undici`, loaded with the first request).
   */
  transport?: "node" | "undici" | undefined;
  /**
   * "env": send through the HTTP proxy that HTTPS_PROXY / HTTP_PROXY name, except for hosts in
   * NO_PROXY (uses undici: `npm install undici`).
   */
  proxy?: "env" | undefined;
  /**
   * Send requests with this fetch instead of node:http / node:https (the default), e.g. undici's
   * fetch with a proxy dispatcher. Redirects are still not followed.
   */
  fetch?: typeof globalThis.fetch | undefined;
}

/** The path parameters that `accountId` / `projectId` in the options make optional. */
export type DefaultedPathParamsOf<Options> =
  | (Options extends { accountId: number } ? "account_id" : never)
  | (Options extends { projectId: number } ? "project_id" : never);

/** `paginate`'s arguments: the operation's argument (optional when nothing in it is required), then options. */
export type PaginateArgs<K extends PaginatedOperationId, DefaultedPathParams extends string> =
  OperationArgs<K, DefaultedPathParams> extends [init: infer Init]
    ? [init: Init, options?: PaginateOptions]
    : [init?: NonNullable<OperationArgs<K, DefaultedPathParams>[0]>, options?: PaginateOptions];

/**
 * The Convert API client: one method per operationId (`convert.getExperience(...)`), `paginate`,
 * and openapi-fetch's raw interface (`GET`, `POST`, ..., `request`, `use`, `eject`).
 * `DefaultedPathParams`: the path parameters filled in from the client's `accountId` / `projectId`.
 */
export interface ConvertClient<DefaultedPathParams extends string = never> extends OperationMethods<DefaultedPathParams>, RawClient {
  /** Iterates the items of a paginated list operation, fetching pages as needed. */
  paginate<K extends PaginatedOperationId>(operationId: K, ...args: PaginateArgs<K, DefaultedPathParams>): Paginator<K>;
  /**
   * A client with other defaults (ids, limits, headers, logging) that shares this one's
   * connections and credentials (a token being renewed, a session's cookies). Headers add to this
   * client's; middleware is not carried over.
   */
  withOptions<const Options extends ConvertClientDefaults>(
    options: Options,
  ): ConvertClient<DefaultedPathParams | DefaultedPathParamsOf<Options>>;
}

/** The options a derived client (`withOptions`) may change. */
export type ConvertClientDefaults = Pick<
  ConvertClientOptions,
  "accountId" | "projectId" | "timeoutMs" | "attemptTimeoutMs" | "maxRetries" | "maxResponseBytes" | "headers" | "logger" | "logLevel"
>;

/** Creates a typed client for the Convert API v2. */
export function createConvertClient<const Options extends ConvertClientOptions>(
  options: Options,
): ConvertClient<DefaultedPathParamsOf<Options>> {
  if (typeof options !== "object" || options === null) {
    throw new ConvertConfigError("createConvertClient(options) needs an options object with at least `auth`");
  }
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, "options.baseUrl");
  const authenticator = createAuthenticator(options.auth, baseUrl, options.allowInsecureHttp);
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new ConvertConfigError("options.fetch must be a function");
  if (options.agent !== undefined && (typeof options.agent !== "object" || options.agent === null)) {
    throw new ConvertConfigError("options.agent must be an object: { http?: http.Agent, https?: https.Agent }");
  }
  for (const [name, value, allowed] of [
    ["transport", options.transport, ["node", "undici"]],
    ["proxy", options.proxy, ["env"]],
  ] as const) {
    if (value !== undefined && !(allowed as readonly string[]).includes(value))
      throw new ConvertConfigError(`options.${name} must be ${allowed.map((a) => `"${a}"`).join(" or ")}`);
  }
  if (options.fetch && (options.transport !== undefined || options.proxy !== undefined)) {
    throw new ConvertConfigError("options.transport and options.proxy do not apply with options.fetch (configure your fetch instead)");
  }
  const platform = options.fetch
    ? undefined
    : defaultExchange({ agent: options.agent, transport: options.transport, proxy: options.proxy });
  const shared: Shared = {
    baseUrl,
    authenticator,
    exchange: platform?.exchange ?? fetchExchange(options.fetch!),
    hint: (status) => authHint(options.auth, status),
  };
  // What fetch would add by itself, for node:http; the caller's headers win.
  const base: Settings = {
    ...DEFAULTS,
    defaults: {},
    headers: { ...(platform?.headers ?? NO_HEADERS) },
    logging: loggingAt(logLevelOf(undefined, globalThis.process?.env?.CONVERT_LOG)),
  };
  return assemble(shared, settle(base, options, "options")) as ConvertClient<DefaultedPathParamsOf<Options>>;
}

/** What a client and the clients derived from it share: where they send, and as whom. */
interface Shared {
  baseUrl: string;
  authenticator: ReturnType<typeof createAuthenticator>;
  exchange: Exchange;
  hint: (status: number) => string | undefined;
}

/** What each client has of its own. */
interface Settings {
  defaults: { account_id?: number | undefined; project_id?: number | undefined };
  headers: Record<string, string>;
  timeoutMs: number;
  attemptTimeoutMs?: number | undefined;
  maxRetries: number;
  maxResponseBytes: number;
  logging?: ConsoleLogging | { logger: ConvertLogger; trace?: undefined } | undefined;
}

/** `settings` with the defaults-level options of `options` applied, each checked (`where` names them). */
function settle(settings: Settings, options: ConvertClientDefaults, where: string): Settings {
  checkCallOptions(options, where);
  if (options.logger !== undefined && typeof options.logger !== "function")
    throw new ConvertConfigError(`${where}.logger must be a function`);
  // A logger wins; else a level given here; else what the client it derives from had (for a new
  // client: CONVERT_LOG).
  const logging = options.logger
    ? { logger: options.logger }
    : options.logLevel !== undefined
      ? loggingAt(logLevelOf(options.logLevel, undefined))
      : settings.logging;
  return {
    defaults: {
      account_id: checkId(options.accountId, `${where}.accountId`) ?? settings.defaults.account_id,
      project_id: checkId(options.projectId, `${where}.projectId`) ?? settings.defaults.project_id,
    },
    headers: { ...settings.headers, ...checkHeaders(options.headers, `${where}.headers`) },
    timeoutMs: options.timeoutMs ?? settings.timeoutMs,
    attemptTimeoutMs: options.attemptTimeoutMs ?? settings.attemptTimeoutMs,
    maxRetries: options.maxRetries ?? settings.maxRetries,
    maxResponseBytes: options.maxResponseBytes ?? settings.maxResponseBytes,
    logging,
  };
}

function loggingAt(level: LogLevel): ConsoleLogging | undefined {
  return level === "off" ? undefined : consoleLogging(level);
}

/** A client over `shared` with `settings`: the send loop, the raw interface, the operation methods. */
function assemble(shared: Shared, settings: Settings): ConvertClient<string> {
  const { baseUrl } = shared;
  const send = createSender({
    exchange: shared.exchange,
    authenticator: shared.authenticator,
    timeoutMs: settings.timeoutMs,
    attemptTimeoutMs: settings.attemptTimeoutMs,
    maxRetries: settings.maxRetries,
    maxResponseBytes: settings.maxResponseBytes,
    logger: settings.logging?.logger,
    trace: settings.logging?.trace,
  });
  const raw = createRawClient({ baseUrl, headers: settings.headers, send });
  const call = createOperationCaller({
    baseUrl,
    headers: settings.headers,
    defaults: settings.defaults,
    send,
    hint: shared.hint,
    middleware: { active: raw.hasMiddleware, request: raw.request },
  });

  const client: Record<string, unknown> = { ...raw.raw };
  for (const { operationId } of allOperations())
    client[operationId] = (init?: Record<string, unknown>) => new ConvertPromise(call(operationId, init));
  client.paginate = (operationId: PaginatedOperationId, init?: Record<string, unknown>, paginateOptions?: PaginateOptions) =>
    paginate(call, operationId, init, paginateOptions);
  client.withOptions = (options: ConvertClientDefaults) => {
    if (typeof options !== "object" || options === null) throw new ConvertConfigError("withOptions(options) needs an options object");
    return assemble(shared, settle(settings, options, "withOptions(options)"));
  };
  return client as unknown as ConvertClient<string>;
}

/** Environment variables `createConvertClient.fromEnv` reads (the CLI reads the same). */
export const ENV = {
  applicationId: "CONVERT_APPLICATION_ID",
  secretKey: "CONVERT_SECRET_KEY",
  authType: "CONVERT_AUTH_TYPE",
  baseUrl: "CONVERT_API_BASE_URL",
  accountId: "CONVERT_ACCOUNT_ID",
  projectId: "CONVERT_PROJECT_ID",
} as const;

/**
 * A client configured from the environment: CONVERT_APPLICATION_ID and CONVERT_SECRET_KEY (an API
 * key), CONVERT_AUTH_TYPE (`requestSigning`, the default, or `secretKey`), CONVERT_API_BASE_URL,
 * CONVERT_ACCOUNT_ID and CONVERT_PROJECT_ID (defaults for `account_id` / `project_id`; a call that
 * needs one that is not set fails before sending, naming it), and CONVERT_LOG. `overrides` win over
 * the environment. Errors name the variable, never its value.
 */
function fromEnv(
  overrides?: Partial<ConvertClientOptions>,
  env: Record<string, string | undefined> = globalThis.process?.env ?? {},
): ConvertClient<"account_id" | "project_id"> {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === "" ? undefined : value;
  };
  const id = (name: string) => {
    const value = read(name);
    if (value === undefined) return undefined;
    if (!/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(Number(value)))
      throw new ConvertConfigError(`${name} must be a positive whole number`);
    return Number(value);
  };
  const authFromEnv = (): ConvertAuth => {
    const type = read(ENV.authType) ?? "requestSigning";
    if (type !== "requestSigning" && type !== "secretKey")
      throw new ConvertConfigError(`${ENV.authType} must be requestSigning or secretKey`);
    const applicationId = read(ENV.applicationId);
    const secretKey = read(ENV.secretKey);
    if (!applicationId || !secretKey) {
      const missing = [!applicationId && ENV.applicationId, !secretKey && ENV.secretKey].filter(Boolean);
      throw new ConvertConfigError(`createConvertClient.fromEnv: set ${missing.join(" and ")} (an API key), or pass auth`);
    }
    return { type, applicationId, secretKey };
  };
  const auth: ConvertAuth = overrides?.auth ?? authFromEnv();
  const options: ConvertClientOptions = {
    baseUrl: read(ENV.baseUrl),
    accountId: id(ENV.accountId),
    projectId: id(ENV.projectId),
    ...overrides,
    auth,
  };
  return createConvertClient(options) as unknown as ConvertClient<"account_id" | "project_id">;
}

createConvertClient.fromEnv = fromEnv;
