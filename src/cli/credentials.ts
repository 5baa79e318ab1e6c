// Who the CLI calls as, and with which defaults. Credentials: `--profile NAME`, else an API key in
// the environment (CONVERT_APPLICATION_ID / CONVERT_SECRET_KEY / CONVERT_AUTH_TYPE, read by
// createConvertClient.fromEnv), else the profile CONVERT_PROFILE names, else the "default" profile.
// Account, project and API root: the flag, else the environment, else the profile.
import { DEFAULT_BASE_URL } from "../base-url.js";
import { type ConvertClient, type ConvertClientOptions, createConvertClient, ENV } from "../client.js";
import { UsageError } from "./exit.js";
import type { Io } from "./io.js";
import { DEFAULT_PROFILE, type Profile, readProfile, writeProfile } from "./profiles.js";

/** The options every command takes. */
export interface GlobalFlags {
  profile?: string | undefined;
  account?: string | undefined;
  project?: string | undefined;
  baseUrl?: string | undefined;
  debug?: boolean | undefined;
  verbose?: boolean | undefined;
}

export type CredentialSource = { kind: "profile"; name: string } | { kind: "environment" } | { kind: "none" };

/** What a command will call with, described without a secret. */
export interface Setup {
  source: CredentialSource;
  authType: "requestSigning" | "secretKey" | "session" | "none";
  /** The API key's id (not secret), for API keys. */
  applicationId: string | undefined;
  /** The user a session profile signed in as. */
  username: string | undefined;
  baseUrl: string;
  accountId: number | undefined;
  projectId: number | undefined;
  profile: Profile | undefined;
}

const PROFILE_ENV = "CONVERT_PROFILE";

export function resolveSetup(flags: GlobalFlags, io: Io): Setup {
  const env = io.env;
  const read = (name: string) => env[name]?.trim() || undefined;
  const warn = (line: string) => io.stderr.write(`${line}\n`);
  let profile: Profile | undefined;
  let source: CredentialSource;
  if (flags.profile !== undefined) {
    profile = readProfile(env, flags.profile, warn);
    if (!profile) throw new UsageError(`no profile named "${flags.profile}": create it with convert-api login --profile ${flags.profile}`);
    source = { kind: "profile", name: profile.name };
  } else if (read(ENV.applicationId) || read(ENV.secretKey)) {
    source = { kind: "environment" };
  } else {
    const name = read(PROFILE_ENV) ?? DEFAULT_PROFILE;
    profile = readProfile(env, name, warn);
    if (!profile && read(PROFILE_ENV)) throw new UsageError(`no profile named "${name}" (from ${PROFILE_ENV})`);
    source = profile ? { kind: "profile", name } : { kind: "none" };
  }
  const auth = profile?.auth;
  const envType = read(ENV.authType) ?? "requestSigning";
  return {
    source,
    authType: source.kind === "environment" ? (envType as Setup["authType"]) : (auth?.type ?? "none"),
    applicationId:
      source.kind === "environment" ? read(ENV.applicationId) : auth && "applicationId" in auth ? auth.applicationId : undefined,
    username: auth?.type === "session" ? auth.username : undefined,
    baseUrl: flags.baseUrl ?? read(ENV.baseUrl) ?? profile?.baseUrl ?? DEFAULT_BASE_URL,
    accountId: idFlag(flags.account, "--account") ?? idFlag(read(ENV.accountId), ENV.accountId) ?? profile?.accountId,
    projectId: idFlag(flags.project, "--project") ?? idFlag(read(ENV.projectId), ENV.projectId) ?? profile?.projectId,
    profile,
  };
}

/** An id given as text (a flag, a variable named `where`): a positive whole number. */
export function idFlag(value: string | undefined, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`${where} must be a positive whole number`);
  return Number(value);
}

export interface ClientExtras {
  fetch?: typeof globalThis.fetch | undefined;
  headers?: Record<string, string> | undefined;
  maxRetries?: number | undefined;
  logLevel?: ConvertClientOptions["logLevel"];
  /** The operation may be called without credentials (the spec says `security: []`). */
  anonymous?: boolean | undefined;
}

export interface CliClient {
  client: ConvertClient<"account_id" | "project_id">;
  /** Saves what the call changed in a session profile (a renewed cookie). */
  persist(): void;
}

/** A client for the setup, through createConvertClient.fromEnv; loads the session code only for session profiles. */
export async function createClient(setup: Setup, io: Io, extras: ClientExtras = {}): Promise<CliClient> {
  const options: Partial<ConvertClientOptions> = { baseUrl: setup.baseUrl };
  if (setup.accountId !== undefined) options.accountId = setup.accountId;
  if (setup.projectId !== undefined) options.projectId = setup.projectId;
  if (extras.fetch) options.fetch = extras.fetch;
  if (extras.headers) options.headers = extras.headers;
  if (extras.maxRetries !== undefined) options.maxRetries = extras.maxRetries;
  if (extras.logLevel !== undefined) options.logLevel = extras.logLevel;
  let persist = () => {};
  const profile = setup.profile;
  if (setup.source.kind === "none") {
    if (!extras.anonymous)
      throw new UsageError(
        `no credentials: set ${ENV.applicationId} and ${ENV.secretKey} (an API key), or save a profile with convert-api login`,
      );
    options.auth = { type: "none" };
  } else if (profile?.auth.type === "session") {
    const { ConvertSession } = await import("../session/index.js");
    const before = JSON.stringify(profile.auth.state);
    const session = ConvertSession.restore(profile.auth.state as never, { baseUrl: setup.baseUrl });
    options.auth = { type: "session", session };
    persist = () => {
      const state = session.export();
      if (JSON.stringify(state) !== before && profile.auth.type === "session")
        writeProfile(io.env, { ...profile, auth: { ...profile.auth, state } });
    };
  } else if (profile) {
    const { type, applicationId, secretKey } = profile.auth as Extract<Profile["auth"], { applicationId: string }>;
    options.auth = { type, applicationId, secretKey };
  }
  const client = createConvertClient.fromEnv(options, io.env);
  return { client, persist };
}
