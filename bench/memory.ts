// Section 3: heap before and after many requests through the operation methods.
import { getEventListeners } from "node:events";
import { CookieJar } from "tough-cookie";
import { createConvertClient } from "../src/index.js";
import { ConvertSession } from "../src/session.js";
import { KEY, startServer } from "./http.js";
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
  /** Listeners on a long-lived AbortSignal passed to every third call, after the run. */
  abortListenersLeft: number;
  /** Cookies in the session's jar after the run (the server renews one `sid`). */
  sessionCookies: number;
  /** Timers and other handles alive after the run, minus those before it. */
  handlesLeft: number;
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

function heap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

function handles(): number {
  return process.getActiveResourcesInfo().filter((type) => type !== "TTYWrap").length;
}

/**
 * Each call is one of two operations (getProject with a query, getProjectsList with a body)
 * made three ways in turn: a request-signing client, the same client with a long-lived
 * AbortSignal (an app's shutdown signal), and a cookie-session client whose cookie the server
 * renews on every answer. So the run covers listeners, timers, AbortSignal.any followers, the
 * raw-call WeakMap and the cookie jar.
 */
export async function benchMemory(options: { requests: number; warmup: number }): Promise<MemoryResult> {
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

    const send = (i: number) => {
      const get = i % 2 === 0;
      switch (i % 3) {
        case 0:
          return get ? signing.getProject({ query: { include: ["domains"] } }) : signing.getProjectsList({ body });
        case 1: {
          const signal = shutdown.signal;
          return get ? signing.getProject({ query: { include: ["domains"] }, signal }) : signing.getProjectsList({ body, signal });
        }
        default:
          return get ? sessionClient.getProject({ query: { include: ["domains"] } }) : sessionClient.getProjectsList({ body });
      }
    };

    await run(send, 0, options.warmup);
    const handlesBefore = handles();
    const heapBefore = heap();
    const half = Math.floor(options.requests / 2);
    await run(send, 0, half);
    const heapMiddle = heap();
    await run(send, half, options.requests - half);
    const heapAfter = heap();
    return {
      requests: options.requests,
      gcForced: typeof (globalThis as { gc?: unknown }).gc === "function",
      heapBefore,
      heapMiddle,
      heapAfter,
      growth: heapAfter - heapBefore,
      growthPerRequest: (heapAfter - heapBefore) / options.requests,
      abortListenersLeft: getEventListeners(shutdown.signal, "abort").length,
      sessionCookies: session.export().cookies.cookies.length,
      handlesLeft: handles() - handlesBefore,
    };
  } finally {
    server.close();
  }
}
