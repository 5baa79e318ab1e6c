// Clients shared by the contract files (one per spec/paths/*.yaml), so each file only sets up
// what is particular to its tag.
import { inject } from "vitest";
import { type ConvertClient, type ConvertClientOptions, createConvertClient } from "../../src/index.js";
import { ConvertSession } from "../../src/session/index.js";
import { ids, prismClient, signing, TEST_KEY } from "./clients.js";

/** Sign-in, password reset and invitation calls go out without credentials. */
export const anonymousClient = () => prismClient({ type: "none" });

/** Cookie-only operations, called through raw requests: a session cookie instead of an API key. */
export const sessionCookie = { Cookie: "sid=s%3A9f2c4e1a7b3d5f60" } as const;

/**
 * An OAuth access token (`oauthAccessToken`), sent through raw requests: the client has no auth
 * type for it yet. The value is the one Prism answers `requestOauthToken` with.
 */
export const oauthBearer = { Authorization: "Bearer 6f0d2a9c4e7b1f3a8d5c2e9b7a4f1c6d" } as const;

/** Operation methods are meant to be used with account_id / project_id filled from the options (request signing unless `auth` is given). */
export function defaultsClient(
  options: Partial<Pick<ConvertClientOptions, "logger" | "auth">> = {},
): ConvertClient<"account_id" | "project_id"> {
  return createConvertClient({
    baseUrl: inject("prismUrl"),
    auth: signing,
    accountId: ids.account_id,
    projectId: ids.project_id,
    ...options,
  });
}

/** The same, on a session signed in through doAuth: operations that accept only the cookie. */
export async function signedInDefaultsClient(): Promise<ConvertClient<"account_id" | "project_id">> {
  const session = new ConvertSession({ baseUrl: inject("prismUrl") });
  await session.login({ username: "jane.doe@example.com", password: "correct horse battery" });
  return createConvertClient({
    baseUrl: inject("prismUrl"),
    auth: { type: "session", session },
    accountId: ids.account_id,
    projectId: ids.project_id,
  });
}

/** Path of one experience for operation methods: the client fills in account and project. */
export const defaultedExperience = { experience_id: 100200 } as const;

/**
 * One defaults client per auth type the client has for operations that take the global security
 * list: request signing, secret key and cookie session (the OAuth access token has no auth type
 * yet: see `oauthBearer`).
 */
export async function defaultsClientPerAuth(): Promise<
  Record<"requestSigning" | "secretKey" | "session", ConvertClient<"account_id" | "project_id">>
> {
  return {
    requestSigning: defaultsClient(),
    secretKey: defaultsClient({ auth: { type: "secretKey", ...TEST_KEY } }),
    session: await signedInDefaultsClient(),
  };
}
