import { describe, expect, expectTypeOf, it } from "vitest";
import type { Schema } from "../../src/index.js";
import { ConvertConfigError } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { defaultsClient } from "../support/contract.js";

type Goal = Schema<"Goal">;

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
    const { data, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/update", {
      params: { path: goal },
      body: { name: "Purchase completed (all stores)", selected_default: true },
    });
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
    const { data, response } = await convert.DELETE("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/delete", {
      params: { path: goal },
    });
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
      const { error, response } = await convert.POST("/accounts/{account_id}/projects/{project_id}/goals/bulk-delete", {
        params: { path: ids },
        body: { id },
      });
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
    await expect(
      convert.DELETE("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/delete", {
        // @ts-expect-error goal_id is required
        params: { path: ids },
      }),
    ).rejects.toThrowError(ConvertConfigError);
  });
});

describe("operation methods", () => {
  const methods = defaultsClient();
  it("Goals: getGoalsList", async () => expect(Array.isArray((await methods.getGoalsList()).data)).toBe(true));
});
