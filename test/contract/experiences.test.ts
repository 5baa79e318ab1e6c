import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema, SchemaInput } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type Experience = Schema<"Experience">;
type Integration = NonNullable<Experience["integrations"]>[number];
type CreateBody = SchemaInput<"CreateExperienceRequestData">;

const convert = prismClient();
const experience = { ...ids, experience_id: 100200 };

/** A create body using most of what users automate: variations with changes, integrations, settings. */
const newExperience = {
  name: "Homepage hero test",
  key: "homepage-hero-test",
  description: "Shorter headline against the current one.",
  type: "a/b",
  status: "draft",
  url: "https://shop.example.com/",
  traffic_distribution: 33.33,
  primary_goal: 100500,
  goals: [100500, 100501],
  audiences: [100600],
  locations: [100800],
  tags: [100900, { name: "homepage" }],
  customizations: [{ key: "team", value: "growth" }],
  global_css: ".hero h1 { letter-spacing: 0; }",
  environment: "production",
  settings: {
    matching_options: { audiences: "all", locations: "any" },
    min_running_time: 14,
    stats_engine_processing: { stats_type: "frequentist", confidence: 95, test_type: "two_tails" },
  },
  integrations: [
    { provider: "google_analytics", type: "ga4", enabled: true, measurementId: "G-4Q2X8ZC1RM" },
    { provider: "sitecatalyst", enabled: true, evar: "eVar12" },
    { provider: "hotjar", enabled: false },
  ],
  variations: [
    { name: "Original", is_baseline: true, traffic_distribution: 50 },
    {
      name: "Short headline",
      traffic_distribution: 50,
      changes: [
        {
          type: "defaultCode",
          data: { css: ".hero h1 { font-size: 2rem; }", js: null, custom_js: null },
        },
      ],
    },
  ],
} satisfies CreateBody;

describe("Experiences", () => {
  it("getExperiencesList pages, filters and sorts experiences", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences", {
      params: { path: ids },
      body: {
        page: 2,
        results_per_page: 20,
        sort_by: "start_time",
        sort_direction: "desc",
        status: ["active", "paused"],
        type: ["a/b", "split_url"],
        tags: [100900],
        goals: [100500],
        search: "hero",
        goal_id: 100500,
        include: ["stats", "variations"],
        expand: ["goals"],
        except: [100201],
      },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Experience[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.id).toBe("number");
    expect(typeof data?.data?.[0]?.stats?.visitors).toBe("number");
    expect(typeof data?.extra?.pagination?.items_count).toBe("number");
  });

  it("getExperiencesList counts only", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences", {
      params: { path: ids },
      body: { onlyCount: true, status: ["active"] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.extra?.pagination?.items_count).toBe("number");
  });

  it("getExperience takes a numeric id, include[], expand[] and a report token", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}", {
      params: {
        path: experience,
        query: { include: ["stats", "variations.changes"], expand: ["goals", "tags"] },
        header: { report_token: "9b1f4c2e7a6d4e0f8c3b5a1d2e9f7c60" },
      },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?include[]=stats&include[]=variations.changes&expand[]=goals&expand[]=tags");
    expectTypeOf(data).toEqualTypeOf<Experience | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.key).toBe("string");
    expect(data?.url).toMatch(/^https:\/\//);
    expect(Array.isArray(data?.integrations)).toBe(true);
    expect(typeof data?.integrations?.[0]?.provider).toBe("string");
  });

  it("getExperienceByKey takes a string key on the same path shape", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/experiences/{experience_key}", {
      params: { path: { ...ids, experience_key: "homepage-hero-test" }, query: { include: ["variations"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toMatch(/\/experiences\/homepage-hero-test$/);
    expect(typeof data?.key).toBe("string");
    expect(typeof data?.id).toBe("number");
  });

  it("createExperience answers 201 with the experience", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/add", {
      params: { path: ids, query: { include: ["variations"] } },
      body: newExperience,
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.name).toBe("string");
    expect(Array.isArray(data?.variations)).toBe(true);
  });

  it("cloneExperience answers 201 with the copy", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/clone", {
      params: { path: experience },
      body: { name: "Homepage hero test (copy)" },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
  });

  it("updateExperience changes fields, variations and pages", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/update", {
      params: { path: experience, query: { expand: ["variations"] } },
      body: {
        status: "active",
        objective: null,
        site_area: { include: [{ rule_type: "url", value: "/", matching: { match_type: "matches", negated: false } }] },
        multipage_pages: [{ id: "p1", name: "Cart", url: "https://shop.example.com/cart" }],
        integrations: [{ provider: "google_analytics", type: "ga3", enabled: true, property_UA: "UA-1234567-1" }],
        variations: [
          { id: 100300, traffic_distribution: 40 },
          { id: 100301, status: "running", changes: [{ id: 100400 }] },
          { name: "Bigger button", changes: [{ type: "customCode", data: { css: ".cta { padding: 1rem; }", js: null } }] },
        ],
      },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.status).toBe("string");
    expect(typeof data?.version).toBe("number");
  });

  it("deleteExperience answers a success message", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/delete", {
      params: { path: experience },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("getReportToken returns a token with its expiry", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/report_token", {
      params: { path: experience },
      body: { token_action: "regenerate", token_expiration: 48 },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.token).toBe("string");
    expect(Number.isInteger(data?.expiration)).toBe(true);
  });

  it("getExperienceLiveData lists recent events", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/livedata", {
      params: { path: experience },
      body: { event_types: ["conversion", "transaction"], goals: [100500] },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
  });

  it("getExperienceHistory pages changes", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/change-history",
      {
        params: { path: experience },
        body: { page: 1, results_per_page: 10, objects: ["variation"], methods: ["api"], sort_by: "timestamp", variations: [100301] },
      },
    );
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.extra?.pagination?.pages_count).toBe("number");
  });

  it("triggerExperienceScreenshots answers a success message", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/trigger-screenshots",
      { params: { path: experience }, body: { variations: [100300, 100301] } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
  });

  it("bulkExperiencesUpdate sets one status on many experiences", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/bulk-update", {
      params: { path: ids },
      body: { id: [100200, 100201], status: "paused" },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkExperiencesDelete deletes many experiences", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/bulk-delete", {
      params: { path: ids },
      body: { id: Array.from({ length: 100 }, (_, i) => 100200 + i) },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });
});

