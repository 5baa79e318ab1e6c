import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { Answer, Exchange, OutgoingRequest } from "./exchange.js";

// What fetch would add when the caller has not set them.
const DEFAULT_HEADERS: Record<string, string> = {
  accept: "*/*",
  "accept-encoding": "gzip, deflate, br",
  "user-agent": "convert-api-client",
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
 * Several times cheaper per request than Node's fetch, which routes every body through web
 * streams. Like fetch it decodes gzip, deflate and br answers; unlike fetch it does not follow
 * redirects (a signature is only valid for the URL it was computed over): a 3xx comes back as is.
 */
export const nodeHttpExchange: Exchange = (request) =>
  new Promise<Answer>((resolve, reject) => {
    const { url, method, body, signal } = request;
    const headers: Record<string, string> = { ...DEFAULT_HEADERS };
    request.headers.forEach((value, name) => (headers[name] = value));

    const send = url.startsWith("https:") ? https.request : http.request;
    const outgoing = send(url, { method, headers, signal }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", reject);
      incoming.on("close", () => {
        if (!incoming.complete) reject(new Error("the connection closed before the whole answer arrived"));
      });
      incoming.on("end", () => {
        const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const answerHeaders = new Headers();
        const pairs = incoming.rawHeaders;
        for (let i = 0; i < pairs.length; i += 2) answerHeaders.append(pairs[i]!, pairs[i + 1]!);
        const answer = (bytes: Uint8Array) =>
          resolve({ status: incoming.statusCode!, statusText: incoming.statusMessage ?? "", headers: answerHeaders, url, bytes });
        const coding = answerHeaders.get("content-encoding")?.trim().toLowerCase();
        if (!coding || coding === "identity" || raw.byteLength === 0) return answer(raw);
        const decode = DECODERS[coding];
        if (!decode) return reject(new Error(`the answer uses content-encoding "${coding}", which the client cannot decode`));
        decode(raw, (error, decoded) => (error ? reject(error) : answer(decoded)));
      });
    });
    outgoing.on("error", reject);
    outgoing.end(body); // in one piece, so node:http sends Content-Length (0 when there is no body)
  });
