// scripts/lib/live-requests.ts on a small hand-made facts fragment: which requests it builds for
// $ref, allOf, oneOf (nested ones too), nullable, enums, bounds, formats and path parameters.
import { describe, expect, it } from "vitest";
import { buildRequests, FilePart, type LiveRequest, type Value } from "../../../scripts/lib/live-requests.js";

type Doc = Record<string, unknown>;

/** A facts document with one operation `op`: POST /accounts/{account_id}/things, its body `body`. */
function facts(body: Doc, schemas: Record<string, Doc> = {}, extra: Doc = {}): Doc {
  return {
    operations: {
      op: {
        method: "POST",
        path: "/accounts/{account_id}/things",
        parameters: [{ name: "account_id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        requestBody: { content: { "application/json": { schema: body } } },
        responses: { "200": { description: "ok" } },
        ...extra,
      },
    },
    components: { schemas },
  };
}

const bodies = (requests: LiveRequest[]) => requests.map((request) => request.body as Record<string, Value>);

describe("buildRequests", () => {
  it("follows $ref and merges allOf members: every property, readOnly ones left out, within each member's bounds", () => {
    const doc = facts(
      { $ref: "#/components/schemas/Tag" },
      {
        Tag: {
          allOf: [
            { $ref: "#/components/schemas/Named" },
            { type: "object", properties: { id: { type: "integer", readOnly: true }, color: { type: "string", enum: ["red", "blue"] } } },
            { type: "object", properties: { name: { maxLength: 4 } } },
          ],
        },
        Named: { type: "object", properties: { name: { type: "string", minLength: 2 } } },
      },
    );
    const { requests, notes } = buildRequests(doc, "op");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ operationId: "op", label: "#1", path: { account_id: 1 }, media: "application/json" });
    // "sample" cut to the allOf's maxLength 4, kept above the $ref'd minLength 2.
    expect(requests[0]!.body).toEqual({ name: "samp", color: "red" });
    expect(notes).toEqual([]);
  });

  it("one request per oneOf branch, the discriminator's property set from its mapping", () => {
    const doc = facts(
      {
        oneOf: [{ $ref: "#/components/schemas/ByEmail" }, { $ref: "#/components/schemas/ById" }],
        discriminator: { propertyName: "kind", mapping: { email: "#/components/schemas/ByEmail", id: "#/components/schemas/ById" } },
      },
      {
        ByEmail: { type: "object", properties: { kind: { type: "string" }, email: { type: "string", format: "email" } } },
        ById: { type: "object", properties: { kind: { type: "string" }, user_id: { type: "integer" } } },
      },
    );
    const { requests } = buildRequests(doc, "op");
    expect(bodies(requests)).toEqual([
      { kind: "email", email: "jane.doe@example.com" },
      { kind: "id", user_id: 1 },
    ]);
    expect(requests.map((request) => request.branches)).toEqual([["body: oneOf 1/2 ByEmail"], ["body: oneOf 2/2 ById"]]);
  });

  it("takes every branch of a union nested in a branch, coming back through the branch that leads there", () => {
    const doc = facts({
      type: "object",
      properties: {
        rule: {
          oneOf: [
            { type: "object", properties: { all: { type: "boolean" } } },
            {
              type: "object",
              properties: {
                match: {
                  anyOf: [
                    { type: "object", properties: { exact: { type: "string" } } },
                    { type: "object", properties: { prefix: { type: "string" } } },
                    { type: "object", properties: { regex: { type: "string" } } },
                  ],
                },
              },
            },
          ],
        },
      },
    });
    const { requests } = buildRequests(doc, "op");
    // Requests 3 and 4 go back through the second branch at once, not after another of the first.
    expect(requests.map((request) => request.label)).toEqual(["#1", "#2", "#3", "#4"]);
    expect(bodies(requests).map((body) => body.rule)).toEqual([
      { all: true },
      { match: { exact: "sample" } },
      { match: { prefix: "sample" } },
      { match: { regex: "sample" } },
    ]);
  });

  it("a twin request sends every nullable property as null: `nullable` of a member intersects, of a wrapper covers the node", () => {
    const doc = facts(
      {
        type: "object",
        properties: {
          note: { type: "string", nullable: true },
          owner: { allOf: [{ $ref: "#/components/schemas/Owner" }], nullable: true },
          // Nullable in one allOf member only: not nullable (the other member's type has no null).
          enabled: { allOf: [{ type: "boolean", nullable: true }, { type: "boolean" }] },
          size: { type: "integer" },
        },
      },
      { Owner: { type: "object", properties: { name: { type: "string" } } } },
    );
    const { requests } = buildRequests(doc, "op");
    expect(requests.map((request) => request.label)).toEqual(["#1", "#1 (nulls)"]);
    expect(bodies(requests)).toEqual([
      { note: "sample", owner: { name: "sample" }, enabled: true, size: 1 },
      { note: null, owner: null, enabled: true, size: 1 },
    ]);
  });

  it("no twin when nothing is nullable", () => {
    const { requests } = buildRequests(facts({ type: "object", properties: { size: { type: "integer" } } }), "op");
    expect(requests.map((request) => request.label)).toEqual(["#1"]);
  });

  it("keeps bounds, enums, patterns and formats, and fills minItems with distinct enum values", () => {
    const doc = facts({
      type: "object",
      properties: {
        count: { type: "integer", minimum: 5, maximum: 10 },
        above_zero: { type: "integer", minimum: 0, exclusiveMinimum: true },
        ceiling: { type: "integer", maximum: 0 },
        share: { type: "number", minimum: 1.1, multipleOf: 0.25 },
        code: { type: "string", pattern: "^[0-9a-z]{1,2}$" },
        time: { type: "string", pattern: "^([01]?[0-9]|2[0-4]):([0-5][0-9])$" },
        day: { type: "string", format: "date" },
        page_url: { type: "string" },
        include: { type: "array", minItems: 2, items: { type: "string", enum: ["a", "b", "c"] } },
        none: { type: "array", maxItems: 0, items: { type: "string" } },
        labels: { type: "object", additionalProperties: { type: "integer" } },
      },
    });
    const [request] = buildRequests(doc, "op").requests;
    expect(request!.body).toEqual({
      count: 5,
      above_zero: 1,
      ceiling: 0,
      share: 1.25,
      code: "ab",
      time: "09:30",
      day: "2024-05-01",
      page_url: "https://www.example.com/",
      include: ["a", "b"],
      none: [],
      labels: { sample_key: 1 },
    });
  });

  it("says when no value it knows matches a pattern", () => {
    const doc = facts({ type: "object", properties: { hex: { type: "string", pattern: "^[0-9A-F]{6}$" } } });
    expect(buildRequests(doc, "op").notes).toEqual(["body.hex: no built value matches ^[0-9A-F]{6}$"]);
  });

  it("sends a file part for a binary field of a multipart body", () => {
    const doc = facts(
      {},
      {},
      {
        requestBody: {
          content: {
            "multipart/form-data": {
              schema: { type: "object", properties: { file: { type: "string", format: "binary" }, name: { type: "string" } } },
            },
          },
        },
      },
    );
    const [request] = buildRequests(doc, "op").requests;
    expect(request!.media).toBe("multipart/form-data");
    const body = request!.body as Record<string, Value>;
    expect(body.file).toBeInstanceOf(FilePart);
    expect(body.name).toBe("sample");
  });

  it("path parameters from their declaration here, elsewhere, or under another name; query parameters too", () => {
    const doc = facts(
      { type: "object" },
      {},
      {
        path: "/accounts/{account_id}/things/{thingId}/parts/{part_key}/{change_id}",
        parameters: [
          { name: "thing_id", in: "path", required: true, schema: { type: "integer", minimum: 7 } },
          { name: "expand", in: "query", schema: { type: "array", items: { type: "string", enum: ["parts"] } } },
        ],
      },
    );
    (doc.operations as Record<string, Doc>).other = {
      method: "GET",
      path: "/accounts/{account_id}/parts/{part_key}",
      parameters: [
        { name: "account_id", in: "path", required: true, schema: { type: "integer" } },
        { name: "part_key", in: "path", required: true, schema: { type: "string" } },
      ],
      responses: {},
    };
    const { requests, notes } = buildRequests(doc, "op");
    expect(requests[0]).toMatchObject({
      path: { account_id: 1, thingId: 7, part_key: "sample", change_id: 1 },
      query: { expand: ["parts"] },
    });
    expect(notes).toEqual([
      "path parameter thingId is declared as thing_id",
      "path parameter change_id is declared nowhere in the facts: sent as an integer",
    ]);
  });

  it("stops at a recursive $ref, and says which declared field it therefore sent nowhere", () => {
    const doc = facts(
      { $ref: "#/components/schemas/Node" },
      { Node: { type: "object", properties: { name: { type: "string" }, child: { $ref: "#/components/schemas/Node" } } } },
    );
    const { requests, notes } = buildRequests(doc, "op");
    expect(requests[0]!.body).toEqual({ name: "sample" });
    expect(notes).toEqual(["body.child is declared but sent in no request"]);
  });
});
