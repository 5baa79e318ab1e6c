// --dry-run: the request goes through the whole client (path checks, query, body encoding,
// credentials and signature) and reaches the `fetch` the client was given, which records it and
// refuses to send. What it recorded is printed with the secret parts masked.
import { redactValue } from "../console-logger.js";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/** Why the recording fetch stopped the call; the client wraps it in a ConvertNetworkError. */
class DryRunStop extends Error {}

/** A fetch that records each request and sends nothing. */
export function recordingFetch(recorded: RecordedRequest[]): typeof globalThis.fetch {
  return async (input, init) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((init?.headers ?? {}) as Record<string, string>)) headers[name.toLowerCase()] = value;
    recorded.push({
      method: init?.method ?? "GET",
      url: String(input),
      headers,
      body: (init?.body ?? undefined) as RecordedRequest["body"],
    });
    throw new DryRunStop("dry run: not sent");
  };
}

/** Whether a call failed only because the recording fetch stopped it. */
export function stoppedByDryRun(error: unknown): boolean {
  return (error as { cause?: unknown } | null)?.cause instanceof DryRunStop;
}

/** The request as an HTTP message: request line, headers (secrets masked), blank line, body. */
export function describeRequest(request: RecordedRequest): string {
  const { body } = request;
  const headers = { ...request.headers };
  if (body !== undefined) headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
  const lines = [`${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${maskHeader(name, value)}`);
  lines.push("");
  if (body !== undefined) lines.push(bodyText(body, headers["content-type"] ?? ""));
  return `${lines.join("\n")}\n`;
}

const MASK = "****";

/** A header value with its secret part masked; names and schemes stay readable. */
export function maskHeader(name: string, value: string): string {
  switch (name.toLowerCase()) {
    case "authorization":
    case "proxy-authorization": {
      // A signature is valid for this request until it expires: its first 8 characters tell
      // signatures apart, the rest would let anyone replay it.
      const signature = /^(Convert-HMAC-SHA256 Signature=)([0-9a-f]{8})[0-9a-f]*$/.exec(value);
      if (signature) return `${signature[1]}${signature[2]}…${MASK}`;
      const apiKey = /^Bearer ([^:\s]+):.+$/.exec(value); // secret-key auth: "<key id>:<secret>"
      if (apiKey) return `Bearer ${apiKey[1]}:${MASK}`;
      const scheme = /^(\S+) /.exec(value);
      return scheme ? `${scheme[1]} ${MASK}` : MASK;
    }
    case "cookie":
      return value
        .split(";")
        .map((pair) => `${pair.split("=")[0]!.trim()}=${MASK}`)
        .join("; ");
    case "report_token":
    case "report-token":
    case "x-convert-nonce":
      return MASK;
    default:
      return value;
  }
}

function bodyText(body: string | Uint8Array, contentType: string): string {
  if (!contentType.includes("json")) {
    const size = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
    return `(${size} bytes of ${contentType.split(";")[0] || "data"})`;
  }
  const text = typeof body === "string" ? body : new TextDecoder().decode(body);
  try {
    const redacted = JSON.stringify(redactValue(JSON.parse(text)));
    // The exact bytes, unless a field held a credential.
    return redacted === JSON.stringify(JSON.parse(text)) ? text : redacted;
  } catch {
    return text;
  }
}
