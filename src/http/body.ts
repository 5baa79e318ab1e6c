/**
 * What a request body becomes: FormData as is; an object sent as multipart (the operation says
 * so, or a field holds a Blob/File or bytes: CDN images, project imports, file uploads) as
 * FormData, each Blob or byte field a file part; anything else as compact JSON text.
 * `JSON.stringify` output is what the API's signature recipe expects: no spaces, `/` and
 * non-ASCII characters unescaped.
 */
export function bodyInit(body: unknown, multipart = false): string | FormData {
  if (body instanceof FormData) return body;
  if (isPlainObject(body) && (multipart || Object.values(body).some(isFileLike))) {
    const form = new FormData();
    for (const [key, value] of Object.entries(body)) {
      if (value === undefined || value === null) continue;
      if (value instanceof Blob) form.append(key, value, value instanceof File ? value.name : key);
      else if (value instanceof Uint8Array) form.append(key, new Blob([value]), key);
      else form.append(key, typeof value === "object" ? JSON.stringify(value) : String(value));
    }
    return form;
  }
  return JSON.stringify(body);
}

/** The exact bytes to sign and send for a body, and their Content-Type. */
export async function encodeBody(body: unknown, multipart = false): Promise<{ body: string | Uint8Array; contentType: string }> {
  const init = bodyInit(body, multipart);
  if (typeof init === "string") return { body: init, contentType: "application/json" };
  // Multipart: encoded the way fetch would, boundary and all (Response is only loaded here).
  const encoded = new Response(init);
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

function isFileLike(value: unknown): boolean {
  return value instanceof Blob || value instanceof Uint8Array;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
