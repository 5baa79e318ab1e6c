import { afterEach, expect, it } from "vitest";
import { ConvertConfigError, createConvertClient } from "../../../src/index.js";
import { TEST_KEY } from "../../support/clients.js";

// What a browser page looks like to the detection: `window` and `document` exist.
const scope = globalThis as { window?: unknown; document?: unknown };
afterEach(() => {
  delete scope.window;
  delete scope.document;
});

it("refuses API-key credentials where a browser is detected", () => {
  scope.window = {};
  scope.document = {};
  for (const type of ["requestSigning", "secretKey"] as const) {
    expect(() => createConvertClient({ auth: { type, ...TEST_KEY } })).toThrowError(ConvertConfigError);
    expect(() => createConvertClient({ auth: { type, ...TEST_KEY } })).toThrowError(/exposed to every visitor/);
  }
});

it("allows them when explicitly told to, and allows anonymous clients", () => {
  scope.window = {};
  scope.document = {};
  expect(() => createConvertClient({ auth: { type: "requestSigning", ...TEST_KEY, allowInBrowser: true } })).not.toThrow();
  expect(() => createConvertClient({ auth: { type: "none" } })).not.toThrow();
});

it("does not mistake Node for a browser", () => {
  expect(() => createConvertClient({ auth: { type: "requestSigning", ...TEST_KEY } })).not.toThrow();
});
