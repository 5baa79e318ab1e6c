// Section 3: heap before and after many requests through the operation methods.
import { getEventListeners } from "node:events";
import { CookieJar } from "tough-cookie";
import { KEY, startServer } from "./http.js";
import type { Index, Session } from "./load.js";
import { collectGarbage } from "./stats.js";

export interface MemoryResult {
  requests: number;
  gcForced: boolean;
  /** heapUsed after forced GC, in bytes. */
  heapBefore: number;
  heapMiddle: number;
  heapAfter: number;
  growth: number;
  growthPerRequest: number;
  /** Listeners on a long-lived AbortSignal passed to every third call: most seen during the run, and after it. */
  abortListenersPeak: number;
  abortListenersLeft: number;
  /** Cookies in the session's jar after the run (the server renews one `sid`). */
  sessionCookies: number;
  /** Timers pending after the run, minus those before it. */
  timersLeft: number;
}

/** Runs `count` calls 32 at a time, without keeping anything per call. */
async function run(send: (i: number) => Promise<unknown>, from: number, count: number): Promise<void> {
  let next = from;
  const end = from + count;
  const worker = async () => {
    for (let i = next++; i < end; i = next++) await send(i);
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

/** heapUsed after a full GC, once FinalizationRegistry callbacks (which undici uses to drop a
 * collected Request's listener from the caller's signal) have had a turn to run. */
async function heap(): Promise<number> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 10));
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Pending timers (sockets come and go with the connection pool and are not counted). */
function timers(): number {
  return process.getActiveResourcesInfo().filter((type) => type === "Timeout").length;
}

/**
 * Each call is one of two operations (getProject with a query, getProjectsList with a body)
 * made three ways in turn: a request-signing client, the same client with a long-lived
 * AbortSignal (an app's shutdown signal), and a cookie-session client whose cookie the server
 * renews on every answer. So the run covers the per-call timer and abort controller, listeners on
 * the caller's signal, the WeakMap that tracks them, and the cookie jar.
 */
export async function benchMemory(
  { createConvertClient }: Index,
  { ConvertSession }: Session,
  options: { requests: number; warmup: number },
): Promise<MemoryResult> {
  const server = await startServer();
  try {
    const ids = { accountId: 100012, projectId: 10034 };
    const signing = createConvertClient({ baseUrl: server.baseUrl, auth: { type: "requestSigning", ...KEY }, ...ids });
    const origin = new URL(server.baseUrl).origin;
    const jar = new CookieJar();
    jar.setCookieSync("sid=bench-session; Path=/; HttpOnly", origin);
    const session = ConvertSession.restore({ version: 1, origin, cookies: jar.serializeSync()! }, { baseUrl: server.baseUrl });
    const sessionClient = createConvertClient({ baseUrl: server.baseUrl, auth: { type: "session", session }, ...ids });
    const shutdown = new AbortController();
    const body = { page: 1, results_per_page: 10 };
    let abortListenersPeak = 0;
    let signalCalls = 0;

    const send = (i: number) => {
      const get = i % 2 === 0;
      switch (i % 3) {
        case 0:
          return get ? signing.getProject({ query: { include: ["domains"] } }) : signing.getProjectsList({ body });
        case 1: {
          const signal = shutdown.signal;
          if (++signalCalls % 500 === 0) abortListenersPeak = Math.max(abortListenersPeak, getEventListeners(signal, "abort").length);
          return get ? signing.getProject({ query: { include: ["domains"] }, signal }) : signing.getProjectsList({ body, signal });
        }
        default:
          return get ? sessionClient.getProject({ query: { include: ["domains"] } }) : sessionClient.getProjectsList({ body });
      }
    };

    await run(send, 0, options.warmup);
    const timersBefore = timers();
    const heapBefore = await heap();
    const half = Math.floor(options.requests / 2);
    await run(send, 0, half);
    const heapMiddle = await heap();
    await run(send, half, options.requests - half);
    const heapAfter = await heap();
    return {
      requests: options.requests,
      gcForced: typeof (globalThis as { gc?: unknown }).gc === "function",
      heapBefore,
      heapMiddle,
      heapAfter,
      growth: heapAfter - heapBefore,
      growthPerRequest: (heapAfter - heapBefore) / options.requests,
      abortListenersPeak,
      abortListenersLeft: getEventListeners(shutdown.signal, "abort").length,
      sessionCookies: session.export().cookies.cookies.length,
      timersLeft: timers() - timersBefore,
    };
  } finally {
    server.close();
  }
}
