// The PKCE pieces of the OAuth flow: verifier and challenge (RFC 7636's own test vector), the
// authorize URL, and the state check.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ConvertConfigError, checkOAuthState, createPkce, oauthAuthorizeUrl } from "../../src/index.js";

describe("createPkce", () => {
  it("makes the S256 challenge of a verifier (RFC 7636, appendix B)", async () => {
    const pkce = await createPkce("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    expect(pkce.codeChallenge).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    expect(pkce.codeChallengeMethod).toBe("S256");
  });

  it("makes a fresh 43-character verifier of the allowed alphabet each time, kept out of inspect and JSON", async () => {
    const [a, b] = await Promise.all([createPkce(), createPkce()]);
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(inspect(a, { showHidden: true, depth: 5 })).not.toContain(a.codeVerifier);
    expect(JSON.stringify(a)).not.toContain(a.codeVerifier);
    expect(String(a)).not.toContain(a.codeVerifier);
  });

  it("refuses a verifier outside RFC 7636's rules", async () => {
    for (const verifier of ["short", "x".repeat(129), `${"a".repeat(42)} `, `${"a".repeat(42)}+`]) {
      await expect(createPkce(verifier)).rejects.toBeInstanceOf(ConvertConfigError);
    }
  });
});

describe("oauthAuthorizeUrl", () => {
  it("builds the consent URL with the challenge, the scope and a random state", async () => {
    const pkce = await createPkce();
    const { url, state } = oauthAuthorizeUrl({ clientId: "1111111", codeChallenge: pkce.codeChallenge });
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe("https://app.convert.com/auth/oauth/authorize");
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      response_type: "code",
      client_id: "1111111",
      scope: "selected_accounts_projects",
      state,
      code_challenge: pkce.codeChallenge,
      code_challenge_method: "S256",
    });
    expect(state).toMatch(/^[A-Za-z0-9\-_]{32}$/);
    expect(url).not.toContain(pkce.codeVerifier);
  });

  it("takes a given state, scope and redirect URI, and refuses what is not a challenge", async () => {
    const { codeChallenge } = await createPkce();
    const { url } = oauthAuthorizeUrl({
      clientId: "7",
      codeChallenge,
      state: "s-1",
      redirectUri: "https://app.example.com/cb",
      scope: "x",
    });
    expect(new URL(url).searchParams.get("redirect_uri")).toBe("https://app.example.com/cb");
    expect(() => oauthAuthorizeUrl({ clientId: "7", codeChallenge: "plain-verifier" })).toThrow(ConvertConfigError);
    expect(() => oauthAuthorizeUrl({ clientId: "", codeChallenge })).toThrow("clientId is missing");
  });
});

describe("checkOAuthState", () => {
  it("accepts the state sent and refuses any other", () => {
    expect(() => checkOAuthState("abc", "abc")).not.toThrow();
    for (const received of ["abd", "ab", "abcd", "", undefined, null, ["abc"]]) {
      expect(() => checkOAuthState(received, "abc")).toThrow("the state in the redirect is not the one sent");
    }
  });
});
