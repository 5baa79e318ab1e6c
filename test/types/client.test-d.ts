import { describe, expectTypeOf, it } from "vitest";
import { type ConvertClientOptions, createConvertClient, type OperationResult, type PageItem, type Schema } from "../../src/index.js";

const auth = { type: "none" } as const;
const bare = createConvertClient({ auth });
const scoped = createConvertClient({ auth, accountId: 1, projectId: 2 });
const accountOnly = createConvertClient({ auth, accountId: 1 });

describe("default path parameters", () => {
  it("are required when the client has no accountId / projectId", () => {
    // @ts-expect-error account_id and project_id are required
    void bare.getProject();
    // @ts-expect-error project_id is required
    void bare.getProject({ path: { account_id: 1 } });
    void bare.getProject({ path: { account_id: 1, project_id: 2 } });
  });

  it("become optional only for the ids the client was given", () => {
    void scoped.getProject();
    void scoped.getProject({ path: { project_id: 3 } });
    void accountOnly.getApiKeysList();
    // @ts-expect-error project_id is still required: only accountId was configured
    void accountOnly.getProject();
    void accountOnly.getProject({ path: { project_id: 3 } });
  });

  it("keep other path parameters required", () => {
    // @ts-expect-error key_id has no default
    void scoped.deleteApiKey();
    void scoped.deleteApiKey({ path: { key_id: "abc" } });
  });
});

describe("bodies and results", () => {
  it("type the body and the result from the spec", () => {
    expectTypeOf(scoped.getProject).returns.resolves.toEqualTypeOf<OperationResult<"getProject">>();
    expectTypeOf<Awaited<ReturnType<typeof scoped.getProject>>>().toEqualTypeOf<Schema<"Project">>();
    // @ts-expect-error name must be a string
    void scoped.createProject({ body: { name: 42 } });
    // @ts-expect-error the body is required
    void scoped.createProject();
    // @ts-expect-error no such query parameter
    void scoped.getProject({ query: { colour: "blue" } });
  });

  it("accept per-call options", () => {
    void scoped.getProject({ timeoutMs: 5000, maxRetries: 0, signal: AbortSignal.timeout(1000) });
  });
});

describe("paginate", () => {
  it("accepts paginated lists and yields their items", () => {
    const projects = scoped.paginate("getProjectsList", { body: { results_per_page: 50 } });
    expectTypeOf(projects).toMatchTypeOf<AsyncIterable<PageItem<"getProjectsList">>>();
    expectTypeOf<PageItem<"getProjectsList">>().toEqualTypeOf<Schema<"Project">>();
  });

  it("is a type error for operations that are not paginated", () => {
    // @ts-expect-error getProject is not a list
    scoped.paginate("getProject");
    // @ts-expect-error getApiKeysList returns everything at once
    scoped.paginate("getApiKeysList");
  });

  it("still needs path parameters the client cannot fill", () => {
    // @ts-expect-error account_id is required on a client without accountId
    bare.paginate("getProjectsList");
    bare.paginate("getProjectsList", { path: { account_id: 1 } });
  });
});

describe("options kept in a variable", () => {
  it("keep their defaults when checked with satisfies (the README's idiom)", () => {
    const options = { auth: { type: "none" }, accountId: 1, projectId: 2 } satisfies ConvertClientOptions;
    const convert = createConvertClient(options);
    void convert.getProject();
    const annotated: ConvertClientOptions = { auth: { type: "none" }, accountId: 1 };
    // @ts-expect-error a variable typed as ConvertClientOptions no longer says which ids it has
    void createConvertClient(annotated).getApiKeysList();
  });

  it("derived clients add the ids they are given", () => {
    const derived = createConvertClient({ auth }).withOptions({ accountId: 1 }).withOptions({ projectId: 2 });
    void derived.getProject();
    expectTypeOf(createConvertClient({ auth }).getProject).returns.toMatchTypeOf<Promise<Schema<"Project">>>();
  });
});

describe("arrays that allOf members build together", () => {
  // openapi-typescript-helpers' Readable/Writable keep one element type of `X[] & Y[]`; the spec
  // declares each array once (lint:shapes), so every field of an item reaches callers.
  it("an aggregated report's variations carry the shared figures and the methodology's metrics", () => {
    type Report = NonNullable<OperationResult<"getExperienceAggregatedReport">["data"]>;
    type Goal = NonNullable<Extract<Report, { stats_methodology: "frequentist" }>["reportData"]>[number];
    type Variation = NonNullable<Goal["variations"]>[number];
    expectTypeOf<Variation["id"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NonNullable<Variation["metrics"]>[number]>().toEqualTypeOf<Schema<"ExperienceAggregatedMetricReportFrequentist">>();
  });

  it("a collaborator's accesses take api_access beside project and role", () => {
    void bare.addAccountUserAccesses({
      path: { account_id: 1 },
      body: { email: "sam.lee@example.com", accesses: [{ project: 10034, role: "edit", api_access: true }] },
    });
  });
});
