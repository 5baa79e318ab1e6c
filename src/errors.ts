// Errors thrown by the client. `instanceof` also works across two copies of this package (the ESM
// and the CJS build loaded side by side): each class compares a brand that instances carry under a
// global symbol, as well as the prototype chain.

const KINDS = Symbol.for("convert-api-client.error-kinds");

/** Base class of every error this package throws. */
export class ConvertError extends Error {
  static readonly kind: string = "ConvertError";
  declare readonly [KINDS]: readonly string[];

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const kinds: string[] = [];
    for (let c = new.target as unknown as { kind?: string } | null; c?.kind; c = Object.getPrototypeOf(c)) kinds.push(c.kind);
    Object.defineProperty(this, KINDS, { value: kinds });
    // `kind`, not the class name, which bundlers may minify.
    Object.defineProperty(this, "name", { value: kinds[0], enumerable: false, configurable: true, writable: true });
  }

  // biome-ignore-start lint/complexity/noThisInStatic: `this` is the class `instanceof` asks about, a subclass as often as not
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const kinds = (value as { [KINDS]?: unknown } | null)?.[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }
  // biome-ignore-end lint/complexity/noThisInStatic: see above
}

/**
 * Invalid client or call options: missing credentials, malformed values, a missing path
 * parameter... Thrown before anything is sent. Messages name the option, never its value.
 */
export class ConvertConfigError extends ConvertError {
  static override readonly kind: string = "ConvertConfigError";
}

/**
 * The OAuth access token has expired (or expires within 30 s) and no `getAccessToken` can
 * supply a fresh one. Thrown before anything is sent.
 */
export class ConvertTokenExpiredError extends ConvertConfigError {
  static override readonly kind: string = "ConvertTokenExpiredError";
  /** When the held token expired (or expires), in ms since the epoch; undefined when none is held. */
  readonly expiresAt: number | undefined;
  constructor(expiresAt: number | undefined) {
    super(
      expiresAt === undefined
        ? "options.auth: no OAuth access token to send: pass accessToken or getAccessToken"
        : `options.auth: the OAuth access token expired at ${new Date(expiresAt).toISOString()}: pass a fresh accessToken, or getAccessToken to be asked for one`,
    );
    this.expiresAt = expiresAt;
  }
}

/** What the client knows about the request that failed (no credentials in it). */
export interface RequestInfo {
  /** operationId from the spec, when known. */
  operationId: string | undefined;
  method: string;
  /** Full URL with its query string. The API never puts credentials in URLs. */
  url: string;
}

