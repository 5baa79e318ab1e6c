// The default exchange on Node: node:http / node:https (see http/node.ts). The web build uses
// exchange.web.ts (fetch) instead, chosen by the package's export conditions.
import type { Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { NODE_DEFAULT_HEADERS, nodeExchange } from "../http/node.js";
import type { Exchange } from "../http/request.js";

export interface DefaultExchange {
  exchange: Exchange;
  /** Headers this exchange needs sent that fetch would have added by itself. */
  headers: Readonly<Record<string, string>>;
}

export function defaultExchange(agent: { http?: HttpAgent | undefined; https?: HttpsAgent | undefined } | undefined): DefaultExchange {
  return { exchange: nodeExchange(agent), headers: NODE_DEFAULT_HEADERS };
}
