import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema, SchemaInput } from "../../src/index.js";
import { anonymousClient, sessionCookie as session } from "../support/contract.js";

const anonymous = anonymousClient();

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
    // The live API marks no field of `data` required (a step without them fails, not the schema).
    expectTypeOf<NonNullable<Extract<AuthRequest, { requestType: "initiatePasswordAuth" }>["data"]>>().toHaveProperty("password");
    expectTypeOf<NonNullable<Extract<AuthRequest, { requestType: "provideMfaCodeAuth" }>["data"]>["sessionToken"]>().toEqualTypeOf<
      string | undefined
    >();
    expectTypeOf<Extract<AuthResponse, { "auth-code": "MFA_TOKEN_REQUIRED" | "NEW_PASSWORD_REQUIRED" }>["data"]>().toEqualTypeOf<
      Schema<"LoginMoreData">
    >();
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

  it("422 when an MFA step sends its one-time code as a number", async () => {
    const { error, response } = await anonymous.POST("/auth", {
      body: {
        requestType: "provideMfaCodeAuth",
        // @ts-expect-error mfaCode is a string
        data: { username: "jane.doe@example.com", mfaCode: 492817, sessionToken: "AYABeC3c0n2FhT9qZ0bS1w" },
      },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("mfaCode");
  });
});

describe("operation methods", () => {
  it("Cookie Authentication: doAuth", async () => {
    const answer = await anonymous.doAuth({
      body: { requestType: "initiatePasswordAuth", data: { username: "a@example.com", password: "pw" } },
    });
    expect(answer["auth-code"]).toBe("SUCCESS");
  });
});
