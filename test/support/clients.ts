import { inject } from "vitest";
import { type ConvertAuth, createConvertClient } from "../../src/index.js";

/** Fake API key used against local servers only. */
export const TEST_KEY = { applicationId: "10001_test_app", secretKey: "s3cr3t-test-key-do-not-use" } as const;

export const signing: ConvertAuth = { type: "requestSigning", ...TEST_KEY };

/** A client pointed at the test run's Prism mock. */
export function prismClient(auth: ConvertAuth = signing) {
  return createConvertClient({ baseUrl: inject("prismUrl"), auth });
}

/** Ids used in paths; any positive integer is valid for Prism. */
export const ids = { account_id: 100012, project_id: 10034 } as const;
