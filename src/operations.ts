import type { Client, Middleware } from "openapi-fetch";
import type { paths } from "../generated/openapi-types.js";
import { operationTable, type OperationSpec } from "../generated/operations.js";
import { apiErrorClass, ConvertConfigError } from "./errors.js";
import type { OperationId } from "./operation-types.js";
import { rememberOperation, type OperationContext, type Send } from "./transport.js";
import { checkCallOptions } from "./call-options.js";

const operationsById = operationTable as Record<string, OperationSpec>;
const contexts = new Map<string, OperationContext>(
  Object.entries(operationsById).map(([operationId, spec]) => [operationId, { operationId, spec }]),
);
const operationsByRoute = new Map<string, OperationContext>(
  [...contexts.values()].map((context) => [`${context.spec.method} ${context.spec.path}`, context]),
);

/** The operation behind a method and path template, if the spec has one. */
function operationForRoute(method: string, schemaPath: string): OperationContext | undefined {
  return operationsByRoute.get(`${method} ${schemaPath}`);
}

/**
 * Middleware for raw calls (`convert.GET(...)`): refuses a call with a missing path parameter
 * before it is sent, and tells the transport which operation a Request belongs to.
 */
export const operationContextMiddleware: Middleware = {
  onRequest({ request, schemaPath, params }) {
    const operation = operationForRoute(request.method, schemaPath);
    if (!operation) return undefined;
    for (const name of operation.spec.pathParams) {
      if (!isPathValue(params.path?.[name])) throw new ConvertConfigError(`${operation.operationId}: path parameter ${name} is missing`);
    }
    rememberOperation(request, operation);
    return undefined;
  },
};

export interface OperationDefaults {
  account_id?: number;
  project_id?: number;
}

export type CallOperation = (operationId: OperationId, init?: Record<string, unknown>) => Promise<unknown>;

/** Calls one operation by id: fills default path parameters, sends, returns data or throws. */
export function createCallOperation(
  client: Client<paths>,
  send: Send,
  defaults: OperationDefaults,
  hintFor: (status: number) => string | undefined,
): CallOperation {
  const raw = client as unknown as {
    request(method: string, path: string, init: Record<string, unknown>): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  };
  return async (operationId, init = {}) => {
    const operation = contexts.get(operationId);
    if (!operation) throw new ConvertConfigError(`unknown operation ${String(operationId)}`);
    const { spec } = operation;
    checkCallOptions(init, `${operationId}(...)`);
    const given = (init.path ?? {}) as Record<string, unknown>;
    const path: Record<string, unknown> = {};
    for (const name of spec.pathParams) {
      const value = given[name] ?? defaults[name as keyof OperationDefaults];
      if (!isPathValue(value)) {
        const fallback = name === "account_id" ? " (or set accountId on the client)" : name === "project_id" ? " (or set projectId on the client)" : "";
        throw new ConvertConfigError(`${operationId}: path parameter ${name} is missing${fallback}`);
      }
      path[name] = value;
    }
    const { timeoutMs, maxRetries } = init as { timeoutMs?: number; maxRetries?: number };
    const signal = (init.signal ?? undefined) as AbortSignal | undefined;
    if (signal !== undefined && !(typeof signal.aborted === "boolean" && typeof signal.addEventListener === "function")) {
      throw new ConvertConfigError(`${operationId}(...): signal must be an AbortSignal`);
    }
    // The signal goes to the transport, not into openapi-fetch's Request: undici would make that
    // Request follow it with a listener that stays on the caller's signal until the Request is
    // garbage-collected, so one long-lived signal shared by many calls collects thousands of
    // listeners (and MaxListenersExceededWarning). The transport removes its one when the call ends.
    const { data, error, response } = await raw.request(spec.method, spec.path, {
      params: { path, query: init.query, header: init.header },
      body: init.body,
      headers: init.headers,
      fetch: (request: Request) => send(request, { operation, timeoutMs, maxRetries, signal }),
    });
    if (response.ok) return data;
    const ErrorClass = apiErrorClass(response.status, error);
    const request = { operationId, method: spec.method, url: response.url };
    throw new ErrorClass(response.status, error, request, response.headers, hintFor(response.status));
  };
}

/** `convert.<operationId>(init)` for every operation of the spec. */
export function createOperationMethods(call: CallOperation): Record<string, (init?: Record<string, unknown>) => Promise<unknown>> {
  const methods: Record<string, (init?: Record<string, unknown>) => Promise<unknown>> = {};
  for (const operationId of Object.keys(operationsById)) {
    methods[operationId] = (init) => call(operationId as OperationId, init);
  }
  return methods;
}

function isPathValue(value: unknown): boolean {
  return (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && value.length > 0);
}
