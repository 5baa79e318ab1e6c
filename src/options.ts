// The options every call can take, their defaults, and the checks shared by the client and each
// call. Client-only options live with createConvertClient (client.ts).
import { ConvertConfigError } from "./errors.js";

/** Limits of a call: set on the client, overridden per call. */
export interface CallOptions {
  /** Deadline for the whole call: every attempt, the waits between them and reading the answer. Default 30 000 ms. */
  timeoutMs?: number | undefined;
  /**
   * Deadline for each attempt, beside the call's: an attempt that takes longer is abandoned and,
   * when the request is safe to repeat, tried again. Default: none (only timeoutMs).
   */
  attemptTimeoutMs?: number | undefined;
  /** Retries after the first attempt (429 always; 502/503/504 and network errors when safe). 0 disables. Default 2. */
  maxRetries?: number | undefined;
  /**
   * Largest answer accepted, in bytes, both as read from the network and once decompressed. Past
   * it the call fails with ConvertResponseTooLargeError and the connection is closed. Default 50 MiB.
   */
  maxResponseBytes?: number | undefined;
}

export const DEFAULTS = { timeoutMs: 30_000, maxRetries: 2, maxResponseBytes: 50 * 1024 * 1024 } as const;

/** Longest delay setTimeout accepts. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Validates the call options where they are given (`where` names the place). */
export function checkCallOptions(
  options: { timeoutMs?: unknown; attemptTimeoutMs?: unknown; maxRetries?: unknown; maxResponseBytes?: unknown },
  where: string,
): void {
  const { timeoutMs, attemptTimeoutMs, maxRetries, maxResponseBytes } = options;
  for (const [name, value] of [
    ["timeoutMs", timeoutMs],
    ["attemptTimeoutMs", attemptTimeoutMs],
  ] as const) {
    if (value !== undefined && !(typeof value === "number" && value > 0 && value <= MAX_TIMEOUT_MS)) {
      throw new ConvertConfigError(`${where}: ${name} must be a number of milliseconds > 0`);
    }
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && (maxRetries as number) >= 0 && (maxRetries as number) <= 10)) {
    throw new ConvertConfigError(`${where}: maxRetries must be a whole number from 0 to 10`);
  }
  if (maxResponseBytes !== undefined && !(Number.isSafeInteger(maxResponseBytes) && (maxResponseBytes as number) > 0)) {
    throw new ConvertConfigError(`${where}: maxResponseBytes must be a whole number of bytes > 0`);
  }
}

/** The caller's signal, if any; anything else given as `signal` is refused. */
export function checkSignal(signal: unknown, where: string): AbortSignal | undefined {
  if (signal === undefined || signal === null) return undefined;
  if (!(typeof (signal as AbortSignal).aborted === "boolean" && typeof (signal as AbortSignal).addEventListener === "function")) {
    throw new ConvertConfigError(`${where}: signal must be an AbortSignal`);
  }
  return signal as AbortSignal;
}

/** A default id (`accountId`, `projectId`): a positive safe integer, or undefined. */
export function checkId(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) <= 0) throw new ConvertConfigError(`${name} must be a positive whole number`);
  return value as number;
}
