import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type CdnImage = Schema<"CdnImage">;

const convert = prismClient();

/** A few bytes starting with the PNG signature: enough for a multipart upload to Prism. */
const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], { type: "image/png" });

describe("Cdn Images", () => {
  it("getCdnImagesList lists images from start_from on", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/images", {
      params: { path: ids },
      body: { start_from: "100012/10034/banner.png", max_results: 20 },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<CdnImage[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(data?.data?.[0]?.cdn_url).toMatch(/^https:\/\//);
    expect(typeof data?.data?.[0]?.key).toBe("string");
  });

  it("uploadCdnImage sends a PNG Blob as multipart and answers 201", async () => {
    let contentType: string | null = null;
    const client = prismClient();
    client.use({
      onRequest({ request }) {
        contentType = request.headers.get("content-type");
      },
    });
    const { data, response } = await client.POST("/accounts/{account_id}/projects/{project_id}/images/add", {
      params: { path: ids },
      body: { image_name: "banner.png", image: png() },
    });
    expect(response.status).toBe(201);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expectTypeOf(data).toEqualTypeOf<CdnImage | undefined>();
    expect(data?.cdn_url).toMatch(/^https:\/\//);
    expect(typeof data?.key).toBe("string");
  });

  it("deleteCdnImage sends the image key as one path segment", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/images/{image_key}/delete", {
      params: { path: { ...ids, image_key: "100012/10034/banner.png" } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toMatch(/\/images\/100012%2F10034%2Fbanner\.png\/delete$/);
    expect(typeof data?.message).toBe("string");
  });

  it("422 when the upload has no image_name", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/images/add", {
      params: { path: ids },
      // @ts-expect-error image_name is required
      body: { image: png() },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("image_name");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Cdn Images: getCdnImagesList", async () => expect(Array.isArray((await methods.getCdnImagesList()).data)).toBe(true));
});
