// When and how long to wait before trying a request again.

export const DEFAULT_MAX_RETRIES = 2;
const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A Retry-After longer than this is not waited for: the error is returned instead. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Statuses retried only for requests that are safe to repeat. 429 is retried for all. */
const RETRY_WHEN_SAFE = new Set([502, 503, 504]);

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

/**
 * Decides about a failed attempt. `attempt` counts from 0. `rateLimited` is true for 429 and
 * for 5xx answers whose body says "too many requests".
 */
export function decideRetry(input: {
  attempt: number;
  maxRetries: number;
  safeToRepeat: boolean;
  status?: number; // undefined: the attempt failed with a network error
  rateLimited?: boolean;
  retryAfter?: string | null;
  now?: number;
  random?: () => number;
}): RetryDecision {
  if (input.attempt >= input.maxRetries) return { retry: false };
  const { status } = input;
  const eligible =
    input.rateLimited || status === 429 || (input.safeToRepeat && (status === undefined || RETRY_WHEN_SAFE.has(status)));
  if (!eligible) return { retry: false };
  const fromHeader = parseRetryAfter(input.retryAfter, input.now ?? Date.now());
  if (fromHeader !== undefined) return fromHeader > MAX_RETRY_AFTER_MS ? { retry: false } : { retry: true, delayMs: fromHeader };
  return { retry: true, delayMs: backoff(input.attempt, input.random ?? Math.random) };
}

/** Exponential backoff with jitter: 250–500 ms, 500–1000 ms, 1–2 s ... capped at 8 s. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
