import type { Authenticator } from "./auth/authenticator.js";
import {
  ConvertAbortError,
  ConvertNetworkError,
  ConvertTimeoutError,
  saysTooManyRequests,
  type RequestInfo,
} from "./errors.js";
import type { ConvertLogger } from "./logger.js";
import type { OperationSpec } from "../generated/operations.js";
import { decideRetry } from "./retry.js";

export const DEFAULT_TIMEOUT_MS = 30_000;

/** What the transport needs to know about the operation being called. */
export interface OperationContext {
  operationId: string;
  spec: OperationSpec;
}

/** Options that can be set per client and overridden per call. */
export interface CallOptions {
  /** Deadline for the whole call: every attempt, the waits between them and reading the answer. */
  timeoutMs?: number;
  /** Retries after the first attempt. 0 disables retrying. */
  maxRetries?: number;
}

export interface TransportConfig {
  fetch: typeof globalThis.fetch;
  authenticate: Authenticator | undefined;
  timeoutMs: number;
  maxRetries: number;
  logger: ConvertLogger | undefined;
  /** Finds the operation of a Request made through the raw client (set by a middleware). */
  operationOf: (request: Request) => OperationContext | undefined;
}

export type Send = (request: Request, call?: CallOptions & { operation?: OperationContext }) => Promise<Response>;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * The fetch that openapi-fetch calls once every middleware has run. For each attempt it adds
 * credentials to the final Request (a fresh signature every time, over exactly the bytes sent),
 * sends it, reads the whole answer under the deadline, and retries what is worth retrying.
 */
export function createTransport(config: TransportConfig): Send {
  const { fetch, authenticate, logger } = config;
  return async (request, call) => {
    const operation = call?.operation ?? config.operationOf(request);
    const info: RequestInfo = { operationId: operation?.operationId, method: request.method, url: request.url };
    const safeToRepeat = operation ? operation.spec.idempotent : request.method === "GET" || request.method === "HEAD";
    const timeoutMs = call?.timeoutMs ?? config.timeoutMs;
    const maxRetries = call?.maxRetries ?? config.maxRetries;

    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = AbortSignal.any([request.signal, deadline.signal]);
    const stopped = (error: unknown) => {
      if (request.signal.aborted) return new ConvertAbortError(info, request.signal.reason);
      if (deadline.signal.aborted) return new ConvertTimeoutError(info, timeoutMs);
      return error;
    };
    try {
      const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
      for (let attempt = 0; ; attempt++) {
        const headers = new Headers(request.headers);
        authenticate?.authenticate({ method: request.method, url: request.url, headers, body });
        const started = performance.now();
        logger?.({ type: "request", ...info, attempt });
        let answer: { response: Response; bytes: ArrayBuffer };
        try {
          const response = await fetch(request.url, { method: request.method, headers, body, signal, redirect: request.redirect });
          answer = { response, bytes: await response.arrayBuffer() };
        } catch (error) {
          const final = stopped(error);
          const decision = final === error ? decideRetry({ attempt, maxRetries, safeToRepeat }) : { retry: false as const };
          const failure = final === error ? new ConvertNetworkError(info, error) : (final as Error);
          logger?.({ type: "error", ...info, attempt, durationMs: performance.now() - started, error: failure.message });
          if (!decision.retry) throw failure;
          logger?.({ type: "retry", ...info, attempt, delayMs: decision.delayMs, reason: "network error" });
          await sleep(decision.delayMs, signal).catch((e: unknown) => Promise.reject(stopped(e)));
          continue;
        }
        const { response, bytes } = answer;
        authenticate?.receive?.(request.url, response.headers);
        logger?.({ type: "response", ...info, attempt, status: response.status, durationMs: performance.now() - started });
        if (!response.ok) {
          const rateLimited = response.status === 429 || (response.status >= 500 && saysTooManyRequests(textOf(bytes)));
          const decision = decideRetry({
            attempt,
            maxRetries,
            safeToRepeat,
            status: response.status,
            rateLimited,
            retryAfter: response.headers.get("retry-after"),
          });
          if (decision.retry) {
            logger?.({ type: "retry", ...info, attempt, delayMs: decision.delayMs, reason: `HTTP ${response.status}` });
            await sleep(decision.delayMs, signal).catch((e: unknown) => Promise.reject(stopped(e)));
            continue;
          }
        }
        return rebuild(response, bytes, request.url);
      }
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A Response over the bytes already read, so nothing downstream waits on the network again. */
function rebuild(response: Response, bytes: ArrayBuffer, url: string): Response {
  const headers = new Headers(response.headers);
  headers.delete("content-encoding"); // the bytes are already decoded
  headers.set("content-length", String(bytes.byteLength));
  const body = NULL_BODY_STATUSES.has(response.status) ? null : bytes;
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers });
  Object.defineProperty(copy, "url", { value: response.url || url });
  return copy;
}

function textOf(bytes: ArrayBuffer): string {
  return new TextDecoder().decode(bytes.byteLength > 4096 ? bytes.slice(0, 4096) : bytes);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
