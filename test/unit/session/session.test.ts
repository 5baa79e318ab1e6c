import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConvertAuthenticationError, ConvertConfigError, createConvertClient } from "../../../src/index.js";
import { ConvertLoginError, ConvertSession } from "../../../src/session/index.js";
import { type RecordingServer, startRecordingServer } from "../../support/recording-server.js";
import { type SessionServer, startSessionServer, USERS } from "../../support/session-server.js";

let server: SessionServer;
beforeAll(async () => {
  server = await startSessionServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

const credentials = (user: { username: string; password: string }) => ({ username: user.username, password: user.password });
const newSession = (options: { nonce?: string } = {}) => new ConvertSession({ baseUrl: server.origin, ...options });
const clientFor = (session: ConvertSession) => createConvertClient({ baseUrl: server.origin, auth: { type: "session", session } });
const sidCookie = () => server.requests.at(-1)!.headers.cookie;

describe("cookie session login", () => {
  it("signs in with a password and sends the sid cookie on later calls", async () => {
    const session = newSession();
    const result = await session.login(credentials(USERS.plain));
    expect(result).toEqual({ status: "signedIn", message: "Signed in" });
    expect(session.hasSessionCookie).toBe(true);
    const user = await clientFor(session).getUserData();
    expect(user).toEqual({ id: 1, email: "plain@example.com" });
    expect(sidCookie()).toMatch(/^sid=[0-9a-f]{32}$/);
    expect(server.liveSessions.has(sidCookie()!.slice(4))).toBe(true);
  });

  it("answers an MFA challenge through the callback", async () => {
    const session = newSession();
    let asked = 0;
    const result = await session.login({
      ...credentials(USERS.mfa),
      mfaCode: async () => {
        asked++;
        return USERS.mfa.mfaCode;
      },
    });
    expect(result.status).toBe("signedIn");
    expect(asked).toBe(1);
    const steps = server.requests.map((r) => JSON.parse(r.body.toString()).requestType);
    expect(steps).toEqual(["initiatePasswordAuth", "provideMfaCodeAuth"]);
  });

  it("returns the MFA step when no callback is given, and finishes with submitMfaCode", async () => {
    const session = newSession();
    const pending = await session.login(credentials(USERS.mfa));
    expect(pending.status).toBe("mfaRequired");
    expect(session.hasSessionCookie).toBe(false);
    if (pending.status !== "mfaRequired") throw new Error("unreachable");
    expect((await pending.submitMfaCode(USERS.mfa.mfaCode)).status).toBe("signedIn");
    expect((await session.status()).active).toBe(true);
  });

  it("sets a new password when the API demands one", async () => {
    const session = newSession();
    const pending = await session.login(credentials(USERS.expired));
    expect(pending.status).toBe("newPasswordRequired");
    if (pending.status !== "newPasswordRequired") throw new Error("unreachable");
    expect((await pending.submitNewPassword("N3w-Passw0rd!")).status).toBe("signedIn");
    const confirm = JSON.parse(server.requests.at(-1)!.body.toString());
    expect(confirm).toMatchObject({
      requestType: "confirmNewPasswordAuth",
      data: { newPassword: "N3w-Passw0rd!", confirmNewPassword: "N3w-Passw0rd!" },
    });
    // the new password works from now on, via the callback form
    const again = newSession();
    const result = await again.login({ username: USERS.expired.username, password: "N3w-Passw0rd!" });
    expect(result.status).toBe("signedIn");
  });

  it("throws ConvertLoginError on a wrong password, without the password anywhere", async () => {
    const error = await newSession()
      .login({ username: USERS.plain.username, password: "wrong-Passw0rd" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertLoginError);
    expect(error).toMatchObject({ authCode: "ERROR", messages: ["Incorrect username or password."] });
    expect(`${(error as Error).message} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain("wrong-Passw0rd");
  });

  it("throws NEW_AUTH_REQUIRED when the step token has expired, and says to start again", async () => {
    const session = newSession();
    const pending = await session.login(credentials(USERS.mfa));
    server.expireSignInSteps();
    if (pending.status !== "mfaRequired") throw new Error("unreachable");
    const error = await pending.submitMfaCode(USERS.mfa.mfaCode).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertLoginError);
    expect((error as ConvertLoginError).authCode).toBe("NEW_AUTH_REQUIRED");
    expect((error as Error).message).toMatch(/start again with login\(\)/);
    expect(`${(error as Error).message} ${inspect(error)}`).not.toContain(USERS.mfa.mfaCode);
  });

  it("validates login input before sending", async () => {
    await expect(newSession().login({ username: "", password: "x" })).rejects.toBeInstanceOf(ConvertConfigError);
    // @ts-expect-error mfaCode must be a callback, not the code
    await expect(newSession().login({ ...credentials(USERS.mfa), mfaCode: "123456" })).rejects.toThrow(/mfaCode must be a function/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("session lifecycle", () => {
  it("logout invalidates the session on the server and forgets the cookie", async () => {
    const session = newSession();
    await session.login(credentials(USERS.plain));
    const convert = clientFor(session);
    expect((await session.status()).active).toBe(true);
    const sid = sidCookie()!.slice(4);
    await session.logout();
    expect(server.liveSessions.has(sid)).toBe(false);
    expect(session.hasSessionCookie).toBe(false);
    expect((await session.status()).active).toBe(false);
    await expect(convert.getUserData()).rejects.toBeInstanceOf(ConvertAuthenticationError);
  });

  it("logout of other sessions keeps this one", async () => {
    const laptop = newSession();
    const phone = newSession();
    await laptop.login(credentials(USERS.plain));
    await phone.login(credentials(USERS.plain));
    await laptop.logout("otherSessions");
    expect((await laptop.status()).active).toBe(true);
    expect((await phone.status()).active).toBe(false);
  });

  it("exports and restores a signed-in session (e.g. for a CLI)", async () => {
    const session = newSession();
    await session.login(credentials(USERS.plain));
    const saved = JSON.stringify(session.export());
    const restored = ConvertSession.restore(saved, { baseUrl: server.origin });
    expect(restored.hasSessionCookie).toBe(true);
    expect(await clientFor(restored).getUserData()).toMatchObject({ id: 1 });
    expect(() => ConvertSession.restore(saved, { baseUrl: "https://api.convert.com/api/v2" })).toThrowError(/belongs to another origin/);
    expect(() => ConvertSession.restore("{}")).toThrowError(ConvertConfigError);
  });

  it("restore refuses a bad state or baseUrl with ConvertConfigError, never echoing the input", async () => {
    const session = newSession();
    await session.login(credentials(USERS.plain));
    const state = session.export();
    const secret = "sid-SECRET-VALUE-42";
    const bad: [unknown, object][] = [
      [{ ...state, cookies: secret }, { baseUrl: server.origin }],
      [{ ...state, cookies: { version: secret, cookies: secret } }, { baseUrl: server.origin }],
      [{ ...state, cookies: null }, { baseUrl: server.origin }],
      [{ ...state, origin: `https://${secret}.example.com` }, { baseUrl: server.origin }],
      [state, { baseUrl: `not a url ${secret}` }],
      [state, { baseUrl: `ftp://${secret}.example.com` }],
      [`{"version":1,"origin":"${secret}"`, { baseUrl: server.origin }],
      [secret, { baseUrl: server.origin }],
      [null, { baseUrl: server.origin }],
    ];
    for (const [input, options] of bad) {
      const error = (() => {
        try {
          ConvertSession.restore(input as never, options);
          return undefined;
        } catch (e) {
          return e;
        }
      })();
      expect(error, JSON.stringify(input)).toBeInstanceOf(ConvertConfigError);
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it("sends the x-convert-nonce header when configured", async () => {
    const session = newSession({ nonce: "n0nce-4b2" });
    await session.login(credentials(USERS.plain));
    await clientFor(session).getUserData();
    expect(server.requests.at(-1)!.headers["x-convert-nonce"]).toBe("n0nce-4b2");
  });

  it("never sends the cookie to another origin", async () => {
    const session = newSession();
    await session.login(credentials(USERS.plain));
    let other: RecordingServer | undefined;
    try {
      other = await startRecordingServer();
      // Cookies ignore ports; the session does not: a client for another origin is refused.
      expect(() => createConvertClient({ baseUrl: other!.origin, auth: { type: "session", session } })).toThrowError(/belongs to/);
      expect(other.requests).toHaveLength(0);
    } finally {
      await other?.close();
    }
  });

  it("keeps the cookie out of inspect and JSON of the session and the client", async () => {
    const session = newSession();
    await session.login(credentials(USERS.plain));
    const sid = sidCookie()?.slice(4) ?? [...server.liveSessions].at(-1)!;
    const convert = clientFor(session);
    const texts = [
      inspect(session, { depth: 5, showHidden: true }),
      JSON.stringify(session),
      inspect(convert, { depth: 5 }),
      JSON.stringify(convert),
    ];
    for (const text of texts) expect(text).not.toContain(sid);
    expect(JSON.stringify(session.export())).toContain(sid); // export is the one explicit way out
  });

  it("keeps a cookie the server sets on an error answer out of the thrown error", async () => {
    const session = newSession();
    await session.login(credentials(USERS.plain));
    const stale = ConvertSession.restore(session.export(), { baseUrl: server.origin });
    await session.logout(); // the stale copy's sid is now refused, with a Set-Cookie that clears it
    const error = await clientFor(stale)
      .getUserData()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvertAuthenticationError);
    expect(Object.keys((error as ConvertAuthenticationError).headers)).not.toContain("set-cookie");
  });
});
