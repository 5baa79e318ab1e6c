import { ConvertConfigError } from "../errors.js";

export async function readPath(_path: string): Promise<{ bytes: Uint8Array; name: string }> {
  throw new ConvertConfigError("fileFromPath needs a file system (Node): use toFile with a Blob, bytes or a stream");
}
