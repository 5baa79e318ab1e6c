import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema, SchemaInput } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type Audience = Schema<"Audience">;
type SegmentationRules = SchemaInput<"RuleObjectAudience">;
type AudienceRule = SchemaInput<"RuleElementAudience">;
type NoUrlRule = SchemaInput<"RuleElementNoUrl">;
/** The member of a rule union that handles one rule_type (members may cover several types). */
type RuleFor<U, T extends string> = U extends { rule_type: infer R } ? (T extends R ? U : never) : never;

const convert = prismClient();
const audience_id = 1003456;

/** (URL contains "/checkout" AND country is one of US, CA) OR cookie "vip" exists. */
const northAmericanCheckout: SegmentationRules = {
  OR: [
    {
      AND: [
        { OR_WHEN: [{ rule_type: "url", matching: { match_type: "contains", negated: false }, value: "/checkout" }] },
        {
          OR_WHEN: [
            { rule_type: "country", matching: { match_type: "equals", negated: false }, value: "US" },
            { rule_type: "country", matching: { match_type: "equals", negated: false }, value: "CA" },
          ],
        },
      ],
    },
    { AND: [{ OR_WHEN: [{ rule_type: "cookie", key: "vip", matching: { match_type: "exists", negated: false } }] }] },
  ],
};

