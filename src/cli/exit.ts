// Exit codes, and how a failure is told on stderr: one line by default (the API's message and
// fields), the answer's body too with --verbose. Messages come from the library's errors, which
// never contain a credential.

/** The process exit codes, one per kind of outcome a script may want to branch on. */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Anything else: an answer the client cannot use, a file that cannot be written, a declined confirmation. */
  failure: 1,
  /** The command line is wrong: unknown command or option, bad value, bad body, missing credentials. */
  usage: 2,
  /** The API refused the request (HTTP 4xx). */
  apiRefused: 3,
  /** The API failed (HTTP 5xx), or no answer came (network error, timeout). */
  serverOrNetwork: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake on the command line, found by the CLI itself. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A failure that is not a usage error and not the API's (declined confirmation, a file that cannot be written). */
export class CliFailure extends Error {
  override readonly name = "CliFailure";
}

interface ErrorShape {
  name?: string;
  message?: string;
  status?: number;
  code?: unknown;
  messages?: string[];
  fields?: string[];
  body?: unknown;
  excerpt?: string;
}

/**
 * The exit code for an error. The library's classes are recognised by name (`kind`), not by
 * instanceof, so that this file loads none of the client.
 */
export function exitCodeOf(error: unknown): ExitCode {
  const shape = (error ?? {}) as ErrorShape;
  if (error instanceof UsageError) return EXIT.usage;
  if (typeof shape.status === "number" && isApiError(shape)) return shape.status >= 500 ? EXIT.serverOrNetwork : EXIT.apiRefused;
  switch (shape.name) {
    case "ConvertConfigError":
    case "ConvertTokenExpiredError":
    case "CommanderError":
      return EXIT.usage;
    case "ConvertLoginError":
      return EXIT.apiRefused;
    case "ConvertNetworkError":
    case "ConvertTimeoutError":
      return EXIT.serverOrNetwork;
    default:
      return EXIT.failure;
  }
}

const API_ERROR_NAMES = new Set([
  "ConvertApiError",
  "ConvertValidationError",
  "ConvertAuthenticationError",
  "ConvertPermissionError",
  "ConvertNotFoundError",
  "ConvertConflictError",
  "ConvertRateLimitError",
  "ConvertServerError",
]);

function isApiError(shape: ErrorShape): boolean {
  return API_ERROR_NAMES.has(shape.name ?? "");
}

/** What to print on stderr for an error: one line, plus the answer's body when `verbose`. */
export function describeError(error: unknown, verbose: boolean): string {
  const shape = (error ?? {}) as ErrorShape;
  const lines = [`convert-api: ${oneLine(shape.message ?? String(error))}`];
  if (verbose) {
    if (isApiError(shape) && shape.body !== undefined)
      lines.push(typeof shape.body === "string" ? shape.body : JSON.stringify(shape.body, null, 2));
    else if (shape.excerpt) lines.push(shape.excerpt);
  }
  return `${lines.join("\n")}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
