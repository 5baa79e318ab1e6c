import { createServer, request as forward, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "./verify-signature.js";

export interface VerifyingProxy {
  url: string;
  /** Each request that passed through: its method and path, and null or why its signature failed. */
  verdicts: { method: string; target: string; problem: string | null }[];
  close(): Promise<void>;
}

/** An answer of the proxy's own for a signed request, instead of the upstream's; undefined forwards it. */
export type CannedAnswer = (method: string, target: string) => { status: number; body: unknown } | undefined;

/**
 * A proxy on 127.0.0.1 that checks every request's Convert signature the way the API does (with
 * scripts/verify-signature.ts, written apart from src/), answers 401 to a bad one, and forwards
 * good ones to `upstream` (the Prism mock, which only checks that the headers are present), or
 * answers them itself where `canned` says so (a mock answers every project alike).
 */
export async function startVerifyingProxy(
  upstream: string,
  secrets: Record<string, string>,
  canned: CannedAnswer = () => undefined,
): Promise<VerifyingProxy> {
  const verdicts: VerifyingProxy["verdicts"] = [];
  const target = new URL(upstream);
  const server: Server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const arrived = { target: incoming.url ?? "/", headers: incoming.headers, body };
    const problem = verifySignature(arrived, secrets);
    verdicts.push({ method: incoming.method ?? "", target: arrived.target, problem });
    if (problem)
      return void outgoing
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ code: 401, message: `signature rejected: ${problem}` }));
    const own = canned(incoming.method ?? "", arrived.target);
    if (own) return void outgoing.writeHead(own.status, { "content-type": "application/json" }).end(JSON.stringify(own.body));
    const headers = { ...incoming.headers, host: target.host };
    const upstreamRequest = forward(
      { host: target.hostname, port: target.port, method: incoming.method, path: arrived.target, headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstreamRequest.on("error", (error) => outgoing.writeHead(502).end(String(error)));
    upstreamRequest.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    verdicts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
