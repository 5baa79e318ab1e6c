// Types of the operation methods (`convert.getExperience(...)`), derived from the generated
// `operations` interface so that they follow the spec.
import type {
  IsOperationRequestBodyOptional,
  OperationRequestBodyContent,
  Readable,
  RequiredKeysOf,
  ResponseObjectMap,
  SuccessResponse,
  Writable,
} from "openapi-typescript-helpers";
import type { operations } from "../generated/openapi-types.js";
import type { CallOptions } from "./transport.js";

export type OperationId = keyof operations;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Params<K extends OperationId> = operations[K]["parameters"];

/** `{ [name]: T }`, optional when T has no required key, absent when T is never. */
type Part<Name extends string, T> = [T] extends [never]
  ? // biome-ignore lint/complexity/noBannedTypes: the empty object type, neutral in an intersection
    {}
  : RequiredKeysOf<T> extends never
    ? { [N in Name]?: T }
    : { [N in Name]: T };

type PathWithDefaults<P, D extends string> = Simplify<Omit<P, D> & Partial<Pick<P, Extract<keyof P, D>>>>;

type BodyPart<K extends OperationId> = [OperationRequestBodyContent<operations[K]>] extends [never]
  ? // biome-ignore lint/complexity/noBannedTypes: the empty object type, neutral in an intersection
    {}
  : IsOperationRequestBodyOptional<operations[K]> extends true
    ? { body?: Writable<OperationRequestBodyContent<operations[K]>> }
    : { body: Writable<OperationRequestBodyContent<operations[K]>> };

/** Per-call settings every operation method accepts. */
export interface OperationCallOptions extends CallOptions {
  /** Cancels the call, including retries. */
  signal?: AbortSignal | undefined;
  /** Extra request headers for this call. */
  headers?: Record<string, string> | undefined;
}

/** The argument of an operation method: path, query, header parameters and body, flat. */
export type OperationInit<K extends OperationId, D extends string = never> = Simplify<
  Part<"path", PathWithDefaults<NonNullable<Params<K>["path"]>, D>> &
    Part<"query", NonNullable<Params<K>["query"]>> &
    Part<"header", NonNullable<Params<K>["header"]>> &
    BodyPart<K> &
    OperationCallOptions
>;

/** The argument list: the init object may be left out when nothing in it is required. */
export type OperationArgs<K extends OperationId, D extends string = never> =
  RequiredKeysOf<OperationInit<K, D>> extends never ? [init?: OperationInit<K, D>] : [init: OperationInit<K, D>];

/** The body of the operation's success answer. */
export type OperationResult<K extends OperationId> = Readable<SuccessResponse<ResponseObjectMap<operations[K]>, "application/json">>;

/** One method per operationId. `D`: path parameters the client fills in by default. */
export type OperationMethods<D extends string = never> = {
  [K in OperationId]: (...args: OperationArgs<K, D>) => Promise<OperationResult<K>>;
};

type RequestBody<K extends OperationId> = NonNullable<OperationRequestBodyContent<operations[K]>>;
type Items<R> = R extends { data?: infer L } ? (NonNullable<L> extends readonly (infer I)[] ? I : never) : never;

/** The list operations that page with `page` and answer `extra.pagination`. */
export type PaginatedOperationId = {
  [K in OperationId]: "page" extends keyof RequestBody<K>
    ? OperationResult<K> extends { extra?: unknown }
      ? [Items<OperationResult<K>>] extends [never]
        ? never
        : K
      : never
    : never;
}[OperationId];

/** One item of a paginated operation's `data` list. */
export type PageItem<K extends PaginatedOperationId> = Items<OperationResult<K>>;
