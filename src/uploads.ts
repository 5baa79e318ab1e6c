// Turning what an app holds into a file part for an upload (CDN images, project imports, file
// and CSV uploads): the operation methods take a Blob/File or bytes; these helpers make a File from
// a stream or a path. The whole file is read first: the signature covers the exact bytes sent.
import { ConvertConfigError } from "./errors.js";
import { readPath } from "./platform/files.js";

/** What `toFile` reads: bytes, a Blob, a web ReadableStream, or any async iterable of chunks (a Node stream). */
export type FileSource = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

/** A File named `name` (with `type` as its content type) holding everything `source` yields. */
export async function toFile(source: FileSource, name: string, options: { type?: string | undefined } = {}): Promise<File> {
  if (typeof name !== "string" || name === "") throw new ConvertConfigError("toFile: name is missing (the file name the API stores)");
  const type = options.type ?? (source instanceof Blob ? source.type : "");
  if (source instanceof ArrayBuffer) return new File([new Uint8Array(source)], name, { type });
  if (source instanceof Uint8Array || source instanceof Blob) return new File([source], name, { type });
  const chunks: (Uint8Array | Blob)[] = [];
  const iterable = isReadableStream(source) ? iterate(source) : source;
  if (!iterable || typeof (iterable as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") {
    throw new ConvertConfigError("toFile: source must be bytes, a Blob, a ReadableStream or an async iterable of chunks");
  }
  for await (const chunk of iterable) chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  return new File(chunks, name, { type });
}

/** A File from a path on disk (Node), named after the file unless `name` says otherwise. */
export async function fileFromPath(path: string, options: { name?: string | undefined; type?: string | undefined } = {}): Promise<File> {
  const { bytes, name } = await readPath(path);
  return toFile(bytes, options.name ?? name, { type: options.type });
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof (value as ReadableStream | undefined)?.getReader === "function";
}

async function* iterate(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
  } finally {
    reader.releaseLock();
  }
}
