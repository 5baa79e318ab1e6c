import type { Readable } from "node:stream";
import type zlib from "node:zlib";
import { AnswerTooLarge, BodyCollector } from "./body-collector.js";

type Decoder = zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress;

/** A streaming decoder per content coding, chosen from the body's first bytes. */
const DECODERS: Record<string, (z: typeof zlib, first: Uint8Array) => Decoder> = {
  gzip: (z) => z.createGunzip(),
  "x-gzip": (z) => z.createGunzip(),
  // "deflate" should be zlib-wrapped, but some servers send raw deflate: fetch accepts both.
  deflate: (z, first) => ((first[0]! & 0x0f) === 0x08 ? z.createInflate() : z.createInflateRaw()),
  br: (z) => z.createBrotliDecompress(),
};

// node:zlib costs more to load than the rest of the client: loaded with the first encoded answer.
let zlibModule: Promise<typeof zlib> | undefined;
const loadZlib = () => (zlibModule ??= import("node:zlib").then((module) => module.default ?? module));

export interface BodyReading {
  /** The whole decoded body, once it has arrived. */
  bytes: Promise<Uint8Array>;
  /** Stops reading and decoding (the caller closes the connection). */
  stop(): void;
}

/**
 * Reads an answer's body from a Node stream (node:http's or undici's): at most
 * `maxResponseBytes` read from the network and at most as many decoded from them, chunk by chunk
 * (gzip, deflate and br as a stream, never a whole body in one call); past either it fails with
 * AnswerTooLarge. `complete()` tells whether the stream ended because the answer did.
 */
export function readBody(
  stream: Readable,
  headers: { "content-encoding"?: string | string[] | undefined; "content-length"?: string | string[] | undefined },
  maxResponseBytes: number,
  complete: () => boolean = () => true,
): BodyReading {
  let decoder: Decoder | undefined;
  let stopped = false;
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    const coding = single(headers["content-encoding"])?.trim().toLowerCase();
    const plain = coding === undefined || coding === "" || coding === "identity";
    const createDecoder = plain ? undefined : DECODERS[coding];
    if (!plain && !createDecoder) return reject(new Error(`the answer uses content-encoding "${coding}", which the client cannot decode`));
    let collector: BodyCollector;
    try {
      const declared = Number(single(headers["content-length"]) ?? Number.NaN);
      if (declared > maxResponseBytes) throw new AnswerTooLarge(maxResponseBytes);
      collector = new BodyCollector(maxResponseBytes, plain && Number.isSafeInteger(declared) ? declared : undefined);
    } catch (error) {
      return reject(error);
    }
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      decoder?.destroy();
      reject(error);
    };
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(collector.bytes());
    };
    const keep = (chunk: Uint8Array) => {
      try {
        collector.add(chunk);
      } catch (error) {
        fail(error);
      }
    };
    // An encoded body waits (paused) for node:zlib the first time one arrives.
    let z: typeof zlib | undefined;
    if (createDecoder) {
      stream.pause();
      loadZlib().then((module) => {
        z = module;
        if (!stopped) stream.resume();
      }, fail);
    }
    let raw = 0;
    stream.on("data", (chunk: Uint8Array) => {
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
        stream.pause();
        decoder.once("drain", () => stream.resume());
      }
    });
    stream.on("error", fail);
    stream.on("close", () => {
      if (!complete()) fail(new Error("the connection closed before the whole answer arrived"));
    });
    stream.on("end", () => (decoder ? decoder.end() : finish()));
  });
  return {
    bytes,
    stop: () => {
      stopped = true;
      decoder?.destroy();
    },
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
