import { readFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { verifySignature } from "../../../scripts/verify-signature.js";
import { type ConvertClientOptions, ConvertNetworkError, ConvertTimeoutError, createConvertClient } from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type Handler, type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

// The client sends with node:http / node:https unless options.fetch is given. Both ways must
// sign, send and read the same; the node:http one must also do what fetch would have done for it.
const secrets = { [TEST_KEY.applicationId]: TEST_KEY.secretKey };
const project = { id: 2, name: "Café ✓" };
let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler, transport: Pick<ConvertClientOptions, "fetch" | "transport"> = {}) {
  server = await startRecordingServer(handler);
  const options = {
    baseUrl: server.origin,
    auth: { type: "requestSigning", ...TEST_KEY },
    accountId: 1,
    projectId: 2,
    maxRetries: 0,
  } as const;
  return { server, convert: createConvertClient({ ...options, ...transport }) };
}

const sendJson: Handler = (_request, response) => {
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(project));
};

/** A fetch that counts its calls: proves the option is used, with the real fetch underneath. */
function countingFetch() {
  const calls: string[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    calls.push(String(input));
    return globalThis.fetch(input, init);
  };
  return { calls, fetch };
}

describe.each([
  ["node:http (default)", (): Pick<ConvertClientOptions, "fetch" | "transport"> => ({})],
  ["undici", (): Pick<ConvertClientOptions, "fetch" | "transport"> => ({ transport: "undici" })],
  ["options.fetch", (): Pick<ConvertClientOptions, "fetch" | "transport"> => ({ fetch: countingFetch().fetch })],
])("sending with %s", (_name, makeFetch) => {
  it("signs exactly the bytes it sends, with and without a body", async () => {
    const { server, convert } = await serve(sendJson, makeFetch());
    await convert.getProject({ query: { include: ["domains"] } });
    await convert.updateProject({ body: { name: "Café ✓ / 2" } });
    expect(server.requests.map((r) => verifySignature(r, secrets))).toEqual([null, null]);
    expect(server.requests[1]!.headers["content-length"]).toBe(String(Buffer.byteLength(server.requests[1]!.body)));
  });

  it("hands back status, headers and the parsed answer", async () => {
    const { convert } = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "x-request-id": "abc" }).end(JSON.stringify(project));
    }, makeFetch());
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}", {
      params: { path: { account_id: 1, project_id: 2 } },
    });
    expect(data).toEqual(project);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("abc");
  });

  it("reads an answer that arrives in many chunks", async () => {
    const items = Array.from({ length: 20_000 }, (_, id) => ({ id, name: `Projekt ${id} ✓` }));
    const text = JSON.stringify({ data: items });
    const { convert } = await serve(async (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }); // no length: chunked
      for (let at = 0; at < text.length; at += 65_536) {
        response.write(text.slice(at, at + 65_536));
        await new Promise((resolve) => setImmediate(resolve));
      }
      response.end();
    }, makeFetch());
    const { data } = await convert.POST("/accounts/{account_id}/projects", { params: { path: { account_id: 1 } }, body: {} });
    expect(data?.data).toHaveLength(20_000);
    expect(data?.data?.[19_999]).toEqual(items[19_999]);
  });

  it("turns a connection dropped half-way through the answer into a network error", async () => {
    const { convert } = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"id":');
      setTimeout(() => response.socket?.destroy(), 20);
    }, makeFetch());
    await expect(convert.getProject()).rejects.toBeInstanceOf(ConvertNetworkError);
  });

  // With a length, a plain body may be read by the transport itself (undici's bytes()); without
  // one, through the client's own reader: both must stop at the deadline.
  it.each([
    ["chunked", {}],
    ["of announced length", { "content-length": "100" }],
  ])("times out an answer that stops arriving, %s", async (_framing, length) => {
    const { convert } = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", ...length });
      response.write('{"id":');
    }, makeFetch());
    await expect(convert.getProject({ timeoutMs: 150 })).rejects.toBeInstanceOf(ConvertTimeoutError);
  });
});

