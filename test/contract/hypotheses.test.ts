import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema, SchemaInput } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type Hypothesis = Schema<"Hypothesis">;
type HypothesisData = Schema<"HypothesisData">;
type KnowledgeBase = Schema<"KnowledgeBase">;

const convert = prismClient();

describe("Hypotheses", () => {
  const hypothesis = { ...ids, hypothesis_id: 300100 };

  it("getHypothesesList pages hypotheses with filters", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses", {
      params: { path: ids },
      body: { page: 1, sort_by: "score", scoreMin: 3, scoreMax: 5, status: ["draft", "applied"], tags: [101200], expand: ["tags"] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<HypothesisData[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(["ICE", "PIE"]).toContain(data?.data?.[0]?.prioritization_score_type);
    expect(typeof data?.extra?.pagination?.pages_count).toBe("number");
  });

  it("getHypothesis sends expand[] and returns one hypothesis", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}", {
      params: { path: hypothesis, query: { expand: ["experiences", "tags"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?expand[]=experiences&expand[]=tags");
    expectTypeOf(data).toEqualTypeOf<Hypothesis | undefined>();
    expect(data?.id).toBe(300100);
    expect(data?.start_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof data?.summary).toBe("string");
    expect(Array.isArray(data?.tags)).toBe(true);
  });

  it("scoring attributes narrow by prioritization_score_type", async () => {
    const { data } = await convert.GET("/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}", {
      params: { path: hypothesis },
    });
    expect(data).toBeDefined();
    const read: Hypothesis = data!;
    if (read.prioritization_score_type === "PIE") {
      expectTypeOf(read.prioritization_score_attributes).toEqualTypeOf<Schema<"PieAttributes"> | undefined>();
      expect(typeof read.prioritization_score_attributes?.potential).toBe("number");
    } else {
      expectTypeOf(read.prioritization_score_attributes).toEqualTypeOf<Schema<"IceAttributes"> | undefined>();
      expect(typeof read.prioritization_score_attributes?.impact).toBe("number");
    }
  });

  it("createHypothesis answers 201 with the hypothesis", async () => {
    const body: SchemaInput<"CreateHypothesisRequestData"> = {
      name: "Trust badges near the pay button",
      status: "draft",
      objective: "Showing payment trust badges next to the pay button should reassure hesitant buyers.",
      summary: "Trust badges should lift payments by 3%.",
      start_date: "2024-05-01",
      prioritization_score_type: "ICE",
      prioritization_score_attributes: { impact: 3, confidence: 4, ease: 5 },
      experiences: [100200],
      tags: [101200, { name: "checkout" }],
    };
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses/add", {
      params: { path: ids, query: { expand: ["tags"] } },
      body,
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.prioritization_score).toBe("string");
  });

  it("updateHypothesis changes fields without a score type", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/update", {
      params: { path: hypothesis },
      body: { name: "Trust badges everywhere", end_date: null },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("updateHypothesis switches the scoring model with matching attributes", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/update", {
      params: { path: hypothesis },
      body: { prioritization_score_type: "PIE", prioritization_score_attributes: { potential: 4, importance: 5, ease: 2 } },
    });
    expect(response.status).toBe(200);
  });

  it("updateHypothesisStatus answers with the hypothesis", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/update-status", {
      params: { path: hypothesis },
      body: { status: "proven" },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.status).toBe("string");
  });

  it("convertHypothesis answers with the new knowledge base", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/convert", {
      params: { path: hypothesis },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<KnowledgeBase | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.summary).toBe("string");
  });

  it("deleteHypothesis answers with the deleted hypothesis", async () => {
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/delete", {
      params: { path: hypothesis },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.id).toBe("number");
  });

  it("bulkHypothesesUpdate sets a status on several hypotheses", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses/bulk-update", {
      params: { path: ids },
      body: { id: [300100, 300101], status: "archived" },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkHypothesesDelete deletes several hypotheses", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses/bulk-delete", {
      params: { path: ids },
      body: { id: [300100] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("422 for a hypothesis status outside the enum", async () => {
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/update-status",
      {
        params: { path: hypothesis },
        // @ts-expect-error "maybe" is not a hypothesis status
        body: { status: "maybe" },
      },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("status");
  });

  it("422 when createHypothesis has no status", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses/add", {
      params: { path: ids },
      // @ts-expect-error status is required
      body: { name: "No status", prioritization_score_type: "PIE", prioritization_score_attributes: { potential: 3 } },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("status");
  });

  it("types reject ICE attributes on a PIE hypothesis and a missing path parameter", async () => {
    const mixed = await convert.POST("/accounts/{account_id}/projects/{project_id}/hypotheses/add", {
      params: { path: ids },
      body: {
        name: "Mixed models",
        status: "draft",
        prioritization_score_type: "PIE",
        // @ts-expect-error impact is an ICE attribute, not a PIE one
        prioritization_score_attributes: { impact: 3 },
      },
    });
    expect(mixed.response.ok).toBe(true); // attribute objects are open in the API, only the types are strict

    await expect(
      convert.DELETE("/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/delete", {
        // @ts-expect-error hypothesis_id is required
        params: { path: ids },
      }),
    ).rejects.toThrowError(ConvertConfigError);
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Hypotheses: getHypothesesList", async () => expect(Array.isArray((await methods.getHypothesesList()).data)).toBe(true));
});
