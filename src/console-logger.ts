// The built-in logger behind `logLevel` and the CONVERT_LOG variable: one line per attempt on
// stderr, and at "debug" the headers and bodies too, every credential redacted.
import { ConvertConfigError } from "./errors.js";
import type { Answer, OutgoingRequest } from "./http/request.js";
import type { ConvertLogEvent, ConvertLogger } from "./logger.js";

export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

const LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];

/** Headers whose values are credentials (or carry one). */
const SECRET_HEADERS = new Set([
  "authorization",
  "cookie",
  "set-cookie",
  "report_token",
  "report-token",
  "x-convert-nonce",
  "proxy-authorization",
]);
/** Body fields whose values are credentials: passwords, MFA and OAuth codes, tokens, secrets. */
const SECRET_FIELD = /password|secret|token|code_verifier|^code$|mfa|api_?key|private_?key/i;
/** Fields of the API whose names look like credentials but whose values are not (a kind, an action, a date). */
const NOT_SECRET_FIELDS = new Set(["token_type", "token_action", "token_expiration"]);
const REDACTED = "[redacted]";
/** Bodies are cut in debug lines: a log is not an export. */
const MAX_BODY_CHARS = 2_000;

/** The level asked for: the option, else CONVERT_LOG, else off. */
export function logLevelOf(option: unknown, env: string | undefined): LogLevel {
  if (option !== undefined) {
    if (!LEVELS.includes(option as LogLevel)) throw new ConvertConfigError(`options.logLevel must be one of ${LEVELS.join(", ")}`);
    return option as LogLevel;
  }
  const fromEnv = env?.trim().toLowerCase();
  if (!fromEnv) return "off";
  if (!LEVELS.includes(fromEnv as LogLevel)) throw new ConvertConfigError(`CONVERT_LOG must be one of ${LEVELS.join(", ")}`);
  return fromEnv as LogLevel;
}

export interface ConsoleLogging {
  logger: ConvertLogger;
  /** At "debug": each attempt's request (credentials added) and answer, printed redacted. */
  trace: ((request: OutgoingRequest, answer: Answer | undefined) => void) | undefined;
}

/** Lines for `level` written with `write` (stderr by default). */
export function consoleLogging(level: Exclude<LogLevel, "off">, write: (line: string) => void = toStderr): ConsoleLogging {
  const rank = LEVELS.indexOf(level);
  const shows = (eventLevel: LogLevel) => LEVELS.indexOf(eventLevel) >= rank;
  const logger: ConvertLogger = (event) => {
    const eventLevel = levelOf(event);
    if (shows(eventLevel)) write(`convert-api-client ${eventLevel.toUpperCase()} ${lineOf(event)}`);
  };
  const trace =
    level === "debug"
      ? (request: OutgoingRequest, answer: Answer | undefined) => {
          write(
            `convert-api-client DEBUG > ${request.method} ${request.url} ${JSON.stringify(redactHeaders(request.headers))} ${redactBody(request.body)}`,
          );
          if (answer)
            write(
              `convert-api-client DEBUG < ${answer.status} ${JSON.stringify(redactHeaders(answer.headers))} ${redactBody(answer.bytes)}`,
            );
        }
      : undefined;
  return { logger, trace };
}

function levelOf(event: ConvertLogEvent): LogLevel {
  if (event.type === "error") return "error";
  if (event.type === "retry") return "warn";
  if (event.type === "response") return event.status >= 400 ? "warn" : "info";
  return "debug";
}

function lineOf(event: ConvertLogEvent): string {
  const call = `${event.operationId ? `${event.operationId} ` : ""}${event.method} ${event.url} (attempt ${event.attempt + 1})`;
  switch (event.type) {
    case "request":
      return `${call} sending`;
    case "response":
      return `${call} -> ${event.status} in ${Math.round(event.durationMs)} ms`;
    case "retry":
      return `${call} retrying in ${event.delayMs} ms: ${event.reason}`;
    case "error":
      return `${call} failed after ${Math.round(event.durationMs)} ms: ${event.error}`;
  }
}

export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string | string[] | undefined> {
  const safe: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) safe[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  return safe;
}

/** A body for a debug line: JSON with secret fields redacted at any depth; other bodies by size only. */
export function redactBody(body: string | Uint8Array | undefined): string {
  if (body === undefined || body.length === 0) return "(no body)";
  const size = `(${typeof body === "string" ? body.length : body.byteLength} bytes, not JSON)`;
  if (typeof body !== "string" && body.byteLength > 1024 * 1024) return size; // not decoded just to be cut
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body));
  } catch {
    return size;
  }
  const shown = JSON.stringify(redactValue(parsed));
  return shown.length > MAX_BODY_CHARS ? `${shown.slice(0, MAX_BODY_CHARS)}…` : shown;
}

/** A JSON value with the fields that hold credentials (passwords, codes, tokens, secrets) replaced, at any depth. */
export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value !== "object" || value === null) return value;
  const safe: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A true/false (`mfaEnabled`, `has_secret`) tells nothing a credential would.
    const secret = SECRET_FIELD.test(key) && !NOT_SECRET_FIELDS.has(key) && typeof item !== "boolean";
    safe[key] = secret ? REDACTED : redactValue(item);
  }
  return safe;
}

function toStderr(line: string): void {
  globalThis.process?.stderr?.write(`${line}\n`);
}
