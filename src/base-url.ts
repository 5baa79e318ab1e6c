import { ConvertConfigError } from "./errors.js";

export const DEFAULT_BASE_URL = "https://api.convert.com/api/v2";

/**
 * Checks an API root (`where` names the option) and returns it without trailing slashes: an
 * absolute http(s) URL with no credentials, query or fragment. Messages never echo the value.
 */
export function checkBaseUrl(value: unknown, where: string): string {
  if (typeof value !== "string") throw new ConvertConfigError(`${where} must be a string URL`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConvertConfigError(`${where} is not a valid absolute URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ConvertConfigError(`${where} must use http or https`);
  if (url.username || url.password) throw new ConvertConfigError(`${where} must not contain credentials`);
  if (url.search || url.hash) throw new ConvertConfigError(`${where} must not have a query string or fragment`);
  return value.replace(/\/+$/, "");
}

/**
 * Refuses plain http to anything but this machine for credentials that an eavesdropper could
 * reuse (a secret key, a report token, a password or a session cookie), unless the caller opts in.
 */
export function requireHttpsFor(baseUrl: string, credential: string, allowInsecureHttp: unknown, where: string): void {
  const url = new URL(baseUrl);
  if (url.protocol === "https:" || isLoopback(url.hostname) || allowInsecureHttp === true) return;
  throw new ConvertConfigError(
    `${where}: ${credential} would cross the network unencrypted over plain http. Use an https baseUrl, or set allowInsecureHttp: true if you accept that`,
  );
}

/** localhost, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
