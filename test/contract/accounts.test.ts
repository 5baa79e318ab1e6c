import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient, defaultsClientPerAuth } from "../support/contract.js";

const convert = prismClient();

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

  it("getAccountBillingPortal returns a link into the billing portal", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/billing-portal", { params: { path: account } });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data!.url).toEqualTypeOf<string | null | undefined>();
    expect(new URL(data!.data!.url!).protocol).toBe("https:");
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

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Accounts: getAccountDetails with the default account", async () => {
    expect(typeof (await methods.getAccountDetails()).data).toBe("object");
  });

  it("Accounts: getAccountBillingPortal with each auth type", async () => {
    for (const [auth, client] of Object.entries(await defaultsClientPerAuth())) {
      expect((await client.getAccountBillingPortal()).data?.url, auth).toMatch(/^https:\/\//);
    }
  });
});
