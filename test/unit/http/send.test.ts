import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { verifySignature } from "../../../scripts/verify-signature.js";
import {
  ConvertAbortError,
  type ConvertLogEvent,
  ConvertNetworkError,
  ConvertRateLimitError,
  ConvertServerError,
  ConvertTimeoutError,
  createConvertClient,
} from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type Handler, type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

// Waits run on a fake clock: each test jumps over the client's backoff, Retry-After and deadline
// timers instead of sleeping, and asserts on that clock, never on wall time. The network is real.
const secrets = { [TEST_KEY.applicationId]: TEST_KEY.secretKey };
const NOW = Date.parse("2026-11-26T12:00:00Z");
let server: RecordingServer | undefined;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: NOW });
});
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

/** Lets real I/O proceed (setImmediate is not faked) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  for (let turn = 0; !check(); turn++) {
    if (turn > 100_000) throw new Error("condition never held");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Runs a call to its end, jumping the fake clock over every retry wait as soon as the client
 * announces it (its `retry` log event), so no test sleeps.
 */
async function settle<T>(call: Promise<T>, events: ConvertLogEvent[]): Promise<T> {
  let done = false;
  const result = call.finally(() => (done = true));
  result.catch(() => {});
  for (let waited = 0; ; ) {
    await until(() => done || events.filter((e) => e.type === "retry").length > waited);
    if (done) return result;
    const retry = events.filter((e) => e.type === "retry")[waited++] as Extract<ConvertLogEvent, { type: "retry" }>;
    await vi.advanceTimersByTimeAsync(retry.delayMs);
  }
}

/** A server that answers with the given steps in order, then repeats the last one. */
async function scripted(...steps: Handler[]) {
  let calls = 0;
  server = await startRecordingServer((request, response) => steps[Math.min(calls++, steps.length - 1)]!(request, response));
  const events: ConvertLogEvent[] = [];
  const client = (options: { maxRetries?: number; timeoutMs?: number; attemptTimeoutMs?: number } = {}) =>
    createConvertClient({
      baseUrl: server!.origin,
      auth: { type: "requestSigning", ...TEST_KEY },
      accountId: 1,
      projectId: 2,
      logger: (event) => events.push(event),
      ...options,
    });
  return { server: server!, client, events };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };
const ok = json(200, { id: 2, name: "Acme" });
const reset: Handler = (_request, response) => {
  response.socket?.destroy();
};

