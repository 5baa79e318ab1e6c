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
