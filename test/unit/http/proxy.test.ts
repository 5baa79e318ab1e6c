// proxy: "env" sends through the HTTP proxy HTTP_PROXY / HTTPS_PROXY name (a CONNECT tunnel), except
// for NO_PROXY hosts, still signing the URL the API sees.
import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { verifySignature } from "../../../scripts/verify-signature.js";
import { ConvertConfigError, createConvertClient } from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

let api: RecordingServer;
let proxy: Server;
let proxyOrigin: string;
/** The CONNECT targets the proxy tunnelled to. */
const tunnelled: string[] = [];
const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
beforeAll(async () => {
  api = await startRecordingServer(
    (_request, response) => void response.writeHead(200, { "content-type": "application/json" }).end('{"id":2}'),
  );
  // A proxy as undici uses one: CONNECT host:port, then bytes both ways.
  proxy = createServer((_request, response) => void response.writeHead(405).end());
  proxy.on("connect", (request, socket, head) => {
    tunnelled.push(String(request.url));
    const [host, port] = String(request.url).split(":");
    const upstream = connect(Number(port), host, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyOrigin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await api.close();
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  api.requests.length = 0;
  tunnelled.length = 0;
});

const client = () =>
  createConvertClient({ baseUrl: api.origin, auth: { type: "requestSigning", ...TEST_KEY }, accountId: 1, projectId: 2, proxy: "env" });

it("goes through the proxy HTTP_PROXY names, signed for the API's URL", async () => {
  process.env.HTTP_PROXY = proxyOrigin;
  delete process.env.NO_PROXY;
  await expect(client().getProject()).resolves.toEqual({ id: 2 });
  expect(tunnelled).toEqual([new URL(api.origin).host]);
  expect(api.requests.map((r) => verifySignature(r, { [TEST_KEY.applicationId]: TEST_KEY.secretKey }))).toEqual([null]);
});

it("goes straight to hosts NO_PROXY lists", async () => {
  process.env.HTTP_PROXY = proxyOrigin;
  process.env.NO_PROXY = "127.0.0.1";
  await client().getProject();
  expect(tunnelled).toEqual([]);
  expect(api.requests).toHaveLength(1);
});

it("is refused with a fetch of the caller's or with an unknown value", () => {
  expect(() => createConvertClient({ auth: { type: "none" }, proxy: "env", fetch: globalThis.fetch })).toThrow(ConvertConfigError);
  expect(() => createConvertClient({ auth: { type: "none" }, proxy: "system" as never })).toThrow('options.proxy must be "env"');
});
