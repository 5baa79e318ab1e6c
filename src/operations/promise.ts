// What an operation method returns: a promise of the answer's body that can also give the answer's
// metadata, `await convert.getProject().withResponse()` → `{ data, response }`.
import type { Answer } from "../http/request.js";

/** The answer an operation method's result came from. */
export interface ConvertResponse {
  status: number;
  statusText: string;
  /** Lowercase names; without `set-cookie`, which may carry a session. */
  headers: Record<string, string>;
  /** The exact URL sent (signed as is), with its query string. */
  url: string;
}

/** A call's body and, made only when asked for, its answer's metadata. */
export interface Outcome<T = unknown> {
  data: T;
  response(): ConvertResponse;
}

/**
 * A Promise of the operation's result (`await` it as usual) with `withResponse()` for the answer's
 * status, headers and URL. On failure both reject with the same typed error, which carries the
 * status, headers and URL of an error answer.
 */
export class ConvertPromise<T> extends Promise<T> {
  readonly #outcome: Promise<Outcome<T>>;

  constructor(outcome: Promise<Outcome<T>>) {
    super((resolve) => resolve(undefined as T)); // never read: then() below answers from #outcome
    this.#outcome = outcome;
  }

  // then/catch/finally of a derived promise make plain Promises.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The result and the answer it came from. */
  async withResponse(): Promise<{ data: T; response: ConvertResponse }> {
    const { data, response } = await this.#outcome;
    return { data, response: response() };
  }

  // biome-ignore lint/suspicious/noThenProperty: a Promise subclass answers then() from the call's outcome
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#outcome.then((outcome) => outcome.data).then(onfulfilled, onrejected);
  }
}

/** The metadata of an answer from the send loop. */
export function responseOfAnswer(answer: Answer, url: string): () => ConvertResponse {
  return () => ({ status: answer.status, statusText: answer.statusText, headers: plainHeaders(Object.entries(answer.headers)), url });
}

/** The metadata of a Response (the call went through openapi-fetch's middleware). */
export function responseOfResponse(response: Response): () => ConvertResponse {
  return () => ({
    status: response.status,
    statusText: response.statusText,
    headers: plainHeaders([...response.headers]),
    url: response.url,
  });
}

function plainHeaders(entries: [string, string | string[] | undefined][]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (name !== "set-cookie" && value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}
