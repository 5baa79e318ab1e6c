/** One attempt of a request as it goes on the wire: final URL, headers, exact body (text is sent as UTF-8). */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  /** Header names in lowercase. */
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
  readonly signal: AbortSignal;
  readonly redirect: Request["redirect"];
}

/** The whole answer to one request: its body is read and decoded already. */
export interface Answer {
  status: number;
  statusText: string;
  /** Headers as received: Content-Encoding still names the coding that `bytes` no longer has. */
  headers: Headers | [name: string, value: string][];
  url: string;
  bytes: Uint8Array;
}

/** Sends one request and reads the whole answer; rejects on network errors and on abort. */
export type Exchange = (request: OutgoingRequest) => Promise<Answer>;

/** An Exchange over a fetch implementation (the `fetch` client option). */
export function fetchExchange(fetch: typeof globalThis.fetch): Exchange {
  return async ({ url, method, headers, body, signal, redirect }) => {
    const response = await fetch(url, { method, headers, body, signal, redirect });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, statusText: response.statusText, headers: response.headers, url: response.url || url, bytes };
  };
}
