import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/openapi-types.js";
import { authHint, type ConvertAuth, createAuthenticator } from "./auth/index.js";
import { checkBaseUrl, DEFAULT_BASE_URL } from "./base-url.js";
import { serializeBody } from "./body-serializer.js";
import { checkCallOptions } from "./call-options.js";
import { routeCalls } from "./call-routing.js";
import { ConvertConfigError } from "./errors.js";
import { fetchExchange } from "./exchange.js";
import { checkHeaders } from "./headers.js";
import type { ConvertLogger } from "./logger.js";
import { nodeHttpExchange } from "./node-http.js";
import type { OperationArgs, OperationMethods, PaginatedOperationId } from "./operation-types.js";
import { createCallOperation, createOperationMethods, type OperationDefaults } from "./operations.js";
import { type PaginateOptions, type Paginator, paginate } from "./paginate.js";
import { serializeQuery } from "./query-serializer.js";
import { DEFAULT_MAX_RETRIES } from "./retry.js";
import { createTransport, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS } from "./transport.js";

export { DEFAULT_BASE_URL };

export interface ConvertClientOptions {
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
  /** Deadline per call, covering every attempt and reading the answer. Default 30 000 ms. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (429 always; 502/503/504 and network errors when safe). Default 2. */
  maxRetries?: number | undefined;
  /**
   * Largest answer accepted, in bytes, as read from the network and once decompressed; past it the
   * call fails with ConvertResponseTooLargeError and the connection is closed. Default 50 MiB.
   */
  maxResponseBytes?: number | undefined;
  /** Receives request, response, retry and error events (never credentials). */
  logger?: ConvertLogger | undefined;
  /** Headers added to every request. */
  headers?: Record<string, string> | undefined;
  /**
   * Send requests with this fetch instead of node:http / node:https (the default), e.g. undici's
   * fetch with a proxy dispatcher. Redirects are then followed as fetch does.
   */
  fetch?: typeof globalThis.fetch | undefined;
}

type PaginateArgs<K extends PaginatedOperationId, D extends string> =
  OperationArgs<K, D> extends [init: infer I]
    ? [init: I, options?: PaginateOptions]
    : [init?: NonNullable<OperationArgs<K, D>[0]>, options?: PaginateOptions];

/**
 * The Convert API client: the raw openapi-fetch interface (`GET`, `POST`, `PUT`, `DELETE`, `use`
 * ...) plus one method per operationId and `paginate`. `D` lists the path parameters filled in
 * from the client's `accountId` / `projectId`.
 */
export type ConvertClient<D extends string = never> = Client<paths, "application/json"> &
  OperationMethods<D> & {
    /** Iterates the items of a paginated list operation, fetching pages as needed. */
    paginate<K extends PaginatedOperationId>(operationId: K, ...args: PaginateArgs<K, D>): Paginator<K>;
  };

/** The path parameters that `accountId` / `projectId` in the options make optional. */
export type DefaultedParams<O> =
  | (O extends { accountId: number } ? "account_id" : never)
  | (O extends { projectId: number } ? "project_id" : never);

/** Creates a typed client for the Convert API v2. */
export function createConvertClient<const O extends ConvertClientOptions>(options: O): ConvertClient<DefaultedParams<O>> {
  if (typeof options !== "object" || options === null) {
    throw new ConvertConfigError("createConvertClient(options) needs an options object with at least `auth`");
  }
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL, "options.baseUrl");
  const authenticate = createAuthenticator(options.auth, baseUrl, options.allowInsecureHttp);
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new ConvertConfigError("options.fetch must be a function");
  if (options.logger !== undefined && typeof options.logger !== "function") {
    throw new ConvertConfigError("options.logger must be a function");
  }
  checkCallOptions(options, "options");
  const headers = checkHeaders(options.headers, "options.headers");
  const defaults: OperationDefaults = {
    account_id: checkId(options.accountId, "options.accountId"),
    project_id: checkId(options.projectId, "options.projectId"),
  };

  const send = createTransport({
    exchange: options.fetch ? fetchExchange(options.fetch) : nodeHttpExchange,
    authenticate,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    logger: options.logger,
  });
  const client = createClient<paths>({
    baseUrl,
    ...(headers && { headers }),
    querySerializer: serializeQuery,
    bodySerializer: serializeBody,
  });
  const call = createCallOperation(routeCalls(client, send), defaults, (status) => authHint(options.auth, status));
  return Object.assign(client, createOperationMethods(call), {
    paginate: (operationId: PaginatedOperationId, init?: Record<string, unknown>, paginateOptions?: PaginateOptions) =>
      paginate(call, operationId, init, paginateOptions),
  }) as unknown as ConvertClient<DefaultedParams<O>>;
}

function checkId(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) <= 0) throw new ConvertConfigError(`${name} must be a positive whole number`);
  return value as number;
}