describe("retries", () => {
  it("waits for Retry-After (seconds) on 429, then succeeds", async () => {
    const { server, client, events } = await scripted(json(429, { message: "slow down" }, { "retry-after": "1" }), ok);
    const call = client().getProject();
    await until(() => events.some((e) => e.type === "retry"));
    expect(events.find((e) => e.type === "retry")).toMatchObject({ delayMs: 1000, reason: "HTTP 429", attempt: 0 });
    // Not one (fake) millisecond early: the retry leaves only when Retry-After has passed.
    await vi.advanceTimersByTimeAsync(999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const project = await call;
    expect(project.name).toBe("Acme");
    expect(server.requests).toHaveLength(2);
  });

  it("honours Retry-After given as an HTTP date", async () => {
    const { client, events } = await scripted((_req, res) => {
      json(429, {}, { "retry-after": new Date(Date.now() + 2000).toUTCString() })(_req, res);
    }, ok);
    await settle(client().getProject(), events);
    expect(events.find((e) => e.type === "retry")).toMatchObject({ delayMs: 2000 });
  });

  it("does not wait for a Retry-After beyond the cap and surfaces the rate limit", async () => {
    const { server, client } = await scripted(json(429, { message: "too many" }, { "retry-after": "3600" }));
    await expect(client().getProject()).rejects.toBeInstanceOf(ConvertRateLimitError);
    expect(server.requests).toHaveLength(1);
  });

  it("retries 429 even for operations that change data", async () => {
    const { server, client, events } = await scripted(json(429, {}, { "retry-after": "0" }), json(201, { id: 9 }));
    const created = await settle(client().createProject({ body: { name: "New" } }), events);
    expect(created.id).toBe(9);
    expect(server.requests).toHaveLength(2);
  });

  it("retries 503 on a GET with backoff, signing every attempt afresh", async () => {
    const { server, client, events } = await scripted((request, response) => {
      vi.setSystemTime(Date.now() + 45_000); // time passes before the retry
      json(503, { message: "unavailable" })(request, response);
    }, ok);
    await settle(client().getProject(), events);
    const [first, second] = server.requests;
    expect(Number(second!.headers.expires) - Number(first!.headers.expires)).toBe(45);
    expect(second!.headers.authorization).not.toBe(first!.headers.authorization);
    expect(verifySignature(second!, secrets, Date.now() / 1000)).toBeNull();
    const delay = (events.find((e) => e.type === "retry") as { delayMs: number }).delayMs;
    expect(delay).toBeGreaterThanOrEqual(250);
    expect(delay).toBeLessThanOrEqual(500);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const { server, client, events } = await scripted(json(503, { message: ["down", "for maintenance"] }));
    const error = await settle(client({ maxRetries: 1 }).getProject(), events).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertServerError);
    expect((error as ConvertServerError).messages).toEqual(["down", "for maintenance"]);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 503 for a POST the spec marks as read-only (x-convert-idempotent)", async () => {
    const { server, client, events } = await scripted(json(503, {}), json(200, { data: [], extra: {} }));
    await settle(client().getProjectsList({ body: { page: 1 } }), events);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(server.requests[1]!.body.toString()).toBe('{"page":1}');
  });

  it("does not retry a 503 for an operation that changes data", async () => {
    const { server, client } = await scripted(json(503, {}), ok);
    await expect(client().createProject({ body: { name: "x" } })).rejects.toBeInstanceOf(ConvertServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("treats a 5xx that says 'too many requests' as a rate limit, retried only when safe to repeat", async () => {
    const { server, client, events } = await scripted(json(500, { message: "Too Many Requests" }), json(201, { id: 3 }));
    // A create may have been done before the 5xx: it must never arrive twice.
    await expect(client().createProject({ body: { name: "x" } })).rejects.toBeInstanceOf(ConvertRateLimitError);
    expect(server.requests).toHaveLength(1);
    await settle(client().getProject(), events);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a reset connection for a GET but not for a POST that changes data", async () => {
    const get = await scripted(reset, ok);
    await settle(get.client().getProject(), get.events);
    expect(get.server.requests).toHaveLength(2);
    await get.server.close();

    const post = await scripted(reset, ok);
    const error = await post
      .client()
      .createProject({ body: { name: "x" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertNetworkError);
    expect(post.server.requests).toHaveLength(1);
  });

  it("maxRetries 0 disables retrying, per client and per call", async () => {
    const { server, client } = await scripted(json(503, {}));
    await expect(client({ maxRetries: 0 }).getProject()).rejects.toBeInstanceOf(ConvertServerError);
    expect(server.requests).toHaveLength(1);
    await expect(client().getProject({ maxRetries: 0 })).rejects.toBeInstanceOf(ConvertServerError);
    expect(server.requests).toHaveLength(2);
  });

  it("retries raw-client GETs too, and reports the last answer as an error result", async () => {
    const { server, client, events } = await scripted(json(503, { message: "down" }));
    const call = client({ maxRetries: 2 }).GET("/accounts/{account_id}/projects/{project_id}", {
      params: { path: { account_id: 1, project_id: 2 } },
    });
    const { error, response } = await settle(call, events);
    expect(response.status).toBe(503);
    expect(error).toEqual({ message: "down" });
    expect(server.requests).toHaveLength(3);
  });
});

describe("timeouts and cancellation", () => {
  const stall: Handler = (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.write('{"id":'); // headers and half a body, then nothing
  };

  it("times out while the body is still arriving, without retrying", async () => {
    const { server, client } = await scripted(stall);
    const call = client({ timeoutMs: 300 })
      .getProject()
      .catch((e: unknown) => e);
    await until(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(300);
    const error = await call;
    expect(error).toBeInstanceOf(ConvertTimeoutError);
    expect((error as ConvertTimeoutError).timeoutMs).toBe(300);
    expect(server.requests).toHaveLength(1);
  });

  it("lets one call override the client's timeout", async () => {
    const { server, client } = await scripted(stall);
    const call = client({ timeoutMs: 60_000 })
      .getProject({ timeoutMs: 200 })
      .catch((e: unknown) => e);
    await until(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(200);
    expect(await call).toBeInstanceOf(ConvertTimeoutError);
  });

  it("abandons an attempt past attemptTimeoutMs and tries again when safe, not when unsafe", async () => {
    const { server, client, events } = await scripted(stall, ok, stall);
    const call = client({ timeoutMs: 10_000 }).getProject({ attemptTimeoutMs: 1_000 });
    await until(() => server.requests.length === 1);
    await vi.advanceTimersByTimeAsync(1_000);
    await settle(call, events);
    expect(server.requests).toHaveLength(2);
    expect(events.find((e) => e.type === "retry")).toMatchObject({ reason: "attempt timed out" });

    const create = client({ timeoutMs: 10_000, attemptTimeoutMs: 1_000 })
      .createProject({ body: { name: "x" } })
      .catch((e: unknown) => e);
    await until(() => server.requests.length === 3);
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await create;
    expect(error).toBeInstanceOf(ConvertTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", timeoutMs: 1_000 });
    expect(server.requests).toHaveLength(3);
  });

  it("fails at once with the rate limit when Retry-After reaches past the deadline, not with a timeout later", async () => {
    const { server, client, events } = await scripted(json(429, { message: "slow down" }, { "retry-after": "20" }), ok);
    const error = await client({ timeoutMs: 5_000 })
      .getProject()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertRateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 20_000 });
    expect(events.some((e) => e.type === "retry")).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it("still waits for a Retry-After that ends before the deadline", async () => {
    const { server, client, events } = await scripted(json(429, {}, { "retry-after": "2" }), ok);
    await settle(client({ timeoutMs: 5_000 }).getProject(), events);
    expect(server.requests).toHaveLength(2);
  });

  it("stops on the caller's AbortSignal, also during a retry wait", async () => {
    const { server, client } = await scripted(json(429, {}, { "retry-after": "30" }));
    const controller = new AbortController();
    const pending = client().getProject({ signal: controller.signal });
    await until(() => server.requests.length === 1);
    controller.abort(new Error("user navigated away"));
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertAbortError);
    expect((error as ConvertAbortError).cause).toEqual(new Error("user navigated away"));
    expect(server.requests).toHaveLength(1);
  });
});
