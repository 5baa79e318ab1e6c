import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { anonymousClient, defaultsClient } from "../support/contract.js";

const convert = prismClient();
const anonymous = anonymousClient();

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

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Collaborators: getAccountUsersAccessesList", async () => {
    expect(Array.isArray((await methods.getAccountUsersAccessesList()).data)).toBe(true);
  });
});
