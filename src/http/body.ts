/**
 * What a request body becomes: FormData as is, an object holding a Blob/File (multipart uploads
 * such as CDN images or project imports) as FormData, anything else as compact JSON text.
 * `JSON.stringify` output is what the API's signature recipe expects: no spaces, `/` and
 * non-ASCII characters unescaped.
 */
export function bodyInit(body: unknown): string | FormData {
  if (body instanceof FormData) return body;
  if (isPlainObject(body) && Object.values(body).some((value) => value instanceof Blob)) {
    const form = new FormData();
    for (const [key, value] of Object.entries(body)) {
      if (value === undefined || value === null) continue;
      if (value instanceof Blob) form.append(key, value, value instanceof File ? value.name : key);
      else form.append(key, typeof value === "object" ? JSON.stringify(value) : String(value));
    }
    return form;
  }
  return JSON.stringify(body);
}

/** The exact bytes to sign and send for a body, and their Content-Type. */
export async function encodeBody(body: unknown): Promise<{ body: string | Uint8Array; contentType: string }> {
  const init = bodyInit(body);
  if (typeof init === "string") return { body: init, contentType: "application/json" };
  // Multipart: encoded the way fetch would, boundary and all (Response is only loaded here).
  const encoded = new Response(init);
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
