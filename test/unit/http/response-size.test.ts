// No answer may exhaust memory: maxResponseBytes caps the bytes read from the socket and the bytes
// decompression produces from them, on both transports; past it the call fails with a typed error
// and the connection is closed.
import type { ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ConvertClientOptions,
  ConvertConfigError,
  ConvertRequestError,
  ConvertResponseTooLargeError,
  createConvertClient,
} from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type Handler, type RecordingServer, startRecordingServer } from "../../support/recording-server.js";
import { TRANSPORTS } from "../../support/transports.js";

const MiB = 1024 * 1024;
let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Resolves when the server sees the client's connection close. */
function closed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => response.socket!.once("close", () => resolve()));
}

async function serve(handler: Handler, options: Pick<ConvertClientOptions, "fetch" | "transport" | "maxResponseBytes">) {
  server = await startRecordingServer(handler);
  const convert = createConvertClient({
    baseUrl: server.origin,
    auth: { type: "requestSigning", ...TEST_KEY },
    accountId: 1,
    projectId: 2,
    maxRetries: 0,
    ...options,
  });
  return convert;
}

const zeros = Buffer.alloc(32 * MiB, 0x20); // 32 MiB of spaces: valid JSON white space once inflated
const bombs = {
  gzip: promisify(zlib.gzip)(zeros, { level: 1 }),
  deflate: promisify(zlib.deflate)(zeros, { level: 1 }),
  br: promisify(zlib.brotliCompress)(zeros, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }),
};

describe.each(TRANSPORTS)("over %s", (_name, transport) => {
  it.each(Object.keys(bombs) as (keyof typeof bombs)[])(
    "stops inflating a %s bomb at the limit and closes the connection",
    async (coding) => {
      const body = await bombs[coding];
      expect(body.byteLength).toBeLessThan(MiB); // small on the wire, 32 MiB once decoded
      let connectionClosed: Promise<void> | undefined;
      const convert = await serve(
        (_request, response) => {
          connectionClosed = closed(response);
          response.writeHead(200, { "content-type": "application/json", "content-encoding": coding }).end(body);
        },
        { ...transport, maxResponseBytes: MiB },
      );
      const error = await convert.getProject().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConvertResponseTooLargeError);
      expect(error).toBeInstanceOf(ConvertRequestError);
      expect(error).toMatchObject({ limitBytes: MiB, operationId: "getProject", method: "GET" });
      expect((error as Error).message).toBe(
        `getProject: GET /accounts/1/projects/2 answered with more than maxResponseBytes (${MiB} bytes); the connection was closed`,
      );
      // The bomb arrives whole in one packet: fetch keeps such a connection in its pool (nothing is
      // left to read on it), node:http closes it.
      if (!transport.fetch) await connectionClosed;
    },
  );

  it("stops reading an endless chunked body and closes the connection", async () => {
    let connectionClosed: Promise<void> | undefined;
    let sent = 0;
    const convert = await serve(
      (_request, response) => {
        connectionClosed = closed(response);
        response.writeHead(200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (!response.destroyed && response.write(chunk)) sent += chunk.byteLength;
          if (!response.destroyed) response.once("drain", pump);
        };
        pump();
      },
      { ...transport, maxResponseBytes: MiB },
    );
    await expect(convert.getProject()).rejects.toBeInstanceOf(ConvertResponseTooLargeError);
    await connectionClosed;
    expect(sent).toBeLessThan(64 * MiB);
  });

  it("refuses an announced Content-Length past the limit without reading the body", async () => {
    let connectionClosed: Promise<void> | undefined;
    const convert = await serve(
      (_request, response) => {
        connectionClosed = closed(response);
        response.writeHead(200, { "content-type": "application/json", "content-length": String(10 * MiB) });
        response.write("{"); // and then nothing: the client must not wait for the rest
      },
      { ...transport, maxResponseBytes: MiB },
    );
    await expect(convert.getProject()).rejects.toBeInstanceOf(ConvertResponseTooLargeError);
    await connectionClosed;
  });

  it("reads an answer of exactly the limit, and a per-call limit wins over the client's", async () => {
    const text = JSON.stringify({ id: 2, name: "x".repeat(1000) });
    const convert = await serve(
      (_request, response) => {
        response.writeHead(200, { "content-type": "application/json" }).end(text);
      },
      { ...transport, maxResponseBytes: Buffer.byteLength(text) },
    );
    await expect(convert.getProject()).resolves.toMatchObject({ id: 2 });
    await expect(convert.getProject({ maxResponseBytes: 100 })).rejects.toMatchObject({ limitBytes: 100 });
  });
});

describe("maxResponseBytes", () => {
  it("defaults to 50 MiB", async () => {
    const big = Buffer.alloc(50 * MiB + 1, 0x20);
    const convert = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end(big);
    }, {});
    await expect(convert.getProject()).rejects.toMatchObject({ limitBytes: 50 * MiB });
  });

  it("must be a whole number of bytes > 0, on the client and per call", async () => {
    for (const maxResponseBytes of [0, -1, 1.5, Number.NaN, "1"]) {
      expect(() => createConvertClient({ auth: { type: "none" }, maxResponseBytes: maxResponseBytes as number })).toThrow(
        ConvertConfigError,
      );
    }
    const convert = createConvertClient({ auth: { type: "none" }, accountId: 1, projectId: 2 });
    await expect(convert.getProject({ maxResponseBytes: 0 })).rejects.toThrow(
      "getProject(...): maxResponseBytes must be a whole number of bytes > 0",
    );
  });
});
