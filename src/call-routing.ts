import type { Client, Middleware } from "openapi-fetch";
import type { paths } from "../generated/openapi-types.js";
import { checkSignal } from "./call-options.js";
import { operationForRoute, templateParams } from "./operation-table.js";
import { checkPathParam, type PathParamType } from "./path-params.js";
import type { CallContext, Send } from "./transport.js";

/**
 * What openapi-fetch builds a call's request with when no middleware will look at it: the URL,
 * method, headers and body it was given, without a Request. Building a Request (URL parsing, a
 * signal, a stream over the body) cost more than the rest of the client per call, and only
 * middleware needs one; the transport sends these parts as they are.
 */
export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: RequestInit["body"] | undefined;
  constructor(url: string, init: RequestInit) {
    this.url = new URL(url).href; // what a Request would hold, and so what is signed and sent
    this.method = (init.method ?? "GET").toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? undefined;
  }
}

/** Adds to a call's openapi-fetch options what hands the call to the transport. */
export type RouteCall = <I extends object>(
  init: I,
  call: CallContext,
) => I & { Request: typeof Request; fetch: (request: Request) => Promise<Response> };

export interface Routing {
  route: RouteCall;
  /** openapi-fetch's own `request`, for callers that route their calls themselves. */
  request(method: string, path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

const RAW_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
type RawInit = { params?: { path?: Record<string, unknown> }; signal?: AbortSignal | null; middleware?: Middleware[] } | undefined;

/**
 * Makes every call of `client` reach `send` with its call context (operation, caller's signal)
 * and, while no middleware is registered, build a PlainRequest instead of a Request. Raw calls
 * (`convert.GET(...)`) are refused before anything is sent when a path parameter of a known
 * operation is missing. Returns the same routing for the operation methods.
 */
export function routeCalls(client: Client<paths>, send: Send): Routing {
  const middleware = new Set<Middleware>();
  const { use, eject } = client;
  client.use = (...added) => {
    use(...added);
    for (const m of added) if (m) middleware.add(m);
  };
  client.eject = (...removed) => {
    eject(...removed);
    for (const m of removed) middleware.delete(m);
  };
  const route: RouteCall = (init, call) => {
    const seen = middleware.size > 0 || ((init as RawInit)?.middleware?.length ?? 0) > 0;
    return {
      ...init,
      Request: seen ? Request : (PlainRequest as unknown as typeof Request),
      fetch: (request: Request) => send(request, call),
    } as never;
  };

  const raw = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const rawCall = (method: string, path: string, init: RawInit) => {
    const operation = operationForRoute(method, path);
    const params = operation?.pathParams ?? templateParams(path).map((name): [string, PathParamType] => [name, undefined]);
    const given = init?.params?.path ?? {};
    const checked: Record<string, string> = {};
    for (const [name, type] of params)
      checked[name] = checkPathParam(operation?.operationId ?? `${method} ${path}`, name, given[name], type);
    // The signal goes to the transport, which follows it for the whole call and then lets go.
    const { signal, ...rest } = init ?? {};
    const withPath = params.length > 0 ? { ...rest, params: { ...rest.params, path: { ...given, ...checked } } } : rest;
    return route(withPath, { operation, signal: checkSignal(signal, `${method} ${path}`) });
  };
  for (const method of RAW_METHODS) {
    const original = raw[method]!;
    raw[method] = async (path, init) => original(path, rawCall(method, path as string, init as RawInit));
  }
  const request = raw.request!;
  raw.request = async (method, path, init) => request(method, path, rawCall(String(method).toUpperCase(), path as string, init as RawInit));
  return { route, request: request as Routing["request"] };
}
