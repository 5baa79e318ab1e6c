import { apiErrorClass, ConvertResponseError, type RequestInfo } from "../errors.js";
import type { Answer } from "./request.js";
import { parseRetryAfter } from "./retry.js";

const utf8 = new TextDecoder();

/**
 * A 2xx answer's body by its Content-Type: JSON (also when no type is given) parsed; an empty
 * body, however it was framed, is undefined. JSON that does not parse, or another type where
 * JSON was expected (an HTML page from a proxy), is a ConvertResponseError, never a bare
 * SyntaxError; where JSON is not expected, text comes back as a string and anything else as bytes.
 */
export function readBody(answer: Answer, info: RequestInfo, expectJson = true): unknown {
  const { bytes } = answer;
  if (bytes.byteLength === 0) return undefined;
  const type = contentType(answer);
  if (type !== "" && !isJson(type)) {
    if (expectJson)
      throw new ConvertResponseError(
        `a ${type} body where JSON was expected (${bytes.byteLength} bytes)`,
        answer.status,
        info,
        utf8.decode(bytes.subarray(0, 400)),
      );
    return type.startsWith("text/") ? utf8.decode(bytes) : bytes;
  }
  const text = utf8.decode(bytes);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ConvertResponseError(`a body that is not valid JSON (${bytes.byteLength} bytes)`, answer.status, info, text);
  }
}

/** An error answer's body: parsed JSON when it is JSON, else its text (never throws). */
export function readErrorBody(answer: Answer): unknown {
  const text = utf8.decode(answer.bytes);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The call's result: the body of a 2xx answer (a Blob of its content type when the operation
 * answers bytes), or the ConvertApiError subclass for its status.
 */
export function resultOf(answer: Answer, info: RequestInfo, hint?: (status: number) => string | undefined, binary = false): unknown {
  if (answer.status >= 200 && answer.status <= 299) {
    if (!binary) return readBody(answer, info);
    const type = answer.headers["content-type"];
    return new Blob([answer.bytes], typeof type === "string" ? { type } : {});
  }
  const body = readErrorBody(answer);
  const ErrorClass = apiErrorClass(answer.status, body);
  const retryAfter = answer.headers["retry-after"];
  const retryAfterMs = parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, Date.now());
  throw new ErrorClass(answer.status, body, { ...info, url: answer.url }, answer.headers, { hint: hint?.(answer.status), retryAfterMs });
}

function contentType(answer: Answer): string {
  const value = answer.headers["content-type"];
  return (typeof value === "string" ? value : "").split(";")[0]!.trim().toLowerCase();
}

function isJson(type: string): boolean {
  return type.endsWith("/json") || type.endsWith("+json"); // also the download/json some exports are labelled with
}
