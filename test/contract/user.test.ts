import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { ConvertClient, Schema, SchemaInput } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { anonymousClient, defaultsClient, sessionCookie as session, signedInDefaultsClient } from "../support/contract.js";

const convert = prismClient();

describe("User", () => {
  it("getAccessRoles lists roles with permissions", async () => {
    const { data, response } = await convert.GET("/access-roles");
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"AccessRole">[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(data?.data?.[0]?.name).toBe("admin");
    expect(typeof data?.data?.[0]?.permissions?.experience?.edit).toBe("boolean");
  });

  it("getUserData returns the user", async () => {
    const { data, response } = await convert.GET("/user");
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<Schema<"User"> | undefined>();
    expect(data?.profileData?.email).toBe("jane.doe@example.com");
    expect(Array.isArray(data?.mfa_backup_codes)).toBe(true);
  });

  it("updateUserProfileData changes the name and enables MFA", async () => {
    const { data, response } = await convert.PUT("/user", {
      body: { firstName: "Jane", lastName: "Doe", mfa: { type: "enable", mfaCode: "492817", password: "correct-horse" } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.profileData?.firstName).toBe("string");
  });

  it("confirmEmail confirms an email change", async () => {
    const { data, response } = await convert.POST("/user/confirm-email", { body: { code: "573920" } });
    expect(response.status).toBe(200);
    expect(typeof data?.profileData?.user_id).toBe("string");
  });

  it("updateUserPreferences saves preferences", async () => {
    const { data, response } = await convert.POST("/user/preferences", {
      body: {
        editorSettings: { codeLinterOn: true, codeBoxId: "variationCss" },
        displaySettings: { projectGoals: { columns: [{ name: "name", visible: true }] } },
        generalSettings: { lastOpenAccount: ids.account_id, lastOpenProject: ids.project_id },
        mfaEnabled: false,
      },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.preferences?.mfaEnabled).toBe("boolean");
  });

  it("generateMfaSecret returns a secret", async () => {
    const { data, response } = await convert.POST("/user/mfa-secret");
    expect(response.status).toBe(200);
    expect(data?.mfa_secret).toMatch(/^[A-Z2-7]+$/);
  });

  it("acceptDemoProject answers a success message", async () => {
    const { data, response } = await convert.POST("/user/accept-demo-project");
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("422 when the email confirmation code is missing", async () => {
    const { error, response } = await convert.POST("/user/confirm-email", {
      // @ts-expect-error code is required
      body: {},
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("code");
  });

  it("types reject a wrong field type", () => {
    const body: SchemaInput<"ConfirmEmailRequestData"> = { code: "573920" };
    expectTypeOf(body.code).toEqualTypeOf<string>();
    // @ts-expect-error code is a string
    const wrong: SchemaInput<"ConfirmEmailRequestData"> = { code: 573920 };
    expect(typeof wrong.code).toBe("number");
  });
});

describe("User sessions (session cookie only)", () => {
  const anonymous = anonymousClient();

  it("listUserSessions lists cookie and OAuth sessions", async () => {
    const { data, response } = await anonymous.POST("/user/sessions", { headers: session });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"UserSessionEntry">[]>();
    expect(data?.data.map((entry) => entry.authorized_type)).toEqual(["session_cookie", "oauth"]);
    expect(typeof data?.data[1]?.client).toBe("string");
    expect(data?.data[1]?.expires_at).toBeGreaterThan(data?.data[1]?.created_at ?? Number.POSITIVE_INFINITY);
  });

  it("revokeUserSession revokes one session by sid", async () => {
    const { data, response } = await anonymous.POST("/user/sessions/revoke", { headers: session, body: { sid: "3b8e1f6a0c9d4e27" } });
    expect(response.status).toBe(200);
    expect(data?.code).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("revokeAllUserSessions revokes every session", async () => {
    const { data, response } = await anonymous.POST("/user/sessions/revoke-all", { headers: session });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("401 with an API key instead of the session cookie", async () => {
    const { response } = await convert.POST("/user/sessions");
    expect(response.status).toBe(401);
  });

  it("422 when the session to revoke is not named", async () => {
    const { response } = await anonymous.POST("/user/sessions/revoke", {
      headers: session,
      // @ts-expect-error sid is required
      body: {},
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("sid");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("User: getAccessRoles", async () => expect(Array.isArray((await methods.getAccessRoles()).data)).toBe(true));

  let cookieClient: ConvertClient<"account_id" | "project_id">;
  beforeAll(async () => {
    cookieClient = await signedInDefaultsClient();
  });

  it("User: listUserSessions", async () => {
    expect((await cookieClient.listUserSessions()).data.length).toBeGreaterThan(0);
  });

  it("User: revokeUserSession", async () => {
    expect(typeof (await cookieClient.revokeUserSession({ body: { sid: "3b8e1f6a0c9d4e27" } })).message).toBe("string");
  });

  it("User: revokeAllUserSessions", async () => {
    expect(typeof (await cookieClient.revokeAllUserSessions()).message).toBe("string");
  });
});
