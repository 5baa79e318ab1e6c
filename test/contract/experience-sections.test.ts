import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultedExperience, defaultsClient } from "../support/contract.js";
import { newChanges, sectionIdPattern } from "../support/experience-changes.js";

const convert = prismClient();
const experience = { ...ids, experience_id: 100100 };
const section = { ...experience, section_id: "s1" };

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
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/sections/add",
      {
        params: { path: experience },
        // @ts-expect-error versions is required
        body: { id: "s3", name: "No versions" },
      },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("versions");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Experience Sections: getSections", async () => {
    expect(Array.isArray((await methods.getSections({ path: defaultedExperience })).data)).toBe(true);
  });
});
