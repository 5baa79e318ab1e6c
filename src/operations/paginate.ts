import { ConvertConfigError, ConvertResponseError } from "../errors.js";
import type { CallOperation } from "./call.js";
import { operationById } from "./table.js";
import type { OperationResult, PageItem, PaginatedOperationId } from "./types.js";

/** Pages fetched at most by one paginate() unless `maxPages` says otherwise. */
export const DEFAULT_MAX_PAGES = 1000;
/** The API's page size when the body does not set `results_per_page`. */
const API_DEFAULT_PER_PAGE = 30;

export interface PaginateOptions {
  /** Stop after this many items (no further page is fetched once it is reached). */
  maxItems?: number | undefined;
  /** Stop after fetching this many pages. Default 1000. */
  maxPages?: number | undefined;
}

/** Items of a paginated list, fetched page by page as you iterate. */
export interface Paginator<K extends PaginatedOperationId> extends AsyncIterable<PageItem<K>> {
  /** Iterate whole pages (the operation's answers) instead of items. */
  pages(): AsyncIterable<OperationResult<K>>;
}

/**
 * Walks `page` from the body's `page` (default 1); `results_per_page` and every filter in the body
 * are sent unchanged. It always ends, whatever the server answers: at an empty page; at the last
 * page `extra.pagination` reports; at a short page when the pagination is missing or unreadable;
 * when the page number the server reports does not advance or a page repeats the previous one
 * (neither is yielded again); after `maxPages` pages.
 */
export function paginate<K extends PaginatedOperationId>(
  call: CallOperation,
  operationId: K,
  init: Record<string, unknown> | undefined,
  options: PaginateOptions = {},
): Paginator<K> {
  const operation = operationById(operationId);
  if (!operation?.paginated) throw new ConvertConfigError(`paginate: ${String(operationId)} is not a paginated list operation`);
  const { maxItems, maxPages = DEFAULT_MAX_PAGES } = options ?? {};
  for (const [name, value] of [
    ["maxItems", maxItems],
    ["maxPages", maxPages],
  ] as const) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new ConvertConfigError(`paginate: options.${name} must be a whole number >= 0`);
    }
  }
  const body = (init?.body ?? {}) as Record<string, unknown>;
  const firstPage = wholeNumber(body.page) ?? 1;
  const perPage = wholeNumber(body.results_per_page) ?? API_DEFAULT_PER_PAGE;

  async function* pages(): AsyncGenerator<OperationResult<K>> {
    let previous: { reported: number | undefined; items: string } | undefined;
    for (let page = firstPage, fetched = 0; fetched < maxPages; page++, fetched++) {
      const { data: answer } = await call(operationId, { ...init, body: { ...body, page } });
      const data = itemsOf(answer, operationId, operation!);
      const pagination = (answer as { extra?: { pagination?: Record<string, unknown> } }).extra?.pagination;
      const reported = wholeNumber(pagination?.current_page);
      const pagesCount = wholeNumber(pagination?.pages_count);
      const items = JSON.stringify(data);
      if (previous?.reported !== undefined && reported !== undefined && reported <= previous.reported) return;
      if (previous && data.length > 0 && items === previous.items) return;
      yield answer as OperationResult<K>;
      if (data.length === 0) return;
      if (pagesCount !== undefined) {
        if ((reported ?? page) >= pagesCount) return;
      } else if (data.length < perPage) return; // no usable pagination: a short page is the last
      previous = { reported, items };
    }
  }

  async function* items(): AsyncGenerator<PageItem<K>> {
    if (maxItems === 0) return;
    let yielded = 0;
    for await (const page of pages()) {
      for (const item of (page as { data?: unknown[] }).data ?? []) {
        yield item as PageItem<K>;
        if (++yielded === maxItems) return;
      }
    }
  }

  return { [Symbol.asyncIterator]: items, pages };
}

/** A page's `data` list; missing or null counts as empty, anything else that is not a list is an error. */
function itemsOf(answer: unknown, operationId: string, spec: { method: string; path: string }): unknown[] {
  const data = (answer as { data?: unknown } | null | undefined)?.data;
  if (Array.isArray(data)) return data;
  if ((data === undefined || data === null) && typeof answer === "object" && answer !== null) return [];
  const info = { operationId, method: spec.method, url: spec.path };
  throw new ConvertResponseError("a page whose data is not a list", undefined, info, JSON.stringify(answer) ?? String(answer));
}

/** A whole number >= 0 from a number or its decimal text (some servers send numbers as strings). */
function wholeNumber(value: unknown): number | undefined {
  const number = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}
