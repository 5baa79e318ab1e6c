// The exchange over undici's `request` (opt in with `transport: "undici"`, or `proxy: "env"`):
// cheaper than node:http when many requests run at once, and able to go through an HTTP proxy
// named by HTTPS_PROXY / HTTP_PROXY / NO_PROXY. undici is an optional peer dependency, loaded with
// the first request (it costs about ten times the rest of the client to load).
import { EventEmitter } from "node:events";
import type { Agent, EnvHttpProxyAgent } from "undici";
import { ConvertConfigError } from "../errors.js";
import { readBody } from "./read-body.js";
import type { Answer, Exchange } from "./request.js";

type Undici = typeof import("undici");
let undiciModule: Promise<Undici> | undefined;
let undiciLoaded: Undici | undefined;

export function undiciExchange(options: { proxy: "env" | undefined }): Exchange {
  let dispatcher: Agent | EnvHttpProxyAgent | undefined;
  const load = () =>
    (undiciModule ??= import("undici").then(
      (module) => (undiciLoaded = (module as Undici & { default?: Undici }).default ?? module),
      () => {
        undiciModule = undefined;
        throw new ConvertConfigError('transport "undici" and proxy "env" need the undici package: npm install undici');
      },
    ));

  return async ({ method, url, headers, body, cancellation, maxResponseBytes }): Promise<Answer> => {
    const undici = undiciLoaded ?? (await load());
    // Its own pool (not the global dispatcher, which Node's fetch also uses), made once.
    dispatcher ??= options.proxy === "env" ? new undici.EnvHttpProxyAgent() : new undici.Agent();
    if (cancellation.cancelled) throw cancellation.reason;
    // undici takes an EventEmitter as the signal too: cheaper per request than an AbortController.
    const abort = new EventEmitter();
    cancellation.onCancel(() => abort.emit("abort"));
    try {
      // No redirect is followed (undici 7 follows none unless told): a 3xx comes back as is.
      const answer = await undici.request(url, {
        method: method as "GET",
        headers,
        body: body ?? null,
        dispatcher,
        signal: abort,
      });
      try {
        let bytes: Uint8Array;
        if (answer.headers["content-encoding"] === undefined && withinLimit(answer.headers["content-length"], maxResponseBytes)) {
          // Plain, and of an announced size within the limit: undici reads it, holding the
          // connection to that size (the signal above also ends the reading).
          bytes = await answer.body.bytes();
        } else {
          const reading = readBody(answer.body, answer.headers, maxResponseBytes);
          cancellation.onCancel(() => {
            reading.stop();
            abort.emit("abort");
          });
          bytes = await reading.bytes;
        }
        return { status: answer.statusCode, statusText: "", headers: answer.headers, url, bytes };
      } catch (error) {
        answer.body.destroy(); // closes the connection: nothing more is read
        throw error;
      }
    } finally {
      cancellation.onCancel(undefined);
    }
  };
}

function withinLimit(contentLength: string | string[] | undefined, maxResponseBytes: number): boolean {
  const length = typeof contentLength === "string" ? Number(contentLength) : Number.NaN;
  return Number.isSafeInteger(length) && length <= maxResponseBytes;
}
