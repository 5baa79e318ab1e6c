import type { Authenticator } from "./auth/authenticator.js";

export type FetchFunction = (input: Request) => Promise<Response>;

interface TransportOptions {
  fetch: typeof globalThis.fetch;
  authenticate: Authenticator | undefined;
}

/**
 * The fetch that openapi-fetch calls once every middleware has run. Credentials are added here,
 * on the final Request, so a signature covers exactly the URL and body bytes that are sent,
 * whatever middleware a user registered.
 */
export function createTransport({ fetch, authenticate }: TransportOptions): FetchFunction {
  return async (request) => {
    const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    const headers = new Headers(request.headers);
    authenticate?.({ method: request.method, url: request.url, headers, body });
    return fetch(request.url, {
      method: request.method,
      headers,
      body,
      signal: request.signal,
      redirect: request.redirect,
    });
  };
}
