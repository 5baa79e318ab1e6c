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
 * Decides about a failed attempt. `attempt` counts from 0. `rateLimited` is true for 5xx answers
 * whose body says "too many requests".
 */
export function decideRetry(input: {
  attempt: number;
  maxRetries: number;
  safeToRepeat: boolean;
  status?: number | undefined; // undefined: the attempt failed with a network error
  rateLimited?: boolean | undefined;
  retryAfter?: string | null | undefined;
  now?: number;
  random?: () => number;
}): RetryDecision {
  if (input.attempt >= input.maxRetries) return { retry: false };
  const { status } = input;
  // A 429 means the request was refused before it was handled: any request may go again. A 5xx
  // (even one that says "too many requests") or a lost connection may come after the work was
  // done, so only a request that is safe to repeat is sent twice.
  const eligible = status === 429 || (input.safeToRepeat && (input.rateLimited || status === undefined || RETRY_WHEN_SAFE.has(status)));
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

// The three HTTP-date forms (RFC 9110 5.6.7): IMF-fixdate, RFC 850 and asctime.
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{5,8}, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/**
 * Retry-After as milliseconds from now: delta-seconds (digits only) or an HTTP-date. Anything
 * else (`-5`, `1.5`, `+2`, `1, 2`) is ignored, so the normal backoff applies, never an
 * immediate retry.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!HTTP_DATE.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
