import type { Authenticator } from "./auth/authenticator.js";
import type { PlainRequest } from "./call-routing.js";
import {
  ConvertAbortError,
  ConvertConfigError,
  ConvertNetworkError,
  ConvertResponseError,
  ConvertResponseTooLargeError,
  ConvertTimeoutError,
  describeCall,
  type RequestInfo,
  saysTooManyRequests,
} from "./errors.js";
import { type Answer, AnswerTooLarge, type Exchange } from "./exchange.js";
import { isTransportOwned } from "./headers.js";
import { type ConvertLogger, guardLogger } from "./logger.js";
import type { OperationContext } from "./operation-table.js";
import { decideRetry } from "./retry.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** Options that can be set per client and overridden per call. */
export interface CallOptions {
  /** Deadline for the whole call: every attempt, the waits between them and reading the answer. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. 0 disables retrying. */
  maxRetries?: number | undefined;
  /**
   * Largest answer accepted, in bytes, both as read from the network and once decompressed.
   * Past it the call fails with ConvertResponseTooLargeError. Default 50 MiB.
   */
  maxResponseBytes?: number | undefined;
}

export interface TransportConfig {
  exchange: Exchange;
  authenticate: Authenticator | undefined;
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  logger: ConvertLogger | undefined;
}

/** Per-call settings: the operation (when the spec knows the route), the caller's signal and options. */
export interface CallContext extends CallOptions {
  operation: OperationContext | undefined;
  /** The caller's signal: given here rather than in a Request (see call-routing.ts). */
  signal: AbortSignal | undefined;
}

export type Send = (request: Request | PlainRequest, call: CallContext) => Promise<Response>;

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const utf8 = new TextDecoder();
const EMPTY = new Uint8Array(0);

/**
 * The fetch that openapi-fetch calls once every middleware has run. For each attempt it adds
 * credentials to the final request (a fresh signature every time, over exactly the bytes sent),
 * sends it, reads the whole answer under the deadline, and retries what is worth retrying.
 */