describe("rule trees and triggers (types)", () => {
  it("narrows value and match_type by rule_type", () => {
    const rule = northAmericanCheckout?.OR?.[0]?.AND?.[1]?.OR_WHEN?.[0];
    expect(rule?.rule_type).toBe("country");
    if (rule?.rule_type === "country") {
      expectTypeOf(rule.value).toEqualTypeOf<string | undefined>();
      expectTypeOf(rule.matching!.match_type).toEqualTypeOf<"equals" | undefined>();
    }
    expectTypeOf<RuleFor<AudienceRule, "visits_count">["value"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RuleFor<AudienceRule, "is_mobile">["value"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<RuleFor<AudienceRule, "browser_name">["value"]>().toEqualTypeOf<
      "chrome" | "microsoft_ie" | "firefox" | "microsoft_edge" | "mozilla" | "opera" | "safari" | undefined
    >();
    expectTypeOf<NonNullable<RuleFor<AudienceRule, "cookie">["matching"]>["match_type"]>().toEqualTypeOf<
      "matches" | "regexMatches" | "contains" | "endsWith" | "startsWith" | "exists" | "doesNotExist" | undefined
    >();
  });

  it("rejects rules whose value or comparison does not fit the rule type", () => {
    // @ts-expect-error a country rule takes a two-letter code, not a number
    const numericCountry: AudienceRule = { rule_type: "country", matching: { match_type: "equals" }, value: 840 };
    // @ts-expect-error a visit count is a number, not text
    const textCount: AudienceRule = { rule_type: "visits_count", matching: { match_type: "less" }, value: "three" };
    // @ts-expect-error `contains` is a text comparison; number rules take equalsNumber, less or lessEqual
    const badMatch: AudienceRule = { rule_type: "visits_count", matching: { match_type: "contains" }, value: 3 };
    // (country rules in a location: locations.test.ts)
    // @ts-expect-error permanent and transient audiences cannot use URL rules
    const urlWithoutUrlMatching: NoUrlRule = { rule_type: "url", value: "/checkout" };
    expect([numericCountry, textCount, badMatch, urlWithoutUrlMatching]).toHaveLength(4);
  });
});

describe("Audiences", () => {
  it("getAudiencesList pages audiences", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/audiences", {
      params: { path: ids },
      body: { page: 1, results_per_page: 20, type: "segmentation", experiences: [100200], include: ["rules"] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Audience[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(["permanent", "transient", "segmentation"]).toContain(data?.data?.[0]?.type);
    expect(typeof data?.extra?.pagination?.pages_count).toBe("number");
  });

  it("getAudience returns an audience discriminated by type", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/audiences/{audience_id}", {
      params: { path: { ...ids, audience_id }, query: { include: ["rules", "stats.experiences_usage"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?include[]=rules&include[]=stats.experiences_usage");
    expectTypeOf(data).toEqualTypeOf<Audience | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(data?.name).toBe("North American checkout visitors");
    expect(data?.type).toBe("permanent");
    if (data?.type === "permanent" || data?.type === "transient") {
      // Narrowed to the kind without URL matching: its rules cannot be URL rules.
      expectTypeOf(data.rules).toEqualTypeOf<Schema<"RuleObjectNoUrl"> | undefined>();
    }
    expect(typeof data?.rules?.OR?.[0]?.AND?.[0]?.OR_WHEN?.[0]?.rule_type).toBe("string");
  });

  it("createAudience answers 201 with a segmentation audience using URL, country and cookie rules", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/audiences/add", {
      params: { path: ids },
      body: {
        name: "North American checkout visitors",
        description: "Shoppers from the US and Canada on the checkout, or VIP customers.",
        type: "segmentation",
        rules: northAmericanCheckout,
      },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
  });

  it("createAudience types permanent audiences without URL rules", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/audiences/add", {
      params: { path: ids },
      body: {
        name: "Returning mobile visitors",
        type: "permanent",
        rules: {
          OR: [
            {
              AND: [
                { OR_WHEN: [{ rule_type: "visitor_type", matching: { match_type: "equals", negated: false }, value: "returning" }] },
                { OR_WHEN: [{ rule_type: "is_mobile", matching: { match_type: "equals", negated: false }, value: true }] },
                { OR_WHEN: [{ rule_type: "visits_count", matching: { match_type: "less", negated: true }, value: 3 }] },
              ],
            },
          ],
        },
      },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.name).toBe("string");
  });

  it("updateAudience changes fields and keeps the type when none is sent", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/audiences/{audience_id}/update", {
      params: { path: { ...ids, audience_id } },
      body: { name: "VIP checkout visitors", selected_default: true },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("deleteAudience answers a success message", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/audiences/{audience_id}/delete", {
      params: { path: { ...ids, audience_id } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("bulkAudiencesUpdate archives several audiences", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/audiences/bulk-update", {
      params: { path: ids },
      body: { id: [audience_id, 1003457], status: "archived" },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkAudiencesDelete deletes several audiences", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/audiences/bulk-delete", {
      params: { path: ids },
      body: { id: [audience_id] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("getAudiencesPresets lists presets", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/audiences-presets", {
      params: { path: ids },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.id).toBe("number");
  });

  it("cloneAudience answers 201 with the copy", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/audiences/{audience_id}/clone", {
      params: { path: { ...ids, audience_id }, query: { include: ["rules"] } },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
  });

  it("422 for a status outside the enum in a bulk update", async () => {
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/audiences/bulk-update",
      // @ts-expect-error "deleted" is not an audience status
      { params: { path: ids }, body: { id: [audience_id], status: "deleted" } },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("status");
  });

  it("422 when a permanent audience uses a URL rule", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/audiences/add", {
      params: { path: ids },
      // @ts-expect-error a permanent audience cannot use URL rules (only segmentation ones can)
      body: {
        name: "Checkout visitors",
        type: "permanent",
        rules: {
          OR: [
            {
              AND: [
                { OR_WHEN: [{ rule_type: "url", matching: { match_type: "contains" }, value: "/checkout" }] },
                { OR_WHEN: [{ rule_type: "country", matching: { match_type: "equals" }, value: "US" }] },
              ],
            },
          ],
        },
      },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("rule_type");
  });

  it("rejects wrong body types and missing path parameters at compile time", () => {
    const typeOnly = () => {
      void convert.POST("/accounts/{account_id}/projects/{project_id}/audiences/add", {
        params: { path: ids },
        // @ts-expect-error type must be permanent, transient or segmentation
        body: { name: "Everyone", type: "forever", rules: null },
      });
      void convert.POST("/accounts/{account_id}/projects/{project_id}/audiences/{audience_id}/clone", {
        // @ts-expect-error audience_id is missing
        params: { path: ids },
      });
    };
    expect(typeof typeOnly).toBe("function");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Audiences: getAudiencesList", async () => expect(Array.isArray((await methods.getAudiencesList()).data)).toBe(true));
});
