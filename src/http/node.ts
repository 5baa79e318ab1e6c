import http from "node:http";
import type https from "node:https";
import type zlib from "node:zlib";
import { VERSION } from "../version.js";
import { AnswerTooLarge, BodyCollector } from "./body-collector.js";
import type { Answer, Exchange } from "./request.js";

/** Headers every request carries unless the caller sets them. */
export const NODE_DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  accept: "*/*",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": `convert-api-client/${VERSION} node/${process.version}`,
};

type Decoder = zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress;

/** A streaming decoder per content coding, chosen from the body's first bytes. */
const DECODERS: Record<string, (z: typeof zlib, first: Uint8Array) => Decoder> = {
  gzip: (z) => z.createGunzip(),
  "x-gzip": (z) => z.createGunzip(),
  // "deflate" should be zlib-wrapped, but some servers send raw deflate: fetch accepts both.
  deflate: (z, first) => ((first[0]! & 0x0f) === 0x08 ? z.createInflate() : z.createInflateRaw()),
  br: (z) => z.createBrotliDecompress(),
};

// node:https (with tls) and node:zlib cost more to load than the rest of the client: they are
// loaded when first needed, not when the client is imported.
let httpsModule: typeof https | undefined;
let zlibModule: Promise<typeof zlib> | undefined;
const loadZlib = () => (zlibModule ??= import("node:zlib").then((module) => module.default ?? module));

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
      let decoder: Decoder | undefined;
      let socket: { destroy(): void } | undefined;

      const outgoing = send({ hostname, port, path, method, headers, ...(chosen && { agent: chosen }) }, (incoming) => {
        socket = incoming.socket;
        const coding = incoming.headers["content-encoding"]?.trim().toLowerCase();
        const plain = coding === undefined || coding === "" || coding === "identity";
        const createDecoder = plain ? undefined : DECODERS[coding];
        if (!plain && !createDecoder)
          return fail(new Error(`the answer uses content-encoding "${coding}", which the client cannot decode`));
        let raw = 0;
        let collector: BodyCollector;
        try {
          const declared = Number(incoming.headers["content-length"] ?? Number.NaN);
          if (declared > maxResponseBytes) throw new AnswerTooLarge(maxResponseBytes);
          collector = new BodyCollector(maxResponseBytes, plain && Number.isSafeInteger(declared) ? declared : undefined);
        } catch (error) {
          return fail(error);
        }
        const finish = () => {
          if (settled) return;
          settled = true;
          cancellation.onCancel(undefined);
          resolve({
            status: incoming.statusCode!,
            statusText: incoming.statusMessage ?? "",
            headers: incoming.headers,
            url,
            bytes: collector.bytes(),
          });
        };
        const keep = (chunk: Buffer) => {
          try {
            collector.add(chunk);
          } catch (error) {
            fail(error);
          }
        };
        // An encoded body waits (paused) for node:zlib the first time one arrives.
        let z: typeof zlib | undefined;
        if (createDecoder) {
          incoming.pause();
          loadZlib().then((module) => {
            z = module;
            incoming.resume();
          }, fail);
        }
        incoming.on("data", (chunk: Buffer) => {
          raw += chunk.byteLength;
          if (raw > maxResponseBytes) return fail(new AnswerTooLarge(maxResponseBytes));
          if (!createDecoder) return keep(chunk);
          if (!decoder) {
            decoder = createDecoder(z!, chunk);
            decoder.on("data", keep);
            decoder.on("error", fail);
            decoder.on("end", finish);
          }
          if (!decoder.write(chunk)) {
            incoming.pause();
            decoder.once("drain", () => incoming.resume());
          }
        });
        incoming.on("error", fail);
        incoming.on("close", () => {
          if (!incoming.complete) fail(new Error("the connection closed before the whole answer arrived"));
        });
        incoming.on("end", () => (decoder ? decoder.end() : finish()));
      });
      cancellation.onCancel(fail);
      function fail(error: unknown) {
        if (settled) return;
        settled = true;
        cancellation.onCancel(undefined);
        decoder?.destroy();
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
