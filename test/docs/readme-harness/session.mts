// What `import ... from "convert-api-client/session"` loads in a README sample run by
// test/docs/readme-run.test.ts: the package's session entry, except that every session goes to
// the base URL in CONVERT_API_BASE_URL (see ./convert-api-client.mts for why), and nothing else.
import {
  type ConvertSessionOptions,
  type ConvertSessionState,
  ConvertSession as PackageConvertSession,
} from "../../../src/session/index.js";
import { harnessBaseUrl } from "./base-url.mjs";

export * from "../../../src/session/index.js";

export class ConvertSession extends PackageConvertSession {
  constructor(options: ConvertSessionOptions = {}, state?: ConvertSessionState) {
    super({ ...options, baseUrl: harnessBaseUrl() }, state);
  }

  static override restore(state: ConvertSessionState | string, options: ConvertSessionOptions = {}): PackageConvertSession {
    return PackageConvertSession.restore(state, { ...options, baseUrl: harnessBaseUrl() });
  }
}
