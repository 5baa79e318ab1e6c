import { type OperationSpec, operationTable, pathParamTypes } from "../../generated/operations.js";
import type { PathParamType } from "./path.js";

/** What the client knows about one operation of the spec. */
export interface Operation {
  readonly operationId: string;
  readonly method: OperationSpec["method"];
  /** The path template, e.g. `/accounts/{account_id}/projects/{project_id}`. */
  readonly path: string;
  /** The template's parameters, in order, with their types from the spec. */
  readonly pathParams: readonly (readonly [name: string, type: PathParamType])[];
  /** Safe to send twice: a GET, or a POST the spec marks with x-convert-idempotent. */
  readonly idempotent: boolean;
  /** A list that walks pages: `page` in the body, `extra.pagination` in the answer. */
  readonly paginated: boolean;
  /** The body is multipart form data (a file upload). */
  readonly multipart: boolean;
  /** The answer is bytes (an image, a file), not JSON. */
  readonly binary: boolean;
}

interface Index {
  byId: Map<string, Operation>;
  /** One operation per path template (methods sharing a template agree on its parameters). */
  byPath: Map<string, Operation>;
  /** Per method, the templates split into segments, for telling which operation a URL calls. */
  byMethod: Map<string, { operation: Operation; segments: string[] }[]>;
}

let index: Index | undefined;

/** Built on first use, so that importing the client costs nothing here. */
function operations(): Index {
  if (index) return index;
  const byId = new Map<string, Operation>();
  const byPath = new Map<string, Operation>();
  const byMethod = new Map<string, { operation: Operation; segments: string[] }[]>();
  for (const [operationId, spec] of Object.entries(operationTable as Record<string, OperationSpec>)) {
    const pathParams = templateParams(spec.path).map((name) => [name, pathParamTypes[name]] as const);
    const operation = {
      operationId,
      method: spec.method,
      path: spec.path,
      pathParams,
      idempotent: spec.idempotent === true,
      paginated: spec.paginated === true,
      multipart: spec.multipart === true,
      binary: spec.binary === true,
    };
    byId.set(operationId, operation);
    if (!byPath.has(spec.path)) byPath.set(spec.path, operation);
    const routes = byMethod.get(spec.method) ?? [];
    routes.push({ operation, segments: spec.path.split("/") });
    byMethod.set(spec.method, routes);
  }
  index = { byId, byPath, byMethod };
  return index;
}

export function operationById(operationId: string): Operation | undefined {
  return operations().byId.get(operationId);
}

/** The operation behind a method and a path template, if the spec has one. */
export function operationForRoute(method: string, template: string): Operation | undefined {
  const operation = operations().byPath.get(template);
  if (operation?.method === method) return operation;
  for (const route of operations().byMethod.get(method) ?? []) if (route.operation.path === template) return route.operation;
  return undefined;
}

export function allOperations(): IterableIterator<Operation> {
  return operations().byId.values();
}

/**
 * The operation a raw call reaches, from its method and its path below the API root (still
 * percent-encoded). Where two templates share a shape (`{experience_id}` and `{experience_key}`),
 * an all-digits segment picks the integer parameter, as the server does.
 */
export function operationForPath(method: string, path: string): Operation | undefined {
  const segments = path.split("/");
  let found: Operation | undefined;
  let foundScore = -1;
  for (const route of operations().byMethod.get(method) ?? []) {
    if (route.segments.length !== segments.length) continue;
    let score = 0;
    for (let i = 0; i < segments.length && score >= 0; i++) {
      const expected = route.segments[i]!;
      const actual = segments[i]!;
      if (!expected.startsWith("{")) score = expected === actual ? score : -1;
      else if (actual === "") score = -1;
      else if (route.operation.pathParams.find(([name]) => `{${name}}` === expected)?.[1] === "integer")
        score = /^\d+$/.test(actual) ? score + 1 : -1;
    }
    if (score > foundScore) {
      found = route.operation;
      foundScore = score;
    }
  }
  return found;
}

/** Names of the `{name}` parameters of a path template, in order. */
export function templateParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/** The parameters of a path template with their types, for templates the spec may not know. */
export function templateParamTypes(path: string): readonly (readonly [name: string, type: PathParamType])[] {
  return operations().byPath.get(path)?.pathParams ?? templateParams(path).map((name) => [name, undefined] as const);
}
