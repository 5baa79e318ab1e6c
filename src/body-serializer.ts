/**
 * Serializes request bodies: FormData as is, objects that hold a Blob/File (multipart uploads
 * such as CDN images or project imports) as FormData, everything else as compact JSON.
 * `JSON.stringify` output is what the API's signature recipe expects: no spaces, `/` and
 * non-ASCII characters unescaped.
 */
export function serializeBody(body: unknown): string | FormData {
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
