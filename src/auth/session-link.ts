/**
 * How a client gets credentials from a ConvertSession without importing the class (which itself
 * creates a client). Global, so that a session from one copy of the package works with another.
 */
export const sessionAuthenticator: unique symbol = Symbol.for("convert-api-client.session-authenticator") as never;
