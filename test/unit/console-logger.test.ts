// What debug lines and `convert-api --dry-run` show of a body: credentials redacted at any depth,
// fields that only look like credentials kept.
import { expect, it } from "vitest";
import { redactValue } from "../../src/console-logger.js";

it("redacts every credential, whatever its type, at any depth", () => {
  const body = {
    data: { username: "u@example.com", password: "hunter2", mfaCode: 123456, mfa: { code: "55aa" } },
    access_token: "t0k3n",
    code: "auth-code",
    code_verifier: "verifier",
    accounts: [{ api_key: "k", api_secret: "s", sessionToken: ["a"] }],
  };
  expect(redactValue(body)).toEqual({
    data: { username: "u@example.com", password: "[redacted]", mfaCode: "[redacted]", mfa: "[redacted]" },
    access_token: "[redacted]",
    code: "[redacted]",
    code_verifier: "[redacted]",
    accounts: [{ api_key: "[redacted]", api_secret: "[redacted]", sessionToken: "[redacted]" }],
  });
});

it("keeps fields that only look like credentials: a token's kind, action and expiry, and flags", () => {
  const body = { token_type: "Bearer", token_action: "regenerate", token_expiration: 1767225600, mfaEnabled: true, has_secret: false };
  expect(redactValue(body)).toEqual(body);
});
