// The raw openapi-fetch interface (`convert.GET(...)`, `use`, middleware) over the same send loop
// as the operation methods: openapi-fetch builds real Requests and runs middleware; its `fetch`
// is this module's, which reads the final Request and hands it to the send loop.
import type { Client, Middleware } from "openapi-fetch";
import type { paths } from "../generated/openapi-types.js";
import { ConvertConfigError, describeCall, type RequestInfo } from "./errors.js";
import { readBody } from "./http/answer.js";
import { bodyInit } from "./http/body.js";
import { isTransportOwned } from "./http/headers.js";
import { serializeQuery } from "./http/query.js";
import type { Answer } from "./http/request.js";
import type { CallContext, Send } from "./http/send.js";
import { checkPathParam } from "./operations/path.js";
import { operationForPath, operationForRoute, templateParamTypes } from "./operations/table.js";
import { type CallOptions, checkCallOptions, checkSignal } from "./options.js";

/** The raw interface: openapi-fetch's client, typed by the spec's paths. */
export type RawClient = Pick<
  Client<paths, "application/json">,
  "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE" | "request" | "use" | "eject"
>;

/** What one call through openapi-fetch knows beyond its Request. */
type Context = Omit<CallContext, "operationId" | "idempotent">;

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export interface RawClientParts {
  /** The object users call: its methods check each call, then hand it to openapi-fetch. */
  raw: RawClient;
  /** Whether middleware was registered with `use` (then operation methods go through openapi-fetch too). */
  hasMiddleware(): boolean;
  /** openapi-fetch's `request` with a per-call context, for operation methods when middleware is registered. */
  request(
    method: string,
    path: string,
    init: Record<string, unknown>,
    context: Context,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

export function createRawClient(config: { baseUrl: string; headers: Record<string, string>; send: Send }): RawClientParts {
  const { baseUrl, send } = config;

  /** The fetch openapi-fetch calls once every middleware has run: the final Request goes out. */
  const forward = async (request: Request, context: Context): Promise<Response> => {
    const { method, url } = request;
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) headers[name] = value;
    const operation = url.startsWith(baseUrl) ? operationForPath(method, url.slice(baseUrl.length).split("?")[0]!) : undefined;
    const info: RequestInfo = { operationId: operation?.operationId, method, url };
    for (const name in headers) {
      // Middleware reaches here without the checks of the options: the framing headers stay ours.
      if (isTransportOwned(name))
        throw new ConvertConfigError(`${describeCall(info)}: the ${name} header is set by the client itself and cannot be given`);
    }
    // JSON as text (what openapi-fetch serialized), anything else (multipart) as its exact bytes.
    const body = !request.body
      ? undefined
      : headers["content-type"]?.includes("json")
        ? await request.text()
        : new Uint8Array(await request.arrayBuffer());
    const answer = await send(
      { method, url, headers, body },
      {
        ...context,
        operationId: operation?.operationId,
        idempotent: operation ? operation.idempotent : method === "GET" || method === "HEAD",
      },
    );
    return responseOf(answer, info);
  };

  // openapi-fetch is loaded with the first raw call (or the first call while middleware is
  // registered), so that importing the client does not pay for it.
  let loading: Promise<Client<paths>> | undefined;
  let created: Client<paths> | undefined;
  const openapiFetch = () =>
    (loading ??= import("openapi-fetch").then((module) => {
      const createClient = (module.default ?? module) as unknown as typeof import("openapi-fetch").default;
      created = createClient<paths>({
        baseUrl,
        headers: config.headers,
        querySerializer: serializeQuery,
        bodySerializer: (body: unknown) => bodyInit(body),
        fetch: (input: Request | string | URL) => forward(input as Request, {}),
      });
      created.use(...middleware); // those registered before it existed
      return created;
    }));
  const middleware = new Set<Middleware>();

  /** Checks a raw call before openapi-fetch builds anything, and routes it with its own context. */
  const prepare = (method: string, path: string, init: Record<string, unknown> | undefined) => {
    const { signal, timeoutMs, attemptTimeoutMs, maxRetries, maxResponseBytes, ...rest } = (init ?? {}) as Record<string, unknown> &
      CallOptions & { signal?: unknown };
    const operation = operationForRoute(method, path);
    const where = operation?.operationId ?? `${method} ${path}`;
    checkCallOptions({ timeoutMs, attemptTimeoutMs, maxRetries, maxResponseBytes }, where);
    // Each path value must be exactly one segment: checked here, since URL parsing in Request
    // would silently remove a dot-segment.
    const params = (rest.params ?? {}) as { path?: Record<string, unknown> };
    for (const [name, type] of operation?.pathParams ?? templateParamTypes(path)) checkPathParam(where, name, params.path?.[name], type);
    // The signal goes to the send loop, not into the Request, which would keep a listener on it.
    const context: Context = { signal: checkSignal(signal, where), timeoutMs, attemptTimeoutMs, maxRetries, maxResponseBytes };
    return { ...rest, fetch: (request: Request) => forward(request, context) };
  };

  const raw = {} as Record<string, unknown>;
  for (const method of METHODS) {
    raw[method] = async (path: string, init?: Record<string, unknown>) => {
      const prepared = prepare(method, path, init);
      const send = (await openapiFetch())[method] as (path: string, init: unknown) => Promise<unknown>;
      return send(path, prepared);
    };
  }
  raw.request = async (method: string, path: string, init?: Record<string, unknown>) => {
    const prepared = prepare(String(method).toUpperCase(), path, init);
    return (await openapiFetch()).request(method as never, path as never, prepared as never);
  };
  // Kept here for a client made later, and passed on to the one that exists.
  raw.use = (...added: Middleware[]) => {
    for (const m of added) {
      if (!m) continue;
      if (typeof m !== "object" || !("onRequest" in m || "onResponse" in m || "onError" in m)) {
        throw new ConvertConfigError("use(...): a middleware must be an object with onRequest, onResponse or onError");
      }
      middleware.add(m);
    }
    created?.use(...added);
  };
  raw.eject = (...removed: Middleware[]) => {
    for (const m of removed) middleware.delete(m);
    created?.eject(...removed);
  };

  return {
    raw: raw as unknown as RawClient,
    hasMiddleware: () => middleware.size > 0,
    request: async (method, path, init, context) =>
      (await openapiFetch()).request(
        method as never,
        path as never,
        { ...init, fetch: (request: Request) => forward(request, context) } as never,
      ) as never,
  };
}

/**
 * A Response over the answer's bytes, describing the body it holds: already decoded, so without
 * `content-encoding` or `transfer-encoding`, its `content-length` that of the bytes. A 2xx JSON
 * body is read once here, so that text that is not JSON is a ConvertResponseError and a blank
 * body an empty one, as for operation methods.
 */
function responseOf(answer: Answer, info: RequestInfo): Response {
  let bytes: Uint8Array | null = NULL_BODY_STATUSES.has(answer.status) ? null : answer.bytes;
  if (bytes && answer.status >= 200 && answer.status <= 299 && readBody(answer, info, false) === undefined) bytes = null;
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || name === "content-encoding" || name === "transfer-encoding" || name === "content-length") continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  headers.set("content-length", String(bytes?.byteLength ?? 0));
  const response = new Response(bytes as ConstructorParameters<typeof Response>[0], {
    status: answer.status,
    statusText: answer.statusText,
    headers,
  });
  Object.defineProperty(response, "url", { value: answer.url });
  return response;
}
