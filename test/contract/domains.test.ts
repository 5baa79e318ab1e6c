import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type Domain = Schema<"Domain">;

const convert = prismClient();

describe("Domains", () => {
  const domain = { ...ids, domain_id: 101100 };

  it("getDomainsList pages domains", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains", {
      params: { path: ids },
      body: { page: 1, results_per_page: 10, only: [101100, 101101], except: [101102] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Domain[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(data?.data?.[0]?.url).toMatch(/^https?:\/\//);
    expect(typeof data?.extra?.pagination?.items_count).toBe("number");
  });

  it("getDomain returns one domain", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/domains/{domain_id}", {
      params: { path: domain },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<Domain | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.code_installed).toBe("boolean");
  });

  it("getDomainByUrl finds the domain of a URL", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/by_url", {
      params: { path: ids },
      body: { url: "https://shop.acme.example/products/42" },
    });
    expect(response.status).toBe(200);
    expect(data?.url).toMatch(/^https?:\/\//);
  });

  it("checkCodeDomain returns the domain with code_installed", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/{domain_id}/check_code", {
      params: { path: domain },
      body: { url: "https://shop.acme.example/checkout" },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code_installed).toBe("boolean");
  });

  it("createDomain answers 201 with the domain", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/add", {
      params: { path: ids },
      body: { url: "https://blog.acme.example" },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
  });

  it("updateDomain answers with the domain", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/{domain_id}/update", {
      params: { path: domain },
      body: { code_installed: true },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.url).toBe("string");
  });

  it("deleteDomain answers a success message", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/domains/{domain_id}/delete", {
      params: { path: domain },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("bulkDomainsDelete answers with per-id errors", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/bulk-delete", {
      params: { path: ids },
      body: { id: [101100, 101101] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("422 when createDomain has no url", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/add", {
      params: { path: ids },
      // @ts-expect-error url is required
      body: { code_installed: false },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("url");
  });

  it("422 when a bulk id list is empty or longer than 100", async () => {
    for (const id of [[], Array.from({ length: 101 }, (_, i) => 101100 + i)]) {
      const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/bulk-delete", {
        params: { path: ids },
        body: { id },
      });
      expect(response.status).toBe(422);
      expect(error).toBeDefined();
      expect(response.headers.get("sl-violations")).toContain("id");
    }
  });

  it("types reject a wrong field type and a missing path parameter", async () => {
    const wrongType = await convert.POST("/accounts/{account_id}/projects/{project_id}/domains/{domain_id}/update", {
      params: { path: domain },
      // @ts-expect-error code_installed is a boolean
      body: { code_installed: "yes" },
    });
    expect(wrongType.response.status).toBe(422);
    expect(wrongType.response.headers.get("sl-violations")).toContain("code_installed");

    await expect(
      convert.GET("/accounts/{account_id}/projects/{project_id}/domains/{domain_id}", {
        // @ts-expect-error domain_id is required
        params: { path: ids },
      }),
    ).rejects.toThrowError(ConvertConfigError);
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Domains: getDomainsList", async () => expect(Array.isArray((await methods.getDomainsList()).data)).toBe(true));
});
