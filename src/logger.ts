/** Facts about one attempt of a request, as the client sees it. Never holds credentials or bodies. */
export interface ConvertLogFields {
  /** operationId from the spec; undefined for raw calls to paths the spec does not know. */
  operationId: string | undefined;
  method: string;
  /** Full URL with its query string (the API never puts credentials in URLs). */
  url: string;
  /** 0 for the first attempt, 1 for the first retry... */
  attempt: number;
}

export type ConvertLogEvent =
  | ({ type: "request" } & ConvertLogFields)
  | ({ type: "response"; status: number; durationMs: number } & ConvertLogFields)
  | ({ type: "retry"; delayMs: number; reason: string } & ConvertLogFields)
  | ({ type: "error"; error: string; durationMs: number } & ConvertLogFields);

/** Receives every request, response, retry and transport error. Keep it fast: it runs inline. */
export type ConvertLogger = (event: ConvertLogEvent) => void;

/**
 * The logger as the client calls it: an exception it throws never changes the outcome of a call.
 * The first one is reported once as a process warning; later ones are ignored.
 */
export function guardLogger(logger: ConvertLogger | undefined): ConvertLogger | undefined {
  if (!logger) return undefined;
  let reported = false;
  return (event) => {
    try {
      logger(event);
    } catch (error) {
      if (reported) return;
      reported = true;
      const reason = error instanceof Error ? error.message : String(error);
      globalThis.process?.emitWarning?.(
        `convert-api-client: the logger threw and was ignored: ${reason.slice(0, 200)}`,
        "ConvertLoggerWarning",
      );
    }
  };
}
