import { describe, expect, expectTypeOf, it } from "vitest";
import { ConvertConfigError } from "../../src/index.js";
import type { Schema, SchemaInput } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";

type Goal = Schema<"Goal">;
type Hypothesis = Schema<"Hypothesis">;
type HypothesisData = Schema<"HypothesisData">;
type KnowledgeBase = Schema<"KnowledgeBase">;
type Observation = Schema<"Observation">;

const convert = prismClient();

describe("Goals", () => {
  const goal = { ...ids, goal_id: 100500 };

  it("getGoalsList pages goals with filters", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals", {
      params: { path: ids },
      body: {
        page: 1,
        results_per_page: 20,
        sort_by: "name",
        status: ["active"],
        goal_type: ["revenue", "clicks_link"],
        tracking: "tracked",
        usage: null,
        include: ["stats"],
        only: [100500, 100501],
      },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Goal[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.id).toBe("number");
    expect(typeof data?.extra?.pagination?.items_count).toBe("number");
  });

  it("getGoal sends include[] and returns one goal", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}", {
      params: { path: goal, query: { include: ["triggering_rule", "stats"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?include[]=triggering_rule&include[]=stats");
    expectTypeOf(data).toEqualTypeOf<Goal | undefined>();
    expect(data?.id).toBe(100500);
    expect(data?.key).toBe("purchase-completed");
    expect(typeof data?.type).toBe("string");
  });

  it("getGoalByKey fetches the same shape by key on the twin path", async () => {
    const { data, response } = await convert.GET("/accounts/{account_id}/projects/{project_id}/goals/{goal_key}", {
      params: { path: { ...ids, goal_key: "purchase-completed" }, query: { include: ["stats"] } },
    });
    expect(response.status).toBe(200);
    expect(new URL(response.url).pathname).toMatch(/\/goals\/purchase-completed$/);
    expectTypeOf(data).toEqualTypeOf<Goal | undefined>();
    expect(typeof data?.name).toBe("string");
    expect(typeof data?.stats?.times_used).toBe("number");
  });

  it("a goal's settings narrow by type", async () => {
    const { data } = await convert.GET("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}", {
      params: { path: goal },
    });
    expect(data).toBeDefined();
    const read: Goal = data!;
    switch (read.type) {
      case "dom_interaction":
        expectTypeOf(read.settings).toEqualTypeOf<Schema<"DomInteractionGoalSettings"> | undefined>();
        expect(Array.isArray(read.settings?.tracked_items)).toBe(true);
        break;
      case "revenue":
        expectTypeOf(read.settings).toEqualTypeOf<Schema<"RevenueGoalSettings"> | undefined>();
        break;
      case "visits_page":
      case "code_trigger":
      case "advanced":
        // @ts-expect-error goals of these types have no settings
        expect(read.settings).toBeUndefined();
        break;
      default:
        expect(typeof read.settings).toBe("object");
    }
  });

  it("createGoal answers 201 with the goal", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/add", {
      params: { path: ids },
      body: {
        name: "Order placed",
        key: "order-placed",
        description: "Every completed order with its revenue.",
        type: "revenue",
        status: "active",
        settings: { triggering_type: "manual" },
      },
    });
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.description).toBe("string");
  });

  it("createGoal accepts an advanced goal with a rule tree", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/add", {
      params: { path: ids },
      body: {
        name: "Visited pricing",
        type: "advanced",
        triggering_rule: {
          OR: [{ AND: [{ OR_WHEN: [{ rule_type: "url", matching: { match_type: "contains", negated: false }, value: "/pricing" }] }] }],
        },
      },
    });
    expect(response.status).toBe(201);
  });

  it("updateGoal changes fields without a type", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/update",
      { params: { path: goal }, body: { name: "Purchase completed (all stores)", selected_default: true } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("updateGoal accepts new settings with their type", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/update", {
      params: { path: goal },
      body: { type: "scroll_percentage", settings: { percentage: 50 } },
    });
    expect(response.status).toBe(200);
  });

  it("deleteGoal answers a success message", async () => {
    const { data, response } = await convert.DELETE(
      "/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/delete",
      { params: { path: goal } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("bulkGoalsUpdate sets a status on several goals", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/bulk-update", {
      params: { path: ids },
      body: { id: [100500, 100501], status: "archived" },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkGoalsDelete deletes several goals", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/bulk-delete", {
      params: { path: ids },
      body: { id: [100500] },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
  });

  it("cloneGoal answers 201 with the copy", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/clone", {
      params: { path: goal, query: { include: ["triggering_rule"] } },
    });
    expect(response.status).toBe(201);
    expect(new URL(response.url).search).toBe("?include[]=triggering_rule");
    expect(typeof data?.id).toBe("number");
  });

  it("422 when createGoal has no name", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/add", {
      params: { path: ids },
      // @ts-expect-error name is required
      body: { type: "clicks_link", settings: { href: "https://shop.example.com/pricing" } },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("name");
  });

  it("422 when a goal type gets the settings of another type", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/add", {
      params: { path: ids },
      // @ts-expect-error a revenue goal takes triggering_type, not percentage
      body: { name: "Wrong settings", type: "revenue", settings: { percentage: 50 } },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("settings");
  });

  it("422 when a bulk id list is empty or longer than 100", async () => {
    for (const id of [[], Array.from({ length: 101 }, (_, i) => 100500 + i)]) {
      const { error, response } = await convert.POST(
        "/accounts/{account_id}/projects/{project_id}/goals/bulk-delete",
        { params: { path: ids }, body: { id } },
      );
      expect(response.status).toBe(422);
      expect(error).toBeDefined();
      expect(response.headers.get("sl-violations")).toContain("id");
    }
  });

  it("types reject a wrong field type and a missing path parameter", async () => {
    const wrongType = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/update", {
      params: { path: goal },
      // @ts-expect-error selected_default is a boolean
      body: { selected_default: "yes" },
    });
    expect(wrongType.response.status).toBe(422);
    expect(wrongType.response.headers.get("sl-violations")).toContain("selected_default");

    // (not getGoal: without an id its path would fall through to the by-key twin)
    await expect(convert.DELETE("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/delete", {
      // @ts-expect-error goal_id is required
      params: { path: ids },
    })).rejects.toThrowError(ConvertConfigError);
  });
});

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
    const { data, response } = await convert.GET(
      "/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}",
      { params: { path: hypothesis, query: { expand: ["experiences", "tags"] } } },
    );
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
      expectTypeOf(read.prioritization_score_attributes).toEqualTypeOf<Schema<"PIE_Attributes"> | undefined>();
      expect(typeof read.prioritization_score_attributes?.potential).toBe("number");
    } else {
      expectTypeOf(read.prioritization_score_attributes).toEqualTypeOf<Schema<"ICE_Attributes"> | undefined>();
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
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/update",
      { params: { path: hypothesis }, body: { name: "Trust badges everywhere", end_date: null } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("updateHypothesis switches the scoring model with matching attributes", async () => {
    const { response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/update",
      {
        params: { path: hypothesis },
        body: { prioritization_score_type: "PIE", prioritization_score_attributes: { potential: 4, importance: 5, ease: 2 } },
      },
    );
    expect(response.status).toBe(200);
  });

  it("updateHypothesisStatus answers with the hypothesis", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/update-status",
      { params: { path: hypothesis }, body: { status: "proven" } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.status).toBe("string");
  });

  it("convertHypothesis answers with the new knowledge base", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/convert",
      { params: { path: hypothesis } },
    );
    expect(response.status).toBe(200);
    expectTypeOf(data).toEqualTypeOf<KnowledgeBase | undefined>();
    expect(typeof data?.id).toBe("number");
    expect(typeof data?.summary).toBe("string");
  });

  it("deleteHypothesis answers with the deleted hypothesis", async () => {
    const { data, response } = await convert.DELETE(
      "/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/delete",
      { params: { path: hypothesis } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.id).toBe("number");
  });

  it("bulkHypothesesUpdate sets a status on several hypotheses", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/hypotheses/bulk-update",
      { params: { path: ids }, body: { id: [300100, 300101], status: "archived" } },
    );
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkHypothesesDelete deletes several hypotheses", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/hypotheses/bulk-delete",
      { params: { path: ids }, body: { id: [300100] } },
    );
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

    await expect(convert.DELETE("/accounts/{account_id}/projects/{project_id}/hypotheses/{hypothesis_id}/delete", {
      // @ts-expect-error hypothesis_id is required
      params: { path: ids },
    })).rejects.toThrowError(ConvertConfigError);
  });
});

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
    const { data, response } = await convert.GET(
      "/accounts/{account_id}/projects/{project_id}/knowledge-bases/{knowledge_base_id}",
      { params: { path: knowledgeBase, query: { expand: ["project", "tags"] } } },
    );
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?expand[]=project&expand[]=tags");
    expect(data?.id).toBe(400100);
    expect(["active", "archived"]).toContain(data?.status);
    expect(typeof data?.summary).toBe("string");
  });

  it("createKnowledgeBase answers 201 with only a name", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/knowledge-bases/add",
      { params: { path: ids }, body: { name: "Checkout learnings" } },
    );
    expect(response.status).toBe(201);
    expect(typeof data?.id).toBe("number");
  });

  it("createKnowledgeBase takes a summary and tags", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/knowledge-bases/add",
      {
        params: { path: ids, query: { expand: ["tags"] } },
        body: { name: "Pricing page learnings", status: "active", summary: "Annual plans first sell better.", tags: [{ name: "pricing" }] },
      },
    );
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
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/knowledge-bases/bulk-update",
      { params: { path: ids }, body: { id: [400100, 400101], status: "active" } },
    );
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkKnowledgeBasesDelete deletes several knowledge bases", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/knowledge-bases/bulk-delete",
      { params: { path: ids }, body: { id: [400100] } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.code).toBe("number");
  });

  it("422 for a knowledge base status outside the enum", async () => {
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/knowledge-bases/bulk-update",
      {
        params: { path: ids },
        // @ts-expect-error "deleted" is not a knowledge base status
        body: { id: [400100], status: "deleted" },
      },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("status");
  });

  it("422 when createKnowledgeBase has no name", async () => {
    const { error, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/knowledge-bases/add",
      {
        params: { path: ids },
        // @ts-expect-error name is required
        body: { summary: "Nameless" },
      },
    );
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("name");
  });
});

