import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { ConvertClient, SchemaInput } from "../../src/index.js";
import { ids } from "../support/clients.js";
import { anonymousClient, sessionCookie as session, signedInDefaultsClient } from "../support/contract.js";

/** AI content accepts only the session cookie: no API key. */
const anonymous = anonymousClient();

describe("AI content", () => {
  it("generateTextVariants rewrites a text with the session cookie", async () => {
    const { data, response } = await anonymous.POST("/accounts/{account_id}/ai/text", {
      params: { path: { account_id: ids.account_id } },
      headers: session,
      body: {
        parameters: { variationsNumber: 3 },
        content: "Start your free trial today",
        context_content: "Acme helps small teams run A/B tests.",
        principle_class: "cialdini",
        principle: "social_proof",
      },
    });
    expect(response.status).toBe(200);
    expect(Array.isArray(data?.data?.variants)).toBe(true);
    expect(typeof data?.data?.variants?.[0]?.content).toBe("string");
  });

  it("422 when the text to rewrite is missing", async () => {
    const { error, response } = await anonymous.POST("/accounts/{account_id}/ai/text", {
      params: { path: { account_id: ids.account_id } },
      headers: session,
      // @ts-expect-error content is required
      body: { parameters: { variationsNumber: 1 }, principle_class: "none" },
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(response.headers.get("sl-violations")).toContain("content");
  });

  it("types tie `principle` to `principle_class`", () => {
    type Body = SchemaInput<"GenerateTextVariantsRequestData">;
    expectTypeOf<Extract<Body, { principle_class: "aida" }>["principle"]>().toEqualTypeOf<"attention" | "interest" | "desire" | "action">();
    // @ts-expect-error "scarcity" is a Cialdini principle, not an AIDA stage
    const wrong: Body = { parameters: {}, content: "Buy now", principle_class: "aida", principle: "scarcity" };
    expect(wrong.principle_class).toBe("aida");
  });
});

describe("operation methods", () => {
  let cookieClient: ConvertClient<"account_id" | "project_id">;
  beforeAll(async () => {
    cookieClient = await signedInDefaultsClient();
  });

  it("AI content: generateTextVariants", async () => {
    const answer = await cookieClient.generateTextVariants({
      body: { parameters: { variationsNumber: 2 }, content: "Start your free trial", principle_class: "none" },
    });
    expect(Array.isArray(answer.data?.variants)).toBe(true);
  });
});
