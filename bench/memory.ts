// Sections "memory" (heap over many operation-method calls) and "large" (peak RSS of one call
// for a large answer, in a fresh process).
import { spawn } from "node:child_process";
import { getEventListeners } from "node:events";
import { CookieJar } from "tough-cookie";
import { ACCOUNT_ID, type Client, collectGarbage, KEY, LIST_BODY, median, PROJECT_ID, startServer } from "./lib.js";

export interface MemoryResult {
  requests: number;
  gcForced: boolean;
  /** heapUsed after forced GC, bytes. */
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

/** Runs `count` calls 32 at a time, keeping nothing per call. */
async function run(send: (i: number) => Promise<unknown>, from: number, count: number): Promise<void> {
  let next = from;
  const end = from + count;
  const worker = async () => {
    for (let i = next++; i < end; i = next++) await send(i);
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}

/** heapUsed after a full GC, once FinalizationRegistry callbacks have had a turn to run. */
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
 * getProject and getProjectsList calls made three ways in turn: a request-signing client, the
 * same with one long-lived AbortSignal (an app's shutdown signal), and a cookie-session client
 * whose cookie the server renews on every answer. That covers the per-call timer and
 * cancellation, listeners on the caller's signal and the cookie jar.
 */
export async function benchMemory({ index, session: sessionModule }: Client, options: { requests: number; warmup: number }) {
  const server = await startServer();
  try {
    const baseUrl = `${server.origin}/small/api/v2`;
    const ids = { accountId: ACCOUNT_ID, projectId: PROJECT_ID };
    const signing = index.createConvertClient({ baseUrl, auth: { type: "requestSigning", ...KEY }, ...ids });
    const jar = new CookieJar();
    jar.setCookieSync("sid=bench-session; Path=/; HttpOnly", server.origin);
    const session = sessionModule.ConvertSession.restore({ version: 1, origin: server.origin, cookies: jar.serializeSync()! }, { baseUrl });
    const sessionClient = index.createConvertClient({ baseUrl, auth: { type: "session", session }, ...ids });
    const shutdown = new AbortController();
    let abortListenersPeak = 0;
    let signalCalls = 0;

    const send = (i: number) => {
      const get = i % 2 === 0;
      switch (i % 3) {
        case 0:
          return get ? signing.getProject({ query: { include: ["domains"] } }) : signing.getProjectsList({ body: LIST_BODY });
        case 1: {
          const signal = shutdown.signal;
          if (++signalCalls % 500 === 0) abortListenersPeak = Math.max(abortListenersPeak, getEventListeners(signal, "abort").length);
          return get
            ? signing.getProject({ query: { include: ["domains"] }, signal })
            : signing.getProjectsList({ body: LIST_BODY, signal });
        }
        default:
          return get ? sessionClient.getProject({ query: { include: ["domains"] } }) : sessionClient.getProjectsList({ body: LIST_BODY });
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
    const result: MemoryResult = {
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
    return result;
  } finally {
    server.close();
  }
}

export interface LargeAnswerRow {
  transport: string;
  framing: string;
  bodyMiB: number;
  items: number;
  /** Median over fresh processes of peak RSS during the call minus RSS before it. */
  peakMiB: number;
  /** peakMiB ÷ bodyMiB. */
  multiple: number;
}

const MiB = 1024 * 1024;

// The child: plain node with only the bundled client loaded, one warm-up call (modules loaded,
// connection open), then the measured call. maxRSS is the process's peak so far.
const CHILD = `
const [indexUrl, baseUrl, transport] = process.argv.slice(1);
const { createConvertClient } = await import(indexUrl);
const convert = createConvertClient({
  baseUrl, auth: { type: "none" }, accountId: 1, projectId: 2, maxResponseBytes: 2 ** 31,
  ...(transport === "fetch" ? { fetch: globalThis.fetch } : {}),
});
await convert.getProject();
const baseline = process.memoryUsage().rss;
const page = await convert.getProjectsList({ body: {} });
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ baseline, peak, items: page.data.length }));
`;

/** One getProjectsList call for a `sizeMiB` list answer, over both transports and both framings. */
export async function benchLargeAnswer(client: Client, sizeMiB: number, processes: number): Promise<LargeAnswerRow[]> {
  const server = await startServer(sizeMiB);
  const rows: LargeAnswerRow[] = [];
  try {
    for (const transport of ["node:http", "fetch"]) {
      for (const [framing, route] of [
        ["content-length", "large"],
        ["gzip, chunked", "large-gzip"],
      ] as const) {
        // The peak depends on when the collector runs: the median of fresh processes.
        const runs: { peak: number; items: number }[] = [];
        for (let i = 0; i < processes; i++) runs.push(await measure(client.indexUrl, `${server.origin}/${route}`, transport));
        const peakMiB = median(runs.map((r) => r.peak)) / MiB;
        rows.push({ transport, framing, bodyMiB: sizeMiB, items: runs[0]!.items, peakMiB, multiple: peakMiB / sizeMiB });
      }
    }
  } finally {
    server.close();
  }
  return rows;
}

function measure(indexUrl: string, baseUrl: string, transport: string): Promise<{ peak: number; items: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      "--input-type=module",
      "-e",
      CHILD,
      indexUrl,
      baseUrl,
      transport === "fetch" ? "fetch" : "node",
    ]);
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => process.stderr.write(chunk));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`large-answer child exited with ${code}`));
      const { baseline, peak, items } = JSON.parse(text) as { baseline: number; peak: number; items: number };
      resolve({ peak: peak - baseline, items });
    });
  });
}
