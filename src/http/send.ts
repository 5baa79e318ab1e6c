import {
  ConvertAbortError,
  ConvertNetworkError,
  ConvertResponseTooLargeError,
  ConvertTimeoutError,
  type RequestInfo,
  saysTooManyRequests,
} from "../errors.js";
import { type ConvertLogger, guardLogger } from "../logger.js";
import { AnswerTooLarge } from "./body-collector.js";
import { type Answer, type Authenticator, Cancellation, type Exchange, type OutgoingRequest } from "./request.js";
import { decideRetry, type RetryDecision } from "./retry.js";

/** What the send loop knows of the call beyond its request. Limits left out take the client's. */
export interface CallContext {
  /** From the spec, when it knows the operation: named in errors and log events. */
  readonly operationId: string | undefined;
  /** Safe to send twice (a GET, or a POST the spec marks as only reading). */
  readonly idempotent: boolean;
  /** The caller's signal: it ends the call, retries included. */
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  readonly attemptTimeoutMs?: number | undefined;
  readonly maxRetries?: number | undefined;
  readonly maxResponseBytes?: number | undefined;
}

export interface SenderConfig {
  exchange: Exchange;
  authenticator: Authenticator | undefined;
  timeoutMs: number;
  attemptTimeoutMs: number | undefined;
  maxRetries: number;
  maxResponseBytes: number;
  logger: ConvertLogger | undefined;
  /** Sees each attempt as sent (credentials included) and its answer: for redacted debug output only. */
  trace?: ((request: OutgoingRequest, answer: Answer | undefined) => void) | undefined;
}

/** Sends a request and resolves its final answer (2xx, or the last one retries could not fix). */
export type Send = (request: OutgoingRequest, call: CallContext) => Promise<Answer>;

const NO_RETRY: RetryDecision = { retry: false };
const utf8 = new TextDecoder();

/**
 * The send loop. For each attempt: credentials added to a copy of the request (a fresh signature
 * every time, over exactly the bytes sent), one exchange, then the retry decision. One deadline
 * covers every attempt, the waits between them and reading the answers; the caller's signal ends
 * the call at any point. Failures without an answer become typed errors here.
 */
