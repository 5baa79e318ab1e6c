// Section "cpu": client CPU per signed request (process.cpuUsage of this process; the server is
// another process), for hand-written floors and the client's ways of calling, side by side.
import { createHmac } from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import { ACCOUNT_ID, type Client, drive, KEY, LIST_BODY, median, PROJECT_ID, quantile, type Run } from "./lib.js";

/** One way of making the workload's requests; `send(i)` makes request i of a run. */
export interface Variant {
  key: string;
  name: string;
  send(i: number): Promise<unknown>;
}

/**
 * The workload, the same for every variant: even requests are getProject
 * (`GET {base}/accounts/100012/projects/10034?include[]=domains`), odd ones getProjectsList
 * (`POST {base}/accounts/100012/projects` with `{"page":1,"results_per_page":10}`). Each is
 * signed afresh (HMAC-SHA256 over `applicationId\nexpires\nurl\nbody`), its status checked and
 * its JSON answer parsed.
 */
export async function variants(baseUrl: string, client: Client, other?: { label: string; client: Client }): Promise<Variant[]> {
  const getUrl = `${baseUrl}/accounts/${ACCOUNT_ID}/projects/${PROJECT_ID}?include[]=domains`;
  const postUrl = `${baseUrl}/accounts/${ACCOUNT_ID}/projects`;
  const { applicationId, secretKey } = KEY;
  const signed = (url: string, body: string): Record<string, string> => {
    const expires = Math.floor(Date.now() / 1000) + 60;
    const signature = createHmac("sha256", secretKey).update(`${applicationId}\n${expires}\n${url}\n${body}`).digest("hex");
    return {
      "Convert-Application-ID": applicationId,
      Expires: String(expires),
      Authorization: `Convert-HMAC-SHA256 Signature=${signature}`,
    };
  };
  const jsonHeaders = (body: string) => ({ ...signed(postUrl, body), "Content-Type": "application/json" });

  // (a) What a user writes over node:http (Node's global keep-alive agent, as the client uses).
  const nodeHttp = (url: string, method: string, headers: Record<string, string>, body?: string) =>
    new Promise((resolve, reject) => {
      const outgoing = http.request(url, { method, headers }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          if (incoming.statusCode !== 200) return reject(new Error(`HTTP ${incoming.statusCode}`));
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        });
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  const handNode: Variant = {
    key: "a",
    name: "hand-written: node:http + HMAC",
    send(i) {
      if (i % 2 === 0) return nodeHttp(getUrl, "GET", signed(getUrl, ""));
      const body = JSON.stringify(LIST_BODY);
      return nodeHttp(postUrl, "POST", jsonHeaders(body), body);
    },
  };

  // (b) The same over undici's request API. Loaded only now, after Node's own fetch has made its
  // global dispatcher: undici installs its Agent as the global one when none exists, and Node's
  // fetch (variant e) would then run over undici 7's pool. Its own Agent is what a process that
  // never touched fetch gets from `request(url)`.
  await fetch(getUrl).then((r) => r.arrayBuffer());
  const undici = await import("undici");
  const dispatcher = new undici.Agent();
  const undiciRequest = async (url: string, method: "GET" | "POST", headers: Record<string, string>, body?: string) => {
    const answer = await undici.request(url, { method, headers, body: body ?? null, dispatcher });
    if (answer.statusCode !== 200) {
      await answer.body.dump();
      throw new Error(`HTTP ${answer.statusCode}`);
    }
    return answer.body.json();
  };
  const handUndici: Variant = {
    key: "b",
    name: `hand-written: undici ${UNDICI_VERSION} request + HMAC`,
    send(i) {
      if (i % 2 === 0) return undiciRequest(getUrl, "GET", signed(getUrl, ""));
      const body = JSON.stringify(LIST_BODY);
      return undiciRequest(postUrl, "POST", jsonHeaders(body), body);
    },
  };

  const clientVariants = (c: Client, suffix: string, keySuffix: string): Variant[] => {
    const options = { baseUrl, auth: { type: "requestSigning", ...KEY }, accountId: ACCOUNT_ID, projectId: PROJECT_ID } as const;
    const convert = c.index.createConvertClient(options);
    const methods = (client: typeof convert) => (i: number) =>
      i % 2 === 0 ? client.getProject({ query: { include: ["domains"] } }) : client.getProjectsList({ body: LIST_BODY });
    const raw = async (i: number) => {
      const { data, error, response } =
        i % 2 === 0
          ? await convert.GET("/accounts/{account_id}/projects/{project_id}", {
              params: { path: { account_id: ACCOUNT_ID, project_id: PROJECT_ID }, query: { include: ["domains"] } },
            })
          : await convert.POST("/accounts/{account_id}/projects", { params: { path: { account_id: ACCOUNT_ID } }, body: LIST_BODY });
      if (error !== undefined || !response.ok) throw new Error(`HTTP ${response.status}`);
      return data;
    };
    const overFetch = c.index.createConvertClient({ ...options, fetch: globalThis.fetch });
    const overUndici = c.index.createConvertClient({ ...options, transport: "undici" });
    return [
      { key: `c${keySuffix}`, name: `convert.getProject()/getProjectsList()${suffix}`, send: methods(convert) },
      { key: `d${keySuffix}`, name: `convert.GET/POST (raw openapi-fetch)${suffix}`, send: raw },
      { key: `e${keySuffix}`, name: `operation methods, fetch: globalThis.fetch${suffix}`, send: methods(overFetch) },
      { key: `f${keySuffix}`, name: `operation methods, transport: "undici"${suffix}`, send: methods(overUndici) },
    ];
  };

  const all = [handNode, handUndici, ...clientVariants(client, "", "")];
  // BENCH_SRC: another version's (c) and (d) in the same rounds.
  if (other) all.push(...clientVariants(other.client, ` [${other.label}]`, "'").filter((v) => v.key !== "e'" && v.key !== "f'"));
  return all;
}

/** undici's version, from its package.json (the module exports none). */
export const UNDICI_VERSION: string = createRequire(import.meta.url)("undici/package.json").version;

export interface CpuRow {
  answer: string;
  concurrency: number;
  key: string;
  name: string;
  /** Median over rounds of client CPU µs per request. */
  cpuUsPerRequest: number;
  /** Median over rounds of this variant's CPU per request ÷ the floor's in the same round. */
  vsFloor: number;
  /** Quartiles of the same per-round ratios: how much the rounds disagree. */
  vsFloorQuartiles: [number, number];
  /** The floor: the hand-written variant, (a) or (b), with the lower median CPU per request. */
  floor: string;
  requestsPerSecond: number;
  rounds: { cpuUsPerRequest: number; requestsPerSecond: number }[];
}

export interface CpuSettings {
  answer: string;
  /** Path prefix on the server that picks the answer. */
  route: string;
  perRound: number;
  rounds: number;
  warmup: number;
  concurrencies: number[];
}

/**
 * Every variant at each concurrency, `rounds` times, the order of the variants rotated from
 * one round to the next. No forced GC between runs: after one, the next 256 requests measured
 * twice the CPU per request (about 330 µs against 110-150 µs for the node:http floor, in a
 * process of its own), a cost of the bench, not of the variant. Garbage left by one run is
 * collected during the next; the rotation spreads that over every variant.
 */
export async function benchCpu(origin: string, client: Client, other: { label: string; client: Client } | undefined, s: CpuSettings) {
  const all = await variants(`${origin}/${s.route}/api/v2`, client, other);
  for (const v of all) for (const c of s.concurrencies) await drive(v.send, s.warmup, c);
  const runs = new Map<string, Run[]>(); // `${key}@${concurrency}`, one per round
  for (let round = 0; round < s.rounds; round++) {
    for (const concurrency of s.concurrencies) {
      for (let i = 0; i < all.length; i++) {
        const v = all[(i + round) % all.length]!;
        const run = await drive(v.send, s.perRound, concurrency);
        const id = `${v.key}@${concurrency}`;
        runs.set(id, [...(runs.get(id) ?? []), run]);
      }
    }
  }
  const rows: CpuRow[] = [];
  for (const concurrency of s.concurrencies) {
    const perRequest = (key: string) => runs.get(`${key}@${concurrency}`)!.map((r) => r.cpuUs / s.perRound);
    // The floor is the hand-written variant with the lower median at this concurrency, compared
    // round by round. Not the faster of the two in each round: the smaller of two noisy figures is
    // below both medians, which would overstate every ratio.
    const a = perRequest("a");
    const b = perRequest("b");
    const floorKey = median(a) <= median(b) ? "a" : "b";
    const floor = floorKey === "a" ? a : b;
    for (const v of all) {
      const cpu = perRequest(v.key);
      const rps = runs.get(`${v.key}@${concurrency}`)!.map((r) => (s.perRound / r.wallMs) * 1000);
      const ratios = cpu.map((x, i) => x / floor[i]!);
      rows.push({
        answer: s.answer,
        concurrency,
        key: v.key,
        name: v.name,
        cpuUsPerRequest: median(cpu),
        vsFloor: median(ratios),
        vsFloorQuartiles: [quantile(ratios, 0.25), quantile(ratios, 0.75)],
        floor: floorKey,
        requestsPerSecond: median(rps),
        rounds: cpu.map((x, i) => ({ cpuUsPerRequest: x, requestsPerSecond: rps[i]! })),
      });
    }
  }
  return rows;
}
