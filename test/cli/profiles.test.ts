// Profiles from `convert-api login` (an API key, or a session with password and MFA code), used
// with --profile, shown by whoami, deleted by logout; files with mode 0600; secrets read without
// echo on a terminal; deletes confirmed on a terminal; no secret in any output.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "../../scripts/verify-signature.js";
import { printed, runCli, runInTerminal } from "../support/cli.js";
import { type RecordingServer, startRecordingServer } from "../support/recording-server.js";
import { type SessionServer, startSessionServer, USERS } from "../support/session-server.js";

const APP = "profile_app";
const SECRET = "pr0file-s3cret-5a4b3c2d";
let api: RecordingServer;
let sessions: SessionServer;
let dir: string;
let config: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "convert-cli-profiles-"));
  config = join(dir, "config");
  api = await startRecordingServer((request, response) => {
    const problem = verifySignature(request, { [APP]: SECRET });
    response
      .writeHead(problem ? 401 : 200, { "content-type": "application/json" })
      .end(JSON.stringify(problem ? { message: problem } : { id: 10034, target: request.target }));
  });
  sessions = await startSessionServer();
});

afterAll(async () => {
  await api?.close();
  await sessions?.close();
  rmSync(dir, { recursive: true, force: true });
  const sids = [...sessions.requests].flatMap((request) => /sid=([0-9a-f]{32})/.exec(String(request.headers.cookie ?? ""))?.[1] ?? []);
  for (const text of printed) {
    for (const secret of [SECRET, USERS.mfa.password, USERS.mfa.mfaCode, ...sids]) expect(text).not.toContain(secret);
  }
});

const env = (extra: Record<string, string> = {}) => ({ XDG_CONFIG_HOME: config, ...extra });
const profileFile = (name: string) => join(config, "convert-api-client", "profiles", `${name}.json`);

describe("an API key profile", () => {
  it("login reads the secret from standard input and saves the profile with mode 0600", async () => {
    const run = await runCli(
      [
        "login",
        "--profile",
        "work",
        "--application-id",
        APP,
        "--base-url",
        `${api.origin}/api/v2`,
        "--account",
        "100012",
        "--project",
        "10034",
      ],
      { env: env(), input: `${SECRET}\n` },
    );
    expect(run.stderr).toBe(
      `API key secret: \nconvert-api: saved profile "work" (requestSigning, key ${APP}, ${api.origin}/api/v2) in ${profileFile("work")}\n`,
    );
    expect(run.status).toBe(0);
    expect(statSync(profileFile("work")).mode & 0o777).toBe(0o600);
    expect(statSync(join(config, "convert-api-client", "profiles")).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(profileFile("work"), "utf8"))).toMatchObject({
      name: "work",
      auth: { type: "requestSigning", applicationId: APP, secretKey: SECRET },
      accountId: 100012,
      projectId: 10034,
    });
  });

  it("whoami names the profile and the key id, never the secret", async () => {
    const run = await runCli(["whoami", "--profile", "work"], { env: env() });
    expect(JSON.parse(run.stdout)).toEqual({
      source: "profile",
      profile: "work",
      authType: "requestSigning",
      applicationId: APP,
      baseUrl: `${api.origin}/api/v2`,
      accountId: 100012,
      projectId: 10034,
    });
  });

  it("--profile signs calls with the saved key and defaults; the environment's key wins without it", async () => {
    const before = api.requests.length;
    const run = await runCli(["getProject", "--profile", "work"], {
      env: env({ CONVERT_APPLICATION_ID: "other", CONVERT_SECRET_KEY: "other" }),
    });
    expect(JSON.parse(run.stdout)).toEqual({ id: 10034, target: "/api/v2/accounts/100012/projects/10034" });
    expect(run.status).toBe(0);
    expect(verifySignature(api.requests[before]!, { [APP]: SECRET })).toBeNull();
    const fromEnv = await runCli(["whoami"], { env: env({ CONVERT_APPLICATION_ID: "env_app", CONVERT_SECRET_KEY: "x" }) });
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({ source: "environment", applicationId: "env_app" });
    const byName = await runCli(["whoami"], { env: env({ CONVERT_PROFILE: "work" }) });
    expect(JSON.parse(byName.stdout)).toMatchObject({ source: "profile", profile: "work" });
  });

  it("on a terminal the secret is asked for without echo", async () => {
    const { status, screen } = await runInTerminal(
      ["login", "--profile", "tty", "--application-id", APP, "--base-url", `${api.origin}/api/v2`],
      [["API key secret: ", `${SECRET}\r`]],
      { env: env() },
    );
    expect(screen).toContain("API key secret: ");
    expect(screen).not.toContain(SECRET);
    expect(status).toBe(0);
    expect(JSON.parse(readFileSync(profileFile("tty"), "utf8")).auth.secretKey).toBe(SECRET);
  });

  it("a delete asks for confirmation on a terminal; no sends nothing, --yes skips the question", async () => {
    const before = api.requests.length;
    const declined = await runInTerminal(["deleteGoal", "--profile", "work", "--goal-id", "5"], [["go ahead? [y/N] ", "n\r"]], {
      env: env(),
    });
    expect(declined.screen).toContain(
      "deleteGoal (DELETE /accounts/{account_id}/projects/{project_id}/goals/{goal_id}/delete) account_id=100012 project_id=10034 goal_id=5: go ahead? [y/N]",
    );
    expect(declined.screen).toContain("not confirmed: nothing was sent");
    expect(declined.status).toBe(1);
    expect(api.requests.length).toBe(before);
    const confirmed = await runInTerminal(["deleteGoal", "--profile", "work", "--goal-id", "5"], [["go ahead? [y/N] ", "y\r"]], {
      env: env(),
    });
    expect(confirmed.status).toBe(0);
    const skipped = await runInTerminal(["deleteGoal", "--profile", "work", "--goal-id", "6", "--yes"], [], { env: env() });
    expect(skipped.screen).not.toContain("go ahead");
    expect(skipped.status).toBe(0);
    expect(api.requests.slice(before).map((request) => `${request.method} ${request.target}`)).toEqual([
      "DELETE /api/v2/accounts/100012/projects/10034/goals/5/delete",
      "DELETE /api/v2/accounts/100012/projects/10034/goals/6/delete",
    ]);
  });

  it("logout deletes the profile", async () => {
    const run = await runCli(["logout", "--profile", "tty"], { env: env() });
    expect(run.stderr).toBe('convert-api: deleted profile "tty"\n');
    expect(() => statSync(profileFile("tty"))).toThrowError(/ENOENT/);
    const again = await runCli(["whoami", "--profile", "tty"], { env: env() });
    expect(again.stderr).toMatch(/no profile named "tty"/);
    expect(again.status).toBe(2);
  });
});

