// Uploads from every kind of input an app holds, sent as multipart and signed over the exact bytes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "../../scripts/verify-signature.js";
import { createConvertClient, fileFromPath, toFile } from "../../src/index.js";
import { TEST_KEY } from "../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 7]);
let server: RecordingServer;
const dir = mkdtempSync(join(tmpdir(), "convert-uploads-"));
beforeAll(async () => {
  server = await startRecordingServer((_request, response) => {
    response.writeHead(201, { "content-type": "application/json" }).end('{"key":"k","url":"https://cdn.example.com/k"}');
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  server.requests.length = 0;
});

const convert = () =>
  createConvertClient({ baseUrl: server.origin, auth: { type: "requestSigning", ...TEST_KEY }, accountId: 1, projectId: 2 });

/** The form the server received, parsed by fetch's own multipart reader. */
async function received() {
  const request = server.requests.at(-1)!;
  expect(verifySignature(request, { [TEST_KEY.applicationId]: TEST_KEY.secretKey })).toBeNull();
  const form = await new Response(request.body, { headers: { "content-type": String(request.headers["content-type"]) } }).formData();
  const image = form.get("image") as File;
  return { name: image.name, type: image.type, bytes: new Uint8Array(await image.arrayBuffer()), imageName: form.get("image_name") };
}

describe("uploadCdnImage takes", () => {
  it("a File, keeping its name and type", async () => {
    await convert().uploadCdnImage({ body: { image: new File([PNG], "logo.png", { type: "image/png" }), image_name: "logo" } });
    expect(await received()).toEqual({ name: "logo.png", type: "image/png", bytes: PNG, imageName: "logo" });
  });

  it("bytes (a Uint8Array or a Buffer)", async () => {
    for (const image of [PNG, Buffer.from(PNG)]) {
      await convert().uploadCdnImage({ body: { image, image_name: "logo" } });
      expect((await received()).bytes).toEqual(PNG);
    }
  });

  it("a Node stream, a web stream or an async iterable through toFile", async () => {
    const halves = [PNG.subarray(0, 5), PNG.subarray(5)];
    const sources = [
      Readable.from(halves),
      new Blob(halves).stream(),
      (async function* () {
        yield* halves;
      })(),
    ];
    for (const source of sources) {
      await convert().uploadCdnImage({ body: { image: await toFile(source, "logo.png", { type: "image/png" }), image_name: "logo" } });
      expect(await received()).toMatchObject({ name: "logo.png", type: "image/png", bytes: PNG });
    }
  });

  it("a path through fileFromPath", async () => {
    const path = join(dir, "banner.png");
    writeFileSync(path, PNG);
    await convert().uploadCdnImage({ body: { image: await fileFromPath(path, { type: "image/png" }), image_name: "banner" } });
    expect(await received()).toEqual({ name: "banner.png", type: "image/png", bytes: PNG, imageName: "banner" });
  });
});

describe("toFile", () => {
  it("refuses what it cannot read and a missing name", async () => {
    await expect(toFile(42 as never, "x")).rejects.toThrow("toFile: source must be");
    await expect(toFile(PNG, "")).rejects.toThrow("toFile: name is missing");
  });
});
