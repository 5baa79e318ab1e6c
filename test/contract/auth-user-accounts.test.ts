import { ConvertConfigError } from "../../src/index.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema, SchemaInput } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";

const convert = prismClient();
/** Sign-in, password reset and invitation calls go out without credentials. */
const anonymous = prismClient({ type: "none" });
/** Cookie-only operations: a session cookie instead of an API key. */
const session = { Cookie: "sid=s%3A9f2c4e1a7b3d5f60" };

type AuthRequest = SchemaInput<"AuthRequestData">;
type AuthResponse = Schema<"AuthResponse">;

/** Builds the next sign-in step from an answer: compiles only if `data` narrows per `auth-code`. */
function nextStep(answer: AuthResponse, code: string): AuthRequest | undefined {
  switch (answer["auth-code"]) {
    case "MFA_TOKEN_REQUIRED":
      return {
        requestType: "provideMfaCodeAuth",
        data: { username: answer.data.username, mfaCode: code, sessionToken: answer.data.sessionToken },
      };
    case "NEW_PASSWORD_REQUIRED":
      return {
        requestType: "confirmNewPasswordAuth",
        data: {
          username: answer.data.username,
          newPassword: code,
          confirmNewPassword: code,
          sessionToken: answer.data.sessionToken,
        },
      };
    default:
      return undefined;
  }
}

