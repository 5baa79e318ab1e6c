import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ConvertApiError,
  ConvertAuthenticationError,
  ConvertConfigError,
  ConvertConflictError,
  ConvertError,
  type ConvertLogEvent,
  ConvertNotFoundError,
  ConvertPermissionError,
  ConvertValidationError,
  createConvertClient,
} from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

let server: RecordingServer;
let answer: { status: number; body: unknown } = { status: 200, body: {} };
beforeAll(async () => {
  server = await startRecordingServer((_request, response) => {
    response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  answer = { status: 200, body: {} };
});

const signing = { type: "requestSigning", ...TEST_KEY } as const;

describe("operation methods", () => {
  it("send the operation's method, path and body, and return the success body", async () => {
    answer = { status: 201, body: { id: 7, name: "Checkout" } };
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing });
    const project = await convert.createProject({ path: { account_id: 12 }, body: { name: "Checkout" } });
    expect(project).toEqual({ id: 7, name: "Checkout" });
    expect(server.requests[0]).toMatchObject({ method: "POST", target: "/accounts/12/projects/add" });
    expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ name: "Checkout" });
  });

  it("fill account_id and project_id from the client, an explicit value winning", async () => {
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing, accountId: 100, projectId: 200 });
    await convert.getProject();
    await convert.getProject({ path: { project_id: 300 } });
    await convert.getApiKeysList();
    expect(server.requests.map((r) => r.target)).toEqual([
      "/accounts/100/projects/200",
      "/accounts/100/projects/300",
      "/accounts/100/api-keys",
    ]);
  });

  it("send query arrays in PHP style", async () => {
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing, accountId: 1, projectId: 2 });
    await convert.getProject({ query: { include: ["domains", "stats.usage"] } });
    expect(server.requests[0]!.target).toBe("/accounts/1/projects/2?include[]=domains&include[]=stats.usage");
  });

  it("refuse a call with a missing path parameter before sending anything", async () => {
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing });
    // @ts-expect-error project_id is required when the client has no projectId
    const error = await convert.getProject({ path: { account_id: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertConfigError);
    expect((error as Error).message).toBe("getProject: path parameter project_id is missing (or set projectId on the client)");
    expect(server.requests).toHaveLength(0);
  });

  it("reject bad per-call options before sending", async () => {
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing, accountId: 1, projectId: 2 });
    await expect(convert.getProject({ timeoutMs: -1 })).rejects.toThrow(/getProject\(\.\.\.\): timeoutMs must be/);
    await expect(convert.getProject({ maxRetries: 1.5 })).rejects.toThrow(/maxRetries must be a whole number/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("typed errors", () => {
  const convert = () => createConvertClient({ baseUrl: server.origin, auth: signing, accountId: 1, projectId: 2 });

  it.each([
    [400, ConvertValidationError],
    [401, ConvertAuthenticationError],
    [403, ConvertPermissionError],
    [404, ConvertNotFoundError],
    [409, ConvertConflictError],
    [422, ConvertValidationError],
    [418, ConvertApiError],
  ])("HTTP %i becomes %o", async (status, ErrorClass) => {
    answer = { status, body: { code: status, message: "nope" } };
    const error = await convert()
      .getProject({ maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ConvertApiError);
    expect(error).toBeInstanceOf(ConvertError);
    expect(error).toBeInstanceOf(Error);
    expect((error as ConvertApiError).name).toBe(ErrorClass.kind);
    expect((error as ConvertApiError).status).toBe(status);
  });

  it("carry code, messages and fields as arrays, operation, method, URL and the raw body", async () => {
    const body = { code: 422, message: "The name field is required.", fields: ["name"] };
    answer = { status: 422, body };
    const error = (await convert()
      // @ts-expect-error name is required: the server's answer is what is tested here
      .createProject({ body: {} })
      .catch((e: unknown) => e)) as ConvertValidationError;
    expect(error).toMatchObject({
      status: 422,
      code: 422,
      messages: ["The name field is required."],
      fields: ["name"],
      operationId: "createProject",
      method: "POST",
      url: `${server.origin}/accounts/1/projects/add`,
      body,
    });
    expect(error.message).toBe(
      "createProject: POST /accounts/1/projects/add answered HTTP 422: The name field is required. (fields: name)",
    );
  });

  it("read `parameters` like `fields`, and arrays of messages", async () => {
    answer = { status: 422, body: { message: ["a is wrong", "b is wrong"], parameters: ["a", "b"] } };
    const error = (await convert()
      .getProject()
      .catch((e: unknown) => e)) as ConvertValidationError;
    expect(error.messages).toEqual(["a is wrong", "b is wrong"]);
    expect(error.fields).toEqual(["a", "b"]);
  });

  it("explain what to check on a 401 to a signed request, without the secret", async () => {
    answer = { status: 401, body: { message: "Unauthorized" } };
    const error = (await convert()
      .getProject()
      .catch((e: unknown) => e)) as ConvertAuthenticationError;
    expect(error.message).toMatch(/clock/);
    expect(error.message).toMatch(/expiresInSeconds/);
    expect(error.message).toMatch(/secretKey/);
    expect(JSON.stringify(error)).not.toContain(TEST_KEY.secretKey);
    expect(error.message).not.toContain(TEST_KEY.secretKey);
  });

  it("are recognised by instanceof across two copies of the package", () => {
    // Another copy (the CJS build next to the ESM one) has other classes but the same brand.
    const foreign = Object.assign(new Error("x"), {
      [Symbol.for("convert-api-client.error-kinds")]: ["ConvertNotFoundError", "ConvertApiError", "ConvertError"],
    });
    expect(foreign).toBeInstanceOf(ConvertNotFoundError);
    expect(foreign).toBeInstanceOf(ConvertApiError);
    expect(foreign).not.toBeInstanceOf(ConvertValidationError);
    expect(new Error("plain")).not.toBeInstanceOf(ConvertError);
  });
});

describe("logger", () => {
  it("reports request and response with operation, status, attempt and duration, and no credentials", async () => {
    const events: ConvertLogEvent[] = [];
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing, accountId: 1, logger: (e) => events.push(e) });
    await convert.getApiKeysList();
    expect(events.map((e) => e.type)).toEqual(["request", "response"]);
    expect(events[1]).toMatchObject({ operationId: "getApiKeysList", method: "GET", status: 200, attempt: 0 });
    expect((events[1] as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(events);
    expect(text).not.toContain(TEST_KEY.secretKey);
    expect(text).not.toContain("Signature=");
  });

  it("names the operation of raw calls too", async () => {
    const events: ConvertLogEvent[] = [];
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing, logger: (e) => events.push(e) });
    await convert.GET("/accounts/{account_id}/api-keys", { params: { path: { account_id: 1 } } });
    expect(events[0]).toMatchObject({ type: "request", operationId: "getApiKeysList" });
  });
});

