import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { Answer, Exchange } from "./exchange.js";
import { VERSION } from "./version.js";

// What fetch would add when the caller has not set them.
const DEFAULT_HEADERS: Record<string, string> = {
  accept: "*/*",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": `convert-api-client/${VERSION} node/${process.version}`,
};

type Decode = (bytes: Uint8Array, done: (error: Error | null, result: Buffer) => void) => void;

const DECODERS: Record<string, Decode> = {
  gzip: zlib.gunzip,
  "x-gzip": zlib.gunzip,
  // "deflate" should be zlib-wrapped, but some servers send raw deflate: fetch accepts both.
  deflate: (bytes, done) => ((bytes[0]! & 0x0f) === 0x08 ? zlib.inflate : zlib.inflateRaw)(bytes, done),
  br: zlib.brotliDecompress,
};

/**
 * The default Exchange on Node: node:http / node:https with their global keep-alive agents.
 * Less than half as costly per request as Node's fetch, which routes every body through web
 * streams. Like fetch it decodes gzip, deflate and br answers; unlike fetch it does not follow
 * redirects (a signature is only valid for the URL it was computed over): a 3xx comes back as is.
 */
export const nodeHttpExchange: Exchange = ({ method, url, headers, body, signal }) =>
  new Promise<Answer>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const send = url.startsWith("https:") ? https.request : http.request;
    const outgoing = send(url, { method, headers: { ...DEFAULT_HEADERS, ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", fail);
      incoming.on("close", () => {
        if (!incoming.complete) fail(new Error("the connection closed before the whole answer arrived"));
      });
      incoming.on("end", () => {
        const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const pairs: [string, string][] = [];
        const { rawHeaders } = incoming;
        for (let i = 0; i < rawHeaders.length; i += 2) pairs.push([rawHeaders[i]!, rawHeaders[i + 1]!]);
        const answer = (bytes: Uint8Array) => {
          signal.removeEventListener("abort", onAbort);
          resolve({ status: incoming.statusCode!, statusText: incoming.statusMessage ?? "", headers: pairs, url, bytes });
        };
        const coding = incoming.headers["content-encoding"]?.trim().toLowerCase();
        if (!coding || coding === "identity" || raw.byteLength === 0) return answer(raw);
        const decode = DECODERS[coding];
        if (!decode) return fail(new Error(`the answer uses content-encoding "${coding}", which the client cannot decode`));
        decode(raw, (error, decoded) => (error ? fail(error) : answer(decoded)));
      });
    });
    // A listener of our own rather than the `signal` option, which also sets up an end-of-stream
    // watch on the request (about 10 µs per call here).
    const onAbort = () => outgoing.destroy(signal.reason);
    signal.addEventListener("abort", onAbort);
    function fail(error: unknown) {
      signal.removeEventListener("abort", onAbort);
      reject(error);
    }
    outgoing.on("error", fail);
    outgoing.end(body); // in one piece, so node:http sends Content-Length (0 when there is no body)
  });
