// One command per operation, made from the operation table (src/operations/table.ts over
// generated/operations.ts) and the bundled spec: path parameters become flags (`--experience-id`),
// query and header parameters `--query.<name>` / `--header.<name>`, the body `--body`. A new
// operation in the spec is a new command with no code here.
import { type Command, Help, Option } from "commander";
import { allOperations, type Operation, operationById } from "../operations/table.js";
import { exampleCommand } from "./example-call.js";
import { flagOf } from "./flags.js";
import { BUILTIN_COMMANDS } from "./global-options.js";
import { formatBodyHelp } from "./help.js";
import type { Io } from "./io.js";
import { allowedValues, describeOperation, isArraySchema, loadSpec, type OperationInfo, type ParameterInfo, typeText } from "./spec.js";

/** Path parameters the global --account / --project (or the environment, or the profile) fill in. */
const DEFAULTED: Record<string, string> = {
  account_id: "--account, CONVERT_ACCOUNT_ID or the profile",
  project_id: "--project, CONVERT_PROJECT_ID or the profile",
};

/** The options of an operation command, by what they fill. */
export interface OperationOptions {
  operation: Operation;
  info: OperationInfo;
  /** Each parameter with the commander attribute its value lands in. */
  parameters: { parameter: ParameterInfo; attribute: string }[];
}

/** Adds the command for `operationId` to the program; false when the table has no such operation. */
export function addOperationCommand(program: Command, operationId: string, io: Io): boolean {
  const operation = operationById(operationId);
  if (!operation) return false;
  const spec = loadSpec();
  const info = describeOperation(spec, operationId) ?? fallbackInfo(operation);
  const command = program.command(operationId);
  const description = [`${operation.method} ${operation.path}`, info.summary, info.description].filter(Boolean).join("\n\n");
  command.description(description);

  const parameters: OperationOptions["parameters"] = [];
  for (const parameter of info.parameters) {
    const flag = flagOf(parameter);
    const array = isArraySchema(spec, parameter.schema);
    const values = allowedValues(spec, parameter.schema);
    const notes = [
      typeText(spec, parameter.schema),
      array ? "repeatable" : undefined,
      DEFAULTED[parameter.name] ? `default: ${DEFAULTED[parameter.name]}` : parameter.required ? "required" : undefined,
    ].filter(Boolean);
    const placeholder = parameter.in === "path" && /integer/.test(notes[0]!) ? "id" : "value";
    const option = new Option(
      `${flag} <${placeholder}>`,
      `${parameter.description}${parameter.description ? " " : ""}(${notes.join("; ")})`,
    );
    option.helpGroup(parameter.in === "path" ? "Path parameters:" : parameter.in === "query" ? "Query parameters:" : "Header parameters:");
    if (array) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    if (parameter.required && !DEFAULTED[parameter.name]) option.makeOptionMandatory();
    if (values && !array && values.length <= 12) option.choices(values);
    command.addOption(option);
    parameters.push({ parameter, attribute: option.attributeName() });
  }

  const body = info.body;
  if (body) {
    command.addOption(
      new Option(
        "--body <json>",
        `the request body: JSON text, @file.json, or - to read standard input${body.required ? " (required)" : ""}. Its fields are listed below`,
      ).helpGroup("Body:"),
    );
    if (body.multipart)
      command.addOption(
        new Option("--file <field=path>", "a file part of the upload, e.g. --file image=./banner.png (repeatable)")
          .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value])
          .helpGroup("Body:"),
      );
  }

  const output = "Output:";
  command.addOption(
    new Option("--output <format>", "json (indented on a terminal, one line when piped) or table")
      .choices(["json", "table"])
      .default("json")
      .helpGroup(output),
  );
  command.addOption(
    new Option("--out <file>", "write the answer (JSON, or bytes with --decode or a binary answer) to this file").helpGroup(output),
  );
  command.addOption(
    new Option("--decode <field>", "write the base64 text of this answer field as bytes (e.g. content, data.background)").helpGroup(output),
  );
  if (operation.paginated) {
    command.addOption(new Option("--paginate", "walk every page; write one JSON item per line (NDJSON) as pages arrive").helpGroup(output));
    command.addOption(new Option("--max-items <n>", "with --paginate: stop after this many items").helpGroup(output));
  }
  command.addOption(new Option("--dry-run", "print the signed request (secrets masked) and send nothing").helpGroup("Safety:"));
  command.addOption(
    new Option("-y, --yes", "do not ask for confirmation (deletes and bulk changes ask on a terminal)").helpGroup("Safety:"),
  );
  command.configureHelp({
    showGlobalOptions: true,
    formatHelp: (cmd, helper) => {
      const base = Help.prototype.formatHelp.call(helper, cmd, helper);
      const sections = [body ? formatBodyHelp(spec, body, helper) : "", `Example:\n  $ ${exampleCommand(spec, info)}\n`];
      return `${base}\n${sections.filter(Boolean).join("\n")}`;
    },
  });

  command.action(async (options: Record<string, unknown>, cmd: Command) => {
    const { runOperation } = await import("./run-operation.js");
    await runOperation({ operation, info, parameters }, { ...cmd.optsWithGlobals(), ...options }, io);
  });
  return true;
}

/** What an operation the spec does not describe (it always should) still offers: its path parameters. */
function fallbackInfo(operation: Operation): OperationInfo {
  return {
    operationId: operation.operationId,
    method: operation.method,
    path: operation.path,
    summary: "",
    description: "",
    tag: "",
    parameters: operation.pathParams.map(([name, type]) => ({
      name,
      in: "path" as const,
      required: true,
      description: "",
      schema: { type: type ?? "string" },
      example: undefined,
    })),
    body: undefined,
    anonymous: false,
  };
}

/** "unknown command", with the closest operationIds and built-in commands. */
export function unknownCommandMessage(name: string): string {
  const candidates = [...BUILTIN_COMMANDS, ...[...allOperations()].map((operation) => operation.operationId)];
  const lower = name.toLowerCase();
  const scored = candidates
    .map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.floor(candidate.length / 4)) || candidate.toLowerCase() === lower)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({ candidate }) => candidate);
  const hint = scored.length > 0 ? ` Did you mean ${scored.join(", ")}?` : "";
  return `unknown command '${name}'.${hint} (convert-api list shows every operation)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