describe("a session profile", () => {
  it("signs in with password and MFA code, calls with the session cookie, and logs out on the server", async () => {
    const login = await runCli(
      ["login", "--profile", "me", "--type", "session", "--username", USERS.mfa.username, "--base-url", sessions.origin],
      {
        env: env(),
        input: `${USERS.mfa.password}\n${USERS.mfa.mfaCode}\n`,
      },
    );
    expect(login.stderr).toBe(
      `Password: \nMFA code: \nconvert-api: saved profile "me" (session, user ${USERS.mfa.username}, ${sessions.origin}) in ${profileFile("me")}\n`,
    );
    expect(login.status).toBe(0);
    expect(statSync(profileFile("me")).mode & 0o777).toBe(0o600);
    expect(sessions.liveSessions.size).toBe(1);

    const who = await runCli(["whoami", "--profile", "me"], { env: env() });
    expect(JSON.parse(who.stdout)).toMatchObject({ source: "profile", authType: "session", username: USERS.mfa.username });
    const user = await runCli(["getUserData", "--profile", "me"], { env: env() });
    expect(JSON.parse(user.stdout)).toEqual({ id: 1, email: "plain@example.com" });
    expect(user.status).toBe(0);
    const dry = await runCli(["getUserData", "--profile", "me", "--dry-run"], { env: env() });
    expect(dry.stdout).toContain("\ncookie: sid=****\n");

    const logout = await runCli(["logout", "--profile", "me"], { env: env() });
    expect(logout.status).toBe(0);
    expect(sessions.liveSessions.size).toBe(0);
  });

  it("a refused password exits 3 and saves nothing", async () => {
    const run = await runCli(
      ["login", "--profile", "bad", "--type", "session", "--username", USERS.mfa.username, "--base-url", sessions.origin],
      {
        env: env(),
        input: "wrong-password\n",
      },
    );
    expect(run.stderr).toMatch(/Sign-in failed \(ERROR\): Incorrect username or password\./);
    expect(run.status).toBe(3);
    expect(() => statSync(profileFile("bad"))).toThrowError(/ENOENT/);
  });
});
