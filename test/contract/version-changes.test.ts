import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema, SchemaInput } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultedExperience, defaultsClient } from "../support/contract.js";
import type { ChangeAdd } from "../support/experience-changes.js";

type ExperienceChange = Schema<"ExperienceChange">;
type ChangeUpdate = SchemaInput<"ExperienceChangeUpdate">;
type ChangeType = NonNullable<Schema<"ExperienceChangeBase">["type"]>;

const convert = prismClient();
const experience = { ...ids, experience_id: 100100 };
const change = { ...experience, change_id: 100400 };

describe("Version Changes", () => {
  it("getExperienceChange returns a change narrowed by type", async () => {
    const { data, response } = await convert.GET(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/changes/{change_id}",
      {
        params: { path: change },
      },
    );
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<ExperienceChange | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(["defaultCode", "defaultCodeMultipage", "defaultRedirect", "customCode", "richStructure", "fullStackFeature"]).toContain(
      data?.type,
    );
    if (data?.type === "defaultCode") {
      expectTypeOf(data.data!.custom_js).toEqualTypeOf<string | null | undefined>();
      expect(typeof data.data?.css).toBe("string");
    }
  });

  it("updateExperienceChange answers with the saved change", async () => {
    const { data, response } = await convert.PUT(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/changes/{change_id}",
      {
        params: { path: change },
        body: { type: "customCode", data: { css: ".hero { display: none; }", js: null } },
      },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.type).toBe("string");
  });

  it("422 when the change type is not one of the six", async () => {
    const { error, response } = await convert.PUT(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/changes/{change_id}",
      {
        params: { path: change },
        // @ts-expect-error "inlineStyle" is not a change type
        body: { type: "inlineStyle", data: { css: "a { color: red; }" } },
      },
    );
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

  it("types reject a missing path parameter", async () => {
    await expect(
      convert.GET("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/changes/{change_id}", {
        // @ts-expect-error change_id is missing
        params: { path: experience },
      }),
    ).rejects.toThrowError(ConvertConfigError);
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Version Changes: getExperienceChange", async () => {
    const change = await methods.getExperienceChange({ path: { ...defaultedExperience, change_id: 100400 } });
    expect(typeof change.type).toBe("string");
  });
});
