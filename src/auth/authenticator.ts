/** A request as it is about to go on the wire: final URL, headers, exact body bytes. */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: Uint8Array | undefined;
}

/** Adds credentials to one attempt of a request. Called again for every retry. */
export type Authenticator = (request: OutgoingRequest) => void;
