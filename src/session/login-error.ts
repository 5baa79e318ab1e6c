import { brief, ConvertError } from "../errors.js";

/** The API refused a sign-in step (`auth-code` ERROR or NEW_AUTH_REQUIRED), or no session cookie came back. */
export class ConvertLoginError extends ConvertError {
  static override readonly kind: string = "ConvertLoginError";
  /** The API's `auth-code`, or `NO_SESSION_COOKIE`. */
  readonly authCode: string;
  readonly messages: string[];
  constructor(authCode: string, messages: string[]) {
    const hint = authCode === "NEW_AUTH_REQUIRED" ? " The sign-in step expired: start again with login()." : "";
    super(`Sign-in failed (${authCode.slice(0, 40)})${messages.length ? `: ${brief(messages, "; ")}` : ""}.${hint}`);
    this.authCode = authCode;
    this.messages = messages;
  }
}
