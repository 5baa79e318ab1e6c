import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultedExperience, defaultsClient } from "../support/contract.js";

type Experience = Schema<"Experience">;

const convert = prismClient();
const experience = { ...ids, experience_id: 100200 };
const variation = { ...experience, variation_id: 100301 };

describe("Experience Variations", () => {
  it("updateExperienceVariation answers with the variation", async () => {
    const { data, response } = await convert.PUT(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/variations/{variation_id}/update",
      {
        params: { path: variation },
        body: {
          name: "Short headline",
          description: null,
          status: "stopped",
          traffic_distribution: 33.33,
          changes: [{ id: 100400 }, { type: "defaultCode", data: { css: "h1 { color: #111; }", js: null, custom_js: null } }],
        },
      },
    );
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<Schema<"ExpandedExperienceVariationData"> | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.name).toBe("string");
    expect(Array.isArray(data?.changes)).toBe(true);
  });

  it("deleteExperienceVariation answers a success message", async () => {
    const { data, response } = await convert.DELETE(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/variations/{variation_id}/delete",
      { params: { path: variation } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("getExperienceVariationScreenshot returns a base64 image", async () => {
    const { data, response } = await convert.GET(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/variations/{variation_id}/screenshot",
      { params: { path: variation, query: { size: "thumb" } } },
    );
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?size=thumb");
    expect(data?.data).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it("uploadExperienceVariationScreenshot sends the image as multipart", async () => {
    const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="), (c) =>
      c.charCodeAt(0),
    );
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/variations/{variation_id}/screenshot",
      { params: { path: variation }, body: { image: new Blob([png], { type: "image/png" }) } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.data).toBe("string");
  });

  it("convertExperienceVariation answers with the new experience", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/variations/{variation_id}/convert",
      { params: { path: variation }, body: { experience_type: "deploy" } },
    );
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<Experience | undefined>();
    expect(typeof data?.id).toBe("number");
  });

  it("types reject a missing path parameter", async () => {
    await expect(
      convert.DELETE("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/variations/{variation_id}/delete", {
        // @ts-expect-error variation_id is missing
        params: { path: experience },
      }),
    ).rejects.toThrowError(ConvertConfigError);
  });
});

describe("experience requests Prism rejects", () => {
  it("422 for a variation status outside the enum", async () => {
    const { error, response } = await convert.PUT(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/variations/{variation_id}/update",
      {
        params: { path: variation },
        // @ts-expect-error variations are "running" or "stopped", not "paused"
        body: { status: "paused" },
      },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("status");
  });

  it("422 when converting a variation into an unsupported type", async () => {
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/variations/{variation_id}/convert",
      {
        params: { path: variation },
        // @ts-expect-error a variation can become an a/b or deploy experience only
        body: { experience_type: "mvt" },
      },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("experience_type");
  });

  it("422 when the screenshot upload has no image", async () => {
    const form = new FormData();
    form.append("caption", "no image here");
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/variations/{variation_id}/screenshot",
      // @ts-expect-error the typed body needs an image Blob
      { params: { path: variation }, body: form },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("image");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Experience Variations: getExperienceVariationScreenshot", async () => {
    expect(await methods.getExperienceVariationScreenshot({ path: { ...defaultedExperience, variation_id: 100300 } })).toBeDefined();
  });
});
