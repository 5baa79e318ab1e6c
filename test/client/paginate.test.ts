import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConvertConfigError, createConvertClient } from "../../src/index.js";
import { TEST_KEY } from "../support/clients.js";
import { startRecordingServer, type RecordingServer } from "../support/recording-server.js";

// Seven projects served three per page: pages 1, 2, 3 (the last with one item).
const projects = Array.from({ length: 7 }, (_, i) => ({ id: 500 + i, name: `Project ${i + 1}` }));
let server: RecordingServer;
let total = projects.length;

beforeAll(async () => {
  server = await startRecordingServer((request, response) => {
    const { page = 1, results_per_page = 3 } = JSON.parse(request.body.toString() || "{}");
    const items = projects.slice(0, total).slice((page - 1) * results_per_page, page * results_per_page);
    const pagination = {
      current_page: page,
      items_count: total,
      items_per_page: results_per_page,
      pages_count: Math.ceil(total / results_per_page),
    };
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: items, extra: { pagination } }));
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  total = projects.length;
});

const convert = () => createConvertClient({ baseUrl: server.origin, auth: { type: "requestSigning", ...TEST_KEY }, accountId: 1, projectId: 2 });
const pagesAsked = () => server.requests.map((r) => JSON.parse(r.body.toString()).page);

describe("paginate", () => {
  it("yields every item across pages and stops at pages_count", async () => {
    const seen: number[] = [];
    for await (const project of convert().paginate("getProjectsList", { body: { results_per_page: 3, sort_by: "id" } })) {
      seen.push(project.id!);
    }
    expect(seen).toEqual(projects.map((g) => g.id));
    expect(pagesAsked()).toEqual([1, 2, 3]);
    // filters and results_per_page go out unchanged on every page
    expect(server.requests.every((r) => JSON.parse(r.body.toString()).sort_by === "id")).toBe(true);
  });

  it("walks whole pages with .pages()", async () => {
    const sizes: number[] = [];
    for await (const page of convert().paginate("getProjectsList", { body: { results_per_page: 3 } }).pages()) {
      sizes.push(page.data!.length);
      expect(page.extra?.pagination?.items_count).toBe(7);
    }
    expect(sizes).toEqual([3, 3, 1]);
  });

  it("stops fetching once maxItems is reached", async () => {
    const seen: number[] = [];
    for await (const project of convert().paginate("getProjectsList", { body: { results_per_page: 3 } }, { maxItems: 4 })) {
      seen.push(project.id!);
    }
    expect(seen).toEqual([500, 501, 502, 503]);
    expect(pagesAsked()).toEqual([1, 2]);
  });

  it("handles an empty first page with one request", async () => {
    total = 0;
    const seen: unknown[] = [];
    for await (const project of convert().paginate("getProjectsList")) seen.push(project);
    expect(seen).toEqual([]);
    expect(pagesAsked()).toEqual([1]);
  });

  it("starts from the page given in the body", async () => {
    const seen: number[] = [];
    for await (const project of convert().paginate("getProjectsList", { body: { page: 2, results_per_page: 3 } })) seen.push(project.id!);
    expect(seen).toEqual([503, 504, 505, 506]);
    expect(pagesAsked()).toEqual([2, 3]);
  });

  it("refuses operations that are not paginated lists", () => {
    // @ts-expect-error getProject is not a paginated list
    expect(() => convert().paginate("getProject")).toThrowError(ConvertConfigError);
  });
});
