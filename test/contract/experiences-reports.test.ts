import { describe, expect, expectTypeOf, inject, it } from "vitest";
import { type ConvertAuth, type ConvertClient, createConvertClient } from "../../src/index.js";
import { ids, prismClient, TEST_KEY } from "../support/clients.js";
import { defaultedExperience, defaultsClient, signedInDefaultsClient } from "../support/contract.js";

const convert = prismClient();
const experience = { ...ids, experience_id: 100100 };

describe("Experiences Reports", () => {
  it("getExperienceReportSettings lists campaigns and segments", async () => {
    const { data, response } = await convert.GET(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/report_settings",
      {
        params: { path: experience },
      },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.data?.campaigns?.[0]?.name).toBe("string");
    expect(typeof data?.data?.campaigns?.[0]?.visitors_count).toBe("number");
    expect(Array.isArray(data?.data?.custom_segments)).toBe(true);
  });

  it("getExperienceAggregatedReport returns per-goal statistics", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/aggregated_report",
      {
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
      },
    );
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

  it("getExperienceDailyTrafficAllocation returns each variation's daily share of traffic", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/daily_traffic_allocation",
      {
        params: { path: experience },
        body: { utc_offset: 3600, start_time: 1761955200, end_time: 1764547199 },
      },
    );
    expect(response.status).toBe(200);
    const series = data?.data?.reportData?.variations?.[0];
    expect(typeof series?.id).toBe("number");
    const point = series?.stats?.[0];
    expect(typeof point?.timestamp).toBe("number");
    expect(point?.value).toBeGreaterThanOrEqual(0);
    expect(point?.value).toBeLessThanOrEqual(100);
    expect(typeof data?.data?.variations_data?.[0]?.name).toBe("string");
  });

  it("422 for a utc_offset beyond UTC+14 in the traffic allocation report", async () => {
    const { response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/daily_traffic_allocation",
      {
        params: { path: experience },
        body: { utc_offset: 54000 },
      },
    );
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("utc_offset");
  });

  it("resetExperienceReport answers a success message", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/reset_report", {
      params: { path: experience },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("exportExperienceReport returns a download link", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/export_report",
      {
        params: { path: experience },
        body: { report_type: "csv_daily", data_type: "cumulative", goals: [100200], start_time: 1761955200, end_time: 1764547199 },
      },
    );
    expect(response.status).toBe(200);
    expect(data?.data?.download_url).toMatch(/^https:\/\//);
    expect(typeof data?.data?.expire_at).toBe("number");
  });

  it("exportExperienceRawData returns the export job id", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/export_raw_data",
      {
        params: { path: experience },
        body: { events: ["view_experience", "conversion"], goals: [100200], start_time: 1761955200, end_time: 1764547199 },
      },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.data?.jobId).toBe("string");
  });

  it("removeExperienceReportData simulates a removal", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/remove_report_data",
      {
        params: { path: experience },
        body: {
          start_time: 1761955200,
          end_time: 1762041599,
          events: [
            { type: "conversion", goals: [100200] },
            { type: "transaction", revenue_start_value: 5000, revenue_end_value: null },
          ],
          simulate: true,
        },
      },
    );
    expect(response.status).toBe(200);
    expect(["view_experience", "conversion", "transaction"]).toContain(data?.data?.[0]?.event);
    expect(typeof data?.data?.[0]?.count).toBe("number");
  });

  it("422 when removeExperienceReportData has no end_time", async () => {
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/remove_report_data",
      {
        params: { path: experience },
        // @ts-expect-error end_time is required
        body: { start_time: 1761955200, simulate: true },
      },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("end_time");
  });

  it("422 for a daily report type outside the enum", async () => {
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/daily_report",
      {
        params: { path: experience },
        // @ts-expect-error "weekly" is not a daily report type
        body: { goal: 100200, report_type: "weekly" },
      },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("report_type");
  });

  it("accepts a report_token alone, without other credentials", async () => {
    const reports = prismClient({ type: "reportToken", reportToken: "3f9c2a7be1d04c5a8e6b" });
    const { data, response } = await reports.GET(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/report_settings",
      {
        params: { path: experience },
      },
    );
    expect(response.status).toBe(200);
    expect(data).toBeTypeOf("object");
    const anonymous = await prismClient({ type: "none" }).GET(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/report_settings",
      {
        params: { path: experience },
      },
    );
    expect(anonymous.response.status).toBe(401);
  });

  it("types reject a wrong field type", async () => {
    const wrongType = await convert.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/aggregated_report", {
      params: { path: experience },
      // @ts-expect-error goals are numeric ids
      body: { goals: ["checkout"] },
    });
    expect(wrongType.response.status).toBe(422);
    expect(wrongType.response.headers.get("sl-violations")).toContain("goals");
    // (the missing path parameter half, on getExperienceChange: version-changes.test.ts)
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Experiences Reports: getExperienceReportSettings", async () => {
    expect(await methods.getExperienceReportSettings({ path: defaultedExperience })).toBeTypeOf("object");
  });

  // getExperienceDailyTrafficAllocation with each auth type it accepts, account and project from
  // the client: the global three and a report token alone.
  const withDefaults = (auth: ConvertAuth) =>
    createConvertClient({ baseUrl: inject("prismUrl"), auth, accountId: ids.account_id, projectId: ids.project_id });
  const clients: [string, () => Promise<ConvertClient<"account_id" | "project_id">>][] = [
    ["request signing", async () => methods],
    ["a secret key", async () => withDefaults({ type: "secretKey", ...TEST_KEY })],
    ["a cookie session", signedInDefaultsClient],
    ["a report token alone", async () => withDefaults({ type: "reportToken", reportToken: "3f9c2a7be1d04c5a8e6b" })],
  ];
  it.each(clients)("Experiences Reports: getExperienceDailyTrafficAllocation with %s", async (_, make) => {
    const convert = await make();
    const report = await convert.getExperienceDailyTrafficAllocation({
      path: defaultedExperience,
      body: { start_time: 1761955200, end_time: 1764547199 },
    });
    expect(typeof report.data?.reportData?.variations?.[0]?.stats?.[0]?.value).toBe("number");
  });
});
