import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { type ConvertClientOptions, ConvertConfigError, createConvertClient } from "../../src/index.js";
import { TEST_KEY } from "../support/clients.js";

const SECRET = TEST_KEY.secretKey;

function configError(options: unknown): ConvertConfigError {
  try {
    createConvertClient(options as ConvertClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConvertConfigError);
    expect(String((error as Error).message)).not.toContain(SECRET);
    return error as ConvertConfigError;
  }
  throw new Error("expected createConvertClient to throw");
}

describe("createConvertClient options", () => {
  it("requires auth and says what to pass", () => {
    expect(configError({}).message).toMatch(/options\.auth is required/);
    expect(configError(undefined).message).toMatch(/options object/);
  });

  it("names the missing credential", () => {
    expect(configError({ auth: { type: "requestSigning", secretKey: SECRET } }).message).toMatch(/options\.auth\.applicationId is missing/);
    expect(configError({ auth: { type: "requestSigning", applicationId: "app" } }).message).toMatch(/options\.auth\.secretKey is missing/);
    expect(configError({ auth: { type: "secretKey", applicationId: "app", secretKey: "" } }).message).toMatch(
      /options\.auth\.secretKey is missing/,
    );
  });

  it("rejects malformed credentials without echoing them", () => {
    const error = configError({ auth: { type: "requestSigning", applicationId: "app", secretKey: `${SECRET}\n` } });
    expect(error.message).toMatch(/options\.auth\.secretKey is malformed/);
  });

  it("rejects an unknown auth type and a bad expiry window", () => {
    expect(configError({ auth: { type: "saml" } }).message).toMatch(/options\.auth\.type must be/);
    expect(configError({ auth: { type: "requestSigning", ...TEST_KEY, expiresInSeconds: 0 } }).message).toMatch(/expiresInSeconds/);
    expect(configError({ auth: { type: "requestSigning", ...TEST_KEY, expiresInSeconds: 1.5 } }).message).toMatch(/expiresInSeconds/);
  });

  it("validates baseUrl", () => {
    const auth = { type: "none" };
    expect(configError({ auth, baseUrl: "api.convert.com" }).message).toMatch(/options\.baseUrl is not a valid/);
    expect(configError({ auth, baseUrl: "ftp://x.example" }).message).toMatch(/http or https/);
    expect(configError({ auth, baseUrl: "https://u:p@x.example" }).message).toMatch(/credentials/);
  });

  it("keeps the secret out of util.inspect and JSON of the client", () => {
    const client = createConvertClient({ auth: { type: "requestSigning", ...TEST_KEY } });
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(client)).not.toContain(SECRET);
  });
});
