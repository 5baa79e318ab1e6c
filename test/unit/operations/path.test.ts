// A path parameter is exactly one segment of its template, whatever the caller passes: values that
// would add, remove or rename a segment (dot-segments, empty, white space) or that are not the
// integer the spec asks for are refused before anything is sent, on every way of calling.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { operationTable, pathParamTypes } from "../../../generated/operations.js";
import { ConvertConfigError, createConvertClient, type OperationId } from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

const client = () => createConvertClient({ baseUrl: server.origin, auth: { type: "requestSigning", ...TEST_KEY } });
const operations = Object.entries(operationTable) as [OperationId, (typeof operationTable)[OperationId]][];
const paramsOf = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);

/** Refused for every path parameter, whatever its type. */
const HOSTILE = [".", "..", "%2e", "%2E%2e", ".%2e", "%2e.", "%252e%252e", "", " ", "\t\n", " .. "];
/** Refused for integer path parameters. */
const NOT_POSITIVE_INTEGERS = [-1, 0, 1.5, 1e21, Number.NaN, Infinity, 2 ** 53, "-1", "0", "1.5", "1e21", "NaN", "0x10", "007", " 5", "5 "];
/** Valid for string path parameters: each must arrive as exactly one segment holding the value. */
const ODD_BUT_VALID = ["a/b", "a?b=c#d", "...", "a..b", "%2F", "ü ß", "100%", "$&"];

const validValue = (type: string | undefined) => (type === "string" ? "ab" : 7);
const typeOf = (_operationId: OperationId, name: string) => pathParamTypes[name];

/** The argument of an operation method: these path values, and an empty body where one is sent. */
function initWith(operationId: OperationId, name: string, value: unknown): object {
  const { method } = operationTable[operationId];
  return method === "GET" || method === "DELETE"
    ? { path: pathWith(operationId, name, value) }
    : { path: pathWith(operationId, name, value), body: {} };
}

function pathWith(operationId: OperationId, name: string, value: unknown): Record<string, unknown> {
  const path: Record<string, unknown> = {};
  for (const other of paramsOf(operationTable[operationId].path)) path[other] = validValue(typeOf(operationId, other));
  path[name] = value;
  return path;
}

/** The segments the server saw, decoded, and those the template should produce. */
function segments(target: string): string[] {
  return target.split("?")[0]!.split("/").map(decodeURIComponent);
}

describe("every operation of the spec", () => {
  it("refuses dot-segments, empty and blank values in every path parameter, before sending", async () => {
    const convert = client() as unknown as Record<string, (init: object) => Promise<unknown>>;
    let checked = 0;
    for (const [operationId, { path }] of operations) {
      for (const name of paramsOf(path)) {
        for (const value of HOSTILE) {
          const error = await convert[operationId]!(initWith(operationId, name, value)).catch((e: unknown) => e);
          expect(error, `${operationId} ${name}=${JSON.stringify(value)}`).toBeInstanceOf(ConvertConfigError);
          expect((error as Error).message).toContain(`${operationId}: path parameter ${name}`);
          checked++;
        }
      }
    }
    expect(server.requests).toEqual([]);
    expect(checked).toBeGreaterThan(250 * HOSTILE.length);
  });

  it("accepts only positive safe integers (or their decimal strings) where the spec says integer", async () => {
    const convert = client() as unknown as Record<string, (init: object) => Promise<unknown>>;
    let integers = 0;
    for (const [operationId, { path }] of operations) {
      for (const name of paramsOf(path)) {
        if (typeOf(operationId, name) !== "integer") continue;
        integers++;
        for (const value of NOT_POSITIVE_INTEGERS) {
          const error = await convert[operationId]!(initWith(operationId, name, value)).catch((e: unknown) => e);
          expect(error, `${operationId} ${name}=${String(value)}`).toBeInstanceOf(ConvertConfigError);
          expect((error as Error).message).toBe(`${operationId}: path parameter ${name} must be a positive whole number (a safe integer)`);
        }
      }
    }
    expect(server.requests).toEqual([]);
    expect(integers).toBeGreaterThan(300); // read from the spec, not a hand list
  });

  it("sends each value as exactly one segment of the template", async () => {
    const convert = client() as unknown as Record<string, (init: object) => Promise<unknown>>;
    for (const [operationId, { path }] of operations) {
      for (const name of paramsOf(path)) {
        const values = typeOf(operationId, name) === "string" ? ODD_BUT_VALID : [9, "9", Number.MAX_SAFE_INTEGER];
        for (const value of values) {
          server.requests.length = 0;
          await convert[operationId]!(initWith(operationId, name, value));
          const expected = path.split("/").map((segment) => {
            const param = /^\{(.+)\}$/.exec(segment)?.[1];
            return param === undefined ? segment : String(param === name ? value : validValue(typeOf(operationId, param)));
          });
          expect(segments(server.requests[0]!.target), `${operationId} ${name}=${String(value)}`).toEqual(expected);
        }
      }
    }
  });
});

describe("every way of calling", () => {
  const template = "/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/delete" as const;

  it("raw GET/POST/PUT/DELETE and request() refuse the same values before sending", async () => {
    const convert = client();
    const attempts: Promise<unknown>[] = [
      convert.DELETE(template, { params: { path: { account_id: 1, project_id: 2, goal_id: ".." as never } } }),
      convert.POST("/accounts/{account_id}/projects/{project_id}/goals/add", {
        params: { path: { account_id: 1, project_id: "." as never } },
        body: {} as never,
      }),
      convert.GET("/accounts/{account_id}/projects/{project_id}", { params: { path: { account_id: -1, project_id: 2 } } }),
      convert.PUT("/accounts/{account_id}/users-accesses/update", { params: { path: { account_id: 1e21 } }, body: {} as never }),
      convert.request("delete", template, { params: { path: { account_id: 1, project_id: 2, goal_id: "%2e%2e" as never } } }),
      // A template the spec does not know: its parameters are still single segments.
      convert.GET("/accounts/{account_id}/unknown/{thing}" as never, { params: { path: { account_id: 1, thing: ".." } } } as never),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(ConvertConfigError);
    expect(server.requests).toEqual([]);
  });

  it("paginate refuses them before the first page", async () => {
    const convert = client();
    const pages = convert.paginate("getGoalsList", { path: { account_id: 1, project_id: ".." as never } });
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(ConvertConfigError);
    expect(server.requests).toEqual([]);
  });

  it("client defaults must be positive safe integers too", () => {
    for (const accountId of [0, -1, 1.5, 2 ** 53]) {
      expect(() => createConvertClient({ baseUrl: server.origin, auth: { type: "none" }, accountId })).toThrow(ConvertConfigError);
    }
  });
});
