// The default exchange where node:http does not exist (workers, browsers) or is not the fastest
// (Deno, Bun): the runtime's own fetch.
import { ConvertConfigError } from "../errors.js";
import { fetchExchange } from "../http/fetch.js";
import type { DefaultExchange, ExchangeOptions } from "./exchange.js";

export function defaultExchange({ agent, transport, proxy }: ExchangeOptions): DefaultExchange {
  if (agent !== undefined || transport !== undefined || proxy !== undefined) {
    throw new ConvertConfigError("options.agent, transport and proxy are for Node; on this runtime pass options.fetch instead");
  }
  if (typeof globalThis.fetch !== "function") throw new ConvertConfigError("this runtime has no fetch: pass options.fetch");
  return { exchange: fetchExchange((input, init) => globalThis.fetch(input, init)), headers: {} };
}
