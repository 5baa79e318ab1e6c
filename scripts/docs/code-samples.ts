// The code samples of the HTML reference: for every operation of the operation table, a TypeScript
// call of its operation method and the `convert-api` command line that does the same, both from
// the CLI's example call (src/cli/help.ts), so that the --help example and the reference agree.
// test/docs/code-samples.test.ts type-checks every TypeScript sample and runs every command line
// through the CLI's parser in dry-run mode.
import { type ExampleCall, exampleCall, exampleCommand } from "../../src/cli/example-call.js";
import { describeOperation, type ParameterInfo, type Spec } from "../../src/cli/spec.js";
import { allOperations } from "../../src/operations/table.js";
import { Code, typescriptLiteral } from "./typescript-literal.js";

/** Path parameters the client's `accountId` / `projectId` (and the CLI's environment) fill in. */
export const DEFAULTED = ["account_id", "project_id"] as const;

/** The CLI's variables for them, as the samples set them. */
const DEFAULT_VARIABLES: Record<(typeof DEFAULTED)[number], { option: string; variable: string }> = {
  account_id: { option: "accountId", variable: "CONVERT_ACCOUNT_ID" },
  project_id: { option: "projectId", variable: "CONVERT_PROJECT_ID" },
};

/** The session profile the CLI samples of session-only operations use. */
export const SESSION_PROFILE = "me";

export interface CodeSamples {
  operationId: string;
  typescript: string;
  cli: string;
}

type Access = "anonymous" | "session" | "apiKey";

/** The samples of every operation, in the operation table's order. */
export function codeSamples(spec: Spec): CodeSamples[] {
  return [...allOperations()].map(({ operationId }) => {
    const info = describeOperation(spec, operationId);
    if (!info) throw new Error(`${operationId}: in the operation table but not in the spec`);
    const call = exampleCall(spec, info, DEFAULTED);
    const defaults = info.parameters.filter(
      (parameter): parameter is ParameterInfo & { name: (typeof DEFAULTED)[number] } =>
        parameter.in === "path" && (DEFAULTED as readonly string[]).includes(parameter.name),
    );
    const access = accessOf(spec, info.method, info.path, info.anonymous);
    return {
      operationId,
      typescript: typescriptSample(operationId, call, defaults, access),
      cli: cliSample(exampleCommand(spec, info, DEFAULTED), defaults, access),
    };
  });
}

/** Who may call the operation: anyone (`security: []`), a cookie session only, or an API key. */
function accessOf(spec: Spec, method: string, path: string, anonymous: boolean): Access {
  if (anonymous) return "anonymous";
  const security = spec.paths[path]?.[method.toLowerCase()]?.security ?? spec.security ?? [];
  const schemes = security.flatMap((requirement) => Object.keys(requirement));
  return schemes.length > 0 && schemes.every((scheme) => scheme === "cookieAuthentication") ? "session" : "apiKey";
}

function typescriptSample(
  operationId: string,
  call: ExampleCall,
  defaults: readonly (ParameterInfo & { name: (typeof DEFAULTED)[number] })[],
  access: Access,
): string {
  const imports = ["createConvertClient"];
  const init: Record<string, unknown> = {};
  for (const where of ["path", "query", "header"] as const) {
    const values = Object.fromEntries(
      call.parameters.filter(({ parameter }) => parameter.in === where).map((p) => [p.parameter.name, p.value]),
    );
    if (Object.keys(values).length > 0) init[where] = values;
  }
  if (call.body || call.files.length > 0) {
    const body: Record<string, unknown> = { ...call.body };
    for (const name of call.files) body[name] = new Code(`await fileFromPath("./${name}.bin")`);
    init.body = body;
    if (call.files.length > 0) imports.push("fileFromPath");
  }

  const options: Record<string, unknown> = {};
  const lines: string[] = [];
  if (access === "session") {
    lines.push(
      `import { ${imports.sort().join(", ")} } from "convert-api-client";`,
      `import { ConvertSession } from "convert-api-client/session";`,
      "",
      "// A cookie session (Convert's own apps): see the README's Cookie session for MFA and saving it.",
      "const session = new ConvertSession();",
      `await session.login({ username: "jane@example.com", password: process.env.CONVERT_PASSWORD! });`,
    );
    options.auth = { type: "session", session: new Code("session") };
  } else {
    lines.push(`import { ${imports.sort().join(", ")} } from "convert-api-client";`, "");
    options.auth =
      access === "anonymous"
        ? { type: "none" }
        : {
            type: "requestSigning",
            applicationId: new Code("process.env.CONVERT_APPLICATION_ID!"),
            secretKey: new Code("process.env.CONVERT_SECRET_KEY!"),
          };
  }
  for (const parameter of defaults) options[DEFAULT_VARIABLES[parameter.name].option] = parameter.example ?? 1;
  lines.push(`const convert = createConvertClient(${typescriptLiteral(options)});`);
  const argument = Object.keys(init).length > 0 ? typescriptLiteral(init) : "";
  lines.push(`const result = await convert.${operationId}(${argument});`, "console.log(result);");
  return `${lines.join("\n")}\n`;
}

function cliSample(command: string, defaults: readonly (ParameterInfo & { name: (typeof DEFAULTED)[number] })[], access: Access): string {
  const lines: string[] = [];
  if (access === "session")
    lines.push(
      `# A session profile, saved once: convert-api login --profile ${SESSION_PROFILE} --type session --username jane@example.com`,
    );
  else if (access === "apiKey")
    lines.push("# Credentials: CONVERT_APPLICATION_ID and CONVERT_SECRET_KEY, or a profile saved by convert-api login");
  if (defaults.length > 0)
    lines.push(
      `export ${defaults.map((parameter) => `${DEFAULT_VARIABLES[parameter.name].variable}=${parameter.example ?? 1}`).join(" ")}`,
    );
  lines.push(access === "session" ? `${command} --profile ${SESSION_PROFILE}` : command);
  return `${lines.join("\n")}\n`;
}
