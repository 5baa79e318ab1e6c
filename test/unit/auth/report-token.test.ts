import { afterAll, beforeAll, expect, it } from "vitest";
import { ConvertConfigError, createConvertClient } from "../../../src/index.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

it("sends only the report_token header", async () => {
  const convert = createConvertClient({ baseUrl: server.origin, auth: { type: "reportToken", reportToken: "rpt_5f1c2d" } });
  await convert.getExperience({ path: { account_id: 1, project_id: 2, experience_id: 3 } });
  const { headers } = server.requests[0]!;
  expect(headers.report_token).toBe("rpt_5f1c2d");
  expect(headers.authorization).toBeUndefined();
  expect(headers.cookie).toBeUndefined();
});

it("requires the token", () => {
  // @ts-expect-error reportToken is required
  expect(() => createConvertClient({ auth: { type: "reportToken" } })).toThrowError(ConvertConfigError);
});
