import { describe, expect, inject, it } from "vitest";
import { ConvertAuthenticationError, createConvertClient } from "../../src/index.js";
import { ConvertSession } from "../../src/session/index.js";
import { ids, prismClient, TEST_KEY } from "../support/clients.js";

// Prism checks that each request carries what one of the operation's security schemes needs.
const experience = { ...ids, experience_id: 100200 };

describe("each auth method against the Prism mock", () => {
  it("request signing", async () => {
    const project = await prismClient({ type: "requestSigning", ...TEST_KEY }).getProject({ path: ids });
    expect(project.id).toBe(10034);
  });

  it("secret key", async () => {
    const project = await prismClient({ type: "secretKey", ...TEST_KEY }).getProject({ path: ids });
    expect(project.id).toBe(10034);
  });

  it("cookie session: login sets sid, calls carry it, logout forgets it", async () => {
    const session = new ConvertSession({ baseUrl: inject("prismUrl") });
    const result = await session.login({ username: "jane.doe@example.com", password: "correct horse battery" });
    expect(result.status).toBe("signedIn");
    expect(session.hasSessionCookie).toBe(true);
    const convert = createConvertClient({ baseUrl: inject("prismUrl"), auth: { type: "session", session } });
    const user = await convert.getUserData();
    expect(typeof user.profileData?.email).toBe("string");
    expect((await session.status()).active).toBe(true);
    await session.logout();
    expect(session.hasSessionCookie).toBe(false);
    await expect(convert.getUserData()).rejects.toBeInstanceOf(ConvertAuthenticationError);
  });

  it("report token, only where the operation accepts it", async () => {
    // (getExperience accepts it too, but Prism serves .../experiences/<value> with its by-key twin,
    // which does not: see .redocly.lint-ignore.yaml.)
    const reports = prismClient({ type: "reportToken", reportToken: "3f9c2a7be1d04c5a8e6b" });
    const report = await reports.getExperienceAggregatedReport({ path: experience, body: {} });
    expect(report).toBeTypeOf("object");
    await expect(reports.getProject({ path: ids })).rejects.toBeInstanceOf(ConvertAuthenticationError);
  });

  it("no credentials: only the operations that need none", async () => {
    const anonymous = prismClient({ type: "none" });
    const answer = await anonymous.requestForgotPassword({ body: { username: "jane.doe@example.com" } });
    expect(typeof answer.message).toBe("string");
    await expect(anonymous.getProject({ path: ids })).rejects.toBeInstanceOf(ConvertAuthenticationError);
  });
});