describe("Cookie Authentication", () => {
  it("doAuth signs in without credentials and sets the sid cookie", async () => {
    const { data, response } = await anonymous.POST("/auth", {
      body: { requestType: "initiatePasswordAuth", data: { username: "jane.doe@example.com", password: "correct-horse" } },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/^sid=/);
    expectTypeOf(data).toEqualTypeOf<AuthResponse | undefined>();
    expect(data?.["auth-code"]).toBe("SUCCESS");
    if (data?.["auth-code"] === "SUCCESS") {
      expect(typeof data.data.profileData?.email).toBe("string");
    }
    expect(nextStep(data!, "492817")).toBeUndefined();
  });

  it("doAuth request types narrow `data`", () => {
    const mfaStep: AuthRequest = {
      requestType: "provideMfaCodeAuth",
      data: { username: "jane.doe@example.com", mfaCode: "492817", sessionToken: "AYABeC3c0n2FhT9qZ0bS1w" },
    };
    expectTypeOf<Extract<AuthRequest, { requestType: "initiatePasswordAuth" }>["data"]>().toHaveProperty("password");
    expectTypeOf<Extract<AuthRequest, { requestType: "provideMfaCodeAuth" }>["data"]["sessionToken"]>().toEqualTypeOf<string>();
    expectTypeOf<Extract<AuthResponse, { "auth-code": "MFA_TOKEN_REQUIRED" | "NEW_PASSWORD_REQUIRED" }>["data"]>().toEqualTypeOf<Schema<"LoginMoreData">>();
    const more: AuthResponse = {
      "auth-code": "MFA_TOKEN_REQUIRED",
      message: "MFA code required",
      data: { username: "jane.doe@example.com", sessionToken: "AYABeC3c0n2FhT9qZ0bS1w" },
    };
    expect(nextStep(more, "492817")).toEqual(mfaStep);
    // @ts-expect-error a password step carries no mfaCode/sessionToken, so it is not an MFA step
    const wrong: AuthRequest = { requestType: "provideMfaCodeAuth", data: { username: "jane.doe@example.com", password: "x" } };
    expect(wrong.requestType).toBe("provideMfaCodeAuth");
  });

  it("doAuth follow-up steps are accepted", async () => {
    const mfa = await anonymous.POST("/auth", {
      body: {
        requestType: "provideMfaCodeAuth",
        data: { username: "jane.doe@example.com", mfaCode: "492817", sessionToken: "AYABeC3c0n2FhT9qZ0bS1w" },
      },
    });
    expect(mfa.response.status).toBe(200);
    const newPassword = await anonymous.POST("/auth", {
      body: {
        requestType: "confirmNewPasswordAuth",
        username: "jane.doe@example.com",
        data: {
          username: "jane.doe@example.com",
          newPassword: "n3w-Passw0rd-2025",
          confirmNewPassword: "n3w-Passw0rd-2025",
          sessionToken: "AYABeC3c0n2FhT9qZ0bS1w",
        },
      },
    });
    expect(newPassword.response.status).toBe(200);
    expect(typeof newPassword.data?.message).toBe("string");
  });

  it("requestForgotPassword needs no credentials", async () => {
    const { data, response } = await anonymous.POST("/auth/forgotpassword", {
      body: { username: "jane.doe@example.com" },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("confirmPasswordReset needs no credentials and answers with an auth-code", async () => {
    const { data, response } = await anonymous.POST("/auth/confirmpasswordreset", {
      body: {
        code: "839201",
        authSub: "3b9d6c1e-7a52-4f0e-9d8b-1c2e4f6a8b0d",
        token: "c1d5e7f9a3b24d6e8f0a1b2c3d4e5f60",
        newPassword: "n3w-Passw0rd-2025",
        confirmNewPassword: "n3w-Passw0rd-2025",
      },
    });
    expect(response.status).toBe(200);
    expect(["SUCCESS", "MFA_TOKEN_REQUIRED", "NEW_PASSWORD_REQUIRED", "NEW_AUTH_REQUIRED", "ERROR"]).toContain(data?.["auth-code"]);
  });

  it("doLogout ends sessions with the session cookie", async () => {
    const { data, response } = await anonymous.POST("/auth/logout", {
      body: { requestType: "otherSessions" },
      headers: session,
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
  });

  it("getAuthStatus reports a live session", async () => {
    const { data, response } = await anonymous.GET("/auth/status", { headers: session });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("401 for a cookie-only operation without the session cookie", async () => {
    const { data, error, response } = await anonymous.POST("/auth/logout", { body: { requestType: "currentSession" } });
    expect(response.status).toBe(401);
    expect(data).toBeUndefined();
    expect(error).toBeDefined();
  });

  it("422 when an MFA step lacks its sessionToken", async () => {
    const { error, response } = await anonymous.POST("/auth", {
      body: {
        requestType: "provideMfaCodeAuth",
        // @ts-expect-error sessionToken is required in an MFA step
        data: { username: "jane.doe@example.com", mfaCode: "492817" },
      },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("sessionToken");
  });
});

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

describe("Accounts", () => {
  const account = { account_id: ids.account_id };

  it("getAccountsList lists accounts", async () => {
    const { data, response } = await convert.GET("/accounts");
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"Account">[] | undefined>();
    expect(typeof data?.data?.[0]?.id).toBe("number");
    expect(["main", "sub"]).toContain(data?.data?.[0]?.accountType);
  });

  it("getBillingPlans lists plans", async () => {
    const { data, response } = await convert.GET("/billing-plans");
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.name).toBe("string");
  });

  it("getAccountLiveData lists recent events", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/livedata", {
      params: { path: account },
      body: { event_types: ["conversion", "transaction"], projects: [ids.project_id], expand: ["project"] },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
  });

  it("getAccountHistory pages changes", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/change-history", {
      params: { path: account },
      body: { page: 1, results_per_page: 20, objects: ["experience", "collaborator"], methods: ["app"], sort_by: "timestamp" },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.extra?.pagination?.items_count).toBe("number");
  });

  it("getAccountActiveCompletedExperiencesList pages experiences", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/experiences", {
      params: { path: account },
      body: { page: 1, projects: [ids.project_id], type: ["a/b"], sort_by: "start_time", search: "checkout", include: ["goals"] },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
  });

  it("getAccountDetails sends include[] and returns the details", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/details", {
      params: { path: account, query: { include: ["stats"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?include[]=stats");
    expect(typeof data?.data?.id).toBe("number");
    expect(data?.data?.accountType).toBe("main");
    if (data?.data?.accountType === "main") {
      expect(typeof data.data.stats?.subAccounts_usage?.used_tested_users).toBe("number");
    }
  });

  it("updateAccountDetails changes a main account", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/details", {
      params: { path: account },
      body: {
        accountType: "main",
        name: "Acme Inc.",
        settings: { blocked_ips: { single: [{ value: "198.51.100.7", name: "QA laptop" }] } },
      },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.data?.name).toBe("string");
  });

  it("createSubAccount answers 200 with the new account", async () => {
    const limit = (limitValue: number) => ({ limitValue });
    const { data, response } = await convert.POST("/accounts/{account_id}/sub-accounts/add", {
      params: { path: account },
      body: {
        name: "Acme Europe",
        userName: "Sam Lee",
        userEmail: "sam.lee@client.example",
        sendUserEmail: true,
        billing: {
          products: {
            experiences: {
              plan: {
                product: "experiences",
                usageLimits: {
                  domains: limit(5),
                  goals: limit(50),
                  deploys: limit(1),
                  projects: limit(3),
                  segments: limit(10),
                  testedUsers: limit(100_000),
                },
              },
            },
          },
        },
      },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.data?.id).toBe("number");
  });

  it("requestAccountAddons answers a success message", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/addons", {
      params: { path: account },
      body: { addon: "convert_remote_1h", collaborator_email: "sam.lee@client.example", collaborator_name: "Sam Lee" },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("startPaymentSetup returns the provider's token", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/payment-setup", {
      params: { path: account },
      body: { billingPlans: [41] },
    });
    expect(response.status).toBe(200);
    expect(["stripe", "paddle"]).toContain(data?.provider);
    if (data?.provider === "stripe") expect(typeof data.client_secret).toBe("string");
    if (data?.provider === "paddle") expect(typeof data.transaction_id).toBe("string");
  });

  it("BillingPlanSetupUsers lists users", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/plan_setup/users", { params: { path: account } });
    expect(response.status).toBe(200);
    expect(typeof data?.data?.[0]?.email).toBe("string");
  });

  it("422 for an add-on outside the enum", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/addons", {
      params: { path: account },
      // @ts-expect-error "free_lunch" is not an add-on
      body: { addon: "free_lunch" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("addon");
  });

  it("422 for an account update without accountType", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/details", {
      params: { path: account },
      // @ts-expect-error accountType tells main and sub accounts apart and is required
      body: { name: "Acme Inc." },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("accountType");
  });

  it("requires the account_id path parameter, in the types and before sending", async () => {
    // @ts-expect-error account_id is missing
    const call = convert.GET("/accounts/{account_id}/details", { params: { path: {} } });
    await expect(call).rejects.toThrowError(new ConvertConfigError("getAccountDetails: path parameter account_id is missing"));
  });
});

describe("AI content", () => {
  it("generateTextVariants rewrites a text with the session cookie", async () => {
    const { data, response } = await anonymous.POST("/accounts/{account_id}/ai/text", {
      params: { path: { account_id: ids.account_id } },
      headers: session,
      body: {
        parameters: { variationsNumber: 3 },
        content: "Start your free trial today",
        context_content: "Acme helps small teams run A/B tests.",
        principle_class: "cialdini",
        principle: "social_proof",
      },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data?.variants)).toBe(true);
    expect(typeof data?.data?.variants?.[0]?.content).toBe("string");
  });

  it("422 when the text to rewrite is missing", async () => {
    const { error, response } = await anonymous.POST("/accounts/{account_id}/ai/text", {
      params: { path: { account_id: ids.account_id } },
      headers: session,
      // @ts-expect-error content is required
      body: { parameters: { variationsNumber: 1 }, principle_class: "none" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("content");
  });

  it("types tie `principle` to `principle_class`", () => {
    type Body = SchemaInput<"GenerateTextVariantsRequestData">;
    expectTypeOf<Extract<Body, { principle_class: "aida" }>["principle"]>().toEqualTypeOf<
      "attention" | "interest" | "desire" | "action"
    >();
    // @ts-expect-error "scarcity" is a Cialdini principle, not an AIDA stage
    const wrong: Body = { parameters: {}, content: "Buy now", principle_class: "aida", principle: "scarcity" };
    expect(wrong.principle_class).toBe("aida");
  });
});

describe("Collaborators", () => {
  const account = { account_id: ids.account_id };

  it("getAccountUsersAccessesList sends expand[] and lists collaborators", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/users-accesses", {
      params: { path: account, query: { expand: ["accesses.project"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?expand[]=accesses.project");
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"AccountAccess">[] | undefined>();
    expect(data?.data?.[0]?.email).toBe("sam.lee@client.example");
  });

  it("updateAccountUserAccesses changes an active collaborator", async () => {
    const { data, response } = await convert.PUT("/accounts/{account_id}/users-accesses/update", {
      params: { path: account },
      body: { user_id: "5f8d0d55b54764421b7156c2", accesses: [{ project: ids.project_id, role: "edit" }] },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data?.accesses)).toBe(true);
  });

  it("addAccountUserAccesses answers 201 with the invitation", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/users-accesses/add", {
      params: { path: account },
      body: {
        email: "sam.lee@client.example",
        first_name: "Sam",
        last_name: "Lee",
        accesses: [{ project: ids.project_id, role: "review" }],
        custom_message: "Welcome aboard.",
        expand: ["accesses.project"],
      },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.data?.email).toBe("string");
  });

  it("deleteAccountUserAccesses removes a pending invitation's access", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/users-accesses/delete", {
      params: { path: account },
      body: { email: "sam.lee@client.example", accesses: [{ project: ids.project_id }] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("checkPartner answers whether the partner is allowed", async () => {
    const { data, response } = await convert.POST("/check-partner", { body: { email: "partner@agency.example" } });
    expect(response.status).toBe(200);
    expect(typeof data?.allowed).toBe("boolean");
  });

  it("acceptInvitation needs no credentials", async () => {
    const { data, response } = await anonymous.POST("/auth/accept-invitation", {
      body: { hash: "8c1f0e7a2b5d4c39a6e1f2b3c4d5e6f7" },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("422 when an invitation has no email", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/users-accesses/add", {
      params: { path: account },
      // @ts-expect-error email is required
      body: { accesses: [{ project: ids.project_id, role: "review" }] },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("email");
  });

  it("422 when a delete names the collaborator both ways", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/users-accesses/delete", {
      params: { path: account },
      body: { user_id: "5f8d0d55b54764421b7156c2", email: "sam.lee@client.example", accesses: [] },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("oneOf");
  });
});
