import { describe, expect, expectTypeOf, it } from "vitest";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient, defaultsClientPerAuth } from "../support/contract.js";

const convert = prismClient();

describe("SDK Keys", () => {
  it("getSdkKeysList lists keys", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/sdk-keys", {
      params: { path: ids },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
  });

  it("createSdkKey answers 201 with the key", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/sdk-keys/create", {
      params: { path: ids },
      body: { name: "Production SDK", environment: "production", has_secret: false },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.sdk_key).toBe("string");
  });

  it("updateSdkKey sends only the fields to change and answers with the key", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/sdk-keys/{sdk_key}/update", {
      params: { path: { ...ids, sdk_key: "100012/10034" } },
      body: { status: "disabled" },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.sdk_key).toBe("string");
    expect(["enabled", "disabled"]).toContain(data?.status);
  });

  it("deleteSdkKey answers a success message", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/sdk-keys/{sdk_key}/delete", {
      params: { path: { ...ids, sdk_key: "100012/10034" } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });
});

describe("requests Prism rejects", () => {
  it("422 when a required body field is missing", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/sdk-keys/create", {
      params: { path: ids },
      // @ts-expect-error environment is required
      body: { name: "No environment" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("environment");
  });

  it("422 for an SDK key status outside the enum", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/sdk-keys/{sdk_key}/update", {
      params: { path: { ...ids, sdk_key: "100012/10034" } },
      // @ts-expect-error status is "enabled" or "disabled"
      body: { status: "paused" },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("status");
  });

  it("422 for a body field of the wrong type, with an ErrorData body", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/sdk-keys/create", {
      params: { path: ids },
      // @ts-expect-error has_secret is a boolean
      body: { name: "Staging SDK", environment: "staging", has_secret: "no" },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("has_secret");
    expectTypeOf(error!.message).toEqualTypeOf<string | string[] | undefined>();
    expectTypeOf(error!.parameters).toEqualTypeOf<string | string[] | undefined>();
    expect(typeof error?.code).toBe("number");
    expect(typeof error?.message).toBe("string");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("SDK Keys: getSdkKeysList", async () => expect(Array.isArray((await methods.getSdkKeysList()).data)).toBe(true));

  it("SDK Keys: updateSdkKey with each auth type", async () => {
    for (const [auth, client] of Object.entries(await defaultsClientPerAuth())) {
      const key = await client.updateSdkKey({ path: { sdk_key: "100012/10034" }, body: { name: "Production SDK (old)" } });
      expect(typeof key.name, auth).toBe("string");
    }
  });
});