/** The API answered with a non-2xx status. Subclasses name the cases worth branching on. */
export class ConvertApiError extends ConvertError {
  static override readonly kind: string = "ConvertApiError";
  /** HTTP status. */
  readonly status: number;
  /** The API's own error code from the body, when it sent one. */
  readonly code: number | string | undefined;
  /** The API's messages, always as an array (it sends a string or an array). */
  readonly messages: string[];
  /** The offending fields or parameters the API named, always as an array. */
  readonly fields: string[];
  readonly operationId: string | undefined;
  readonly method: string;
  readonly url: string;
  /** The response body: parsed JSON when it was JSON, else its text. */
  readonly body: unknown;
  /** Response headers (lowercase names), without `set-cookie`, which may carry a session. */
  readonly headers: Record<string, string>;
  /** How long the API asked to wait before trying again (its `Retry-After`), when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(
    status: number,
    body: unknown,
    request: RequestInfo,
    headers: Readonly<Record<string, string | string[] | undefined>>,
    details: { hint?: string | undefined; retryAfterMs?: number | undefined } = {},
  ) {
    const { hint } = details;
    const detail = readErrorBody(body);
    const where = describeCall(request);
    const what = detail.messages.length > 0 ? brief(detail.messages, "; ") : "no message";
    const fields = detail.fields.length > 0 ? ` (fields: ${brief(detail.fields, ", ")})` : "";
    super(`${where} answered HTTP ${status}: ${what}${fields}${hint ? `. ${hint}` : ""}`);
    this.status = status;
    this.code = detail.code;
    this.messages = detail.messages;
    this.fields = detail.fields;
    this.operationId = request.operationId;
    this.method = request.method;
    this.url = request.url;
    this.body = body;
    this.retryAfterMs = details.retryAfterMs;
    this.headers = {};
    for (const [name, value] of Object.entries(headers)) {
      if (name !== "set-cookie" && value !== undefined) this.headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
  }
}

/** 400 or 422: the request broke a rule; `fields` names the offending fields. */
export class ConvertValidationError extends ConvertApiError {
  static override readonly kind: string = "ConvertValidationError";
}
/** 401: missing, invalid or expired credentials. */
export class ConvertAuthenticationError extends ConvertApiError {
  static override readonly kind: string = "ConvertAuthenticationError";
}
/** 403: authenticated, but not allowed to do this. */
export class ConvertPermissionError extends ConvertApiError {
  static override readonly kind: string = "ConvertPermissionError";
}
/** 404: no such object (or not visible to these credentials). */
export class ConvertNotFoundError extends ConvertApiError {
  static override readonly kind: string = "ConvertNotFoundError";
}
/** 409: the request conflicts with the object's current state. */
export class ConvertConflictError extends ConvertApiError {
  static override readonly kind: string = "ConvertConflictError";
}
/** 429 (or a 5xx whose body says "too many requests"), once retries are used up. */
export class ConvertRateLimitError extends ConvertApiError {
  static override readonly kind: string = "ConvertRateLimitError";
}
/** 5xx: the API failed. */
export class ConvertServerError extends ConvertApiError {
  static override readonly kind: string = "ConvertServerError";
}

/**
 * The API answered 2xx with a body the client cannot use: text that is not JSON, or not the shape
 * the operation promises (a list page whose `data` is not a list). `excerpt` holds the start of the
 * body; the message does not.
 */
export class ConvertResponseError extends ConvertError {
  static override readonly kind: string = "ConvertResponseError";
  /** The 2xx status, when known. */
  readonly status: number | undefined;
  readonly operationId: string | undefined;
  readonly method: string;
  readonly url: string;
  /** The first characters of the body (at most 200). */
  readonly excerpt: string;
  constructor(problem: string, status: number | undefined, request: RequestInfo, body: string) {
    super(`${describeCall(request)} answered${status === undefined ? "" : ` HTTP ${status}`} with ${problem}`);
    this.status = status;
    this.operationId = request.operationId;
    this.method = request.method;
    this.url = request.url;
    this.excerpt = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  }
}

/** The call ended without an HTTP answer to report: network failure, timeout or abort. */
export class ConvertRequestError extends ConvertError {
  static override readonly kind: string = "ConvertRequestError";
  readonly operationId: string | undefined;
  readonly method: string;
  readonly url: string;
  constructor(message: string, request: RequestInfo, options?: { cause?: unknown }) {
    super(`${describeCall(request)} ${message}`, options);
    this.operationId = request.operationId;
    this.method = request.method;
    this.url = request.url;
  }
}

/** The request never got an HTTP answer (DNS, refused or reset connection...). */
export class ConvertNetworkError extends ConvertRequestError {
  static override readonly kind: string = "ConvertNetworkError";
  constructor(request: RequestInfo, cause: unknown) {
    super(`failed before an answer arrived: ${causeText(cause)}`, request, { cause });
  }
}

/**
 * The call (all attempts and reading the answer) took longer than `timeoutMs`, or its last
 * attempt took longer than `attemptTimeoutMs` (`scope: "attempt"`).
 */
export class ConvertTimeoutError extends ConvertRequestError {
  static override readonly kind: string = "ConvertTimeoutError";
  readonly timeoutMs: number;
  readonly scope: "call" | "attempt";
  constructor(request: RequestInfo, timeoutMs: number, scope: "call" | "attempt" = "call") {
    super(
      scope === "call" ? `timed out after ${timeoutMs} ms` : `timed out: an attempt took longer than attemptTimeoutMs (${timeoutMs} ms)`,
      request,
    );
    this.timeoutMs = timeoutMs;
    this.scope = scope;
  }
}

/** The answer was larger than `maxResponseBytes` (read from the socket, or once decompressed). */
export class ConvertResponseTooLargeError extends ConvertRequestError {
  static override readonly kind: string = "ConvertResponseTooLargeError";
  readonly limitBytes: number;
  constructor(request: RequestInfo, limitBytes: number) {
    super(`answered with more than maxResponseBytes (${limitBytes} bytes); the connection was closed`, request);
    this.limitBytes = limitBytes;
  }
}

/** The caller's AbortSignal fired. `cause` is the signal's reason. */
export class ConvertAbortError extends ConvertRequestError {
  static override readonly kind: string = "ConvertAbortError";
  constructor(request: RequestInfo, reason: unknown) {
    super("was aborted", request, { cause: reason });
  }
}

const API_ERRORS: Record<number, typeof ConvertApiError> = {
  400: ConvertValidationError,
  401: ConvertAuthenticationError,
  403: ConvertPermissionError,
  404: ConvertNotFoundError,
  409: ConvertConflictError,
  422: ConvertValidationError,
  429: ConvertRateLimitError,
};

/** The ConvertApiError subclass for an error answer. */
export function apiErrorClass(status: number, body: unknown): typeof ConvertApiError {
  if (status >= 500) return saysTooManyRequests(body) ? ConvertRateLimitError : ConvertServerError;
  return API_ERRORS[status] ?? ConvertApiError;
}

/** Some rate-limit answers arrive as 5xx whose body says so. */
export function saysTooManyRequests(body: unknown): boolean {
  const text = typeof body === "string" ? body : readErrorBody(body).messages.join(" ");
  return /too many requests/i.test(text);
}

function readErrorBody(body: unknown): { code: number | string | undefined; messages: string[]; fields: string[] } {
  if (typeof body === "string") return { code: undefined, messages: body.trim() ? [body.trim().slice(0, 500)] : [], fields: [] };
  if (typeof body !== "object" || body === null) return { code: undefined, messages: [], fields: [] };
  const record = body as Record<string, unknown>;
  const code = typeof record.code === "number" || typeof record.code === "string" ? record.code : undefined;
  return { code, messages: strings(record.message), fields: [...new Set([...strings(record.fields), ...strings(record.parameters)])] };
}

/**
 * A list for a message, kept short: at most 5 items of at most 200 characters each. The whole
 * list stays on the error (`messages`, `fields`, `body`).
 */
export function brief(items: readonly string[], separator: string): string {
  const shown = items.slice(0, 5).map((item) => (item.length > 200 ? `${item.slice(0, 200)}…` : item));
  return shown.join(separator) + (items.length > shown.length ? `${separator}(${items.length - shown.length} more)` : "");
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  if (typeof value === "object" && value !== null) return Object.keys(value);
  return [];
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** "operationId: METHOD /path?query", how every error names the call. */
export function describeCall(request: RequestInfo): string {
  return `${request.operationId ? `${request.operationId}: ` : ""}${request.method} ${pathOf(request.url)}`;
}

function causeText(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause.cause as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown }).code;
    return typeof code === "string" ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}
