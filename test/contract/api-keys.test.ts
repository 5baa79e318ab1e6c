import { describe, expect, it } from "vitest";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

const convert = prismClient();

describe("API Keys", () => {
  it("getApiKeysList lists keys", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/api-keys", {
      params: { path: { account_id: ids.account_id } },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data)).toBe(true);
  });

  it("createApiKey answers 201 with the secret", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/api-keys/add", {
      params: { path: { account_id: ids.account_id } },
      body: { name: "CI deploys", projects: [ids.project_id] },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.key_id).toBe("string");
    expect(typeof data?.key_secret).toBe("string");
  });

  it("createApiKey accepts a body with only a name", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/api-keys/add", {
      params: { path: { account_id: ids.account_id } },
      body: { name: "CI deploys" },
    });
    expect(response.status).toBe(201);
    expect(data?.auth_type).toBe("requestSigning");
  });

  it("422 when createApiKey has no name", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/api-keys/add", {
      params: { path: { account_id: ids.account_id } },
      // @ts-expect-error name is required
      body: { projects: [ids.project_id] },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("name");
  });

  it("deleteApiKey answers a success message", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/api-keys/{key_id}/delete", {
      params: { path: { account_id: ids.account_id, key_id: "f2b3e0c7a1d94e6b" } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
  });
});

describe("requests Prism rejects", () => {
  it("401 without credentials", async () => {
    const anonymous = prismClient({ type: "none" });
    const { data, error, response } = await anonymous.GET("/accounts/{account_id}/api-keys", {
      params: { path: { account_id: ids.account_id } },
    });
    expect(response.status).toBe(401);
    expect(data).toBeUndefined();
    expect(error).toBeDefined();
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("API Keys: getApiKeysList", async () => expect(Array.isArray((await methods.getApiKeysList()).data)).toBe(true));
});
