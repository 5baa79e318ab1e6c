// A logger is the caller's code running inside every call: whatever it throws, the call's outcome
// stays the same, and the caller hears about it once.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ConvertServerError, createConvertClient } from "../../src/index.js";
import { TEST_KEY } from "../support/clients.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";

let server: RecordingServer;
let status = 200;
beforeAll(async () => {
  server = await startRecordingServer((_request, response) => {
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ id: 2, message: "down" }));
  });
});
afterAll(() => server.close());

describe("a logger that throws", () => {
  it("changes neither a success nor a failure, and is reported once as a warning", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    try {
      let calls = 0;
      const convert = createConvertClient({
        baseUrl: server.origin,
        auth: { type: "requestSigning", ...TEST_KEY },
        accountId: 1,
        projectId: 2,
        maxRetries: 0,
        logger: () => {
          calls++;
          throw new Error("disk full");
        },
      });
      status = 200;
      await expect(convert.getProject()).resolves.toEqual({ id: 2, message: "down" });
      status = 500;
      await expect(convert.getProject()).rejects.toBeInstanceOf(ConvertServerError);
      expect(calls).toBe(4); // request + response, twice
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toBe("convert-api-client: the logger threw and was ignored: disk full");
    } finally {
      warn.mockRestore();
    }
  });
});
