// What `import ... from "convert-api-client"` loads in a README sample run by
// test/docs/readme-run.test.ts: the package's own entry, except that every client goes to
// CONVERT_API_BASE_URL (the Prism mock, or a local server that imitates sign-in).
//
// Why a shim: the samples make clients without `baseUrl` (the default is https://api.convert.com)
// or with Prism's documented port 4010, and the package reads CONVERT_API_BASE_URL only in
// `createConvertClient.fromEnv()`: a client made with options goes where its options say. So the
// shim forces `baseUrl`, and nothing else; `fromEnv` is the package's own and reads the variable.
import { createConvertClient as packageCreateConvertClient } from "../../../src/index.js";
import { harnessBaseUrl } from "./base-url.mjs";

export * from "../../../src/index.js";

export const createConvertClient = Object.assign(
  (options: Parameters<typeof packageCreateConvertClient>[0]) => packageCreateConvertClient({ ...options, baseUrl: harnessBaseUrl() }),
  { fromEnv: packageCreateConvertClient.fromEnv },
) as typeof packageCreateConvertClient;
