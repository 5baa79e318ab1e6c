import { describe, expect, expectTypeOf, it } from "vitest";
import { ConvertConfigError } from "../../src/index.js";
import type { Schema, SchemaInput } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";

type ExperienceChange = Schema<"ExperienceChange">;
type ChangeAdd = SchemaInput<"ExperienceChangeAdd">;
type ChangeUpdate = SchemaInput<"ExperienceChangeUpdate">;
type ChangeType = NonNullable<Schema<"ExperienceChangeBase">["type"]>;

const convert = prismClient();
const experience = { ...ids, experience_id: 100100 };
const section = { ...experience, section_id: "s1" };
const version = { ...section, version_id: "v1" };
const change = { ...experience, change_id: 100400 };

const sectionIdPattern = /^[0-9a-z]{1,2}$/;

/** One new change of every type, as users send them when they automate variations. */
const newChanges: ChangeAdd[] = [
  { type: "defaultCode", data: { css: ".hero h1 { font-size: 3rem; }", js: "", custom_js: null } },
  { type: "defaultCodeMultipage", data: { page_id: "1001", css: ".cart { gap: 8px; }" } },
  { type: "defaultRedirect", data: { original_pattern: "https://shop.example.com/pricing", variation_pattern: "https://shop.example.com/pricing-v2", case_sensitive: false } },
  { type: "customCode", data: { css: null, js: "document.title = 'Sale';" } },
  { type: "richStructure", data: { js: null, selector: "#signup-button", page_id: "1001" } },
  { type: "fullStackFeature", data: { feature_id: 100500, variables_data: { button_color: "green", max_items: 5 } } },
];

describe("Experience Sections", () => {
  it("getSections sends include[] and expand[] and lists sections", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections", {
      params: { path: experience, query: { include: ["versions", "versions.changes"], expand: ["versions"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?include[]=versions&include[]=versions.changes&expand[]=versions");
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"ExperienceSection">[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(data?.data?.[0]?.id).toMatch(sectionIdPattern);
    expect(typeof data?.data?.[0]?.name).toBe("string");
  });

  it("createSection answers 201 with the sections", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections/add", {
      params: { path: experience },
      body: {
        id: "s2",
        name: "Pricing table",
        versions: [
          { id: "v3", name: "Original", changes: [] },
          { id: "v4", name: "Annual plan first", changes: newChanges },
        ],
      },
    });
    expect(response.status).toBe(201);
    expect(Array.isArray(data?.data)).toBe(true);
    expect(data?.data?.[0]?.id).toMatch(sectionIdPattern);
  });

  it("updateSection keeps, overwrites and creates changes", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections/{section_id}/update",
      {
        params: { path: section, query: { include: ["versions"] } },
        body: {
          name: "Hero banner",
          versions: [
            {
              id: "v1",
              name: "Bigger headline",
              changes: [
                { id: 100400 },
                { id: 100401, type: "customCode", data: { css: ".hero { padding: 0; }", js: null } },
                { type: "defaultCode", data: { css: null, js: "convert.$('h1').text('Hello');", custom_js: null } },
              ],
            },
          ],
        },
      },
    );
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
  });

  it("updateExperienceSections saves the whole list", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections/update",
      {
        params: { path: experience },
        body: {
          sections: [
            { id: "s1", name: "Hero banner", versions: [{ id: "v1", name: "Original", changes: [{ id: 100400 }] }] },
            { id: "s2", name: "Pricing table", versions: [{ id: "v3", name: "Original", changes: [] }] },
          ],
        },
      },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.data?.[0]?.id).toBe("string");
  });

  it("422 when createSection has no versions", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections/add", {
      params: { path: experience },
      // @ts-expect-error versions is required
      body: { id: "s3", name: "No versions" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("versions");
  });
});

