// Reading a file from a path, on Node (fileFromPath). The web build has no file system.
export async function readPath(path: string): Promise<{ bytes: Uint8Array; name: string }> {
  const [{ readFile }, { basename }] = await Promise.all([import("node:fs/promises"), import("node:path")]);
  return { bytes: await readFile(path), name: basename(path) };
}
