import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { ConvertClient, Schema } from "../../src/index.js";
import { ConvertConfigError, ConvertValidationError } from "../../src/index.js";
import { defaultsClient, globalSecurityClients, recordingDefaultsClient } from "../support/contract.js";

type VisitorDataPlaceholder = Schema<"VisitorDataPlaceholder">;

const violations = (error: unknown) => (error as ConvertValidationError).headers["sl-violations"];

describe("Visitor Data Placeholders", () => {
  const convert = defaultsClient();

  it("getVisitorsDataPlaceholdersList answers a page of placeholders", async () => {
    const page = await convert.getVisitorsDataPlaceholdersList({ body: { search: "name", page: 1, results_per_page: 30 } });
    expectTypeOf(page.data).toEqualTypeOf<VisitorDataPlaceholder[] | undefined>();
    expect(page.data?.map((placeholder) => placeholder.placeholder)).toEqual(["first_name", "plan"]);
    expect(page.extra?.pagination).toEqual({ current_page: 1, items_count: 2, items_per_page: 30, pages_count: 1 });
  });

  it("createVisitorsDataPlaceholder answers 201 with the new placeholder's id", async () => {
    const { client, answers } = recordingDefaultsClient();
    const placeholder = await client.createVisitorsDataPlaceholder({ body: { placeholder: "first_name", default_value: "there" } });
    expect(answers.map((answer) => answer.status)).toEqual([201]);
    expect(placeholder.id).toBe(100700);
  });

  it("getVisitorsDataPlaceholder reads one placeholder by placeholder_id", async () => {
    const { client, answers } = recordingDefaultsClient();
    const placeholder = await client.getVisitorsDataPlaceholder({ path: { placeholder_id: 100700 } });
    expect(new URL(answers[0]!.url).pathname).toMatch(/\/visitors-data\/placeholders\/100700$/);
    expect(placeholder.placeholder).toBe("first_name");
  });

  it("updateVisitorsDataPlaceholder and deleteVisitorsDataPlaceholder take the id as placeholderId", async () => {
    const { client, answers } = recordingDefaultsClient();
    const updated = await client.updateVisitorsDataPlaceholder({ path: { placeholderId: 100700 }, body: { default_value: "friend" } });
    const deleted = await client.deleteVisitorsDataPlaceholder({ path: { placeholderId: 100700 } });
    expect(answers.map((answer) => new URL(answer.url).pathname.replace(/^.*\/visitors-data/, ""))).toEqual([
      "/placeholders/100700/update",
      "/placeholders/100700/delete",
    ]);
    expect(typeof updated.placeholder).toBe("string");
    expect(typeof deleted.message).toBe("string");
  });

  it("the snake-case name does not fill {placeholderId}: the call is refused before sending", async () => {
    // @ts-expect-error these two paths spell the parameter placeholderId
    const call = convert.deleteVisitorsDataPlaceholder({ path: { placeholder_id: 100700 } });
    await expect(call).rejects.toThrowError(ConvertConfigError);
  });

  it("422 when a new placeholder has no name", async () => {
    // @ts-expect-error placeholder is required
    const error = await convert.createVisitorsDataPlaceholder({ body: { default_value: "there" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConvertValidationError);
    expect(violations(error)).toContain("placeholder");
  });

  it("422 for a name longer than 128 characters", async () => {
    const body = { placeholder: "p".repeat(129) };
    const error = await convert.updateVisitorsDataPlaceholder({ path: { placeholderId: 100700 }, body }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConvertValidationError);
    expect(violations(error)).toContain("placeholder");
  });
});

describe.each(globalSecurityClients)("operation methods, authenticated by %s", (_auth, connect) => {
  let convert: ConvertClient<"account_id" | "project_id">;
  beforeAll(async () => {
    convert = await connect();
  });

  it("getVisitorsDataPlaceholdersList", async () =>
    expect((await convert.getVisitorsDataPlaceholdersList()).extra?.pagination?.pages_count).toBe(1));
  it("createVisitorsDataPlaceholder", async () =>
    expect((await convert.createVisitorsDataPlaceholder({ body: { placeholder: "first_name" } })).id).toBe(100700));
  it("getVisitorsDataPlaceholder", async () =>
    expect((await convert.getVisitorsDataPlaceholder({ path: { placeholder_id: 100700 } })).id).toBe(100700));
  it("updateVisitorsDataPlaceholder", async () =>
    expect((await convert.updateVisitorsDataPlaceholder({ path: { placeholderId: 100700 }, body: { default_value: "friend" } })).id).toBe(
      100700,
    ));
  it("deleteVisitorsDataPlaceholder", async () =>
    expect(typeof (await convert.deleteVisitorsDataPlaceholder({ path: { placeholderId: 100700 } })).message).toBe("string"));
});
