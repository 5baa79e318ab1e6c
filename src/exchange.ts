/** One attempt of a request as it goes on the wire: final URL, headers, exact body (text is sent as UTF-8). */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  /** Header names in lowercase. */
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
  readonly signal: AbortSignal;
  /** Most bytes to read from the socket, and most bytes decompression may produce. */
  readonly maxResponseBytes: number;
}

/** The whole answer to one request: its body is read and decoded already. */
export interface Answer {
  status: number;
  statusText: string;
  /** Headers as received: Content-Encoding still names the coding that `bytes` no longer has. */
  headers: Headers | [name: string, value: string][];
  /** The URL that answered. */
  url: string;
  bytes: Uint8Array;
}

/** Sends one request and reads the whole answer; rejects on network errors and on abort. */
export type Exchange = (request: OutgoingRequest) => Promise<Answer>;

/** An exchange stopped reading an answer larger than `maxResponseBytes` (and closed the connection). */
export class AnswerTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`the answer is larger than maxResponseBytes (${limitBytes} bytes)`);
  }
}

/**
 * Gathers a body's chunks up to a limit, into one buffer of the announced size when the size is
 * known (so a large answer is held once, not as chunks and then a copy).
 */
export class BodyCollector {
  #chunks: Uint8Array[] = [];
  #whole: Uint8Array | undefined;
  #size = 0;
  constructor(
    readonly limitBytes: number,
    expectedBytes?: number,
  ) {
    if (expectedBytes !== undefined && expectedBytes > limitBytes) throw new AnswerTooLarge(limitBytes);
    if (expectedBytes !== undefined && expectedBytes > 0) this.#whole = new Uint8Array(expectedBytes);
  }

  /** Adds a chunk; throws AnswerTooLarge once the limit is passed. */
  add(chunk: Uint8Array): void {
    const size = this.#size + chunk.byteLength;
    if (size > this.limitBytes) throw new AnswerTooLarge(this.limitBytes);
    if (this.#whole && size <= this.#whole.byteLength) this.#whole.set(chunk, this.#size);
    else {
      // More than announced: keep what the buffer holds as a chunk and go on in chunks.
      if (this.#whole) this.#chunks.push(this.#whole.subarray(0, this.#size));
      this.#whole = undefined;
      this.#chunks.push(chunk);
    }
    this.#size = size;
  }

  /**
   * The body, handed over: the collector lets go of it (a socket keeps its last answer's listeners,
   * and with them this collector, until its next request).
   */
  bytes(): Uint8Array {
    const whole = this.#whole;
    const chunks = this.#chunks;
    this.#whole = undefined;
    this.#chunks = [];
    if (whole) return this.#size === whole.byteLength ? whole : whole.subarray(0, this.#size);
    if (chunks.length === 1) return chunks[0]!;
    const bytes = new Uint8Array(this.#size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  }
}

/**
 * An Exchange over a fetch implementation (the `fetch` client option). Redirects are never
 * followed: a signature, a report token or a session cookie must not reach another URL, so a 3xx
 * comes back as the answer, as with node:http.
 */
export function fetchExchange(fetch: typeof globalThis.fetch): Exchange {
  return async ({ url, method, headers, body, signal, maxResponseBytes }) => {
    const response = await fetch(url, { method, headers, body: body ?? null, signal, redirect: "manual" });
    if (response.redirected) {
      void response.body?.cancel().catch(() => {});
      throw new Error('options.fetch followed a redirect; it must honour redirect: "manual" so that credentials stay with the API');
    }
    // fetch decodes gzip/br itself: the body read here is already decoded, so the count caps both.
    const declared = response.headers.has("content-encoding") ? undefined : Number(response.headers.get("content-length") ?? Number.NaN);
    const reader = response.body?.getReader();
    let collector: BodyCollector;
    try {
      collector = new BodyCollector(maxResponseBytes, Number.isSafeInteger(declared) ? declared : undefined);
      if (reader) for (let read = await reader.read(); !read.done; read = await reader.read()) collector.add(read.value);
    } catch (error) {
      void reader?.cancel().catch(() => {}); // stops reading and closes the connection
      throw error;
    }
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      url: response.url || url,
      bytes: collector.bytes(),
    };
  };
}
