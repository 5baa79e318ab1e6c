import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type Tag = Schema<"Tag">;

const convert = prismClient();

describe("Tags", () => {
  const tag = { ...ids, tag_id: 101200 };

  it("getTagsList pages tags", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/tags", {
      params: { path: ids },
      body: { page: 1, results_per_page: 10, search: "checkout", except: [101202] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Tag[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.name).toBe("string");
  });

  it("getTag returns one tag", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/tags/{tag_id}", {
      params: { path: tag },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.description).toBe("string");
  });

  it("createTag answers 201 with the tag", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/tags/add", {
      params: { path: ids },
      body: { name: "Pricing", description: "Experiments on the pricing page" },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
  });

  it("updateTag answers with the tag", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/tags/{tag_id}/update", {
      params: { path: tag },
      body: { description: "Checkout and payment experiments" },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("deleteTag answers a success message", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/tags/{tag_id}/delete", {
      params: { path: tag },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("bulkTagsDelete answers with per-id errors", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/tags/bulk-delete", {
      params: { path: ids },
      body: { id: [101200, 101201] },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("422 when createTag has no name", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/tags/add", {
      params: { path: ids },
      // @ts-expect-error name is required
      body: { description: "No name" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("name");
  });

  it("types reject a wrong field type and a missing path parameter", async () => {
    const wrongType = await convert.POST("/accounts/{account_id}/projects/{project_id}/tags/add", {
      params: { path: ids },
      // @ts-expect-error name is a string
      body: { name: 42 },
    });
    expect(wrongType.response.status).toBe(422);
    expect(wrongType.response.headers.get("sl-violations")).toContain("name");

    await expect(
      convert.DELETE("/accounts/{account_id}/projects/{project_id}/tags/{tag_id}/delete", {
        // @ts-expect-error tag_id is required
        params: { path: ids },
      }),
    ).rejects.toThrowError(ConvertConfigError);
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Tags: getTagsList", async () => expect(Array.isArray((await methods.getTagsList()).data)).toBe(true));
});
