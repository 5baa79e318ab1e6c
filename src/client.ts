// createConvertClient: checks the options once and wires the parts. A call then runs in
// operations/call.ts (operation methods) or raw-client.ts (the openapi-fetch interface), both over
// the send loop in http/send.ts.
import type { Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { authHint, type ConvertAuth, createAuthenticator } from "./auth/index.js";
import { checkBaseUrl, DEFAULT_BASE_URL } from "./base-url.js";
import { ConvertConfigError } from "./errors.js";
import { fetchExchange } from "./http/fetch.js";
import { checkHeaders } from "./http/headers.js";
import { NODE_DEFAULT_HEADERS, nodeExchange } from "./http/node.js";
import { createSender } from "./http/send.js";
import type { ConvertLogger } from "./logger.js";
import { createOperationCaller } from "./operations/call.js";
import { type PaginateOptions, type Paginator, paginate } from "./operations/paginate.js";
import { allOperations } from "./operations/table.js";
import type { OperationArgs, OperationMethods, PaginatedOperationId } from "./operations/types.js";
import { type CallOptions, checkCallOptions, checkId, DEFAULTS } from "./options.js";
import { createRawClient, type RawClient } from "./raw-client.js";

export { DEFAULT_BASE_URL };

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
  /** Headers added to every request. */
  headers?: Record<string, string> | undefined;
  /**
   * node:http / node:https agents to send with (connection pooling, keep-alive, a proxy agent),
   * instead of Node's global agents.
   */
  agent?: { http?: HttpAgent | undefined; https?: HttpsAgent | undefined } | undefined;
  /**
   * Send requests with this fetch instead of node:http / node:https (the default), e.g. undici's
   * fetch with a proxy dispatcher. Redirects are still not followed.
   */
  fetch?: typeof globalThis.fetch | undefined;
}

/** The path parameters that `accountId` / `projectId` in the options make optional. */
export type DefaultedPathParams<Options> =
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
}

/** Creates a typed client for the Convert API v2. */
export function createConvertClient<const Options extends ConvertClientOptions>(
  options: Options,
): ConvertClient<DefaultedPathParams<Options>> {
  if (typeof options !== "object" || options === null) {
    throw new ConvertConfigError("createConvertClient(options) needs an options object with at least `auth`");
  }
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, "options.baseUrl");
  const authenticator = createAuthenticator(options.auth, baseUrl, options.allowInsecureHttp);
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new ConvertConfigError("options.fetch must be a function");
  if (options.logger !== undefined && typeof options.logger !== "function")
    throw new ConvertConfigError("options.logger must be a function");
  if (options.agent !== undefined && (typeof options.agent !== "object" || options.agent === null)) {
    throw new ConvertConfigError("options.agent must be an object: { http?: http.Agent, https?: https.Agent }");
  }
  checkCallOptions(options, "options");
  const defaults = {
    account_id: checkId(options.accountId, "options.accountId"),
    project_id: checkId(options.projectId, "options.projectId"),
  };
  // What fetch would add by itself, for node:http; the caller's headers win.
  const headers = { ...(options.fetch ? {} : NODE_DEFAULT_HEADERS), ...checkHeaders(options.headers, "options.headers") };

  const send = createSender({
    exchange: options.fetch ? fetchExchange(options.fetch) : nodeExchange(options.agent),
    authenticator,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    attemptTimeoutMs: options.attemptTimeoutMs,
    maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    logger: options.logger,
  });
  const raw = createRawClient({ baseUrl, headers, send });
  const call = createOperationCaller({
    baseUrl,
    headers,
    defaults,
    send,
    hint: (status) => authHint(options.auth, status),
    middleware: { active: raw.hasMiddleware, request: raw.request },
  });

  const client: Record<string, unknown> = { ...raw.raw };
  for (const { operationId } of allOperations()) client[operationId] = (init?: Record<string, unknown>) => call(operationId, init);
  client.paginate = (operationId: PaginatedOperationId, init?: Record<string, unknown>, paginateOptions?: PaginateOptions) =>
    paginate(call, operationId, init, paginateOptions);
  return client as unknown as ConvertClient<DefaultedPathParams<Options>>;
}