describe("Section Versions", () => {
  it("addExperienceSectionVersion answers 201 with the version", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections/{section_id}/versions/add",
      {
        params: { path: section, query: { include: ["changes"], expand: ["changes"] } },
        body: { id: "v5", name: "Green button", changes: newChanges.filter((c) => c.type === "customCode") },
      },
    );
    expect(response.status).toBe(201);
    expect(new URL(response.url).search).toBe("?include[]=changes&expand[]=changes");
    expect(data?.data?.id).toMatch(sectionIdPattern);
    expect(Array.isArray(data?.data?.changes)).toBe(true);
  });

  it("updateExperienceSectionVersion answers with the version", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections/{section_id}/versions/{version_id}/update",
      {
        params: { path: version },
        body: {
          name: "Green button, bigger",
          changes: [{ id: 100400 }, { id: 100402, type: "fullStackFeature", data: { feature_id: 100500, variables_data: { enabled: true } } }],
        },
      },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.data?.name).toBe("string");
    expect(Array.isArray(data?.data?.variations)).toBe(true);
  });

  it("deleteExperienceSectionVersion answers a success message", async () => {
    const { data, response } = await convert.DELETE(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections/{section_id}/versions/{version_id}/delete",
      { params: { path: version } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("422 for a version id that does not match its pattern", async () => {
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections/{section_id}/versions/add",
      { params: { path: section }, body: { id: "Version-1", name: "Too long an id" } },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain('"body","id"');
  });
});

describe("Version Changes", () => {
  it("getExperienceChange returns a change narrowed by type", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/changes/{change_id}", {
      params: { path: change },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<ExperienceChange | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(["defaultCode", "defaultCodeMultipage", "defaultRedirect", "customCode", "richStructure", "fullStackFeature"]).toContain(data?.type);
    if (data?.type === "defaultCode") {
      expectTypeOf(data.data!.custom_js).toEqualTypeOf<string | null | undefined>();
      expect(typeof data.data?.css).toBe("string");
    }
  });

  it("updateExperienceChange answers with the saved change", async () => {
    const { data, response } = await convert.PUT("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/changes/{change_id}", {
      params: { path: change },
      body: { type: "customCode", data: { css: ".hero { display: none; }", js: null } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.type).toBe("string");
  });

  it("422 when the change type is not one of the six", async () => {
    const { error, response } = await convert.PUT("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/changes/{change_id}", {
      params: { path: change },
      // @ts-expect-error "inlineStyle" is not a change type
      body: { type: "inlineStyle", data: { css: "a { color: red; }" } },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain('"body","type"');
  });

  it("types narrow data on type and require each type's data keys", () => {
    expectTypeOf<ChangeType>().toEqualTypeOf<
      "richStructure" | "customCode" | "defaultCode" | "defaultCodeMultipage" | "defaultRedirect" | "fullStackFeature"
    >();
    const describeChange = (c: ExperienceChange): string => {
      switch (c.type) {
        case "defaultRedirect":
          return `${c.data?.original_pattern} -> ${c.data?.variation_pattern}`;
        case "fullStackFeature":
          return `feature ${c.data?.feature_id}: ${Object.keys(c.data?.variables_data ?? {}).join(",")}`;
        case "richStructure":
          return c.data?.selector ?? "";
        default:
          return c.data?.css ?? "";
      }
    };
    expect(describeChange({ type: "defaultRedirect", data: { original_pattern: "/a", variation_pattern: "/b" } })).toBe("/a -> /b");
    expect(describeChange({ type: "fullStackFeature", data: { feature_id: 7, variables_data: { x: 1 } } })).toBe("feature 7: x");

    // @ts-expect-error a new defaultRedirect change needs variation_pattern
    const noTarget: ChangeAdd = { type: "defaultRedirect", data: { original_pattern: "/a" } };
    // @ts-expect-error customCode data has no selector
    const wrongKey: ChangeAdd = { type: "customCode", data: { css: null, js: null, selector: "#x" } };
    // @ts-expect-error an update names the change by id
    const noId: ChangeUpdate = { type: "customCode", data: { css: "a {}" } };
    // @ts-expect-error an update carries the new data
    const noData: ChangeUpdate = { id: 100400, type: "customCode" };
    expect([noTarget, wrongKey, noId, noData].map((c) => c.type)).toEqual(["defaultRedirect", "customCode", "customCode", "customCode"]);

    const custom: Extract<ExperienceChange, { type: "customCode" }> = { type: "customCode", data: { css: null, js: "run()" } };
    expectTypeOf(custom.data!.js).toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Extract<ExperienceChange, { type: "fullStackFeature" }>["data"]>().toEqualTypeOf<
      { feature_id?: number; variables_data?: { [key: string]: unknown } } | undefined
    >();
  });
});

describe("Experiences Reports", () => {
  it("getExperienceReportSettings lists campaigns and segments", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/report_settings", {
      params: { path: experience },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.data?.campaigns?.[0]?.name).toBe("string");
    expect(typeof data?.data?.campaigns?.[0]?.visitors_count).toBe("number");
    expect(Array.isArray(data?.data?.custom_segments)).toBe(true);
  });

  it("getExperienceAggregatedReport returns per-goal statistics", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/aggregated_report", {
      params: { path: experience },
      body: {
        goals: [100200],
        metrics: ["conversion_rate", "avg_revenue_visitor"],
        utc_offset: 3600,
        start_time: 1761955200,
        end_time: 1764547199,
        segments: { devices: null, visitor_types: null },
        stats_engine_processing: { stats_type: "frequentist", confidence: 95, test_type: "two_tails" },
      },
    });
    expect(response.status).toBe(200);
    const report = data?.data;
    expect(["frequentist", "bayesian"]).toContain(report?.stats_methodology);
    const goal = report?.reportData?.[0];
    expect(typeof goal?.goal_id).toBe("number");
    const metric = goal?.variations?.[0]?.metrics?.[0];
    expect(typeof metric?.metric_type).toBe("string");
    if (report?.stats_methodology === "frequentist" && metric && "confidence" in metric) {
      expectTypeOf(metric.confidence).toEqualTypeOf<number>();
      expect(typeof metric.confidence).toBe("number");
    }
  });

  it("getExperienceDailyReport returns daily series", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/daily_report", {
      params: { path: experience },
      body: { goal: 100200, report_type: "cumulative", metric: "conversion_rate", start_time: 1761955200, end_time: 1764547199 },
    });
    expect(response.status).toBe(200);
    const point = data?.data?.reportData?.variations?.[0]?.stats?.[0];
    expect(typeof point?.timestamp).toBe("number");
    expect(typeof point?.visitors).toBe("number");
    expect(Array.isArray(data?.data?.reportData?.extra)).toBe(true);
  });

  it("resetExperienceReport answers a success message", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/reset_report", {
      params: { path: experience },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("exportExperienceReport returns a download link", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/export_report", {
      params: { path: experience },
      body: { report_type: "csv_daily", data_type: "cumulative", goals: [100200], start_time: 1761955200, end_time: 1764547199 },
    });
    expect(response.status).toBe(200);
    expect(data?.data?.download_url).toMatch(/^https:\/\//);
    expect(typeof data?.data?.expire_at).toBe("number");
  });

  it("exportExperienceRawData returns the export job id", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/export_raw_data", {
      params: { path: experience },
      body: { events: ["view_experience", "conversion"], goals: [100200], start_time: 1761955200, end_time: 1764547199 },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.data?.jobId).toBe("string");
  });

  it("removeExperienceReportData simulates a removal", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/remove_report_data", {
      params: { path: experience },
      body: {
        start_time: 1761955200,
        end_time: 1762041599,
        events: [{ type: "conversion", goals: [100200] }, { type: "transaction", revenue_start_value: 5000, revenue_end_value: null }],
        simulate: true,
      },
    });
    expect(response.status).toBe(200);
    expect(["view_experience", "conversion", "transaction"]).toContain(data?.data?.[0]?.event);
    expect(typeof data?.data?.[0]?.count).toBe("number");
  });

  it("422 when removeExperienceReportData has no end_time", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/remove_report_data", {
      params: { path: experience },
      // @ts-expect-error end_time is required
      body: { start_time: 1761955200, simulate: true },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("end_time");
  });

  it("422 for a daily report type outside the enum", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/daily_report", {
      params: { path: experience },
      // @ts-expect-error "weekly" is not a daily report type
      body: { goal: 100200, report_type: "weekly" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("report_type");
  });

  it("accepts a report_token alone, without other credentials", async () => {
    const reports = prismClient({ type: "reportToken", reportToken: "3f9c2a7be1d04c5a8e6b" });
    const { data, response } = await reports.GET("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/report_settings", {
      params: { path: experience },
    });
    expect(response.status).toBe(200);
    expect(data).toBeTypeOf("object");
    const anonymous = await prismClient({ type: "none" }).GET("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/report_settings", {
      params: { path: experience },
    });
    expect(anonymous.response.status).toBe(401);
  });

  it("types reject a wrong field type and a missing path parameter", async () => {
    const wrongType = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/aggregated_report", {
      params: { path: experience },
      // @ts-expect-error goals are numeric ids
      body: { goals: ["checkout"] },
    });
    expect(wrongType.response.status).toBe(422);
    expect(wrongType.response.headers.get("sl-violations")).toContain("goals");

    await expect(convert.GET("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/changes/{change_id}", {
      // @ts-expect-error change_id is missing
      params: { path: experience },
    })).rejects.toThrowError(ConvertConfigError);
  });
});
