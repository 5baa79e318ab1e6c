// Entry point `convert-api-client/session`: cookie sessions for Convert's own apps. Kept apart
// from the main entry so that API-key users do not load a cookie jar.

export type { ConvertSessionOptions, ConvertSessionState, LoginOptions, LoginResult, LogoutScope, SessionAuth } from "./auth/session.js";
export { ConvertLoginError, ConvertSession } from "./auth/session.js";
