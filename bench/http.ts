// Section 1: per-request overhead of the client against a local server, next to raw fetch.
import { fork } from "node:child_process";
import { createHmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import type { Index } from "./load.js";
import { collectGarbage, median, medianIndex, quantile } from "./stats.js";

/** A fake key: the local server does not check signatures. */
export const KEY = { applicationId: "10001_bench_app", secretKey: "bench-secret-do-not-use" } as const;
const ACCOUNT_ID = 100012;
const PROJECT_ID = 10034;
const LIST_BODY = { page: 1, results_per_page: 10 };

export interface BenchServer {
  /** API root on the local server, e.g. http://127.0.0.1:41234/api/v2 */
  baseUrl: string;
  close(): void;
}

/** Forks bench/server.mjs and waits for its port. */
export function startServer(): Promise<BenchServer> {
  const child = fork(fileURLToPath(new URL("./server.mjs", import.meta.url)), [], {
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message) => {
      const { port } = message as { port: number };
      resolve({ baseUrl: `http://127.0.0.1:${port}/api/v2`, close: () => child.kill() });
    });
  });
}

/** One way of making the benchmark's two requests; `send(i)` makes request i of a run. */
export interface Variant {
  key: "a" | "b" | "c" | "d" | "e" | "f";
  name: string;
  send(i: number): Promise<unknown>;
}

/**
 * The workload, identical for every variant: even requests are getProject
 * (`GET /accounts/100012/projects/10034?include[]=domains`, no body), odd ones getProjectsList
 * (`POST /accounts/100012/projects` with `{"page":1,"results_per_page":10}`). Every variant
 * sends the same URL, body and signing headers, checks the status and parses the JSON answer.
 */
