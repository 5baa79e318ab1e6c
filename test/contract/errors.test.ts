// The mock answers each error status with the spec's own example for it (spec/components/responses:
// UnauthorizedResponse, NotFoundResponse, ValidationErrorResponse, RateLimitedResponse and
// ErrorResponse for the rest), whether Prism is asked for it (`Prefer: code=...`) or finds the
// request at fault itself; and list answers are one page, so walking pages stops.
import { describe, expect, inject, it } from "vitest";
import {
  ConvertApiError,
  ConvertAuthenticationError,
  ConvertNotFoundError,
  ConvertRateLimitError,
  ConvertServerError,
  ConvertValidationError,
  createConvertClient,
} from "../../src/index.js";
import { defaultsClient, recordingDefaultsClient } from "../support/contract.js";

/** The error a call rejects with (fails the test when it resolves). */
async function failure(call: Promise<unknown>): Promise<ConvertApiError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ConvertApiError);
  return error as ConvertApiError;
}

const convert = defaultsClient();
const project = { project_id: 10034 } as const;

describe("each error status answers its own example (Prefer: code=...)", () => {
  it("401: ConvertAuthenticationError with the authentication message", async () => {
    const error = await failure(convert.getProject({ path: project, headers: { Prefer: "code=401" } }));
    expect(error).toBeInstanceOf(ConvertAuthenticationError);
    expect(error.status).toBe(401);
    expect(error.code).toBe(401);
    expect(error.messages[0]).toMatch(/^Unauthorized: the request could not be authenticated/);
  });

  it("404: ConvertNotFoundError, not found", async () => {
    const error = await failure(convert.getGoal({ path: { goal_id: 100500 }, headers: { Prefer: "code=404" } }));
    expect(error).toBeInstanceOf(ConvertNotFoundError);
    expect(error.body).toEqual({ code: 404, message: "The requested resource was not found." });
  });

  it("422: ConvertValidationError naming the rejected field in fields", async () => {
    const error = await failure(convert.getGoalsList({ body: {}, headers: { Prefer: "code=422" } }));
    expect(error).toBeInstanceOf(ConvertValidationError);
    expect(error.code).toBe(422);
    expect(error.fields).toEqual(["results_per_page"]);
    expect(error.messages).toEqual(["The 'results_per_page' parameter must be between 0 and 50."]);
  });

  it("422, the example that names it in parameters: the client reads both keys", async () => {
    const error = await failure(convert.getGoalsList({ body: {}, headers: { Prefer: "code=422, example=parameters" } }));
    expect(error).toBeInstanceOf(ConvertValidationError);
    expect(error.fields).toEqual(["include"]);
    expect((error.body as { parameters?: unknown }).parameters).toEqual(["include"]);
  });

  it("429: ConvertRateLimitError once retries are used up", async () => {
    const error = await failure(convert.getProjectsList({ body: {}, headers: { Prefer: "code=429" }, maxRetries: 0 }));
    expect(error).toBeInstanceOf(ConvertRateLimitError);
    expect(error.body).toEqual({ code: 429, message: "Too many requests. Slow down and try again later." });
  });

  it("another status (500) answers the default example: ConvertServerError", async () => {
    const error = await failure(convert.getProject({ path: project, headers: { Prefer: "code=500" }, maxRetries: 0 }));
    expect(error).toBeInstanceOf(ConvertServerError);
    expect(error.body).toEqual({ code: 500, message: "Internal server error. Please try again later." });
  });

  it("every error status the spec lists has its own body, never another status's", async () => {
    const bodies = new Map<number, unknown>();
    for (const status of [401, 404, 422, 429, 500]) {
      const error = await failure(convert.getGoal({ path: { goal_id: 100500 }, headers: { Prefer: `code=${status}` }, maxRetries: 0 }));
      expect(error.status).toBe(status);
      expect((error.body as { code?: unknown }).code).toBe(status);
      bodies.set(status, error.body);
    }
    expect(new Set([...bodies.values()].map((body) => JSON.stringify(body))).size).toBe(5);
  });
});

describe("the mock's own checks answer the same examples", () => {
  it("a request without credentials: 401 with the authentication message", async () => {
    const anonymous = createConvertClient({ baseUrl: inject("prismUrl"), auth: { type: "none" }, accountId: 100012 });
    const error = await failure(anonymous.getProject({ path: project }));
    expect(error).toBeInstanceOf(ConvertAuthenticationError);
    expect(error.messages[0]).toMatch(/^Unauthorized/);
  });

  it("a body the spec refuses (results_per_page above 50): 422 with fields", async () => {
    const error = await failure(convert.getGoalsList({ body: { results_per_page: 51 } }));
    expect(error).toBeInstanceOf(ConvertValidationError);
    expect(error.fields).toEqual(["results_per_page"]);
    // Prism says what it found wrong in a header of its own.
    expect(error.headers["sl-violations"]).toContain("results_per_page");
  });
});

describe("list answers are one page", () => {
  it("the example's pagination says page 1 of 1", async () => {
    const page = await convert.getGoalsList({ body: {} });
    expect(page.extra?.pagination).toMatchObject({ current_page: 1, pages_count: 1 });
    expect(page.extra?.pagination?.items_count).toBe(page.data?.length);
  });

  it("paginate asks for one page and stops", async () => {
    const { client, answers } = recordingDefaultsClient();
    const names: (string | undefined)[] = [];
    for await (const experience of client.paginate("getExperiencesList", { body: {} })) names.push(experience.name);
    expect(answers).toHaveLength(1);
    expect(names).toEqual(["Homepage hero test", "Checkout trust badges"]);
  });

  it("a running experience is running", async () => {
    const experience = await convert.getExperience({ path: { experience_id: 100200 } });
    expect(experience.status).toBe("active");
  });
});