describe("raw client", () => {
  it("refuses a raw call with a missing path parameter before sending", async () => {
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing });
    const error = await convert
      // @ts-expect-error project_id is missing
      .GET("/accounts/{account_id}/projects/{project_id}", { params: { path: { account_id: 1 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertConfigError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("withResponse", () => {
  it("gives the result with the answer's status, headers and the exact URL sent; awaiting alone still gives the result", async () => {
    answer = { status: 201, body: { id: 7 } };
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing, accountId: 1, projectId: 2 });
    const { data, response } = await convert.getProject({ query: { include: ["domains"] } }).withResponse();
    expect(data).toEqual({ id: 7 });
    expect(response).toMatchObject({ status: 201, url: `${server.origin}/accounts/1/projects/2?include[]=domains` });
    expect(response.headers["content-type"]).toBe("application/json");
    await expect(convert.getProject()).resolves.toEqual({ id: 7 });
    const chained = await convert
      .getProject()
      .then((project) => project.id)
      .finally(() => undefined);
    expect(chained).toBe(7);
  });

  it("rejects with the typed error, which has the same metadata", async () => {
    answer = { status: 404, body: { message: "gone" } };
    const convert = createConvertClient({ baseUrl: server.origin, auth: signing, accountId: 1, projectId: 2 });
    const error = await convert
      .getProject()
      .withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertNotFoundError);
    expect(error).toMatchObject({ status: 404, url: `${server.origin}/accounts/1/projects/2` });
    expect((error as ConvertNotFoundError).headers["content-type"]).toBe("application/json");
  });
});
