import { describe, expect, expectTypeOf, inject, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient, TEST_KEY } from "../support/clients.js";
import { defaultsClient, defaultsClientPerAuth } from "../support/contract.js";

type Project = Schema<"Project">;
const convert = prismClient();

describe("Projects", () => {
  it("getProjectsList pages projects", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects", {
      params: { path: { account_id: ids.account_id } },
      body: { page: 1, results_per_page: 10, sort_direction: "asc", status: ["active"], include: ["domains"] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Project[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.extra?.pagination?.pages_count).toBe("number");
  });

  it("getProjectHistory pages changes", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/change-history", {
      params: { path: ids },
      body: { page: 1, objects: ["experience", "goal"], methods: ["api"], sort_by: "timestamp" },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.timestamp).toBe("number");
  });

  it("getProject sends include[] and expand[] and returns one project", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}", {
      params: { path: ids, query: { include: ["domains", "stats.usage"], expand: ["default_goals"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?include[]=domains&include[]=stats.usage&expand[]=default_goals");
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.name).toBe("string");
  });

  it("createProject answers 201 with the project", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/add", {
      params: { path: { account_id: ids.account_id } },
      body: { name: "Checkout redesign", project_type: "web", domains: [{ url: "https://shop.example.com" }] },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
  });

  it("updateProject answers with the project", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/update", {
      params: { path: ids },
      body: { name: "Renamed project", settings: { time_format: "24h" } },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.name).toBe("string");
  });

  it("deleteProject answers a success message", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/delete", {
      params: { path: ids },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("getProjectLiveData lists recent events", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/livedata", {
      params: { path: ids },
      body: { event_types: ["conversion"], expand: ["experiences"] },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
  });

  it("generateDebugToken returns a token", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/generate-debug-token", {
      params: { path: ids },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.data?.value).toBe("string");
  });

  it("exportProject returns the export file", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/export", {
      params: { path: ids },
      body: { includeProject: true, experiences: { include: [100200] } },
    });
    expect(response.status).toBe(201);
    expect(data).toBeTypeOf("object");
  });

  it("importProject uploads a JSON file as multipart", async () => {
    const file = new Blob([JSON.stringify({ project: { name: "Imported" } })], { type: "application/json" });
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/import-project", {
      params: { path: { account_id: ids.account_id } },
      body: { file },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.message).toBe("string");
  });

  it("importProjectData uploads a JSON file into a project", async () => {
    const file = new Blob([JSON.stringify({ goals: [] })], { type: "application/json" });
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/import-project-data", {
      params: { path: ids },
      body: { file },
    });
    expect(response.status).toBe(201);
    expect(data).toBeTypeOf("object");
  });

  it("bulkUpdateProjects sets one tracking-script version on several projects", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/bulk-update", {
      params: { path: { account_id: ids.account_id } },
      body: { id: [10034, 10035], settings: { tracking_script: { current_version: "1.4.2" } } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
    expect(Array.isArray(data?.errors)).toBe(true);
  });
});

describe("requests Prism rejects", () => {
  it("422 for more than 100 project ids", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/projects/bulk-update", {
      params: { path: { account_id: ids.account_id } },
      body: { id: Array.from({ length: 101 }, (_, index) => 10_000 + index) },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("maxItems");
  });

  it("422 for a setting other than the tracking-script version", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/projects/bulk-update", {
      params: { path: { account_id: ids.account_id } },
      // Only settings.tracking_script can be set in bulk (the body's type lets a nested extra field through).
      body: { id: [10034], settings: { time_format: "24h" } },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("time_format");
  });

  it("422 for a value outside an enum", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/projects", {
      params: { path: { account_id: ids.account_id } },
      // @ts-expect-error "sideways" is not a sort direction
      body: { sort_direction: "sideways" },
    });
    expect(response.status).toBe(422);
  });

  it("422 when a new domain has no url", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/add", {
      params: { path: { account_id: ids.account_id } },
      // @ts-expect-error a domain to create needs its url
      body: { name: "No url", domains: [{ code_installed: true }] },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("'url'");
  });

  it("422 when stats-engine settings do not say which engine", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/update", {
      params: { path: ids },
      // @ts-expect-error stats_type selects the engine and is required
      body: { reporting_settings: { stats_engine_processing: { confidence: 95 } } },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("stats_type");
  });

  it("rejects a call without a required path parameter, in the types and before sending", async () => {
    const call = convert.GET("/accounts/{account_id}/projects/{project_id}", {
      // @ts-expect-error project_id is missing
      params: { path: { account_id: ids.account_id } },
    });
    await expect(call).rejects.toThrowError(new ConvertConfigError("getProject: path parameter project_id is missing"));
  });

  it("422 for a path parameter of the wrong type", async () => {
    // The client now refuses it before sending (src/path-params.ts)...
    const call = convert.GET("/accounts/{account_id}/projects/{project_id}", {
      // @ts-expect-error project_id is a number
      params: { path: { account_id: ids.account_id, project_id: "not-a-number" } },
    });
    await expect(call).rejects.toThrowError(
      new ConvertConfigError("getProject: path parameter project_id must be a positive whole number (a safe integer)"),
    );
    // ...so the spec's 422 is checked with a request sent past the client.
    const response = await fetch(`${inject("prismUrl")}/accounts/${ids.account_id}/projects/not-a-number`, {
      headers: { Authorization: `Bearer ${TEST_KEY.applicationId}:${TEST_KEY.secretKey}` },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("project_id");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Projects: getProject with both defaults", async () => expect((await methods.getProject()).id).toBe(10034));
  it("an explicit path parameter wins over the client's default", async () => {
    const urls: string[] = [];
    const logged = defaultsClient({ logger: (e) => urls.push(e.url) });
    await logged.getProject({ path: { project_id: 20001 } });
    expect(new URL(urls[0]!).pathname).toBe(`/accounts/${ids.account_id}/projects/20001`);
  });

  it("Projects: bulkUpdateProjects with each auth type", async () => {
    for (const [auth, client] of Object.entries(await defaultsClientPerAuth())) {
      const answer = await client.bulkUpdateProjects({
        body: { id: [10034], settings: { tracking_script: { current_version: "1.4.2" } } },
      });
      expect(answer.errors, auth).toEqual([]);
    }
  });
});
