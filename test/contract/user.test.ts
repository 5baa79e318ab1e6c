import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema, SchemaInput } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

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

describe("operation methods", () => {
  const methods = defaultsClient();
  it("User: getAccessRoles", async () => expect(Array.isArray((await methods.getAccessRoles()).data)).toBe(true));
});
