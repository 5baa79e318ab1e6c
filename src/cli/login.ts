// `convert-api login` saves a profile: an API key (its secret asked for without echo), or a
// cookie session signed in with username, password and, when the account has it, an MFA code
// (ConvertSession.login, kept with ConvertSession.export). `convert-api logout` deletes it.
import { DEFAULT_BASE_URL } from "../base-url.js";
import { createConvertClient, ENV } from "../client.js";
import { type GlobalFlags, idFlag } from "./credentials.js";
import { UsageError } from "./exit.js";
import type { Io } from "./io.js";
import { checkProfileName, DEFAULT_PROFILE, deleteProfile, type Profile, type ProfileAuth, readProfile, writeProfile } from "./profiles.js";
import { createPrompter } from "./prompt.js";

export interface LoginOptions {
  type: "requestSigning" | "secretKey" | "session";
  applicationId?: string | undefined;
  username?: string | undefined;
}

export async function login(flags: GlobalFlags, options: LoginOptions, io: Io): Promise<void> {
  const name = checkProfileName(flags.profile ?? DEFAULT_PROFILE);
  const baseUrl = flags.baseUrl ?? (io.env[ENV.baseUrl]?.trim() || undefined);
  const accountId = idFlag(flags.account, "--account");
  const projectId = idFlag(flags.project, "--project");
  const prompter = createPrompter(io);
  const required = async (question: string, secret = false) => {
    const answer = (await prompter.ask(question, { secret })).trim();
    if (answer === "") throw new UsageError(`${question.replace(/:\s*$/, "")} is required`);
    return answer;
  };

  let auth: ProfileAuth;
  if (options.type === "session") {
    const username = options.username ?? (await required("Username (email): "));
    const password = await required("Password: ", true);
    const { ConvertSession } = await import("../session/index.js");
    const session = new ConvertSession({ baseUrl });
    await session.login({
      username,
      password,
      mfaCode: () => required("MFA code: ", true),
      newPassword: async () => {
        const chosen = await required("The API asks for a new password. New password: ", true);
        if ((await required("Repeat the new password: ", true)) !== chosen) throw new UsageError("the new passwords differ");
        return chosen;
      },
    });
    auth = { type: "session", username, state: session.export() };
  } else {
    const applicationId = options.applicationId ?? (await required("API key id: "));
    const secretKey = await required("API key secret: ", true);
    // The library's checks, which name the option and never echo it.
    createConvertClient({ auth: { type: options.type, applicationId, secretKey }, baseUrl });
    auth = { type: options.type, applicationId, secretKey };
  }
  const profile: Profile = { version: 1, name, auth, baseUrl, accountId, projectId };
  const file = writeProfile(io.env, profile);
  const who = auth.type === "session" ? `user ${auth.username}` : `key ${auth.applicationId}`;
  io.stderr.write(`convert-api: saved profile "${name}" (${auth.type}, ${who}, ${baseUrl ?? DEFAULT_BASE_URL}) in ${file}\n`);
}

export async function logout(flags: GlobalFlags, io: Io): Promise<void> {
  const name = checkProfileName(flags.profile ?? (io.env.CONVERT_PROFILE?.trim() || DEFAULT_PROFILE));
  const warn = (line: string) => io.stderr.write(`${line}\n`);
  const profile = readProfile(io.env, name, warn);
  if (!profile) throw new UsageError(`no profile named "${name}"`);
  if (profile.auth.type === "session") {
    try {
      const { ConvertSession } = await import("../session/index.js");
      await ConvertSession.restore(profile.auth.state as never, { baseUrl: profile.baseUrl }).logout();
    } catch (error) {
      warn(
        `convert-api: warning: the session could not be ended on the server (${(error as Error).message}); the profile is deleted anyway`,
      );
    }
  }
  deleteProfile(io.env, name);
  warn(`convert-api: deleted profile "${name}"`);
}
