import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type Feature = Schema<"Feature">;
type FeatureVariable = Schema<"FeatureVariable">;

const convert = prismClient();

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
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/features/{feature_id}/update", {
      params: { path: feature },
      body: { status: "archived", variables: [{ key: "enabled", type: "boolean", default_value: true }] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("deleteFeature answers a success message", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/features/{feature_id}/delete", {
      params: { path: feature },
    });
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
    await expect(
      convert.DELETE("/accounts/{account_id}/projects/{project_id}/features/{feature_id}/delete", {
        // @ts-expect-error feature_id is required
        params: { path: ids },
      }),
    ).rejects.toThrowError(ConvertConfigError);
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Features: getFeaturesList", async () => expect(Array.isArray((await methods.getFeaturesList()).data)).toBe(true));
});
