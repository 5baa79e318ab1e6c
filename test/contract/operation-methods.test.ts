// One representative operation of every tag, called through the operation methods of a client
// that fills account_id / project_id from its options, against the Prism mock.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createConvertClient, type ConvertClient } from "../../src/index.js";
import { ConvertSession } from "../../src/session.js";
import { ids, signing } from "../support/clients.js";

const convert = createConvertClient({ baseUrl: inject("prismUrl"), auth: signing, accountId: ids.account_id, projectId: ids.project_id });
const experience = { experience_id: 100200 };
let cookieClient: ConvertClient<"account_id" | "project_id">;

beforeAll(async () => {
  // AI content accepts only the session cookie.
  const session = new ConvertSession({ baseUrl: inject("prismUrl") });
  await session.login({ username: "jane.doe@example.com", password: "correct horse battery" });
  cookieClient = createConvertClient({ baseUrl: inject("prismUrl"), auth: { type: "session", session }, accountId: ids.account_id, projectId: ids.project_id });
});

describe("operation methods, one per tag", () => {
  it("Cookie Authentication: doAuth", async () => {
    const anonymous = createConvertClient({ baseUrl: inject("prismUrl"), auth: { type: "none" } });
    const answer = await anonymous.doAuth({ body: { requestType: "initiatePasswordAuth", data: { username: "a@example.com", password: "pw" } } });
    expect(answer["auth-code"]).toBe("SUCCESS");
  });
  it("User: getAccessRoles", async () => expect(Array.isArray((await convert.getAccessRoles()).data)).toBe(true));
  it("Accounts: getAccountDetails with the default account", async () => {
    expect(typeof (await convert.getAccountDetails()).data).toBe("object");
  });
  it("AI content: generateTextVariants", async () => {
    const answer = await cookieClient.generateTextVariants({
      body: { parameters: { variationsNumber: 2 }, content: "Start your free trial", principle_class: "none" },
    });
    expect(Array.isArray(answer.data?.variants)).toBe(true);
  });
  it("Collaborators: getAccountUsersAccessesList", async () => {
    expect(Array.isArray((await convert.getAccountUsersAccessesList()).data)).toBe(true);
  });
  it("API Keys: getApiKeysList", async () => expect(Array.isArray((await convert.getApiKeysList()).data)).toBe(true));
  it("Projects: getProject with both defaults", async () => expect((await convert.getProject()).id).toBe(10034));
  it("SDK Keys: getSdkKeysList", async () => expect(Array.isArray((await convert.getSdkKeysList()).data)).toBe(true));
  it("Experiences: getExperiencesList", async () => {
    const page = await convert.getExperiencesList({ body: { page: 1, results_per_page: 5 } });
    expect(typeof page.extra?.pagination?.items_count).toBe("number");
  });
  it("Experience Variations: getExperienceVariationScreenshot", async () => {
    expect(await convert.getExperienceVariationScreenshot({ path: { ...experience, variation_id: 100300 } })).toBeDefined();
  });
  it("Experience Sections: getSections", async () => {
    expect(Array.isArray((await convert.getSections({ path: experience })).data)).toBe(true);
  });
  it("Section Versions: deleteExperienceSectionVersion", async () => {
    const answer = await convert.deleteExperienceSectionVersion({ path: { ...experience, section_id: "s1", version_id: "v1" } });
    expect(typeof answer.message).toBe("string");
  });
  it("Version Changes: getExperienceChange", async () => {
    const change = await convert.getExperienceChange({ path: { ...experience, change_id: 100400 } });
    expect(typeof change.type).toBe("string");
  });
  it("Experiences Reports: getExperienceReportSettings", async () => {
    expect(await convert.getExperienceReportSettings({ path: experience })).toBeTypeOf("object");
  });
  it("Goals: getGoalsList", async () => expect(Array.isArray((await convert.getGoalsList()).data)).toBe(true));
  it("Hypotheses: getHypothesesList", async () => expect(Array.isArray((await convert.getHypothesesList()).data)).toBe(true));
  it("Knowledge Bases: getKnowledgeBasesList", async () => {
    expect(Array.isArray((await convert.getKnowledgeBasesList()).data)).toBe(true);
  });
  it("Observations: getObservationsList", async () => expect(Array.isArray((await convert.getObservationsList()).data)).toBe(true));
  it("Locations: getLocationsList", async () => expect(Array.isArray((await convert.getLocationsList()).data)).toBe(true));
  it("Audiences: getAudiencesList", async () => expect(Array.isArray((await convert.getAudiencesList()).data)).toBe(true));
  it("Domains: getDomainsList", async () => expect(Array.isArray((await convert.getDomainsList()).data)).toBe(true));
  it("Cdn Images: getCdnImagesList", async () => expect(Array.isArray((await convert.getCdnImagesList()).data)).toBe(true));
  it("Tags: getTagsList", async () => expect(Array.isArray((await convert.getTagsList()).data)).toBe(true));
  it("Features: getFeaturesList", async () => expect(Array.isArray((await convert.getFeaturesList()).data)).toBe(true));
  it("an explicit path parameter wins over the client's default", async () => {
    const urls: string[] = [];
    const logged = createConvertClient({ baseUrl: inject("prismUrl"), auth: signing, accountId: ids.account_id, projectId: ids.project_id, logger: (e) => urls.push(e.url) });
    await logged.getProject({ path: { project_id: 20001 } });
    expect(new URL(urls[0]!).pathname).toBe(`/accounts/${ids.account_id}/projects/20001`);
  });
});

describe("paginate against the mock", () => {
  it("the README's quick-start loop finishes (the mock answers page 1 of 2 to every page asked)", async () => {
    const requests: number[] = [];
    const logged = createConvertClient({
      baseUrl: inject("prismUrl"),
      auth: signing,
      accountId: ids.account_id,
      projectId: ids.project_id,
      logger: (event) => void (event.type === "response" && requests.push(event.status)),
    });
    const seen: unknown[] = [];
    for await (const experience of logged.paginate("getExperiencesList", { body: { results_per_page: 50 } })) seen.push(experience);
    expect(seen.length).toBeGreaterThan(0);
    expect(requests).toEqual([200, 200]);
  });
});
