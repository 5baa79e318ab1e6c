// Clients shared by the contract files (one per spec/paths/*.yaml), so each file only sets up
// what is particular to its tag.
import { prismClient } from "./clients.js";

/** Sign-in, password reset and invitation calls go out without credentials. */
export const anonymousClient = () => prismClient({ type: "none" });

/** Cookie-only operations, called through raw requests: a session cookie instead of an API key. */
export const sessionCookie = { Cookie: "sid=s%3A9f2c4e1a7b3d5f60" } as const;
