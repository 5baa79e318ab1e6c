// Where (c)'s time goes: builds up from (b) to the client step by step, in one process.
//   npx tsx --expose-gc bench/floor.ts [--concurrency=32] [--rounds=7] [--per-round=2000]
// Steps 1-4 are openapi-fetch with this client's serializers and Request class and a hand-written
// `fetch` that does a little more at each step; they use src/ through tsx.
import createClient from "openapi-fetch";
import type { paths } from "../generated/openapi-types.js";
import { signRequest } from "../src/auth/request-signing.js";
import { serializeBody } from "../src/body-serializer.js";
import { serializeQuery } from "../src/query-serializer.js";
import { ClientRequest } from "../src/transport.js";
import { compareSideBySide, KEY, startServer, variants } from "./http.js";
import { loadClient } from "./load.js";
import { runMain } from "./stats.js";

type Fetch = (request: Request) => Promise<Response>;

/** The JSON text a ClientRequest was built from (what the transport sends). */
const sentBody = Object.getOwnPropertySymbols(new ClientRequest("http://x/")).find((s) => s.description === "sentBody")!;
const textOf = (request: Request) => (request as unknown as Record<symbol, string | undefined>)[sentBody];
const signed = (request: Request, body: string | undefined) => {
  const headers = new Headers(request.headers);
  const expires = Math.floor(Date.now() / 1000) + 60;
  const { applicationId, secretKey } = KEY;
  for (const [name, value] of Object.entries(signRequest({ applicationId, secretKey, expires, url: request.url, body }))) headers.set(name, value);
  return headers;
};
const withDeadline = async (send: (signal: AbortSignal) => Promise<Response>) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    return await send(controller.signal);
  } finally {
    clearTimeout(timer);
  }
};

const STEPS: [string, Fetch][] = [
  ["1 openapi-fetch, fetch forwards the Request", (r) => fetch(r.url, { method: r.method, headers: r.headers, body: textOf(r) })],
  ["2 + signing", (r) => fetch(r.url, { method: r.method, headers: signed(r, textOf(r)), body: textOf(r) })],
  ["3 + deadline", (r) => withDeadline((signal) => fetch(r.url, { method: r.method, headers: signed(r, textOf(r)), body: textOf(r), signal }))],
  [
    "4 + answer read first, new Response(bytes)",
    (r) =>
      withDeadline(async (signal) => {
        const response = await fetch(r.url, { method: r.method, headers: signed(r, textOf(r)), body: textOf(r), signal });
        const bytes = await response.arrayBuffer();
        return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      }),
  ],
];

async function main() {
  const args = process.argv.slice(2);
  const server = await startServer();
  const all = variants(server.baseUrl, (await loadClient()).index);
  const step = (fetch: Fetch) => {
    const client = createClient<paths>({ baseUrl: server.baseUrl, querySerializer: serializeQuery, bodySerializer: serializeBody, Request: ClientRequest, fetch });
    client.use({ onRequest: () => undefined }); // the client has one middleware too
    return async (i: number) => {
      const { data, error } =
        i % 2 === 0
          ? await client.GET("/accounts/{account_id}/projects/{project_id}", {
              params: { path: { account_id: 100012, project_id: 10034 }, query: { include: ["domains"] } },
            })
          : await client.POST("/accounts/{account_id}/projects", { params: { path: { account_id: 100012 } }, body: { page: 1, results_per_page: 10 } });
      if (error !== undefined) throw new Error("request failed");
      return data;
    };
  };
  const runs: [string, (i: number) => Promise<unknown>][] = [
    ["(b) raw fetch + hand-written HMAC", all[1]!.send],
    ...STEPS.map(([name, fetch]) => [name, step(fetch)] as [string, (i: number) => Promise<unknown>]),
    ["(c) convert.GET/POST", all[2]!.send],
  ];
  await compareSideBySide(runs, args);
  server.close();
}

runMain(main);
