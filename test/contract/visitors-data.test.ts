import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { ConvertClient, Schema, SchemaInput } from "../../src/index.js";
import { ConvertConfigError, ConvertValidationError } from "../../src/index.js";
import { defaultsClient, globalSecurityClients, recordingDefaultsClient } from "../support/contract.js";

type VisitorDataItem = Schema<"VisitorDataItem">;

/** A two-row visitors CSV: a `visitor_id` column and one column per placeholder. */
const csv = () => new Blob(["visitor_id,email,name\ncrm-58213,ann@example.com,Ann\ncrm-58214,bo@example.com,Bo\n"], { type: "text/csv" });

describe("Visitors Data", () => {
  const convert = defaultsClient();

  it("getVisitorData searches and answers a page of items with their data", async () => {
    const page = await convert.getVisitorData({ body: { search: "crm-58", page: 1, results_per_page: 50, onlyCount: false } });
    expectTypeOf(page.data).toEqualTypeOf<VisitorDataItem[] | undefined>();
    expect(page.data?.map((item) => item.visitor_id)).toEqual(["crm-58213", "crm-58214"]);
    expect(page.data?.[0]?.data).toEqual({ first_name: "Ann", plan: "pro", city: "Boston" });
    expect(page.extra?.pagination).toEqual({ current_page: 1, items_count: 2, items_per_page: 30, pages_count: 1 });
  });

  it("createVisitorDataItem answers 201 with the stored item", async () => {
    const { client, answers } = recordingDefaultsClient();
    const item = await client.createVisitorDataItem({
      body: { visitor_id: "crm-58213", source: "crm", data: { first_name: "Ann", plan: "pro", visits: 3 } },
    });
    expect(answers.map((answer) => answer.status)).toEqual([201]);
    expect(item.visitor_id).toBe("crm-58213");
    expect(typeof item.created_at).toBe("number");
  });

  it("getVisitorDataItem sends the visitor id as one path segment", async () => {
    const { client, answers } = recordingDefaultsClient();
    const item = await client.getVisitorDataItem({ path: { visitor_id: "crm/58213" } });
    expect(new URL(answers[0]!.url).pathname).toMatch(/\/visitors-data\/crm%2F58213$/);
    expect(typeof item.data).toBe("object");
  });

  it('refuses a visitor id of ".." before sending: it would address the list instead', async () => {
    await expect(convert.getVisitorDataItem({ path: { visitor_id: ".." } })).rejects.toBeInstanceOf(ConvertConfigError);
  });

  it("updateVisitorDataItem replaces the data and answers the item", async () => {
    const item = await convert.updateVisitorDataItem({ path: { visitor_id: "crm-58213" }, body: { data: { plan: "enterprise" } } });
    expect(item.visitor_id).toBe("crm-58213");
  });

  it("deleteVisitorDataItem answers a confirmation", async () => {
    const { client, answers } = recordingDefaultsClient();
    const answer = await client.deleteVisitorDataItem({ path: { visitor_id: "crm-58213" } });
    expect(new URL(answers[0]!.url).pathname).toMatch(/\/visitors-data\/crm-58213\/delete$/);
    expect(typeof answer.message).toBe("string");
  });

  it("importVisitorsDataCsv uploads the CSV Blob as multipart form data and answers 201", async () => {
    const { client, answers } = recordingDefaultsClient();
    const sent: { contentType: string | null; body: string }[] = [];
    client.use({
      async onRequest({ request }) {
        sent.push({ contentType: request.headers.get("content-type"), body: await request.clone().text() });
      },
    });
    const answer = await client.importVisitorsDataCsv({ body: { file: csv() } });
    expect(answers.map((a) => a.status)).toEqual([201]);
    expect(typeof answer.message).toBe("string");
    expect(sent[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[0]?.body).toMatch(/name="file"/);
    expect(sent[0]?.body).toContain("crm-58213,ann@example.com,Ann\n");
  });

  it("the CSV import's `source` is the server's to set: a request cannot carry it", () => {
    // @ts-expect-error source is read-only (the server sets "csv")
    const body: SchemaInput<"ImportVisitorsDataCsvRequestData"> = { file: csv(), source: "csv" };
    expect(body.file).toBeInstanceOf(Blob);
    expectTypeOf<Schema<"ImportVisitorsDataCsvRequestData">["source"]>().toEqualTypeOf<string | undefined>();
  });

  it("422 when the CSV import carries no file", async () => {
    // @ts-expect-error file is required
    const error = await convert.importVisitorsDataCsv({ body: { upload: csv() } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConvertValidationError);
    expect((error as ConvertValidationError).headers["sl-violations"]).toContain("file");
  });

  it("pushVisitorsData sends a batch from another system and answers 201", async () => {
    const { client, answers } = recordingDefaultsClient();
    const answer = await client.pushVisitorsData({
      body: {
        source: "crm",
        data: [
          { visitor_id: "crm-58213", data: { first_name: "Ann", plan: "pro" } },
          { visitor_id: "crm-58214", data: { first_name: "Bo" } },
        ],
      },
    });
    expect(answers.map((a) => a.status)).toEqual([201]);
    expect(typeof answer.message).toBe("string");
  });

  it("422 when a push has no source", async () => {
    const call = convert.pushVisitorsData({
      // @ts-expect-error source is required
      body: { data: [{ visitor_id: "crm-58213", data: {} }] },
    });
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConvertValidationError);
    expect((error as ConvertValidationError).headers["sl-violations"]).toContain("source");
  });
});

describe.each(globalSecurityClients)("operation methods, authenticated by %s", (_auth, connect) => {
  let convert: ConvertClient<"account_id" | "project_id">;
  beforeAll(async () => {
    convert = await connect();
  });
  const visitor = { visitor_id: "crm-58213" };

  it("getVisitorData", async () => expect((await convert.getVisitorData()).extra?.pagination?.pages_count).toBe(1));
  it("createVisitorDataItem", async () =>
    expect((await convert.createVisitorDataItem({ body: { visitor_id: "crm-58213", data: { plan: "pro" } } })).visitor_id).toBe(
      "crm-58213",
    ));
  it("getVisitorDataItem", async () => expect((await convert.getVisitorDataItem({ path: visitor })).visitor_id).toBe("crm-58213"));
  it("updateVisitorDataItem", async () =>
    expect((await convert.updateVisitorDataItem({ path: visitor, body: { data: { plan: "free" } } })).visitor_id).toBe("crm-58213"));
  it("deleteVisitorDataItem", async () => expect(typeof (await convert.deleteVisitorDataItem({ path: visitor })).message).toBe("string"));
  it("importVisitorsDataCsv", async () =>
    expect(typeof (await convert.importVisitorsDataCsv({ body: { file: csv() } })).message).toBe("string"));
  it("pushVisitorsData", async () =>
    expect(
      typeof (await convert.pushVisitorsData({ body: { source: "crm", data: [{ visitor_id: "crm-58213", data: { plan: "pro" } }] } }))
        .message,
    ).toBe("string"));
});
