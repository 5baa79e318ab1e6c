/**
 * Cookie sessions (username, password, MFA) for Convert's own apps: {@link ConvertSession}, given to
 * `createConvertClient({ auth: { type: "session", session } })`.
 * @module convert-api-client/session
 */
// Entry point `convert-api-client/session`: cookie sessions for Convert's own apps. Kept apart
// from the main entry so that API-key users do not load a cookie jar.
export type { SessionAuth } from "../auth/index.js";
export { ConvertLoginError } from "./login-error.js";
export type { ConvertSessionOptions, ConvertSessionState, LoginOptions, LoginResult, LogoutScope } from "./session.js";
export { ConvertSession } from "./session.js";
