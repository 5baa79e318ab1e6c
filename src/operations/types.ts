// Types of the operation methods (`convert.getExperience(...)`), derived from the generated
// `operations` interface so that they follow the spec.
import type {
  IsOperationRequestBodyOptional,
  OperationRequestBodyContent,
  Readable,
  ResponseObjectMap,
  SuccessResponse,
  Writable,
} from "openapi-typescript-helpers";
import type { operations } from "../../generated/openapi-types.js";
import type { BinaryOperationId, PaginatedOperationId } from "../../generated/operations.js";
import type { CallOptions } from "../options.js";
import type { ConvertPromise } from "./promise.js";

export type { BinaryOperationId, PaginatedOperationId };

export type OperationId = keyof operations;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Params<K extends OperationId> = operations[K]["parameters"];

/**
 * Whether an object type has no required key: one comparison with the empty object type, where
 * openapi-typescript-helpers' RequiredKeysOf maps every key through a Pick (a quarter of a
 * consumer's type instantiations per call, measured with bench/typecheck.ts).
 */
// biome-ignore lint/complexity/noBannedTypes: the empty object type is the point of the comparison
type AllOptional<T> = {} extends T ? true : false;

/** `{ [name]: T }`, optional when T has no required key, absent when T is never. */
type Part<Name extends string, T> = [T] extends [never]
  ? // biome-ignore lint/complexity/noBannedTypes: the empty object type, neutral in an intersection
    {}
  : AllOptional<T> extends true
    ? { [N in Name]?: T }
    : { [N in Name]: T };

/** The path parameters, those the client fills in by default made optional. */
type PathWithDefaults<P, DefaultedPathParams extends string> = Simplify<
  Omit<P, DefaultedPathParams> & Partial<Pick<P, Extract<keyof P, DefaultedPathParams>>>
>;

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

/**
 * The argument of an operation method: path, query, header parameters and body, flat, with the
 * per-call options. `DefaultedPathParams`: the path parameters the client fills in by default.
 */
export type OperationInit<K extends OperationId, DefaultedPathParams extends string = never> = Simplify<
  Part<"path", PathWithDefaults<NonNullable<Params<K>["path"]>, DefaultedPathParams>> &
    Part<"query", NonNullable<Params<K>["query"]>> &
    Part<"header", NonNullable<Params<K>["header"]>> &
    BodyPart<K> &
    OperationCallOptions
>;

/** The argument list: the init object may be left out when nothing in it is required. */
export type OperationArgs<K extends OperationId, DefaultedPathParams extends string = never> =
  AllOptional<OperationInit<K, DefaultedPathParams>> extends true
    ? [init?: OperationInit<K, DefaultedPathParams>]
    : [init: OperationInit<K, DefaultedPathParams>];

/** The body of the operation's success answer: parsed JSON, or a Blob for operations that answer bytes. */
export type OperationResult<K extends OperationId> = K extends BinaryOperationId
  ? Blob
  : Readable<SuccessResponse<ResponseObjectMap<operations[K]>, "application/json">>;

/** One method per operationId. `DefaultedPathParams`: path parameters the client fills in by default. */
export type OperationMethods<DefaultedPathParams extends string = never> = {
  [K in OperationId]: (...args: OperationArgs<K, DefaultedPathParams>) => ConvertPromise<OperationResult<K>>;
};

type Items<R> = R extends { data?: infer L } ? (NonNullable<L> extends readonly (infer I)[] ? I : never) : never;

/** One item of a paginated operation's `data` list. */
export type PageItem<K extends PaginatedOperationId> = Items<OperationResult<K>>;
