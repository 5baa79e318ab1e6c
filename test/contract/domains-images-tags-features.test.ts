import { describe, expect, expectTypeOf, it } from "vitest";
import { ConvertConfigError } from "../../src/index.js";
import type { Schema } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";

type Domain = Schema<"Domain">;
type CdnImage = Schema<"CdnImage">;
type Tag = Schema<"Tag">;
type Feature = Schema<"Feature">;
type FeatureVariable = Schema<"FeatureVariable">;

const convert = prismClient();

/** A few bytes starting with the PNG signature: enough for a multipart upload to Prism. */
const png = () =>
  new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])], { type: "image/png" });

describe("Domains", () => {
  const domain = { ...ids, domain_id: 101100 };

  it("getDomainsList pages domains", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains", {
      params: { path: ids },
      body: { page: 1, results_per_page: 10, only: [101100, 101101], except: [101102] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Domain[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(data?.data?.[0]?.url).toMatch(/^https?:\/\//);
    expect(typeof data?.extra?.pagination?.items_count).toBe("number");
  });

  it("getDomain returns one domain", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/domains/{domain_id}", {
      params: { path: domain },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<Domain | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.code_installed).toBe("boolean");
  });

  it("getDomainByUrl finds the domain of a URL", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/by_url", {
      params: { path: ids },
      body: { url: "https://shop.acme.example/products/42" },
    });
    expect(response.status).toBe(200);
    expect(data?.url).toMatch(/^https?:\/\//);
  });

  it("checkCodeDomain returns the domain with code_installed", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/domains/{domain_id}/check_code",
      { params: { path: domain }, body: { url: "https://shop.acme.example/checkout" } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.code_installed).toBe("boolean");
  });

  it("createDomain answers 201 with the domain", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/add", {
      params: { path: ids },
      body: { url: "https://blog.acme.example" },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
  });

  it("updateDomain answers with the domain", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/domains/{domain_id}/update",
      { params: { path: domain }, body: { code_installed: true } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.url).toBe("string");
  });

  it("deleteDomain answers a success message", async () => {
    const { data, response } = await convert.DELETE(
      "/accounts/{account_id}/projects/{project_id}/domains/{domain_id}/delete",
      { params: { path: domain } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("bulkDomainsDelete answers with per-id errors", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/bulk-delete", {
      params: { path: ids },
      body: { id: [101100, 101101] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("422 when createDomain has no url", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/add", {
      params: { path: ids },
      // @ts-expect-error url is required
      body: { code_installed: false },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("url");
  });

  it("422 when a bulk id list is empty or longer than 100", async () => {
    for (const id of [[], Array.from({ length: 101 }, (_, i) => 101100 + i)]) {
      const { error, response } = await convert.POST(
        "/accounts/{account_id}/projects/{project_id}/domains/bulk-delete",
        { params: { path: ids }, body: { id } },
      );
      expect(response.status).toBe(422);
      expect(error).toBeDefined();
      expect(response.headers.get("sl-violations")).toContain("id");
    }
  });

  it("types reject a wrong field type and a missing path parameter", async () => {
    const wrongType = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/{domain_id}/update", {
      params: { path: domain },
      // @ts-expect-error code_installed is a boolean
      body: { code_installed: "yes" },
    });
    expect(wrongType.response.status).toBe(422);
    expect(wrongType.response.headers.get("sl-violations")).toContain("code_installed");

    await expect(convert.GET("/accounts/{account_id}/projects/{project_id}/domains/{domain_id}", {
      // @ts-expect-error domain_id is required
      params: { path: ids },
    })).rejects.toThrowError(ConvertConfigError);
  });
});

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
    const { data, response } = await convert.DELETE(
      "/accounts/{account_id}/projects/{project_id}/images/{image_key}/delete",
      { params: { path: { ...ids, image_key: "100012/10034/banner.png" } } },
    );
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

    await expect(convert.DELETE("/accounts/{account_id}/projects/{project_id}/tags/{tag_id}/delete", {
      // @ts-expect-error tag_id is required
      params: { path: ids },
    })).rejects.toThrowError(ConvertConfigError);
  });
});

