import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type KnowledgeBase = Schema<"KnowledgeBase">;

const convert = prismClient();

describe("Knowledge Bases", () => {
  const knowledgeBase = { ...ids, knowledge_base_id: 400100 };

  it("getKnowledgeBasesList pages knowledge bases with filters", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/knowledge-bases", {
      params: { path: ids },
      body: { page: 1, sort_by: "updated_at", sort_direction: "desc", status: ["active"], tags: [101200], search: "checkout" },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<KnowledgeBase[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.name).toBe("string");
  });

  it("getKnowledgeBase sends expand[] and returns one knowledge base", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/knowledge-bases/{knowledge_base_id}", {
      params: { path: knowledgeBase, query: { expand: ["project", "tags"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?expand[]=project&expand[]=tags");
    expect(data?.id).toBe(400100);
    expect(["active", "archived"]).toContain(data?.status);
    expect(typeof data?.summary).toBe("string");
  });

  it("createKnowledgeBase answers 201 with only a name", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/knowledge-bases/add", {
      params: { path: ids },
      body: { name: "Checkout learnings" },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
  });

  it("createKnowledgeBase takes a summary and tags", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/knowledge-bases/add", {
      params: { path: ids, query: { expand: ["tags"] } },
      body: { name: "Pricing page learnings", status: "active", summary: "Annual plans first sell better.", tags: [{ name: "pricing" }] },
    });
    expect(response.status).toBe(201);
    expect(Array.isArray(data?.tags)).toBe(true);
  });

  it("updateKnowledgeBase changes the status", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/knowledge-bases/{knowledge_base_id}/update-status",
      { params: { path: knowledgeBase }, body: { status: "archived" } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.id).toBe("number");
  });

  it("deleteKnowledgeBase answers with the deleted knowledge base", async () => {
    const { data, response } = await convert.DELETE(
      "/accounts/{account_id}/projects/{project_id}/knowledge-bases/{knowledge_base_id}/delete",
      { params: { path: knowledgeBase } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("bulkKnowledgeBasesUpdate sets a status on several knowledge bases", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/knowledge-bases/bulk-update", {
      params: { path: ids },
      body: { id: [400100, 400101], status: "active" },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkKnowledgeBasesDelete deletes several knowledge bases", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/knowledge-bases/bulk-delete", {
      params: { path: ids },
      body: { id: [400100] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
  });

  it("422 for a knowledge base status outside the enum", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/knowledge-bases/bulk-update", {
      params: { path: ids },
      // @ts-expect-error "deleted" is not a knowledge base status
      body: { id: [400100], status: "deleted" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("status");
  });

  it("422 when createKnowledgeBase has no name", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/knowledge-bases/add", {
      params: { path: ids },
      // @ts-expect-error name is required
      body: { summary: "Nameless" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("name");
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Knowledge Bases: getKnowledgeBasesList", async () => {
    expect(Array.isArray((await methods.getKnowledgeBasesList()).data)).toBe(true);
  });
});
