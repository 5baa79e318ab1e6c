import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { ConvertClient, SchemaInput } from "../../src/index.js";
import { ids, prismClient } from "../support/clients.js";
import { anonymousClient, defaultsClientPerAuth, sessionCookie as session, signedInDefaultsClient } from "../support/contract.js";

/** generateTextVariants accepts only the session cookie: no API key. */
const anonymous = anonymousClient();
/** generateCodeVariant takes the global security list (the API does not document its credentials): an API key here. */
const convert = prismClient();

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

  it("generateCodeVariant answers the improved code as one JSON body", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/ai/code", {
      params: { path: { account_id: ids.account_id } },
      body: { content: "document.querySelector('.cta').textContent = 'Buy now';" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expectTypeOf(data!.data!.content).toEqualTypeOf<string | undefined>();
    expect(data?.data?.content).toContain("querySelector");
  });

  it("generateCodeVariant streams server-sent events with `stream: true`", async () => {
    const { data, response } = await convert.POST("/accounts/{account_id}/ai/code", {
      params: { path: { account_id: ids.account_id } },
      headers: { Accept: "text/event-stream" },
      body: { content: "document.querySelector('.cta').textContent = 'Buy now';", stream: true },
      parseAs: "text",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = data!
      .split("\n\n")
      .filter(Boolean)
      .map((event) => event.replace(/^data: /, ""));
    expect(events.at(-1)).toBe("[DONE]");
    const pieces = events.slice(0, -1).map((event) => (JSON.parse(event) as { content: string }).content);
    expect(pieces.join("")).toContain("querySelector");
  });

  it("422 when the code to improve is missing", async () => {
    const { response } = await convert.POST("/accounts/{account_id}/ai/code", {
      params: { path: { account_id: ids.account_id } },
      // @ts-expect-error content is required
      body: { stream: false },
    });
    expect(response.status).toBe(422);
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

  it("AI content: generateCodeVariant with each auth type", async () => {
    for (const [auth, client] of Object.entries(await defaultsClientPerAuth())) {
      const answer = await client.generateCodeVariant({ body: { content: "document.title = 'Sale';" } });
      expect(typeof answer.data?.content, auth).toBe("string");
    }
  });
});
