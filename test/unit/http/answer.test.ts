// What a 2xx body turns into: JSON parsed, an empty body (however it is framed) undefined, and text
// that is not JSON a typed ConvertResponseError, never a bare SyntaxError that looks like a failure
// of the request (and invites a retry of something that succeeded).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConvertResponseError, createConvertClient } from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";
import { type Handler, type RecordingServer, startRecordingServer } from "../../support/recording-server.js";
import { TRANSPORTS } from "../../support/transports.js";

let server: RecordingServer;
let handler: Handler = () => {};
beforeAll(async () => {
  server = await startRecordingServer((request, response) => handler(request, response));
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

describe.each(TRANSPORTS)("over %s", (_name, transport) => {
  const client = () =>
    createConvertClient({
      baseUrl: server.origin,
      auth: { type: "requestSigning", ...TEST_KEY },
      accountId: 1,
      projectId: 2,
      ...transport,
    });

  it.each([
    ["chunked", (response: Parameters<Handler>[1]) => response.writeHead(200, { "content-type": "application/json" }).end()],
    [
      "chunked, with a first empty write",
      (response: Parameters<Handler>[1]) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.write("");
        response.end();
      },
    ],
    [
      "with Content-Length: 0",
      (response: Parameters<Handler>[1]) => response.writeHead(200, { "content-type": "application/json", "content-length": "0" }).end(),
    ],
    ["as white space", (response: Parameters<Handler>[1]) => response.writeHead(200, { "content-type": "application/json" }).end(" \n")],
  ])("an empty 200 sent %s resolves undefined, once", async (_framing, answer) => {
    handler = (_request, response) => void answer(response);
    await expect(client().deleteGoal({ path: { goal_id: 3 } })).resolves.toBeUndefined();
    const raw = await client().DELETE("/accounts/{account_id}/projects/{project_id}/goals/{goal_id}/delete", {
      params: { path: { account_id: 1, project_id: 2, goal_id: 3 } },
    });
    expect(raw.data).toBeUndefined();
    expect(raw.response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it("a 2xx whose body is not JSON is a ConvertResponseError with a bounded excerpt, not retried", async () => {
    const page = `<!DOCTYPE html><html><body>${"Maintenance ".repeat(100)}</body></html>`;
    handler = (_request, response) => void response.writeHead(200, { "content-type": "application/json" }).end(page);
    const error = await client()
      .getProject()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertResponseError);
    expect(error).toMatchObject({ status: 200, operationId: "getProject", method: "GET", url: `${server.origin}/accounts/1/projects/2` });
    expect((error as ConvertResponseError).excerpt).toBe(`${page.slice(0, 200)}…`);
    expect((error as Error).message).toBe(
      `getProject: GET /accounts/1/projects/2 answered HTTP 200 with a body that is not valid JSON (${page.length} bytes)`,
    );
    expect(server.requests).toHaveLength(1);
    await expect(
      client().GET("/accounts/{account_id}/projects/{project_id}", { params: { path: { account_id: 1, project_id: 2 } } }),
    ).rejects.toBeInstanceOf(ConvertResponseError);
  });
});