describe("Observations", () => {
  const observation = { ...ids, observation_id: 500100 };

  it("getObservationsList pages observations with filters", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations", {
      params: { path: ids },
      body: { page: 2, results_per_page: 10, sort_by: "date_added", status: ["active"], except: [500101], expand: ["project"] },
    });
    expect(response.status).toBe(200);
    expectTypeOf(data!.data).toEqualTypeOf<Observation[] | undefined>();
    expect(Array.isArray(data?.data)).toBe(true);
    expect(typeof data?.data?.[0]?.id).toBe("number");
  });

  it("getObservation sends expand[] and returns one observation", async () => {
    const { data, response } = await convert.GET(
      "/accounts/{account_id}/projects/{project_id}/observations/{observation_id}",
      { params: { path: observation, query: { expand: ["tags"] } } },
    );
    expect(response.status).toBe(200);
    expect(new URL(response.url).search).toBe("?expand[]=tags");
    expectTypeOf(data).toEqualTypeOf<Observation | undefined>();
    expect(data?.id).toBe(500100);
    expect(typeof data?.description).toBe("string");
    expect(typeof data?.files?.[0]?.url).toBe("string");
  });

  it("createObservation attaches images and files by reference in JSON", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/add", {
      params: { path: ids },
      body: {
        name: "Visitors miss the coupon field",
        description: "Recordings show mobile visitors scroll past the coupon field.",
        url: "https://shop.example.com/cart",
        images: [{ url: "https://cdn.example.com/observations/cart-heatmap.png", name: "cart-heatmap.png" }],
        files: [{ key: "observations/cart-recording.mp4", name: "cart-recording.mp4" }],
        tags: [101200],
      },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(typeof data?.id).toBe("number");
    expect(Array.isArray(data?.tags)).toBe(true);
  });

  it("updateObservation answers with the observation", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/observations/{observation_id}/update",
      { params: { path: observation }, body: { status: "archived", images: null } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
  });

  it("deleteObservation answers with the deleted observation", async () => {
    const { data, response } = await convert.DELETE(
      "/accounts/{account_id}/projects/{project_id}/observations/{observation_id}/delete",
      { params: { path: observation } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.id).toBe("number");
  });

  it("bulkObservationsUpdate sets a status on several observations", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/observations/bulk-update",
      { params: { path: ids }, body: { id: [500100, 500101], status: "archived" } },
    );
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.errors)).toBe(true);
  });

  it("bulkObservationsDelete deletes several observations", async () => {
    const { data, response } = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/observations/bulk-delete",
      { params: { path: ids }, body: { id: [500100] } },
    );
    expect(response.status).toBe(200);
    expect(typeof data?.message).toBe("string");
  });

  it("422 when createObservation has no name", async () => {
    const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/add", {
      params: { path: ids },
      // @ts-expect-error name is required
      body: { description: "Nameless observation" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("name");
  });

  it("422 for more than 3 images or an image without its url", async () => {
    const image = { url: "https://cdn.example.com/observations/a.png", name: "a.png" };
    const tooMany = await convert.POST("/accounts/{account_id}/projects/{project_id}/observations/add", {
      params: { path: ids },
      body: { name: "Too many images", images: [image, image, image, image] },
    });
    expect(tooMany.response.status).toBe(422);
    expect(tooMany.response.headers.get("sl-violations")).toContain("images");

    const noUrl = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/observations/{observation_id}/update",
      {
        params: { path: observation },
        // @ts-expect-error an image needs its url
        body: { images: [{ name: "a.png" }] },
      },
    );
    expect(noUrl.response.status).toBe(422);
    expect(noUrl.error).toBeDefined();
    expect(noUrl.response.headers.get("sl-violations")).toContain("url");
  });

  it("types reject a wrong field type and a missing path parameter", async () => {
    const wrongType = await convert.POST(
      "/accounts/{account_id}/projects/{project_id}/observations/{observation_id}/update",
      {
        params: { path: observation },
        // @ts-expect-error name is a string
        body: { name: 42 },
      },
    );
    expect(wrongType.response.status).toBe(422);
    expect(wrongType.response.headers.get("sl-violations")).toContain("name");

    await expect(convert.GET("/accounts/{account_id}/projects/{project_id}/observations/{observation_id}", {
      // @ts-expect-error observation_id is required
      params: { path: ids },
    })).rejects.toThrowError(ConvertConfigError);
  });
});
