import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { type RecordedRequest, type RecordingServer, startRecordingServer } from "./recording-server.js";

/** A user of the fake API: with `mfaCode`, sign-in asks for it; with `passwordExpired`, for a new password. */
export interface SessionUser {
  username: string;
  password: string;
  mfaCode?: string;
  passwordExpired?: boolean;
}

/** The fake API's users unless `startSessionServer` is given others. */
export const USERS = {
  plain: { username: "plain@example.com", password: "pl41n-Passw0rd!" },
  mfa: { username: "mfa@example.com", password: "mf4-Passw0rd!", mfaCode: "482913" },
  expired: { username: "expired@example.com", password: "0ld-Passw0rd!", passwordExpired: true },
} as const satisfies Record<string, SessionUser>;

export interface SessionServer extends RecordingServer {
  /** sids the server currently accepts. */
  liveSessions: Set<string>;
  /** Makes every pending sign-in step token invalid (as if it had expired). */
  expireSignInSteps(): void;
}

/**
 * A stateful imitation of Convert's cookie sign-in, written independently of src/: password,
 * then MFA code or new password with a one-time step token, then `Set-Cookie: sid=...`; /auth/status
 * and /user accept only live sids; /auth/logout ends them.
 */
export async function startSessionServer(users: readonly SessionUser[] = Object.values(USERS)): Promise<SessionServer> {
  const liveSessions = new Set<string>();
  const sessionsByUser = new Map<string, Set<string>>();
  const steps = new Map<string, { username: string; next: "mfa" | "newPassword" }>();
  const accounts = new Map<string, SessionUser>(users.map((u) => [u.username, u]));
  const passwords = new Map<string, string>(users.map((u) => [u.username, u.password]));

  const reply = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };
  const sidOf = (request: RecordedRequest) => /(?:^|;\s*)sid=([^;]+)/.exec(String(request.headers.cookie ?? ""))?.[1];
  const signIn = (response: ServerResponse, username: string) => {
    const sid = randomBytes(16).toString("hex");
    liveSessions.add(sid);
    if (!sessionsByUser.has(username)) sessionsByUser.set(username, new Set());
    sessionsByUser.get(username)!.add(sid);
    reply(
      response,
      200,
      { "auth-code": "SUCCESS", message: "Signed in" },
      { "set-cookie": `sid=${sid}; Path=/; HttpOnly; Secure; SameSite=Lax` },
    );
  };
  const challenge = (response: ServerResponse, username: string, next: "mfa" | "newPassword") => {
    const sessionToken = randomBytes(12).toString("base64url");
    steps.set(sessionToken, { username, next });
    const code = next === "mfa" ? "MFA_TOKEN_REQUIRED" : "NEW_PASSWORD_REQUIRED";
    reply(response, 200, { "auth-code": code, message: "More data needed", data: { sessionToken, username } });
  };

  const server = await startRecordingServer((request, response) => {
    const route = `${request.method} ${request.target.split("?")[0]}`;
    const body = request.body.length ? JSON.parse(request.body.toString()) : {};
    if (route === "POST /auth") {
      const data = body.data ?? {};
      if (body.requestType === "initiatePasswordAuth") {
        if (passwords.get(data.username) !== data.password) {
          return reply(response, 200, { "auth-code": "ERROR", message: "Incorrect username or password." });
        }
        const account = accounts.get(data.username)!;
        if (account.mfaCode !== undefined) return challenge(response, data.username, "mfa");
        if (account.passwordExpired && data.password === account.password) return challenge(response, data.username, "newPassword");
        return signIn(response, data.username);
      }
      const step = steps.get(data.sessionToken);
      if (!step || step.username !== data.username)
        return reply(response, 200, { "auth-code": "NEW_AUTH_REQUIRED", message: "Start again" });
      if (body.requestType === "provideMfaCodeAuth" && step.next === "mfa") {
        if (data.mfaCode !== accounts.get(step.username)?.mfaCode)
          return reply(response, 200, { "auth-code": "ERROR", message: "Invalid code." });
        steps.delete(data.sessionToken);
        return signIn(response, step.username);
      }
      if (body.requestType === "confirmNewPasswordAuth" && step.next === "newPassword") {
        if (!data.newPassword || data.newPassword !== data.confirmNewPassword) {
          return reply(response, 200, { "auth-code": "ERROR", message: "Passwords do not match." });
        }
        steps.delete(data.sessionToken);
        passwords.set(step.username, data.newPassword);
        return signIn(response, step.username);
      }
      return reply(response, 422, { code: 422, message: "Unknown requestType", fields: ["requestType"] });
    }
    const sid = sidOf(request);
    if (!sid || !liveSessions.has(sid)) {
      // Like many servers, clear a cookie it no longer accepts.
      return reply(response, 401, { code: 401, message: "Not authenticated" }, { "set-cookie": "sid=; Path=/; Max-Age=0" });
    }
    if (route === "GET /auth/status") return reply(response, 200, { code: 200, message: "Session active" });
    if (route === "GET /user") return reply(response, 200, { id: 1, email: "plain@example.com" });
    if (route === "POST /auth/logout") {
      const mine = [...sessionsByUser.values()].find((sids) => sids.has(sid))!;
      for (const other of [...mine]) {
        const end = body.requestType === "allSessions" || (body.requestType === "otherSessions" ? other !== sid : other === sid);
        if (end) {
          liveSessions.delete(other);
          mine.delete(other);
        }
      }
      const clear: Record<string, string> = body.requestType === "otherSessions" ? {} : { "set-cookie": "sid=; Path=/; Max-Age=0" };
      return reply(response, 200, { code: 200, message: "Logged out" }, clear);
    }
    return reply(response, 404, { code: 404, message: "Not found" });
  });
  return Object.assign(server, { liveSessions, expireSignInSteps: () => steps.clear() });
}
