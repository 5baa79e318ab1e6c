import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ids } from "../support/clients.js";
import { anonymousClient, oauthBearer } from "../support/contract.js";

/** requestOauthToken is public: the third-party application has no credentials yet. */
const anonymous = anonymousClient();

const exchange = {
  grant_type: "authorization_code",
  code: "8c1e4b7a92f04d3e",
  client_id: "7305218",
  code_verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
} as const;

describe("OAuth Authorization", () => {
  it("requestOauthToken exchanges a code and a PKCE verifier for a scoped bearer token", async () => {
    const { data, response } = await anonymous.POST("/auth/oauth/token", { body: exchange });
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<Schema<"OAuthTokenResponseData"> | undefined>();
    expect(data?.token_type).toBe("Bearer");
    expect(oauthBearer.Authorization).toBe(`Bearer ${data?.access_token}`);
    expect(data?.expires_at).toBeGreaterThan(1_700_000_000);
    expect(data?.scope.mode).toBe("selected_accounts_projects");
    expect(data?.scope.accounts?.[0]?.account_id).toBe(ids.account_id);
    expect(data?.scope.accounts?.[0]?.projects?.[0]).toMatchObject({ project_id: ids.project_id, role: "admin" });
  });

  it("422 for a code_verifier shorter than PKCE allows", async () => {
    const { error, response } = await anonymous.POST("/auth/oauth/token", { body: { ...exchange, code_verifier: "too-short" } });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("code_verifier");
  });

  it("422 for a grant type other than authorization_code", async () => {
    const { response } = await anonymous.POST("/auth/oauth/token", {
      // @ts-expect-error only the authorization-code grant exists
      body: { ...exchange, grant_type: "client_credentials" },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("grant_type");
  });

  it("the access token is accepted on account and project data, refused on cookie-only operations", async () => {
    const project = await anonymous.GET("/accounts/{account_id}/projects/{project_id}", { params: { path: ids }, headers: oauthBearer });
    expect(project.response.status).toBe(200);
    expect(project.data?.id).toBe(ids.project_id);
    const report = await anonymous.POST("/accounts/{account_id}/projects/{project_id}/experiences/{experience_id}/aggregated_report", {
      params: { path: { ...ids, experience_id: 100200 } },
      headers: oauthBearer,
      body: {},
    });
    expect(report.response.status).toBe(200);
    const clients = await anonymous.GET("/auth/oauth/clients", { headers: oauthBearer });
    expect(clients.response.status).toBe(401);
  });
});

describe("where the spec lists the OAuth access token", () => {
  type Security = Record<string, string[]>[];
  const spec = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8")) as {
    security: Security;
    paths: Record<string, Record<string, { operationId: string; security?: Security }>>;
  };
  const schemes = Object.values(spec.paths)
    .flatMap((item) => Object.values(item))
    .map(({ operationId, security }) => ({ operationId, names: (security ?? spec.security).flatMap((entry) => Object.keys(entry)) }));

  it("wherever an API key is accepted, and nowhere else", () => {
    const mismatched = schemes
      .filter(({ names }) => names.includes("requestSigning") !== names.includes("oauthAccessToken"))
      .map(({ operationId }) => operationId);
    expect(mismatched).toEqual([]);
    expect(spec.security.flatMap((entry) => Object.keys(entry))).toContain("oauthAccessToken");
  });

  it("not on the token exchange itself (public) nor on the cookie-only operations", () => {
    const names = (id: string) => schemes.find(({ operationId }) => operationId === id)?.names;
    expect(names("requestOauthToken")).toEqual([]);
    const cookieOnly = ["listOauthClients", "createOauthClient", "updateOauthClient", "deleteOauthClient"];
    const sessions = ["listUserSessions", "revokeUserSession", "revokeAllUserSessions"];
    for (const id of [...cookieOnly, ...sessions]) expect(names(id), id).toEqual(["cookieAuthentication"]);
  });
});

describe("operation methods", () => {
  it("OAuth Authorization: requestOauthToken", async () => {
    const token = await anonymous.requestOauthToken({ body: exchange });
    expect(token.access_token).toMatch(/^\S+$/);
    expect(token.scope.accounts?.length).toBeGreaterThan(0);
  });
});