describe("Features (full-stack projects)", () => {
  const feature = { ...ids, feature_id: 101300 };

  it("getFeaturesList pages features with stats", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/features", {
      params: { path: ids },
      body: { page: 1, search: "checkout", sort_by: "name", sort_direction: "asc", include: ["stats"] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Feature[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.stats?.times_used).toBe("number");
  });

  // getFeature and getFeatureByKey share one path shape. Prism (like the server) cannot tell the
  // templates apart and serves both from the later one in the document (by key); both answer the
  // same Feature, so each call below still checks its own typed path and the response shape.
  it("getFeature fetches by numeric id and sends include[]", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/features/{feature_id}", {
      params: { path: feature, query: { include: ["stats"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toMatch(/\/features\/101300$/);
    expect(new URL(response.url).search).toBe("?include[]=stats");
    expectTypeOf(data).toEqualTypeOf<Feature | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(Array.isArray(data?.variables)).toBe(true);
  });

  it("getFeatureByKey fetches by key on the same path shape", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/features/{feature_key}", {
      params: { path: { ...ids, feature_key: "new-checkout" }, query: { include: ["stats"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toMatch(/\/features\/new-checkout$/);
    expectTypeOf(data).toEqualTypeOf<Feature | undefined>();
    expect(typeof data?.key).toBe("string");
  });

  it("variables narrow default_value by type", async () => {
    const { data } = await convert.GET("/accounts/{account_id}/projects/{project_id}/features/{feature_id}", {
      params: { path: feature },
    });
    const variables: FeatureVariable[] = data?.variables ?? [];
    expect(variables.length).toBeGreaterThan(0);
    for (const variable of variables) {
      expect(typeof variable.key).toBe("string");
      switch (variable.type) {
        case "boolean":
          expectTypeOf(variable.default_value).toEqualTypeOf<boolean | null | undefined>();
          expect(["boolean", "object", "undefined"]).toContain(typeof variable.default_value);
          break;
        case "integer":
        case "float":
          expectTypeOf(variable.default_value).toEqualTypeOf<number | null | undefined>();
          expect(["number", "object", "undefined"]).toContain(typeof variable.default_value);
          break;
        case "string":
        case "json":
          expectTypeOf(variable.default_value).toEqualTypeOf<string | null | undefined>();
          expect(["string", "object", "undefined"]).toContain(typeof variable.default_value);
          break;
        default:
          expectTypeOf(variable).toBeNever();
          throw new Error(`unexpected variable type ${JSON.stringify(variable)}`);
      }
    }
  });

  it("createFeature answers 201 with the feature", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/features/add", {
      params: { path: ids },
      body: {
        name: "New checkout",
        key: "new-checkout",
        status: "active",
        description: "One-page checkout",
        variables: [
          { key: "enabled", type: "boolean", default_value: false },
          { key: "max_items", type: "integer", default_value: 5 },
          { key: "discount", type: "float", default_value: 0.15 },
          { key: "button_label", type: "string", default_value: "Pay now" },
          { key: "layout", type: "json", default_value: '{"columns":2}' },
        ],
      },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
    expect(data?.status).toMatch(/^(active|archived)$/);
  });

  it("updateFeature answers with the feature", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/features/{feature_id}/update",
      { params: { path: feature }, body: { status: "archived", variables: [{ key: "enabled", type: "boolean", default_value: true }] } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("deleteFeature answers a success message", async () => {
    const { data, response } = await convert.DELETE(
      "/accounts/{account_id}/projects/{project_id}/features/{feature_id}/delete",
      { params: { path: feature } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("bulkFeaturesUpdate archives several features", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/features/bulk-update", {
      params: { path: ids },
      body: { id: [101300, 101301], status: "archived" },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkFeaturesDelete answers with per-id errors", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/features/bulk-delete", {
      params: { path: ids },
      body: { id: [101300] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
  });

  it("422 for a status outside the enum", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/features/bulk-update", {
      params: { path: ids },
      // @ts-expect-error "paused" is not a feature status
      body: { id: [101300], status: "paused" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("status");
  });

  it("422 when createFeature has no variables", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/features/add", {
      params: { path: ids },
      // @ts-expect-error variables is required
      body: { name: "No variables" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("variables");
  });

  it("422 when a default_value does not match its variable type", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/features/add", {
      params: { path: ids },
      body: {
        name: "Mismatch",
        // @ts-expect-error a boolean variable takes a boolean default_value
        variables: [{ key: "enabled", type: "boolean", default_value: "yes" }],
      },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("variables.0.default_value must be boolean");
  });

  it("types reject a missing path parameter", async () => {
    await expect(convert.DELETE("/accounts/{account_id}/projects/{project_id}/features/{feature_id}/delete", {
      // @ts-expect-error feature_id is required
      params: { path: ids },
    })).rejects.toThrowError(ConvertConfigError);
  });
});