export function createSender(config: SenderConfig): Send {
  const { exchange, authenticator, trace } = config;
  const logger = guardLogger(config.logger);
  return async (request, call) => {
    const { method, url, body } = request;
    const info: RequestInfo = { operationId: call.operationId, method, url };
    const timeoutMs = call.timeoutMs ?? config.timeoutMs;
    const maxRetries = call.maxRetries ?? config.maxRetries;
    const maxResponseBytes = call.maxResponseBytes ?? config.maxResponseBytes;
    const attemptTimeoutMs = call.attemptTimeoutMs ?? config.attemptTimeoutMs;
    const { signal } = call;

    const cancellation = new Cancellation();
    const deadline = performance.now() + timeoutMs; // monotonic: a clock adjusted meanwhile changes nothing
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      cancellation.cancel(new Error("deadline"));
    }, timeoutMs);
    const unfollow = signal ? follow(signal, cancellation) : undefined;
    /** Why the call must stop now, as the error to throw; undefined while it may go on. */
    const stopped = () => {
      if (signal?.aborted) return new ConvertAbortError(info, signal.reason);
      if (timedOut) return new ConvertTimeoutError(info, timeoutMs);
      return undefined;
    };
    const wait = async (decision: { delayMs: number }, attempt: number, reason: string) => {
      logger?.({ type: "retry", ...info, attempt, delayMs: decision.delayMs, reason });
      await sleep(decision.delayMs, cancellation).catch((error: unknown) => Promise.reject(stopped() ?? error));
    };

    let renewed = false;
    try {
      for (let attempt = 0; ; attempt++) {
        const stop = stopped();
        if (stop) throw stop;
        const outgoing = { method, url, headers: { ...request.headers }, body };
        const pending = authenticator?.authenticate(outgoing);
        if (pending) await pending;
        const started = performance.now();
        logger?.({ type: "request", ...info, attempt });
        let answer: Answer;
        let attemptTimedOut = false;
        const attemptTimer =
          attemptTimeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                attemptTimedOut = true;
                cancellation.interrupt(new Error("attempt deadline"));
              }, attemptTimeoutMs);
        try {
          answer = await exchange({ ...outgoing, cancellation, maxResponseBytes });
        } catch (error) {
          const stop = stopped();
          const failure =
            stop ??
            (attemptTimedOut
              ? new ConvertTimeoutError(info, attemptTimeoutMs!, "attempt")
              : error instanceof AnswerTooLarge
                ? new ConvertResponseTooLargeError(info, error.limitBytes)
                : new ConvertNetworkError(info, error));
          logger?.({ type: "error", ...info, attempt, durationMs: performance.now() - started, error: failure.message });
          trace?.(outgoing, undefined);
          // A lost connection or an attempt's own timeout may be worth another try; the call's
          // deadline, an abort or a body too large is final.
          const retryable = !stop && (attemptTimedOut || failure instanceof ConvertNetworkError);
          const decision = retryable ? decideRetry({ attempt, maxRetries, safeToRepeat: call.idempotent }) : NO_RETRY;
          if (!decision.retry) throw failure;
          await wait(decision, attempt, attemptTimedOut ? "attempt timed out" : "network error");
          continue;
        } finally {
          clearTimeout(attemptTimer);
        }
        authenticator?.receive?.(answer);
        trace?.(outgoing, answer);
        const { status } = answer;
        logger?.({ type: "response", ...info, attempt, status, durationMs: performance.now() - started });
        if (status >= 200 && status <= 299) return answer;
        if (status === 401 && !renewed && authenticator?.renew) {
          renewed = true;
          if (await authenticator.renew()) {
            attempt--; // a new credential, not a retry
            continue;
          }
        }
        const decision = decideRetry({
          attempt,
          maxRetries,
          safeToRepeat: call.idempotent,
          status,
          rateLimited: status >= 500 && saysTooManyRequests(start(answer.bytes)),
          retryAfter: single(answer.headers["retry-after"]),
        });
        // A wait that would outlast the call's deadline is not started: the answer is the result
        // now (a 429 with a long Retry-After is a rate limit, not a timeout later).
        if (!decision.retry || decision.delayMs >= deadline - performance.now()) return answer;
        await wait(decision, attempt, `HTTP ${status}`);
      }
    } finally {
      clearTimeout(timer);
      unfollow?.();
    }
  };
}

/** The first 4 KiB of a body as text: enough to read an error message. */
function start(bytes: Uint8Array): string {
  return utf8.decode(bytes.byteLength > 4096 ? bytes.subarray(0, 4096) : bytes);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sleep(ms: number, cancellation: Cancellation): Promise<void> {
  return new Promise((resolve, reject) => {
    if (cancellation.cancelled) return reject(cancellation.reason);
    const timer = setTimeout(() => {
      cancellation.onCancel(undefined);
      resolve();
    }, ms);
    cancellation.onCancel((reason) => {
      clearTimeout(timer);
      reject(reason);
    });
  });
}

/** The calls in flight for each caller signal, and the one listener that cancels them. */
const followers = new WeakMap<AbortSignal, { calls: Set<Cancellation>; onAbort: () => void }>();

/**
 * Cancels `cancellation` when `signal` aborts, until the returned function is called. Calls
 * sharing a signal (say, an app's shutdown signal) share one listener, removed when the last one
 * ends: a listener per call would pile up with concurrency, and Node warns past 10 on one signal.
 */
function follow(signal: AbortSignal, cancellation: Cancellation): () => void {
  if (signal.aborted) {
    cancellation.cancel(signal.reason);
    return () => {};
  }
  let entry = followers.get(signal);
  if (!entry) {
    const calls = new Set<Cancellation>();
    entry = {
      calls,
      onAbort: () => {
        for (const call of calls) call.cancel(signal.reason);
      },
    };
    followers.set(signal, entry);
    signal.addEventListener("abort", entry.onAbort);
  }
  const { calls, onAbort } = entry;
  calls.add(cancellation);
  return () => {
    calls.delete(cancellation);
    if (calls.size > 0) return;
    followers.delete(signal);
    signal.removeEventListener("abort", onAbort);
  };
}
