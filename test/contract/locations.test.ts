import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema, SchemaInput } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type Location = Schema<"Location">;
type LocationRules = SchemaInput<"LocationRuleObject">;
type LocationRule = SchemaInput<"LocationRuleElement">;
type Trigger = SchemaInput<"LocationTrigger">;

const convert = prismClient();
const location_id = 1004561;

/** (URL contains "/checkout" AND page type is "checkout" or "cart") OR the JS condition holds. */
const checkoutPages: LocationRules = {
  OR: [
    {
      AND: [
        { OR_WHEN: [{ rule_type: "url", matching: { match_type: "contains", negated: false }, value: "/checkout" }] },
        {
          OR_WHEN: [
            { rule_type: "page_tag_page_type", matching: { match_type: "matches", negated: false }, value: "checkout" },
            { rule_type: "page_tag_page_type", matching: { match_type: "matches", negated: false }, value: "cart" },
          ],
        },
      ],
    },
    {
      AND: [
        {
          OR_WHEN: [
            {
              rule_type: "js_condition",
              matching: { match_type: "equals", negated: false },
              value: "window.checkoutStep !== undefined",
            },
          ],
        },
      ],
    },
  ],
};

describe("rule trees and triggers (types)", () => {
  it("rejects rules that are not page rules", () => {
    // @ts-expect-error locations only take page rules, not country rules
    const countryInLocation: LocationRule = { rule_type: "country", value: "US" };
    expect(countryInLocation.rule_type).toBe("country");
  });

  it("types location triggers by their type", () => {
    const onClick: Trigger = { type: "dom_element", selector: "#checkout-button", events: ["click", "in_view"] };
    const uponRun: Trigger = { type: "upon_run" };
    // @ts-expect-error a dom_element trigger needs a selector and events
    const incomplete: Trigger = { type: "dom_element" };
    // @ts-expect-error "scroll" is not a trigger event
    const badEvent: Trigger = { type: "dom_element", selector: "#buy", events: ["scroll"] };
    expect([onClick.type, uponRun.type, incomplete, badEvent]).toHaveLength(4);
  });
});

describe("Locations", () => {
  it("getLocationsList pages locations", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/locations", {
      params: { path: ids },
      body: { page: 1, results_per_page: 20, status: ["active"], usage: "used", sort_by: "name", include: ["rules"] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Location[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.id).toBe("number");
    expect(typeof data?.extra?.pagination?.items_count).toBe("number");
  });

  it("getLocation sends include[] and returns the location with its rules and trigger", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/locations/{location_id}", {
      params: { path: { ...ids, location_id }, query: { include: ["rules", "trigger"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?include[]=rules&include[]=trigger");
    expectTypeOf(data).toEqualTypeOf<Location | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(data?.name).toBe("Checkout pages");
    const rule = data?.rules?.OR?.[0]?.AND?.[0]?.OR_WHEN?.[0];
    expect(rule?.rule_type).toBe("url");
    expect(typeof rule?.value).toBe("string");
    expect(data?.trigger?.type).toBe("dom_element");
  });

  it("createLocation answers 201 with the location", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/locations/add", {
      params: { path: ids },
      body: {
        name: "Checkout pages",
        description: "Every step of the checkout funnel.",
        rules: checkoutPages,
        trigger: { type: "dom_element", selector: "#checkout-button", events: ["click"] },
      },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
    expect(["active", "archived"]).toContain(data?.status);
  });

  it("updateLocation answers with the location", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/locations/{location_id}/update", {
      params: { path: { ...ids, location_id } },
      body: { name: "Checkout and cart", trigger: { type: "upon_run" } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("deleteLocation answers a success message", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/locations/{location_id}/delete", {
      params: { path: { ...ids, location_id } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("bulkLocationsUpdate archives several locations", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/locations/bulk-update", {
      params: { path: ids },
      body: { id: [location_id, 1004562], status: "archived" },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkLocationsDelete deletes several locations", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/locations/bulk-delete", {
      params: { path: ids },
      body: { id: [location_id, 1004562] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("getLocationsPresets lists presets", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/locations-presets", {
      params: { path: ids },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.name).toBe("string");
  });

  it("cloneLocation answers 201 with the copy", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/locations/{location_id}/clone", {
      params: { path: { ...ids, location_id }, query: { include: ["stats.experiences_usage"] } },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.stats?.experiences_usage).toBe("number");
  });

  it("422 when a new location has no name", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/locations/add", {
      params: { path: ids },
      // @ts-expect-error name is required
      body: { rules: checkoutPages },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("name");
  });

  it("422 for more than 100 ids in a bulk delete", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/locations/bulk-delete", {
      params: { path: ids },
      body: { id: Array.from({ length: 101 }, (_, i) => 1004000 + i) },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("id");
  });

  it("rejects wrong body types and missing path parameters at compile time", () => {
    const typeOnly = () => {
      void convert.POST("/accounts/{account_id}/projects/{project_id}/locations/{location_id}/update", {
        params: { path: { ...ids, location_id } },
        // @ts-expect-error name is text
        body: { name: 42 },
      });
      void convert.GET("/accounts/{account_id}/projects/{project_id}/locations/{location_id}", {
        // @ts-expect-error location_id is missing
        params: { path: ids },
      });
    };
    expect(typeof typeOnly).toBe("function");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Locations: getLocationsList", async () => expect(Array.isArray((await methods.getLocationsList()).data)).toBe(true));
});
