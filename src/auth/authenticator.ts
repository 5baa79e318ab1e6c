/** A request as it is about to go on the wire: final URL, headers, exact body (text is sent as UTF-8). */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string | Uint8Array | undefined;
}

/** Adds credentials to each attempt of a request, and may learn from each answer. */
export interface Authenticator {
  /** Called for every attempt, retries included, right before sending. */
  authenticate(request: OutgoingRequest): void;
  /** Called with every answer's URL and headers (a cookie session keeps its cookies this way). */
  receive?(url: string, headers: Headers): void;
}
