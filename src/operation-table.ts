import { operationTable, type OperationSpec } from "../generated/operations.js";

/** What the client needs to know about the operation being called. */
export interface OperationContext {
  operationId: string;
  spec: OperationSpec;
  /** Names of the path template's parameters, in order. */
  pathParams: string[];
}

/** Every operation of the spec by operationId, built once. */
export const operationContexts = new Map<string, OperationContext>(
  Object.entries(operationTable as Record<string, OperationSpec>).map(([operationId, spec]) => [
    operationId,
    { operationId, spec, pathParams: [...spec.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!) },
  ]),
);

const operationsByRoute = new Map<string, OperationContext>(
  [...operationContexts.values()].map((context) => [`${context.spec.method} ${context.spec.path}`, context]),
);

/** The operation behind a method and path template, if the spec has one. */
export function operationForRoute(method: string, schemaPath: string): OperationContext | undefined {
  return operationsByRoute.get(`${method} ${schemaPath}`);
}
