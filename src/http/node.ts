import http from "node:http";
import type https from "node:https";
import { VERSION } from "../version.js";
import { type BodyReading, readBody } from "./read-body.js";
import type { Answer, Exchange } from "./request.js";

/** Headers every request carries unless the caller sets them. */
export const NODE_DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  accept: "*/*",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": `convert-api-client/${VERSION} node/${process.version}`,
};

// node:https (with tls) costs more to load than the rest of the client: loaded with the first
// https request, not when the client is imported.
let httpsModule: typeof https | undefined;

/** What node:http needs of an origin, parsed once per origin rather than once per request. */
interface Origin {
  send: typeof http.request;
  secure: boolean;
  hostname: string;
  port: number;
}

/**
 * The exchange over node:http / node:https, with the given agent (default: Node's global
 * keep-alive agents). It decodes gzip, deflate and br as a stream and never follows redirects (a
 * signature is only valid for the URL it was computed over): a 3xx comes back as the answer.
 * At most `maxResponseBytes` are read from the socket and at most as many decoded from them;
 * past either, the connection is destroyed and the attempt fails.
 */
export function nodeExchange(agent?: { http?: http.Agent | undefined; https?: https.Agent | undefined }): Exchange {
  const origins = new Map<string, Origin>();
  const originOf = async (origin: string): Promise<Origin> => {
    const url = new URL(origin);
    const secure = url.protocol === "https:";
    if (secure) httpsModule ??= await import("node:https").then((module) => module.default ?? module);
    // IPv6 literals come bracketed in URLs, bare in node:http's options.
    const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
    const parsed = { send: secure ? httpsModule!.request : http.request, secure, hostname, port: Number(url.port) || (secure ? 443 : 80) };
    origins.set(origin, parsed);
    return parsed;
  };

  return async ({ method, url, headers, body, cancellation, maxResponseBytes }) => {
    const pathAt = url.indexOf("/", url.indexOf("//") + 2);
    const originText = pathAt < 0 ? url : url.slice(0, pathAt);
    const { send, secure, hostname, port } = origins.get(originText) ?? (await originOf(originText));
    const path = pathAt < 0 ? "/" : url.slice(pathAt);
    const chosen = secure ? agent?.https : agent?.http;
    return new Promise<Answer>((resolve, reject) => {
      if (cancellation.cancelled) return reject(cancellation.reason);
      let settled = false;
      let reading: BodyReading | undefined;
      let socket: { destroy(): void } | undefined;
      const outgoing = send({ hostname, port, path, method, headers, ...(chosen && { agent: chosen }) }, (incoming) => {
        socket = incoming.socket;
        reading = readBody(incoming, incoming.headers, maxResponseBytes, () => incoming.complete);
        reading.bytes.then((bytes) => {
          if (settled) return;
          settled = true;
          cancellation.onCancel(undefined);
          resolve({ status: incoming.statusCode!, statusText: incoming.statusMessage ?? "", headers: incoming.headers, url, bytes });
        }, fail);
      });
      cancellation.onCancel(fail);
      function fail(error: unknown) {
        if (settled) return;
        settled = true;
        cancellation.onCancel(undefined);
        reading?.stop();
        outgoing.destroy();
        // Also when the whole body has arrived and the socket went back to the keep-alive pool.
        socket?.destroy();
        reject(error);
      }
      outgoing.on("error", fail);
      outgoing.end(body); // in one piece, so node:http sends Content-Length (0 when there is no body)
    });
  };
}
