import { getEventListeners } from "node:events";
import { Agent } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { verifySignature } from "../../scripts/verify-signature.js";
import { ConvertAbortError, ConvertNotFoundError, ConvertResponseTooLargeError, createConvertClient } from "../../src/index.js";
import { TEST_KEY } from "../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";

// The raw openapi-fetch interface and middleware over the send loop: the caller's signal, the
// bytes signed and sent, per-call options, and the Response handed back to openapi-fetch and to
// middleware.
const secrets = { [TEST_KEY.applicationId]: TEST_KEY.secretKey };
const answer = { id: 2, name: "Café ✓" };
let server: RecordingServer;
/** While set, answers wait for it: calls stay in flight until the test opens the gate. */
let gate: Promise<void> | undefined;
let open = () => {};
const holdAnswers = () => {
  gate = new Promise((resolve) => (open = resolve));
};
beforeAll(async () => {
  server = await startRecordingServer(async (request, response) => {
    if (gate) await gate;
    if (request.target.endsWith("/delete")) return void response.writeHead(204).end();
    if (request.target.endsWith("/goals/5"))
      return void response.writeHead(404, { "content-type": "application/json", "x-request-id": "r-1" }).end('{"message":"gone"}');
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
});
afterAll(() => server.close());
afterEach(() => {
  open();
  gate = undefined;
  server.requests.length = 0;
});

const client = () =>
  createConvertClient({ baseUrl: server.origin, auth: { type: "requestSigning", ...TEST_KEY }, accountId: 1, projectId: 2 });

describe("a caller's AbortSignal", () => {
  it("shared by many calls in flight holds one listener, none once they end", async () => {
    holdAnswers();
    const convert = client();
    const shutdown = new AbortController();
    const calls = Array.from({ length: 20 }, () => convert.getProject({ signal: shutdown.signal }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(20));
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(1);
    open();
    await Promise.all(calls);
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
  });

  it("stops every call that shares it", async () => {
    holdAnswers();
    const convert = client();
    const shutdown = new AbortController();
    const calls = Array.from({ length: 3 }, () => convert.getProject({ signal: shutdown.signal }).catch((e: unknown) => e));
    await vi.waitFor(() => expect(server.requests).toHaveLength(3));
    shutdown.abort(new Error("shutting down"));
    for (const error of await Promise.all(calls)) {
      expect(error).toBeInstanceOf(ConvertAbortError);
      expect((error as ConvertAbortError).cause).toEqual(new Error("shutting down"));
    }
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
  });

  it("must be an AbortSignal", async () => {
    // @ts-expect-error not a signal
    await expect(client().getProject({ signal: {} })).rejects.toThrow("getProject(...): signal must be an AbortSignal");
  });
});

describe("request bodies", () => {
  it("signs and sends what a middleware put in a replacement Request", async () => {
    const convert = client();
    convert.use({
      async onRequest({ request }) {
        const original = await request.clone().text();
        return new Request(request, { body: original.replace("A", "B") });
      },
    });
    await convert.createProject({ body: { name: "A" } });
    expect(server.requests[0]!.body.toString()).toBe('{"name":"B"}');
    expect(verifySignature(server.requests[0]!, secrets)).toBeNull();
  });
});

describe("raw calls and middleware", () => {
  const path = "/accounts/{account_id}/projects/{project_id}/update" as const;
  const params = { path: { account_id: 1, project_id: 2 } };

  it("middleware, per client or per call, sees a real Request with the body; without it the call is the same", async () => {
    const convert = client();
    const seen: [boolean, unknown][] = [];
    const watch = {
      async onRequest({ request }: { request: Request }) {
        seen.push([request instanceof Request, await request.clone().json()]);
      },
    };
    await convert.POST(path, { params, body: { name: "plain" } });
    convert.use(watch);
    await convert.POST(path, { params, body: { name: "client middleware" } });
    convert.eject(watch);
    await convert.POST(path, { params, body: { name: "per-call middleware" }, middleware: [watch] });
    await convert.POST(path, { params, body: { name: "ejected" } });
    expect(seen).toEqual([
      [true, { name: "client middleware" }],
      [true, { name: "per-call middleware" }],
    ]);
    expect(server.requests.map((r) => JSON.parse(r.body.toString()).name)).toEqual([
      "plain",
      "client middleware",
      "per-call middleware",
      "ejected",
    ]);
    expect(server.requests.map((r) => [verifySignature(r, secrets), r.headers["content-type"]])).toEqual(
      Array.from({ length: 4 }, () => [null, "application/json"]),
    );
  });

  it("refuse a missing path parameter of a known operation before sending, as a rejected promise", async () => {
    const call = client().POST(path, { params: { path: { account_id: 1 } } as never, body: {} });
    await expect(call).rejects.toThrow("updateProject: path parameter project_id is missing");
    expect(server.requests).toHaveLength(0);
  });

  it("follow the caller's signal in the transport: aborted calls stop, no listener stays", async () => {
    holdAnswers();
    const convert = client();
    const shutdown = new AbortController();
    const getPath = "/accounts/{account_id}/projects/{project_id}" as const;
    const calls = Array.from({ length: 5 }, () => convert.GET(getPath, { params, signal: shutdown.signal }).catch((e: unknown) => e));
    await vi.waitFor(() => expect(server.requests).toHaveLength(5));
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(1);
    shutdown.abort(new Error("shutting down"));
    for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(ConvertAbortError);
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
    // @ts-expect-error not a signal
    await expect(convert.GET(getPath, { params, signal: "stop" })).rejects.toThrow("getProject: signal must be an AbortSignal");
  });
});

describe("the Response handed back", () => {
  const path = "/accounts/{account_id}/projects/{project_id}" as const;
  const params = { path: { account_id: 1, project_id: 2 } };

  it("reads as JSON, text, bytes, Blob or stream, once", async () => {
    const convert = client();
    const text = JSON.stringify(answer);
    expect((await convert.GET(path, { params })).data).toEqual(answer);
    expect((await convert.GET(path, { params, parseAs: "text" })).data).toBe(text);
    expect(new TextDecoder().decode((await convert.GET(path, { params, parseAs: "arrayBuffer" })).data)).toBe(text);
    expect(await (await convert.GET(path, { params, parseAs: "blob" })).data!.text()).toBe(text);
    expect(await new Response((await convert.GET(path, { params, parseAs: "stream" })).data).text()).toBe(text);
    const { response } = await convert.GET(path, { params });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it("has the status, headers and URL of the answer", async () => {
    const { response } = await client().GET(path, { params });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(JSON.stringify(answer))));
    expect(response.url).toBe(`${server.origin}/accounts/1/projects/2`);
  });

  it("can be cloned and read by a middleware before openapi-fetch reads it", async () => {
    const convert = client();
    const seen: unknown[] = [];
    convert.use({
      async onResponse({ response }) {
        seen.push(await response.clone().json());
      },
    });
    expect(await convert.getProject()).toEqual(answer);
    expect(seen).toEqual([answer]);
  });

  it("has no body for 204", async () => {
    const { data, response } = await client().DELETE("/accounts/{account_id}/projects/{project_id}/delete", { params });
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(response.body).toBeNull();
  });
});

describe("per-call options and middleware", () => {
  it("raw calls take the per-call limits of operation methods", async () => {
    const call = client().GET("/accounts/{account_id}/projects/{project_id}", {
      params: { path: { account_id: 1, project_id: 2 } },
      maxResponseBytes: 10,
    });
    await expect(call).rejects.toBeInstanceOf(ConvertResponseTooLargeError);
  });

  it("middleware registered before the first raw call also runs for operation methods, until ejected", async () => {
    const convert = client();
    const tag = {
      onRequest: ({ request }: { request: Request }) => {
        request.headers.set("x-tag", "mw");
        return request;
      },
    };
    convert.use(tag);
    await convert.getProject();
    convert.eject(tag);
    await convert.getProject();
    expect(server.requests.map((r) => r.headers["x-tag"])).toEqual(["mw", undefined]);
    expect(server.requests.map((r) => verifySignature(r, secrets))).toEqual([null, null]);
  });

  it("an operation method through middleware still throws the typed error, with the answer's headers", async () => {
    const convert = client();
    convert.use({ onResponse: ({ response }) => response });
    const error = await convert.getGoal({ path: { goal_id: 5 }, headers: { "x-trace": "t" } }).catch((e: unknown) => e);
    expect(server.requests.at(-1)!.target).toBe("/accounts/1/projects/2/goals/5");
    expect(error).toBeInstanceOf(ConvertNotFoundError);
    expect(error).toMatchObject({ operationId: "getGoal", status: 404, messages: ["gone"] });
    expect((error as ConvertNotFoundError).headers["x-request-id"]).toBe("r-1");
  });
});

describe("options.agent", () => {
  it("sends through the given node:http agent", async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      const convert = createConvertClient({
        baseUrl: server.origin,
        auth: { type: "none" },
        accountId: 1,
        projectId: 2,
        agent: { http: agent },
      });
      await convert.getProject();
      expect(Object.keys(agent.freeSockets)).toEqual([`127.0.0.1:${new URL(server.origin).port}:`]);
    } finally {
      agent.destroy();
    }
  });

  it("must be an object", () => {
    expect(() => createConvertClient({ auth: { type: "none" }, agent: "keep-alive" as never })).toThrow("options.agent must be an object");
  });
});
