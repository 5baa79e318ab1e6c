import { ConvertConfigError } from "./errors.js";
import { operationContexts } from "./operation-table.js";
import type { OperationResult, PageItem, PaginatedOperationId } from "./operation-types.js";
import type { CallOperation } from "./operations.js";

export interface PaginateOptions {
  /** Stop after this many items (no further page is fetched once it is reached). */
  maxItems?: number;
}

/** Items of a paginated list, fetched page by page as you iterate. */
export interface Paginator<K extends PaginatedOperationId> extends AsyncIterable<PageItem<K>> {
  /** Iterate whole pages (the operation's answers) instead of items. */
  pages(): AsyncIterable<OperationResult<K>>;
}

interface PageAnswer {
  data?: unknown[] | null;
  extra?: { pagination?: { current_page?: number; pages_count?: number } };
}

/**
 * Walks `page` from the body's `page` (default 1) until `extra.pagination.pages_count` is reached
 * or a page comes back empty. `results_per_page` and every filter in the body are sent unchanged.
 */
export function paginate<K extends PaginatedOperationId>(
  call: CallOperation,
  operationId: K,
  init: Record<string, unknown> | undefined,
  options: PaginateOptions = {},
): Paginator<K> {
  if (!operationContexts.get(operationId)?.spec.paginated) {
    throw new ConvertConfigError(`paginate: ${String(operationId)} is not a paginated list operation`);
  }
  const { maxItems } = options;
  if (maxItems !== undefined && !(Number.isInteger(maxItems) && maxItems >= 0)) {
    throw new ConvertConfigError("paginate: options.maxItems must be a whole number >= 0");
  }
  const body = (init?.body ?? {}) as Record<string, unknown>;
  const firstPage = typeof body.page === "number" ? body.page : 1;

  async function* pages(): AsyncGenerator<OperationResult<K>> {
    for (let page = firstPage; ; page++) {
      const answer = (await call(operationId, { ...init, body: { ...body, page } })) as PageAnswer;
      yield answer as OperationResult<K>;
      const count = answer.data?.length ?? 0;
      const pagination = answer.extra?.pagination;
      if (count === 0) return;
      if (pagination?.pages_count !== undefined && (pagination.current_page ?? page) >= pagination.pages_count) return;
    }
  }

  async function* items(): AsyncGenerator<PageItem<K>> {
    if (maxItems === 0) return;
    let yielded = 0;
    for await (const page of pages()) {
      for (const item of (page as PageAnswer).data ?? []) {
        yield item as PageItem<K>;
        if (++yielded === maxItems) return;
      }
    }
  }

  return { [Symbol.asyncIterator]: items, pages };
}
