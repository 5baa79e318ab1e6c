import { apiErrorClass, ConvertConfigError, type RequestInfo } from "../errors.js";
import { resultOf } from "../http/answer.js";
import { encodeBody } from "../http/body.js";
import { checkHeaders } from "../http/headers.js";
import { serializeQuery } from "../http/query.js";
import type { CallContext, Send } from "../http/send.js";
import { checkCallOptions, checkSignal } from "../options.js";
import { buildPath } from "./path.js";
import { type Outcome, responseOfAnswer, responseOfResponse } from "./promise.js";
import { operationById } from "./table.js";

/** Calls one operation by id with an operation method's argument; resolves its outcome or throws. */
export type CallOperation = (operationId: string, init?: Record<string, unknown>) => Promise<Outcome>;

export interface OperationCallerConfig {
  /** API root, without a trailing slash. */
  baseUrl: string;
  /** Headers of every request (lowercase names, checked). */
  headers: Readonly<Record<string, string>>;
  /** Path parameters the client fills in when a call leaves them out. */
  defaults: Readonly<{ account_id?: number | undefined; project_id?: number | undefined }>;
  send: Send;
  /** What to check on a 401, by auth type. */
  hint: (status: number) => string | undefined;
  /** openapi-fetch's route, taken instead while middleware is registered (it must see a Request). */
  middleware: {
    active(): boolean;
    request(
      method: string,
      path: string,
      init: Record<string, unknown>,
      call: CallContext,
    ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  };
}

const MISSING_HINT: Record<string, string> = {
  account_id: " (or set accountId on the client)",
  project_id: " (or set projectId on the client)",
};

/**
 * The pipeline of an operation method, in order: check the call, build the request, send it
 * (deadline, signal, credentials per attempt, retries), read the answer, return its body or throw
 * the typed error for it.
 */
export function createOperationCaller(config: OperationCallerConfig): CallOperation {
  const { baseUrl, defaults, send, hint } = config;
  return async (operationId, init = {}) => {
    // 1. Check the call: the operation, its options, its path values (one segment each).
    const operation = operationById(operationId);
    if (!operation) throw new ConvertConfigError(`unknown operation ${String(operationId)}`);
    const where = `${operationId}(...)`;
    checkCallOptions(init, where);
    const given = (init.path ?? {}) as Record<string, unknown>;
    const path = buildPath(
      operationId,
      operation.path,
      operation.pathParams,
      (name) => given[name] ?? defaults[name as keyof typeof defaults],
      (name) => MISSING_HINT[name] ?? "",
    );
    const call: CallContext = {
      operationId,
      idempotent: operation.idempotent,
      signal: checkSignal(init.signal, where),
      timeoutMs: init.timeoutMs as number | undefined,
      attemptTimeoutMs: init.attemptTimeoutMs as number | undefined,
      maxRetries: init.maxRetries as number | undefined,
      maxResponseBytes: init.maxResponseBytes as number | undefined,
    };
    const callHeaders = checkHeaders(init.headers, `${where}: headers`);
    const headerParams = checkHeaders(stringValues(init.header), `${where}: header`);
    const { method } = operation;

    if (config.middleware.active()) {
      const params = { path: pathValues(operation, given, defaults), query: init.query, header: init.header };
      const { data, error, response } = await config.middleware.request(
        method,
        operation.path,
        { params, body: init.body, headers: callHeaders },
        call,
      );
      if (response.ok) return { data, response: responseOfResponse(response) };
      const headers = Object.fromEntries(response.headers);
      throw new (apiErrorClass(response.status, error))(response.status, error, { operationId, method, url: response.url }, headers, {
        hint: hint(response.status),
      });
    }

    // 2. Build the request: the path above, PHP-style query, JSON or multipart body.
    const query = init.query === undefined ? "" : serializeQuery(init.query as Record<string, unknown>);
    const url = `${baseUrl}${path}${query ? `?${query}` : ""}`;
    const headers: Record<string, string> = { ...config.headers, ...callHeaders, ...headerParams };
    let body: string | Uint8Array | undefined;
    if (init.body !== undefined) {
      const encoded = await encodeBody(init.body, operation.multipart);
      body = encoded.body;
      headers["content-type"] ??= encoded.contentType;
    }
    // 3. Send: attempts, retries, deadline and signal are the send loop's.
    const answer = await send({ method, url, headers, body }, call);
    // 4 and 5. Read the answer: its body, or the typed error for its status.
    const info: RequestInfo = { operationId, method, url };
    return { data: resultOf(answer, info, hint, operation.binary), response: responseOfAnswer(answer, url) };
  };
}

/** The path values for openapi-fetch, defaults filled in (all checked by buildPath already). */
function pathValues(
  operation: { pathParams: readonly (readonly [string, unknown])[] },
  given: Record<string, unknown>,
  defaults: Record<string, unknown>,
) {
  const values: Record<string, unknown> = {};
  for (const [name] of operation.pathParams) values[name] = given[name] ?? defaults[name];
  return values;
}

/** Header parameters of the spec (e.g. `report_token`) as text. */
function stringValues(header: unknown): Record<string, string> | undefined {
  if (header === undefined || header === null || typeof header !== "object") return header as undefined;
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(header)) if (value !== undefined && value !== null) text[name] = String(value);
  return text;
}
