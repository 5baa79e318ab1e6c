import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { type ConvertClient, ConvertConfigError, type Schema } from "../../src/index.js";
import { prismClient } from "../support/clients.js";
import { anonymousClient, sessionCookie as session, signedInDefaultsClient } from "../support/contract.js";

/** OAuth client management accepts only the session cookie: no API key, no OAuth token. */
const anonymous = anonymousClient();
const clientId = "7305218";

describe("OAuth", () => {
  it("listOauthClients lists the user's clients with the session cookie", async () => {
    const { data, response } = await anonymous.GET("/auth/oauth/clients", { headers: session });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Schema<"OAuthClientData">[]>();
    expect(data?.data[0]?.id).toBe(clientId);
    expect(new URL(data!.data[0]!.callback_url).protocol).toBe("https:");
    expect(typeof data?.data[0]?.embedded).toBe("boolean");
  });

  it("createOauthClient registers a client", async () => {
    const { data, response } = await anonymous.POST("/auth/oauth/clients", {
      headers: session,
      body: { name: "Acme reporting dashboard", callback_url: "https://dashboard.acme.example/oauth/convert/callback", embedded: false },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.id).toBe("string");
    expect(typeof data?.name).toBe("string");
  });

  it("updateOauthClient changes a client, named `id` in its path", async () => {
    const { data, response } = await anonymous.POST("/auth/oauth/clients/{id}/update", {
      params: { path: { id: clientId } },
      headers: session,
      body: { embedded: true },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toMatch(/\/auth\/oauth\/clients\/7305218\/update$/);
    expect(typeof data?.callback_url).toBe("string");
  });

  it("deleteOauthClient deletes a client, named `client_id` in its path", async () => {
    const { data, response } = await anonymous.DELETE("/auth/oauth/clients/{client_id}", {
      params: { path: { client_id: clientId } },
      headers: session,
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toMatch(/\/auth\/oauth\/clients\/7305218$/);
    expect(data?.code).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("401 with an API key instead of the session cookie", async () => {
    const { response } = await prismClient().GET("/auth/oauth/clients");
    expect(response.status).toBe(401);
  });

  it("422 when a new client has no callback URL", async () => {
    const { error, response } = await anonymous.POST("/auth/oauth/clients", {
      headers: session,
      // @ts-expect-error callback_url is required
      body: { name: "No callback", embedded: false },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("callback_url");
  });

  it("422 for a client name longer than 120 characters", async () => {
    const { response } = await anonymous.POST("/auth/oauth/clients/{id}/update", {
      params: { path: { id: clientId } },
      headers: session,
      body: { name: "x".repeat(121) },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("name");
  });
});

describe("operation methods", () => {
  let cookieClient: ConvertClient<"account_id" | "project_id">;
  beforeAll(async () => {
    cookieClient = await signedInDefaultsClient();
  });

  it("OAuth: listOauthClients", async () => {
    expect((await cookieClient.listOauthClients()).data.length).toBeGreaterThan(0);
  });

  it("OAuth: createOauthClient", async () => {
    const created = await cookieClient.createOauthClient({
      body: { name: "Acme reporting dashboard", callback_url: "https://dashboard.acme.example/oauth/convert/callback", embedded: true },
    });
    expect(typeof created.id).toBe("string");
  });

  it("OAuth: updateOauthClient", async () => {
    const updated = await cookieClient.updateOauthClient({ path: { id: clientId }, body: { name: "Acme reporting (EU)" } });
    expect(typeof updated.name).toBe("string");
  });

  it("OAuth: deleteOauthClient", async () => {
    const deleted = await cookieClient.deleteOauthClient({ path: { client_id: clientId } });
    expect(typeof deleted.message).toBe("string");
  });

  it("refuses a client id that would leave its segment, before sending", async () => {
    // DELETE /auth/oauth/clients/.. would be resolved to DELETE /auth/oauth.
    await expect(cookieClient.deleteOauthClient({ path: { client_id: ".." } })).rejects.toThrowError(
      new ConvertConfigError(
        'deleteOauthClient: path parameter client_id must not be "." or ".." (it would change which operation is called)',
      ),
    );
    await expect(cookieClient.updateOauthClient({ path: { id: "%2e" }, body: {} })).rejects.toBeInstanceOf(ConvertConfigError);
    const { response } = await anonymous.DELETE("/auth/oauth/clients/{client_id}", {
      params: { path: { client_id: "a/b" } },
      headers: session,
    });
    expect(new URL(response.url).pathname).toBe("/auth/oauth/clients/a%2Fb");
  });
});