export function createTransport(config: TransportConfig): Send {
  const { exchange, authenticate } = config;
  const logger = guardLogger(config.logger);
  return async (request, call) => {
    const { operation, signal: callerSignal } = call;
    const { method, url } = request; // read once: a Request builds a new value on every read
    const info: RequestInfo = { operationId: operation?.operationId, method, url };
    const safeToRepeat = operation ? operation.spec.idempotent === true : method === "GET" || method === "HEAD";
    const timeoutMs = call.timeoutMs ?? config.timeoutMs;
    const maxRetries = call.maxRetries ?? config.maxRetries;
    const maxResponseBytes = call.maxResponseBytes ?? config.maxResponseBytes;

    // One controller per call, aborted by the deadline or by the caller: cheaper than
    // AbortSignal.any, which allocates a signal, WeakRefs and Sets per call.
    const controller = new AbortController();
    const { signal } = controller;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let unfollow: (() => void) | undefined;
    if (callerSignal?.aborted) controller.abort(callerSignal.reason);
    else if (callerSignal) unfollow = follow(callerSignal, controller);
    const stopped = (error: unknown) => {
      if (callerSignal?.aborted) return new ConvertAbortError(info, callerSignal.reason);
      if (timedOut) return new ConvertTimeoutError(info, timeoutMs);
      return error;
    };
    try {
      // A copy per attempt: credentials stay off the request that middleware sees.
      const requestHeaders: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        requestHeaders[name] = value;
      });
      // Raw calls and middleware reach here without the checks of the options: the framing
      // headers stay the transport's.
      for (const name in requestHeaders) {
        if (isTransportOwned(name))
          throw new ConvertConfigError(`${describeCall(info)}: the ${name} header is set by the client itself and cannot be given`);
      }
      const body = await bodyOf(request, requestHeaders);
      for (let attempt = 0; ; attempt++) {
        const headers = { ...requestHeaders };
        authenticate?.authenticate({ method, url, headers, body });
        const started = performance.now();
        logger?.({ type: "request", ...info, attempt });
        let answer: Answer;
        try {
          answer = await exchange({ method, url, headers, body, signal, maxResponseBytes });
        } catch (error) {
          if (error instanceof AnswerTooLarge) throw new ConvertResponseTooLargeError(info, error.limitBytes);
          const final = stopped(error);
          const decision = final === error ? decideRetry({ attempt, maxRetries, safeToRepeat }) : { retry: false as const };
          const failure = final === error ? new ConvertNetworkError(info, error) : (final as Error);
          logger?.({ type: "error", ...info, attempt, durationMs: performance.now() - started, error: failure.message });
          if (!decision.retry) throw failure;
          logger?.({ type: "retry", ...info, attempt, delayMs: decision.delayMs, reason: "network error" });
          await sleep(decision.delayMs, signal).catch((e: unknown) => Promise.reject(stopped(e)));
          continue;
        }
        const response = new BufferedResponse(answer, info);
        const { status, headers: answerHeaders } = response;
        authenticate?.receive?.(answer.url, answerHeaders); // the URL that answered, not the one asked
        logger?.({ type: "response", ...info, attempt, status, durationMs: performance.now() - started });
        if (status < 200 || status > 299) {
          const rateLimited = status >= 500 && saysTooManyRequests(textOf(answer.bytes));
          const decision = decideRetry({
            attempt,
            maxRetries,
            safeToRepeat,
            status,
            rateLimited,
            retryAfter: answerHeaders.get("retry-after"),
          });
          if (decision.retry) {
            logger?.({ type: "retry", ...info, attempt, delayMs: decision.delayMs, reason: `HTTP ${status}` });
            await sleep(decision.delayMs, signal).catch((e: unknown) => Promise.reject(stopped(e)));
            continue;
          }
        }
        return response as unknown as Response;
      }
    } finally {
      clearTimeout(timer);
      unfollow?.();
    }
  };
}

/**
 * The exact bytes to sign and send. JSON text as it is; anything else (forms, Blobs, a body a
 * middleware put in its own Request) encoded the way fetch would, with its Content-Type.
 */
async function bodyOf(request: Request | PlainRequest, headers: Record<string, string>): Promise<string | Uint8Array | undefined> {
  const { body } = request;
  if (body === null || body === undefined || typeof body === "string") return body ?? undefined;
  const encoded = request instanceof Request ? request : new Response(body);
  if (!headers["content-type"]) {
    const type = encoded.headers.get("content-type");
    if (type) headers["content-type"] = type;
  }
  return new Uint8Array(await encoded.arrayBuffer());
}

/** The calls in flight for each caller signal, and the one listener that aborts them. */
const followers = new WeakMap<AbortSignal, { calls: Set<AbortController>; onAbort: () => void }>();

/**
 * Aborts `controller` when `signal` aborts, until the returned function is called. Calls sharing
 * a signal (say, an app's shutdown signal) share one listener, removed when the last one ends:
 * a listener per call would pile up with concurrency, and Node warns past 10 on one signal.
 */
function follow(signal: AbortSignal, controller: AbortController): () => void {
  let entry = followers.get(signal);
  if (!entry) {
    const calls = new Set<AbortController>();
    entry = {
      calls,
      onAbort: () => {
        for (const call of calls) call.abort(signal.reason);
      },
    };
    followers.set(signal, entry);
    signal.addEventListener("abort", entry.onAbort);
  }
  const { calls, onAbort } = entry;
  calls.add(controller);
  return () => {
    calls.delete(controller);
    if (calls.size > 0) return;
    followers.delete(signal);
    signal.removeEventListener("abort", onAbort);
  };
}

