import { type OperationSpec, operationTable } from "../generated/operations.js";
import type { PathParamType } from "./path-params.js";

/** What the client needs to know about the operation being called. */
export interface OperationContext {
  operationId: string;
  spec: OperationSpec;
  /** The path template's parameters, in order, with their types from the spec. */
  pathParams: [name: string, type: PathParamType][];
}

/** Every operation of the spec by operationId, built once. */
export const operationContexts = new Map<string, OperationContext>(
  Object.entries(operationTable as Record<string, OperationSpec>).map(([operationId, spec]) => [
    operationId,
    { operationId, spec, pathParams: templateParams(spec.path).map((name) => [name, spec.pathParams?.[name]]) },
  ]),
);

const operationsByRoute = new Map<string, OperationContext>(
  [...operationContexts.values()].map((context) => [`${context.spec.method} ${context.spec.path}`, context]),
);

/** The operation behind a method and path template, if the spec has one. */
export function operationForRoute(method: string, schemaPath: string): OperationContext | undefined {
  return operationsByRoute.get(`${method} ${schemaPath}`);
}

/** Names of the `{name}` parameters of a path template, in order. */
export function templateParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}