export function variants(baseUrl: string, { createConvertClient }: Index): Variant[] {
  const getUrl = `${baseUrl}/accounts/${ACCOUNT_ID}/projects/${PROJECT_ID}?include[]=domains`;
  const postUrl = `${baseUrl}/accounts/${ACCOUNT_ID}/projects`;
  const { applicationId, secretKey } = KEY;

  const signed = (url: string, body: string, expires: number) => ({
    "Convert-Application-ID": applicationId,
    Expires: String(expires),
    Authorization: `Convert-HMAC-SHA256 Signature=${createHmac("sha256", secretKey).update(`${applicationId}\n${expires}\n${url}\n${body}`).digest("hex")}`,
  });
  const json = async (response: Response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };

  // (a) The floor: headers computed once, a signature that would expire (the server does not care).
  const fixedExpires = Math.floor(Date.now() / 1000) + 3600;
  const getHeaders = signed(getUrl, "", fixedExpires);
  const postHeaders = { ...signed(postUrl, JSON.stringify(LIST_BODY), fixedExpires), "Content-Type": "application/json" };
  const floor: Variant = {
    key: "a",
    name: "raw fetch, precomputed headers",
    send: (i) =>
      i % 2 === 0
        ? fetch(getUrl, { headers: getHeaders }).then(json)
        : fetch(postUrl, { method: "POST", headers: postHeaders, body: JSON.stringify(LIST_BODY) }).then(json),
  };

  // (b) What a user writes today: raw fetch, a fresh HMAC signature per request.
  const handSigned: Variant = {
    key: "b",
    name: "raw fetch + hand-written HMAC",
    send(i) {
      const expires = Math.floor(Date.now() / 1000) + 60;
      if (i % 2 === 0) return fetch(getUrl, { headers: signed(getUrl, "", expires) }).then(json);
      const body = JSON.stringify(LIST_BODY);
      const headers = { ...signed(postUrl, body, expires), "Content-Type": "application/json" };
      return fetch(postUrl, { method: "POST", headers, body }).then(json);
    },
  };

  // (e) The floor of the client's default transport: node:http, headers computed once.
  const utf8 = new TextDecoder();
  const nodeHttp = (url: string, method: string, headers: Record<string, string>, body?: string) =>
    new Promise((resolve, reject) => {
      const outgoing = httpRequest(url, { method, headers }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          if (incoming.statusCode !== 200) return reject(new Error(`HTTP ${incoming.statusCode}`));
          resolve(JSON.parse(utf8.decode(Buffer.concat(chunks))));
        });
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  const nodeFloor: Variant = {
    key: "e",
    name: "raw node:http, precomputed headers",
    send: (i) => (i % 2 === 0 ? nodeHttp(getUrl, "GET", getHeaders) : nodeHttp(postUrl, "POST", postHeaders, JSON.stringify(LIST_BODY))),
  };

  const options = { baseUrl, auth: { type: "requestSigning", ...KEY }, accountId: ACCOUNT_ID, projectId: PROJECT_ID } as const;
  const convert = createConvertClient(options);

  // (c) Our client's raw openapi-fetch interface, signing every request, default retries.
  const rawCalls = (client: typeof convert) => async (i: number) => {
    const { data, error, response } =
      i % 2 === 0
        ? await client.GET("/accounts/{account_id}/projects/{project_id}", {
            params: { path: { account_id: ACCOUNT_ID, project_id: PROJECT_ID }, query: { include: ["domains"] } },
          })
        : await client.POST("/accounts/{account_id}/projects", { params: { path: { account_id: ACCOUNT_ID } }, body: LIST_BODY });
    if (error !== undefined || !response.ok) throw new Error(`HTTP ${response.status}`);
    return data;
  };
  const raw: Variant = { key: "c", name: "convert.GET/POST (openapi-fetch), signed", send: rawCalls(convert) };

  // (d) The operation methods: default path parameters, typed errors, retries (maxRetries 2).
  const methods: Variant = {
    key: "d",
    name: "convert.getProject() etc., signed, retries on",
    send: (i) => (i % 2 === 0 ? convert.getProject({ query: { include: ["domains"] } }) : convert.getProjectsList({ body: LIST_BODY })),
  };

  // (f) (c) sent through fetch, as with `options.fetch`, instead of node:http.
  const overFetch = createConvertClient({ ...options, fetch: globalThis.fetch });
  const rawOverFetch: Variant = { key: "f", name: "(c) with options.fetch = globalThis.fetch", send: rawCalls(overFetch) };

  return [floor, handSigned, raw, methods, nodeFloor, rawOverFetch];
}

/** Latencies (ms) of `count` requests made `concurrency` at a time, and the run's wall time. */
export async function drive(send: (i: number) => Promise<unknown>, count: number, concurrency: number) {
  const latencies = new Float64Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const start = performance.now();
      await send(i);
      latencies[i] = performance.now() - start;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { latencies, wallMs: performance.now() - start };
}

export interface HttpRow {
  variant: string;
  name: string;
  concurrency: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Medians over rounds of this variant's figure divided by (a)'s in the same round. */
  vsFloor: { requestsPerSecond: number; p50: number; p99: number };
  /** Median over rounds of this variant's requests/s divided by (b)'s in the same round. */
  rpsVsHandSigned: number;
  roundsRequestsPerSecond: number[];
}

/**
 * Runs every variant at each concurrency, `rounds` times, rotating the order of the variants
 * from one round to the next. Each run makes `perRound` requests after a warm-up.
 */
export async function benchHttp(index: Index, options: { perRound: number; rounds: number; warmup: number; concurrencies: number[] }) {
  const server = await startServer();
  try {
    const all = variants(server.baseUrl, index);
    for (const variant of all) {
      for (const c of options.concurrencies) await drive(variant.send, options.warmup, c);
    }
    type Figures = { rps: number; p50: number; p99: number };
    const results = new Map<string, Figures[]>(); // `${key}@${concurrency}` -> one entry per round
    for (let round = 0; round < options.rounds; round++) {
      const order = all.map((_, i) => all[(i + round) % all.length]!);
      for (const concurrency of options.concurrencies) {
        for (const variant of order) {
          collectGarbage();
          const { latencies, wallMs } = await drive(variant.send, options.perRound, concurrency);
          const id = `${variant.key}@${concurrency}`;
          const figures = { rps: (options.perRound / wallMs) * 1000, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
          results.set(id, [...(results.get(id) ?? []), figures]);
        }
      }
    }
    const rows: HttpRow[] = [];
    for (const concurrency of options.concurrencies) {
      const floor = results.get(`a@${concurrency}`)!;
      const hand = results.get(`b@${concurrency}`)!;
      for (const variant of all) {
        const rounds = results.get(`${variant.key}@${concurrency}`)!;
        const rps = rounds.map((r) => r.rps);
        const mid = rounds[medianIndex(rps)]!; // the median round by requests/s
        rows.push({
          variant: variant.key,
          name: variant.name,
          concurrency,
          requestsPerSecond: mid.rps,
          p50Ms: mid.p50,
          p99Ms: mid.p99,
          vsFloor: {
            requestsPerSecond: median(rounds.map((r, i) => r.rps / floor[i]!.rps)),
            p50: median(rounds.map((r, i) => r.p50 / floor[i]!.p50)),
            p99: median(rounds.map((r, i) => r.p99 / floor[i]!.p99)),
          },
          rpsVsHandSigned: median(rounds.map((r, i) => r.rps / hand[i]!.rps)),
          roundsRequestsPerSecond: rps,
        });
      }
    }
    return rows;
  } finally {
    server.close();
  }
}
