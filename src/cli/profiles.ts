// Named profiles saved by `convert-api login`: one JSON file per profile in the user's config
// directory, readable by its owner only (0600, in a 0700 directory), written atomically. A profile
// holds credentials, so nothing here ever prints one.
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { UsageError } from "./exit.js";

export type ProfileAuth =
  | { type: "requestSigning" | "secretKey"; applicationId: string; secretKey: string }
  | { type: "session"; username: string; state: unknown };

export interface Profile {
  version: 1;
  name: string;
  auth: ProfileAuth;
  baseUrl?: string | undefined;
  accountId?: number | undefined;
  projectId?: number | undefined;
}

export const DEFAULT_PROFILE = "default";
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

/**
 * The directory profiles live in: $XDG_CONFIG_HOME/convert-api-client, else the platform's own
 * (%APPDATA% on Windows, ~/Library/Application Support on macOS, ~/.config elsewhere).
 */
export function configDir(env: Record<string, string | undefined>, platform: string = process.platform): string {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const base =
    xdg ||
    (platform === "win32" && env.APPDATA) ||
    (platform === "darwin" ? join(homedir(), "Library", "Application Support") : join(env.HOME || homedir(), ".config"));
  return join(base, "convert-api-client");
}

export function checkProfileName(name: string): string {
  if (!NAME.test(name)) throw new UsageError(`profile name must be 1-64 letters, digits, "_", "." or "-" (and not start with "." or "-")`);
  return name;
}

function profileFile(env: Record<string, string | undefined>, name: string): string {
  return join(configDir(env), "profiles", `${checkProfileName(name)}.json`);
}

/** A saved profile, or undefined when there is none of that name. */
export function readProfile(env: Record<string, string | undefined>, name: string, warn: (line: string) => void): Profile | undefined {
  const file = profileFile(env, name);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw error;
  }
  if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0)
    warn(`convert-api: warning: ${file} can be read by other users; run chmod 600 on it`);
  let profile: Profile;
  try {
    profile = JSON.parse(text) as Profile;
  } catch {
    throw new UsageError(`profile "${name}" is not valid JSON (${file}); run convert-api login --profile ${name} again`);
  }
  if (profile?.version !== 1 || typeof profile.auth !== "object" || profile.auth === null)
    throw new UsageError(`profile "${name}" is not a profile this version understands (${file}); run convert-api login again`);
  return { ...profile, name };
}

/** Saves a profile with mode 0600 (directory 0700), replacing the file in one rename. */
export function writeProfile(env: Record<string, string | undefined>, profile: Profile): string {
  const file = profileFile(env, profile.name);
  const dir = join(configDir(env), "profiles");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(profile, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600); // whatever the umask or an older file said
  renameSync(temporary, file);
  return file;
}

export function deleteProfile(env: Record<string, string | undefined>, name: string): boolean {
  const file = profileFile(env, name);
  try {
    statSync(file);
  } catch {
    return false;
  }
  rmSync(file);
  return true;
}

export function profileNames(env: Record<string, string | undefined>): string[] {
  try {
    return readdirSync(join(configDir(env), "profiles"))
      .filter((file) => file.endsWith(".json"))
      .map((file) => file.slice(0, -".json".length))
      .sort();
  } catch {
    return [];
  }
}