describe("experience types", () => {
  it("integrations are a union discriminated by provider", () => {
    type Sitecatalyst = Extract<Integration, { provider: "sitecatalyst" }>;
    expectTypeOf<Sitecatalyst["evar"]>().toEqualTypeOf<string>();
    expectTypeOf<Integration["provider"]>().toEqualTypeOf<Schema<"IntegrationProvider">>();
    // @ts-expect-error a Baidu integration needs its custom_dimension
    const baidu: Integration = { provider: "baidu", enabled: true };
    // @ts-expect-error "matomo" is not a provider
    const unknown: Integration = { provider: "matomo" };
    expect([baidu, unknown]).toHaveLength(2);
  });

  it("the create body requires name, status, type and url", () => {
    expectTypeOf<CreateBody>().toHaveProperty("name").toEqualTypeOf<string>();
    expectTypeOf<CreateBody["type"]>().toEqualTypeOf<Schema<"ExperienceTypes">>();
    // @ts-expect-error url is missing
    const noUrl: CreateBody = { name: "x", status: "draft", type: "a/b" };
    expect(noUrl.name).toBe("x");
  });

  it("types reject a wrong field type", async () => {
    const wrongType = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/update", {
      params: { path: experience },
      body: {
        // @ts-expect-error traffic_distribution is a number
        traffic_distribution: "50",
      },
    });
    expect(wrongType.response.status).toBe(422);
    expect(wrongType.response.headers.get("sl-violations")).toContain("traffic_distribution");
    // (the missing path parameter half, on deleteExperienceVariation: experience-variations.test.ts)
  });
});

describe("experience requests Prism rejects", () => {
  it("422 when createExperience lacks a name", async () => {
    const { name: _name, ...withoutName } = newExperience;
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/add", {
      params: { path: ids },
      // @ts-expect-error name is required
      body: withoutName,
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("name");
  });

  it("422 for a bulk status outside the enum", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/bulk-update", {
      params: { path: ids },
      // @ts-expect-error bulk updates cannot set "completed"
      body: { id: [100200], status: "completed" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("status");
  });

  it("422 for more than 100 ids in a bulk delete", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/bulk-delete", {
      params: { path: ids },
      body: { id: Array.from({ length: 101 }, (_, i) => 100200 + i) },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("id");
  });

  it("422 for an empty bulk delete", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/bulk-delete", {
      params: { path: ids },
      body: { id: [] },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("id");
  });

  it("422 for an integration without its required setting", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/update", {
      params: { path: experience },
      // @ts-expect-error a SiteCatalyst integration needs an evar
      body: { integrations: [{ provider: "sitecatalyst", enabled: true }] },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("integrations");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Experiences: getExperiencesList", async () => {
    const page = await methods.getExperiencesList({ body: { page: 1, results_per_page: 5 } });
    expect(typeof page.extra?.pagination?.items_count).toBe("number");
  });
});

// getExperiencesList is the list the README's quick start pages through.
describe("paginate against the mock", () => {
  it("the README's quick-start loop finishes after one request (the mock's answer is page 1 of 1)", async () => {
    const requests: number[] = [];
    const logged = defaultsClient({ logger: (event) => void (event.type === "response" && requests.push(event.status)) });
    const seen: unknown[] = [];
    for await (const experience of logged.paginate("getExperiencesList", { body: { results_per_page: 50 } })) seen.push(experience);
    expect(seen.length).toBeGreaterThan(0);
    expect(requests).toEqual([200]);
  });
});
