/** Facts about one attempt of a request, as the client sees it. Never holds credentials or bodies. */
interface LogFields {
  /** operationId from the spec; undefined for raw calls to paths the spec does not know. */
  operationId: string | undefined;
  method: string;
  /** Full URL with its query string (the API never puts credentials in URLs). */
  url: string;
  /** 0 for the first attempt, 1 for the first retry... */
  attempt: number;
}

export type ConvertLogEvent =
  | ({ type: "request" } & LogFields)
  | ({ type: "response"; status: number; durationMs: number } & LogFields)
  | ({ type: "retry"; delayMs: number; reason: string } & LogFields)
  | ({ type: "error"; error: string; durationMs: number } & LogFields);

/** Receives every request, response, retry and transport error. Keep it fast: it runs inline. */
export type ConvertLogger = (event: ConvertLogEvent) => void;
