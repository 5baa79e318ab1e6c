import type { OutgoingRequest } from "../exchange.js";

/** Adds credentials to each attempt of a request, and may learn from each answer. */
export interface Authenticator {
  /** Called for every attempt, retries included, right before sending. */
  authenticate(request: Pick<OutgoingRequest, "method" | "url" | "headers" | "body">): void;
  /** Called with every answer's URL and headers (a cookie session keeps its cookies this way). */
  receive?(url: string, headers: Headers): void;
}
