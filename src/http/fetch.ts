import { BodyCollector } from "./body-collector.js";
import type { Answer, AnswerHeaders, Exchange } from "./request.js";

/**
 * The exchange over a fetch implementation (the `fetch` client option). Redirects are never
 * followed: a signature, a report token or a session cookie must not reach another URL, so a 3xx
 * comes back as the answer, as with node:http, and a fetch that follows one anyway is refused.
 * fetch decodes gzip and br itself: the bytes counted against `maxResponseBytes` are decoded ones.
 */
export function fetchExchange(fetch: typeof globalThis.fetch): Exchange {
  return async ({ url, method, headers, body, cancellation, maxResponseBytes }): Promise<Answer> => {
    if (cancellation.cancelled) throw cancellation.reason;
    const controller = new AbortController();
    cancellation.onCancel((reason) => controller.abort(reason));
    try {
      const response = await fetch(url, { method, headers, body: body ?? null, signal: controller.signal, redirect: "manual" });
      if (response.redirected) {
        void response.body?.cancel().catch(() => {});
        throw new Error('options.fetch followed a redirect; it must honour redirect: "manual" so that credentials stay with the API');
      }
      const declared = response.headers.has("content-encoding") ? undefined : Number(response.headers.get("content-length") ?? Number.NaN);
      const reader = response.body?.getReader();
      let collector: BodyCollector;
      try {
        collector = new BodyCollector(maxResponseBytes, Number.isSafeInteger(declared) ? declared : undefined);
        if (reader) for (let read = await reader.read(); !read.done; read = await reader.read()) collector.add(read.value);
      } catch (error) {
        void reader?.cancel().catch(() => {}); // stops reading and closes the connection
        throw error;
      }
      return {
        status: response.status,
        statusText: response.statusText,
        headers: headersOf(response.headers),
        url: response.url || url,
        bytes: collector.bytes(),
      };
    } finally {
      cancellation.onCancel(undefined);
    }
  };
}

/** Headers as node:http gives them: lowercase names, `set-cookie` as a list. */
function headersOf(headers: Headers): AnswerHeaders {
  const record: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    if (name !== "set-cookie") record[name] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) record["set-cookie"] = cookies;
  return record;
}
