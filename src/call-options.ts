import { ConvertConfigError } from "./errors.js";

/** Longest delay setTimeout accepts. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The caller's signal, if any; anything else given as `signal` is refused. */
export function checkSignal(signal: unknown, where: string): AbortSignal | undefined {
  if (signal === undefined || signal === null) return undefined;
  if (!(typeof (signal as AbortSignal).aborted === "boolean" && typeof (signal as AbortSignal).addEventListener === "function")) {
    throw new ConvertConfigError(`${where}: signal must be an AbortSignal`);
  }
  return signal as AbortSignal;
}

/** Validates `timeoutMs`, `maxRetries` and `maxResponseBytes` where they are given (client options or one call). */
export function checkCallOptions(options: { timeoutMs?: unknown; maxRetries?: unknown; maxResponseBytes?: unknown }, where: string): void {
  const { timeoutMs, maxRetries, maxResponseBytes } = options;
  if (timeoutMs !== undefined && !(typeof timeoutMs === "number" && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new ConvertConfigError(`${where}: timeoutMs must be a number of milliseconds > 0`);
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && (maxRetries as number) >= 0 && (maxRetries as number) <= 10)) {
    throw new ConvertConfigError(`${where}: maxRetries must be a whole number from 0 to 10`);
  }
  if (maxResponseBytes !== undefined && !(Number.isSafeInteger(maxResponseBytes) && (maxResponseBytes as number) > 0)) {
    throw new ConvertConfigError(`${where}: maxResponseBytes must be a whole number of bytes > 0`);
  }
}