// TypeScript declares Response's members as properties, which a subclass may not redefine as
// methods or accessors: extend it under a narrower type.
type ResponseWithoutBody = new (body: null, init: ResponseInit) => Pick<Response, "status" | "statusText" | "headers">;

/**
 * The answer handed back to openapi-fetch: a Response over the bytes the transport has already
 * read, so nothing downstream waits on the network again. Creating a body stream and reading the
 * bytes back through it cost more than the rest of a small call, so it starts without one:
 * text(), json() and arrayBuffer() use the bytes directly, and the first use of anything else
 * (body, blob(), formData(), bytes(), clone()) makes a real Response over the same bytes.
 */
class BufferedResponse extends (Response as ResponseWithoutBody) {
  #bytes: Uint8Array;
  readonly #url: string;
  readonly #info: RequestInfo;
  #read = false;
  #full: Response | undefined;

  constructor({ status, statusText, headers, url, bytes }: Answer, info: RequestInfo) {
    super(null, { status, statusText, headers });
    this.#info = info;
    this.headers.delete("content-encoding"); // the bytes are already decoded
    this.headers.set("content-length", String(bytes.byteLength));
    this.#bytes = bytes;
    this.#url = url;
  }

  #real(): Response {
    if (!this.#full) {
      const body = NULL_BODY_STATUSES.has(this.status) ? null : this.#bytes;
      this.#full = new Response(body, { status: this.status, statusText: this.statusText, headers: this.headers });
      if (this.#read) void this.#full.body?.cancel(); // read already: stays unusable
    }
    return this.#full;
  }

  /**
   * The bytes, once, while no real Response has been made. They are let go here, so that a large
   * body is not held as bytes while its text is parsed.
   */
  #take(): Uint8Array | undefined {
    if (this.#full || this.#read) return undefined;
    this.#read = true;
    const bytes = this.#bytes;
    this.#bytes = EMPTY;
    return bytes;
  }

  /** The body as text, once; the bytes are unreachable when this returns. */
  #takeText(): { text: string; byteLength: number } | undefined {
    const bytes = this.#take();
    return bytes && { text: utf8.decode(bytes), byteLength: bytes.byteLength };
  }

  get url(): string {
    return this.#url;
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.#real().body;
  }
  get bodyUsed(): boolean {
    return this.#full ? this.#full.bodyUsed : this.#read;
  }
  text(): Promise<string> {
    const body = this.#takeText();
    return body ? Promise.resolve(body.text) : this.#real().text();
  }
  /**
   * The body parsed as JSON; undefined when it is empty (a chunked empty 200 is no less empty than
   * a 204). Text that is not JSON is a ConvertResponseError, never a bare SyntaxError.
   */
  json(): Promise<unknown> {
    const body = this.#takeText();
    if (!body) return this.#real().json();
    return new Promise((resolve) => {
      if (body.text.trim() === "") return resolve(undefined);
      try {
        resolve(JSON.parse(body.text));
      } catch {
        throw new ConvertResponseError(`a body that is not valid JSON (${body.byteLength} bytes)`, this.status, this.#info, body.text);
      }
    });
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes ? Promise.resolve(exactBuffer(bytes)) : this.#real().arrayBuffer();
  }
  blob(): Promise<Blob> {
    return this.#real().blob();
  }
  formData(): Promise<FormData> {
    return this.#real().formData();
  }
  bytes(): Promise<Uint8Array> {
    return (this.#real() as Response & { bytes(): Promise<Uint8Array> }).bytes();
  }
  clone(): Response {
    return this.#real().clone();
  }
}

function textOf(bytes: Uint8Array): string {
  return utf8.decode(bytes.byteLength > 4096 ? bytes.subarray(0, 4096) : bytes);
}

/** An ArrayBuffer holding exactly these bytes (a Node Buffer may be a view into a larger pool). */
function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  return byteOffset === 0 && byteLength === buffer.byteLength
    ? (buffer as ArrayBuffer)
    : (buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer);
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
