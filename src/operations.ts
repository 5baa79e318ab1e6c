import { checkCallOptions, checkSignal } from "./call-options.js";
import type { Routing } from "./call-routing.js";
import { apiErrorClass, ConvertConfigError } from "./errors.js";
import { checkHeaders } from "./headers.js";
import { operationContexts } from "./operation-table.js";
import type { OperationId } from "./operation-types.js";
import { checkPathParam } from "./path-params.js";

export interface OperationDefaults {
  account_id?: number | undefined;
  project_id?: number | undefined;
}

export type CallOperation = (operationId: OperationId, init?: Record<string, unknown>) => Promise<unknown>;

/** Calls one operation by id: fills default path parameters, sends, returns data or throws. */
export function createCallOperation(
  { request, route }: Routing,
  defaults: OperationDefaults,
  hintFor: (status: number) => string | undefined,
): CallOperation {
  return async (operationId, init = {}) => {
    const operation = operationContexts.get(operationId);
    if (!operation) throw new ConvertConfigError(`unknown operation ${String(operationId)}`);
    const { spec } = operation;
    checkCallOptions(init, `${operationId}(...)`);
    const given = (init.path ?? {}) as Record<string, unknown>;
    const path: Record<string, unknown> = {};
    for (const [name, type] of operation.pathParams) {
      const fallback =
        name === "account_id" ? " (or set accountId on the client)" : name === "project_id" ? " (or set projectId on the client)" : "";
      path[name] = checkPathParam(operationId, name, given[name] ?? defaults[name as keyof OperationDefaults], type, fallback);
    }
    const { timeoutMs, maxRetries, maxResponseBytes } = init as { timeoutMs?: number; maxRetries?: number; maxResponseBytes?: number };
    const signal = checkSignal(init.signal, `${operationId}(...)`);
    // The signal goes to the transport, not into a Request: undici would make a Request follow it
    // with a listener that stays on the caller's signal until the Request is garbage-collected.
    const call = { operation, timeoutMs, maxRetries, maxResponseBytes, signal };
    const { data, error, response } = await request(
      spec.method,
      spec.path,
      route(
        {
          params: { path, query: init.query, header: init.header },
          body: init.body,
          headers: checkHeaders(init.headers, `${operationId}(...): headers`),
        },
        call,
      ),
    );
    if (response.ok) return data;
    const ErrorClass = apiErrorClass(response.status, error);
    const info = { operationId, method: spec.method, url: response.url };
    throw new ErrorClass(response.status, error, info, response.headers, hintFor(response.status));
  };
}

/** `convert.<operationId>(init)` for every operation of the spec. */
export function createOperationMethods(call: CallOperation): Record<string, (init?: Record<string, unknown>) => Promise<unknown>> {
  const methods: Record<string, (init?: Record<string, unknown>) => Promise<unknown>> = {};
  for (const operationId of operationContexts.keys()) {
    methods[operationId] = (init) => call(operationId as OperationId, init);
  }
  return methods;
}
