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
 * An OAuth access token (`oauthAccessToken`) as a raw header, for raw requests. The value is the
 * one Prism answers `requestOauthToken` with.
 */
export const oauthBearer = { Authorization: "Bearer 6f0d2a9c4e7b1f3a8d5c2e9b7a4f1c6d" } as const;

/**
 * Operation methods are meant to be used with account_id / project_id filled from the options.
 * Signs requests with the test API key unless `auth` says otherwise.
 */
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

/** A defaultsClient that records the URL and status of every answer it gets. */
export function recordingDefaultsClient(): {
  client: ConvertClient<"account_id" | "project_id">;
  answers: { url: string; status: number }[];
} {
  const answers: { url: string; status: number }[] = [];
  const client = defaultsClient({
    logger: (event) => void (event.type === "response" && answers.push({ url: event.url, status: event.status })),
  });
  return { client, answers };
}

/** Path of one experience for operation methods: the client fills in account and project. */
export const defaultedExperience = { experience_id: 100200 } as const;

const oauthAccessToken = oauthBearer.Authorization.slice("Bearer ".length);

/** A defaults client per way of authenticating, by the name tests print. */
const clientMakers = {
  "request signing": async () => defaultsClient(),
  "secret key": async () => defaultsClient({ auth: { type: "secretKey", ...TEST_KEY } }),
  "OAuth access token": async () => defaultsClient({ auth: { type: "oauth", accessToken: oauthAccessToken } }),
  "session cookie": signedInDefaultsClient,
} satisfies Record<string, () => Promise<ConvertClient<"account_id" | "project_id">>>;

type AuthName = keyof typeof clientMakers;

/** The named ways of authenticating, as `describe.each` rows: `describe.each(clientsFor("secret key"))`. */
export function clientsFor(
  ...names: AuthName[]
): ReadonlyArray<readonly [AuthName, () => Promise<ConvertClient<"account_id" | "project_id">>]> {
  return names.map((name) => [name, clientMakers[name]] as const);
}

/**
 * Every way of authenticating that the spec's global `security` accepts, to call operations that
 * declare no `security` of their own with each: `describe.each(globalSecurityClients)`.
 */
export const globalSecurityClients = clientsFor("request signing", "secret key", "OAuth access token", "session cookie");

/** The same clients made at once, by auth type, for a loop inside one test. */
export async function defaultsClientPerAuth(): Promise<
  Record<"requestSigning" | "secretKey" | "oauth" | "session", ConvertClient<"account_id" | "project_id">>
> {
  return {
    requestSigning: await clientMakers["request signing"](),
    secretKey: await clientMakers["secret key"](),
    oauth: await clientMakers["OAuth access token"](),
    session: await clientMakers["session cookie"](),
  };
}
