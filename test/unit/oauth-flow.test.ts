// The whole OAuth flow against a local imitation of Convert that enforces what the real one does:
// the PKCE binding (S256 of the verifier equals the challenge sent to the consent page), one-time
// codes, and bearer tokens on API calls. The state check happens in the client, before sending.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConvertConfigError,
  ConvertValidationError,
  createConvertClient,
  createPkce,
  exchangeOauthCode,
  oauthAuthorizeUrl,
} from "../../src/index.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";

const CLIENT_ID = "1111111";
const REDIRECT = "https://app.example.com/callback";
let server: RecordingServer;
const codes = new Map<string, { challenge: string; clientId: string }>();
const tokens = new Set<string>();

beforeAll(async () => {
  server = await startRecordingServer((request, response) => {
    const url = new URL(request.target, "http://x");
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === "/auth/oauth/authorize") {
      // The user signs in and consents: the browser is sent back with a one-time code.
      const q = url.searchParams;
      if (q.get("code_challenge_method") !== "S256" || q.get("response_type") !== "code") return void json(400, { message: "bad request" });
      const code = randomBytes(12).toString("hex");
      codes.set(code, { challenge: q.get("code_challenge")!, clientId: q.get("client_id")! });
      return void response
        .writeHead(302, { location: `${q.get("redirect_uri")}?code=${code}&state=${encodeURIComponent(q.get("state")!)}` })
        .end();
    }
    if (url.pathname === "/api/v2/auth/oauth/token" && request.method === "POST") {
      const body = JSON.parse(request.body.toString());
      const grant = codes.get(body.code);
      codes.delete(body.code); // one time only
      const s256 = createHash("sha256").update(String(body.code_verifier)).digest("base64url");
      if (!grant || grant.clientId !== body.client_id || grant.challenge !== s256 || body.grant_type !== "authorization_code") {
        return void json(400, { code: 400, message: "invalid_grant" });
      }
      const token = randomBytes(16).toString("hex");
      tokens.add(token);
      return void json(200, {
        access_token: token,
        token_type: "Bearer",
        expires_at: Math.floor(Date.now() / 1000) + 3600,
        scope: { mode: "selected_accounts_projects" },
      });
    }
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ""))?.[1];
    if (!bearer || !tokens.has(bearer)) return void json(401, { code: 401, message: "invalid token" });
    json(200, { id: 2, name: "Shop" });
  });
});
afterAll(() => server.close());

/** What the user's browser does: open the consent URL, follow nothing, read the redirect back. */
async function consent(url: string): Promise<{ code: string; state: string }> {
  const answer = await fetch(url, { redirect: "manual" });
  const back = new URL(answer.headers.get("location")!);
  expect(back.origin + back.pathname).toBe(REDIRECT);
  return { code: back.searchParams.get("code")!, state: back.searchParams.get("state")! };
}

const anonymous = () => createConvertClient({ baseUrl: `${server.origin}/api/v2`, auth: { type: "none" } });

describe("the OAuth authorization-code flow with PKCE", () => {
  it("ends with an access token that works for API calls", async () => {
    const pkce = await createPkce();
    const { url, state } = oauthAuthorizeUrl({
      clientId: CLIENT_ID,
      codeChallenge: pkce.codeChallenge,
      redirectUri: REDIRECT,
      authorizeUrl: `${server.origin}/auth/oauth/authorize`,
    });
    const back = await consent(url);
    const grant = await exchangeOauthCode(anonymous(), {
      clientId: CLIENT_ID,
      code: back.code,
      pkce,
      state: { received: back.state, expected: state },
    });
    expect(grant).toMatchObject({ tokenType: "Bearer", scope: { mode: "selected_accounts_projects" } });
    const convert = createConvertClient({
      baseUrl: `${server.origin}/api/v2`,
      auth: { type: "oauth", ...grant },
      accountId: 1,
      projectId: 2,
    });
    await expect(convert.getProject()).resolves.toEqual({ id: 2, name: "Shop" });
  });

  it("is refused by the server with another verifier, and a code works once", async () => {
    const pkce = await createPkce();
    const { url, state } = oauthAuthorizeUrl({
      clientId: CLIENT_ID,
      codeChallenge: pkce.codeChallenge,
      redirectUri: REDIRECT,
      authorizeUrl: `${server.origin}/auth/oauth/authorize`,
    });
    const back = await consent(url);
    const other = await createPkce();
    const stolen = exchangeOauthCode(anonymous(), {
      clientId: CLIENT_ID,
      code: back.code,
      pkce: other,
      state: { received: back.state, expected: state },
    });
    await expect(stolen).rejects.toBeInstanceOf(ConvertValidationError);
    const late = exchangeOauthCode(anonymous(), {
      clientId: CLIENT_ID,
      code: back.code,
      pkce,
      state: { received: back.state, expected: state },
    });
    await expect(late).rejects.toBeInstanceOf(ConvertValidationError);
  });

  it("never sends the code when the state that came back is not the one sent", async () => {
    const pkce = await createPkce();
    const { url } = oauthAuthorizeUrl({
      clientId: CLIENT_ID,
      codeChallenge: pkce.codeChallenge,
      redirectUri: REDIRECT,
      authorizeUrl: `${server.origin}/auth/oauth/authorize`,
    });
    const back = await consent(url);
    const before = server.requests.length;
    const forged = exchangeOauthCode(anonymous(), {
      clientId: CLIENT_ID,
      code: back.code,
      pkce,
      state: { received: back.state, expected: "what-we-sent" },
    });
    await expect(forged).rejects.toBeInstanceOf(ConvertConfigError);
    expect(server.requests.length).toBe(before);
  });
});
