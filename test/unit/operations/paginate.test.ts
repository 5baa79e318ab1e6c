import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConvertConfigError, ConvertResponseError, createConvertClient, type PaginateOptions } from "../../../src/index.js";
import { DEFAULT_MAX_PAGES } from "../../../src/operations/paginate.js";
import { TEST_KEY } from "../../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

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

const convert = () =>
  createConvertClient({ baseUrl: server.origin, auth: { type: "requestSigning", ...TEST_KEY }, accountId: 1, projectId: 2 });
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
    for await (const page of convert()
      .paginate("getProjectsList", { body: { results_per_page: 3 } })
      .pages()) {
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

describe("paginate always ends", () => {
  let answerPage: (page: number) => unknown = () => ({});
  let odd: RecordingServer;
  beforeAll(async () => {
    odd = await startRecordingServer((request, response) => {
      const { page } = JSON.parse(request.body.toString() || "{}");
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answerPage(page)));
    });
  });
  afterAll(() => odd.close());
  beforeEach(() => {
    odd.requests.length = 0;
  });
  const oddClient = () =>
    createConvertClient({ baseUrl: odd.origin, auth: { type: "requestSigning", ...TEST_KEY }, accountId: 1, projectId: 2 });
  const asked = () => odd.requests.map((r) => JSON.parse(r.body.toString()).page);
  const full = (page: number, size = 3) => Array.from({ length: size }, (_, i) => ({ id: page * 100 + i }));
  async function collect(options?: PaginateOptions, body: Record<string, unknown> = { results_per_page: 3 }) {
    const ids: number[] = [];
    for await (const project of oddClient().paginate("getProjectsList", { body }, options)) ids.push(project.id!);
    return ids;
  }

  it("when the server answers the same page whatever is asked (as a mock does): page 1 of 2, once", async () => {
    answerPage = () => ({ data: full(1), extra: { pagination: { current_page: 1, pages_count: 2, items_count: 6, items_per_page: 3 } } });
    expect(await collect()).toEqual([100, 101, 102]);
    expect(asked()).toEqual([1, 2]);
  });

  it("when the reported page number does not advance, even with new items", async () => {
    answerPage = (page) => ({ data: full(page), extra: { pagination: { current_page: 1, pages_count: 9 } } });
    expect(await collect()).toEqual([100, 101, 102]);
    expect(asked()).toEqual([1, 2]);
  });

  it("when a page repeats the previous page's items, whatever page it claims to be", async () => {
    answerPage = (page) => ({ data: full(1), extra: { pagination: { current_page: page, pages_count: 9 } } });
    expect(await collect()).toEqual([100, 101, 102]);
    expect(asked()).toEqual([1, 2]);
  });

  it("at a short page when there is no pagination, or it is malformed", async () => {
    for (const extra of [undefined, null, { pagination: "soon" }, { pagination: { current_page: "one", pages_count: {} } }]) {
      odd.requests.length = 0;
      answerPage = (page) => ({ data: full(page, page < 3 ? 3 : 1), ...(extra === undefined ? {} : { extra }) });
      expect(await collect(), JSON.stringify(extra)).toEqual([100, 101, 102, 200, 201, 202, 300]);
      expect(asked()).toEqual([1, 2, 3]);
    }
  });

  it("reads numbers sent as strings, and a null pages_count does not end the walk early", async () => {
    answerPage = (page) => ({ data: full(page), extra: { pagination: { current_page: String(page), pages_count: "3" } } });
    expect(await collect()).toHaveLength(9);
    expect(asked()).toEqual([1, 2, 3]);
    odd.requests.length = 0;
    answerPage = (page) => ({ data: full(page, page < 4 ? 3 : 0), extra: { pagination: { current_page: page, pages_count: null } } });
    expect(await collect()).toHaveLength(9);
    expect(asked()).toEqual([1, 2, 3, 4]);
  });

  it("after maxPages pages (default 1000) when every page is full and new", async () => {
    answerPage = (page) => ({ data: full(page) });
    expect(await collect({ maxPages: 4 })).toHaveLength(12);
    expect(asked()).toEqual([1, 2, 3, 4]);
    odd.requests.length = 0;
    answerPage = (page) => ({ data: full(page, page <= 1000 ? 3 : 0) }); // no pagination, never short
    expect(await collect()).toHaveLength(3000);
    expect(odd.requests).toHaveLength(DEFAULT_MAX_PAGES);
    expect(() => oddClient().paginate("getProjectsList", {}, { maxPages: -1 })).toThrowError(
      "paginate: options.maxPages must be a whole number >= 0",
    );
  }, 60_000);

  it.each([
    ["a string", { data: "abc" }],
    ["an object", { data: { id: 1 } }],
    ["a number", { data: 7 }],
  ])("a page whose data is %s is a ConvertResponseError, not characters or a TypeError", async (_what, answer) => {
    answerPage = () => answer;
    const error = await collect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertResponseError);
    expect(error).toMatchObject({ operationId: "getProjectsList", method: "POST" });
    expect((error as Error).message).toContain("a page whose data is not a list");
  });

  it("an answer that is not an object is a ConvertResponseError", async () => {
    answerPage = () => "just text";
    await expect(collect()).rejects.toBeInstanceOf(ConvertResponseError);
  });
});
