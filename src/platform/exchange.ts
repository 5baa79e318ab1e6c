// The default exchange on Node: node:http / node:https (see http/node.ts). The web build uses
// exchange.web.ts (fetch) instead, chosen by the package's export conditions.
import type { Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { ConvertConfigError } from "../errors.js";
import { NODE_DEFAULT_HEADERS, nodeExchange } from "../http/node.js";
import type { Exchange } from "../http/request.js";
import { undiciExchange } from "../http/undici.js";

export interface DefaultExchange {
  exchange: Exchange;
  /** Headers this exchange needs sent that fetch would have added by itself. */
  headers: Readonly<Record<string, string>>;
}

export interface ExchangeOptions {
  agent?: { http?: HttpAgent | undefined; https?: HttpsAgent | undefined } | undefined;
  transport?: "node" | "undici" | undefined;
  proxy?: "env" | undefined;
}

export function defaultExchange({ agent, transport, proxy }: ExchangeOptions): DefaultExchange {
  if (transport === "undici" || proxy === "env") {
    if (agent !== undefined)
      throw new ConvertConfigError('options.agent is for node:http: with transport "undici" or proxy "env", leave it out');
    return { exchange: undiciExchange({ proxy }), headers: NODE_DEFAULT_HEADERS };
  }
  return { exchange: nodeExchange(agent), headers: NODE_DEFAULT_HEADERS };
}