describe("options.fetch", () => {
  it("sends every request through the given fetch", async () => {
    const { calls, fetch } = countingFetch();
    const { server, convert } = await serve(sendJson, { fetch });
    await convert.getProject();
    expect(calls).toEqual([`${server.origin}/accounts/1/projects/2`]);
  });

  it("must be a function", () => {
    // @ts-expect-error not a fetch
    expect(() => createConvertClient({ auth: { type: "none" }, fetch: "fetch" })).toThrow("options.fetch must be a function");
  });
});

describe("node:http, where fetch would have helped", () => {
  const compressed = Buffer.from(JSON.stringify(project));
  it.each([
    ["gzip", promisify(zlib.gzip)],
    ["deflate", promisify(zlib.deflate)],
    ["deflate", promisify(zlib.deflateRaw)], // raw deflate, which some servers send as "deflate"
    ["br", promisify(zlib.brotliCompress)],
  ] as const)("asks for compression and decodes a %s answer", async (coding, compress) => {
    const body = await compress(compressed);
    const { server, convert } = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": coding }).end(body);
    });
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}", {
      params: { path: { account_id: 1, project_id: 2 } },
    });
    expect(data).toEqual(project);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("content-length")).toBe(String(compressed.byteLength));
    expect(server.requests[0]!.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it("refuses an encoding it cannot decode, naming it", async () => {
    const { convert } = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "compress" }).end("xx");
    });
    const error = await convert.getProject().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertNetworkError);
    expect((error as Error).message).toContain('content-encoding "compress"');
  });

  it("sends default Accept and User-Agent headers, which the caller's headers replace", async () => {
    const { server, convert } = await serve(sendJson);
    await convert.getProject();
    await convert.getProject({ headers: { "User-Agent": "my-app/1.0", Accept: "application/json" } });
    const { version } = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(server.requests[0]!.headers).toMatchObject({
      accept: "*/*",
      "user-agent": `convert-api-client/${version} node/${process.version}`,
    });
    expect(server.requests[1]!.headers).toMatchObject({ accept: "application/json", "user-agent": "my-app/1.0" });
  });

  it("sends bodies with Content-Length, an empty POST with 0 as fetch does, never chunked", async () => {
    const { server, convert } = await serve(sendJson);
    await convert.getProjectsList();
    await convert.getProjectsList({ body: { page: 2 } });
    expect(server.requests.map((r) => [r.headers["content-length"], r.headers["transfer-encoding"]])).toEqual([
      ["0", undefined],
      [String(server.requests[1]!.body.byteLength), undefined],
    ]);
  });

  it("keeps every Set-Cookie header of an answer", async () => {
    const { convert } = await serve((_request, response) => {
      response.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const { response } = await convert.GET("/accounts/{account_id}/projects/{project_id}", {
      params: { path: { account_id: 1, project_id: 2 } },
    });
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("does not follow a redirect: the 3xx comes back, and the other URL is never called", async () => {
    const { server, convert } = await serve((request, response) => {
      if (request.target.startsWith("/moved")) return void response.writeHead(200).end("{}");
      response.writeHead(302, { location: "/moved" }).end();
    });
    const { error, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}", {
      params: { path: { account_id: 1, project_id: 2 } },
    });
    expect(response.status).toBe(302);
    expect(response.ok).toBe(false);
    expect(error).toBeUndefined(); // an empty error body
    expect(server.requests.map((r) => r.target)).toEqual(["/accounts/1/projects/2"]);
  });

  it("uses TLS for https and verifies the certificate", async () => {
    const tls = new URL("../../support/tls/", import.meta.url);
    const received: string[] = [];
    const https = createHttpsServer(
      { key: readFileSync(new URL("self-signed.key", tls)), cert: readFileSync(new URL("self-signed.crt", tls)) },
      (request, response) => {
        received.push(request.url ?? "");
        response.end("{}");
      },
    );
    await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = https.address() as AddressInfo;
      const convert = createConvertClient({ baseUrl: `https://127.0.0.1:${port}`, auth: { type: "none" }, maxRetries: 0 });
      const error = await convert.getProject({ path: { account_id: 1, project_id: 2 } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConvertNetworkError);
      expect(((error as ConvertNetworkError).cause as { code?: string }).code).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
      expect(received).toEqual([]);
    } finally {
      https.closeAllConnections();
      await new Promise((resolve) => https.close(resolve));
    }
  });
});
