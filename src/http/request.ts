// The shapes every step of a call passes along: the request as it goes out, the answer as it
// comes back, the exchange that turns one into the other, and the port auth plugs into.

/** A request ready to go on the wire: final URL (signed as is), headers, exact body bytes. */
export interface OutgoingRequest {
  readonly method: string;
  /** Absolute URL with its query string, exactly as sent and signed. */
  readonly url: string;
  /** Header names in lowercase. Authenticators add theirs to a copy per attempt. */
  readonly headers: Record<string, string>;
  /** Text is sent as UTF-8. */
  readonly body: string | Uint8Array | undefined;
}

/** Answer headers, names in lowercase; `set-cookie` is the only one that may be a list. */
export type AnswerHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The whole answer to one attempt: its body read, decoded and size-checked already. */
export interface Answer {
  readonly status: number;
  readonly statusText: string;
  /** As received: `content-encoding` still names the coding `bytes` no longer has. */
  readonly headers: AnswerHeaders;
  /** The URL that answered. */
  readonly url: string;
  readonly bytes: Uint8Array;
}

/**
 * Stops an attempt in flight. The send loop makes one per call instead of an AbortController
 * (which costs more than the rest of a small call's bookkeeping); an exchange that needs a real
 * AbortSignal (fetch) makes one from it.
 */
export class Cancellation {
  #reason: { value: unknown } | undefined;
  #listener: ((reason: unknown) => void) | undefined;

  get cancelled(): boolean {
    return this.#reason !== undefined;
  }
  get reason(): unknown {
    return this.#reason?.value;
  }
  cancel(reason: unknown): void {
    if (this.#reason) return;
    this.#reason = { value: reason };
    this.#listener?.(reason);
  }
  /** Stops the attempt in flight only (its own timeout); the call may go on. */
  interrupt(reason: unknown): void {
    this.#listener?.(reason);
  }
  /** The one listener of the attempt in flight (each attempt replaces it). */
  onCancel(listener: ((reason: unknown) => void) | undefined): void {
    this.#listener = listener;
  }
}

/** One attempt as an exchange sends it. */
export interface Attempt extends OutgoingRequest {
  readonly cancellation: Cancellation;
  /** Most bytes to read from the network, and most bytes decompression may produce. */
  readonly maxResponseBytes: number;
}

/** Sends one attempt and reads the whole answer; rejects on network errors and when cancelled. */
export type Exchange = (attempt: Attempt) => Promise<Answer>;

/** Adds credentials to each attempt, and may learn from each answer. */
export interface Authenticator {
  /**
   * Called for every attempt, retries included, right before sending; adds to `request.headers`.
   * May return a promise (a token being fetched); throwing refuses the call before it is sent.
   */
  authenticate(request: OutgoingRequest): void | Promise<void>;
  /** Called with every answer (a cookie session keeps its cookies this way). */
  receive?(answer: Answer): void;
  /**
   * Called once per call when the API answers 401: true when fresh credentials were obtained, and
   * the request should go again (a 401 means it was not handled, so any request may).
   */
  renew?(): Promise<boolean>;
}
