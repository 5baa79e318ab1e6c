import { describe, expect, it } from "vitest";
import { ids, prismClient } from "../support/clients.js";
import { defaultedExperience, defaultsClient } from "../support/contract.js";
import { newChanges, sectionIdPattern } from "../support/experience-changes.js";

const convert = prismClient();
const experience = { ...ids, experience_id: 100100 };
const section = { ...experience, section_id: "s1" };
const version = { ...section, version_id: "v1" };

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
          changes: [
            { id: 100400 },
            { id: 100402, type: "fullStackFeature", data: { feature_id: 100500, variables_data: { enabled: true } } },
          ],
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

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Section Versions: deleteExperienceSectionVersion", async () => {
    const answer = await methods.deleteExperienceSectionVersion({ path: { ...defaultedExperience, section_id: "s1", version_id: "v1" } });
    expect(typeof answer.message).toBe("string");
  });
});
