// Error messages stay short whatever the API sends; the full detail stays on the error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConvertValidationError, createConvertClient } from "../../src/index.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";

let server: RecordingServer;
let body: unknown;
beforeAll(async () => {
  server = await startRecordingServer((_request, response) => {
    response.writeHead(422, { "content-type": "application/json" }).end(typeof body === "string" ? body : JSON.stringify(body));
  });
});
afterAll(() => server.close());

const convert = () => createConvertClient({ baseUrl: server.origin, auth: { type: "none" }, accountId: 1, projectId: 2 });

describe("ConvertApiError messages", () => {
  it("show at most 5 messages and 5 fields of at most 200 characters, keeping the whole on the error", async () => {
    const messages = Array.from({ length: 40 }, (_, i) => `problem ${i} ${"x".repeat(1000)}`);
    const fields = Array.from({ length: 30 }, (_, i) => `field_${i}`);
    body = { code: 422, message: messages, fields };
    const error = (await convert()
      .getProject()
      .catch((e: unknown) => e)) as ConvertValidationError;
    expect(error).toBeInstanceOf(ConvertValidationError);
    expect(error.message.length).toBeLessThan(1500);
    expect(error.message).toContain("(35 more)");
    expect(error.message).toContain("field_4, (25 more)");
    expect(error.messages).toEqual(messages);
    expect(error.fields).toEqual(fields);
    expect(error.body).toEqual(body);
  });

  it("cut a long text body to a short message", async () => {
    body = "E".repeat(100_000);
    const error = (await convert()
      .getProject()
      .catch((e: unknown) => e)) as ConvertValidationError;
    expect(error.message.length).toBeLessThan(400);
    expect(error.body).toBe(body);
  });
});
