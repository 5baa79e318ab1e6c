// The raw openapi-fetch interface (`convert.GET(...)`, `use`, middleware) over the same send loop
// as the operation methods: openapi-fetch builds real Requests and runs middleware; its `fetch`
// is this module's, which reads the final Request and hands it to the send loop.
import type { Client, Middleware } from "openapi-fetch";
import type { paths } from "../generated/openapi-types.js";
import { ConvertConfigError, ConvertResponseError, describeCall, type RequestInfo } from "./errors.js";
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
  const forward = async (request: Request, context: Context, last?: LastAnswer): Promise<Response> => {
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
    if (last) last.value = { answer, info };
    return responseOf(answer);
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
    const last: LastAnswer = {};
    return { init: { ...rest, fetch: (request: Request) => forward(request, context, last) }, last };
  };

  const raw = {} as Record<string, unknown>;
  for (const method of METHODS) {
    raw[method] = async (path: string, init?: Record<string, unknown>) => {
      const prepared = prepare(method, path, init);
      const send = (await openapiFetch())[method] as (path: string, init: unknown) => Promise<unknown>;
      return send(path, prepared.init).catch((error: unknown) => Promise.reject(responseError(error, prepared.last)));
    };
  }
  raw.request = async (method: string, path: string, init?: Record<string, unknown>) => {
    const prepared = prepare(String(method).toUpperCase(), path, init);
    const client = await openapiFetch();
    return client
      .request(method as never, path as never, prepared.init as never)
      .catch((error: unknown) => Promise.reject(responseError(error, prepared.last)));
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
    request: async (method, path, init, context) => {
      const last: LastAnswer = {};
      const client = await openapiFetch();
      const fetch = (request: Request) => forward(request, context, last);
      return client
        .request(method as never, path as never, { ...init, fetch } as never)
        .catch((error: unknown) => Promise.reject(responseError(error, last))) as never;
    },
  };
}

/** The answer a raw call got, kept to explain a body openapi-fetch could not parse. */
interface LastAnswer {
  value?: { answer: Answer; info: RequestInfo };
}

/**
 * openapi-fetch parses a 2xx body itself; text that is not JSON makes it throw a bare SyntaxError,
 * told here as the ConvertResponseError it is (the body is parsed once, by openapi-fetch).
 */
function responseError(error: unknown, last: LastAnswer): unknown {
  if (!(error instanceof SyntaxError) || !last.value) return error;
  const { answer, info } = last.value;
  const text = new TextDecoder().decode(answer.bytes.subarray(0, 400));
  return new ConvertResponseError(`a body that is not valid JSON (${answer.bytes.byteLength} bytes)`, answer.status, info, text);
}

/**
 * A Response over the answer's bytes, describing the body it holds: already decoded, so without
 * `content-encoding` or `transfer-encoding`, its `content-length` that of the bytes; a blank body
 * is an empty one (openapi-fetch then reads no JSON from it).
 */
function responseOf(answer: Answer): Response {
  const blank = NULL_BODY_STATUSES.has(answer.status) || isBlank(answer.bytes);
  const bytes = blank ? null : answer.bytes;
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

/** Only JSON white space (a JSON body stops this at its first byte). */
function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  return true;
}
