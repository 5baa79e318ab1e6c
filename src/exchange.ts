/** One HTTP request as the transport sends it: credentials added, body already serialized. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | Uint8Array | undefined;
  signal: AbortSignal;
  redirect: Request["redirect"];
}

/** The whole answer to one request: its body is read and decoded already. */
export interface Answer {
  status: number;
  statusText: string;
  /** Headers as received: Content-Encoding still names the coding that `bytes` no longer has. */
  headers: Headers;
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
