// What an operation command does once its command line is parsed: the call's argument from the
// flags, a confirmation for deletes and bulk changes, then the call (or its pages, or its dry run)
// through the library's client, and the answer written out.
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { NODE_DEFAULT_HEADERS } from "../http/node.js";
import type { Operation } from "../operations/table.js";
import { readBodyFlag, readFileFlags } from "./body.js";
import { createClient, type GlobalFlags, resolveSetup } from "./credentials.js";
import { describeRequest, type RecordedRequest, recordingFetch, stoppedByDryRun } from "./dry-run.js";
import { CliFailure, UsageError } from "./exit.js";
import { type Io, write } from "./io.js";
import { ndjsonLine, type OutputFormat, table, writeResult } from "./output.js";
import { createPrompter } from "./prompt.js";
import type { OperationInfo, ParameterInfo } from "./spec.js";

export interface OperationCommand {
  operation: Operation;
  info: OperationInfo;
  parameters: { parameter: ParameterInfo; attribute: string }[];
}

interface RunFlags extends GlobalFlags {
  body?: string | undefined;
  file?: string[] | undefined;
  output: OutputFormat;
  out?: string | undefined;
  decode?: string | undefined;
  paginate?: boolean | undefined;
  maxItems?: string | undefined;
  dryRun?: boolean | undefined;
  yes?: boolean | undefined;
}

/**
 * Deletes and bulk changes: DELETE requests, and operations whose name says they delete, remove,
 * revoke, reset or change in bulk (the API also deletes with POST .../bulk-delete).
 */
export function asksConfirmation(operation: Pick<Operation, "method" | "operationId">): boolean {
  return operation.method === "DELETE" || /^(delete|bulk|remove|revoke|reset)/.test(operation.operationId);
}

export async function runOperation(command: OperationCommand, flags: RunFlags & Record<string, unknown>, io: Io): Promise<void> {
  const { operation, info } = command;
  const init = await callArgument(command, flags, io);
  const maxItems = flags.maxItems === undefined ? undefined : wholeNumber(flags.maxItems, "--max-items");
  if (flags.decode !== undefined && flags.paginate) throw new UsageError("--decode and --paginate cannot be used together");
  const setup = resolveSetup(flags, io);

  if (asksConfirmation(operation) && !flags.yes && !flags.dryRun && io.stdin.isTTY && io.stderr.isTTY) {
    const target = command.parameters
      .filter(({ parameter }) => parameter.in === "path")
      .map(
        ({ parameter }) =>
          `${parameter.name}=${(init.path as Record<string, unknown>)[parameter.name] ?? defaultOf(parameter.name, setup)}`,
      )
      .join(" ");
    const ok = await createPrompter(io).confirm(`${operation.operationId} (${operation.method} ${operation.path}) ${target}: go ahead?`);
    if (!ok) throw new CliFailure("not confirmed: nothing was sent (pass --yes to skip the question)");
  }

  const recorded: RecordedRequest[] = [];
  const { client, persist } = await createClient(setup, io, {
    anonymous: info.anonymous,
    logLevel: flags.debug ? "debug" : undefined,
    // A dry run goes through `fetch`, which records and sends nothing, with the headers node:http would send.
    ...(flags.dryRun && { fetch: recordingFetch(recorded), headers: { ...NODE_DEFAULT_HEADERS }, maxRetries: 0 }),
  });
  const call = client as unknown as Record<string, (init: Record<string, unknown>) => Promise<unknown>>;
  try {
    if (flags.paginate) await writePages(client, operation.operationId, init, flags, maxItems, io);
    else await writeResult(await call[operation.operationId]!(init), io, { format: flags.output, out: flags.out, decode: flags.decode });
  } catch (error) {
    if (!stoppedByDryRun(error)) throw error;
    for (const request of recorded) await write(io.stdout, describeRequest(request));
    return;
  } finally {
    persist();
  }
}

/** The operation method's argument: path, query and header parameters from their flags, and the body. */
async function callArgument(
  command: OperationCommand,
  flags: RunFlags & Record<string, unknown>,
  io: Io,
): Promise<Record<string, unknown>> {
  const init: Record<string, unknown> = { path: {} };
  for (const { parameter, attribute } of command.parameters) {
    const value = flags[attribute];
    if (value === undefined) continue;
    const where = parameter.in as "path" | "query" | "header";
    init[where] = { ...(init[where] as Record<string, unknown> | undefined), [parameter.name]: value };
  }
  const body = command.info.body;
  let value: unknown;
  if (flags.body !== undefined) value = await readBodyFlag(flags.body, io);
  if (flags.file?.length) {
    if (value !== undefined && (typeof value !== "object" || value === null || Array.isArray(value)))
      throw new UsageError("with --file, --body must be a JSON object (its fields become the other parts of the upload)");
    value = { ...(value as Record<string, unknown> | undefined), ...(await readFileFlags(flags.file)) };
  }
  if (value === undefined && body?.required) {
    const required = body.fields.filter((field) => field.required).map((field) => field.name);
    // A body whose fields are all optional (filters of a list) may be left out: {} is sent.
    if (required.length > 0 || body.multipart)
      throw new UsageError(
        `${command.operation.operationId} needs --body${body.multipart ? " and --file" : ""}${required.length ? ` with ${required.join(", ")}` : ""} (see --help)`,
      );
    value = {};
  }
  if (value !== undefined) init.body = value;
  if (flags.paginate && !command.operation.paginated) throw new UsageError(`${command.operation.operationId} is not a paginated list`);
  return init;
}

async function writePages(
  client: unknown,
  operationId: string,
  init: Record<string, unknown>,
  flags: RunFlags,
  maxItems: number | undefined,
  io: Io,
): Promise<void> {
  const paginator = (client as { paginate(id: string, init: unknown): { pages(): AsyncIterable<unknown> } }).paginate(operationId, init);
  const sink: Writable = flags.out === undefined ? io.stdout : createWriteStream(flags.out);
  sink.on("error", () => {}); // reported by the write that meets it
  const progress = io.stderr.isTTY ? (text: string) => io.stderr.write(`\r\x1b[2K${text}`) : undefined;
  const collected: Record<string, unknown>[] = [];
  let items = 0;
  let pages = 0;
  try {
    for await (const page of paginator.pages()) {
      pages++;
      const answer = page as { data?: unknown[]; extra?: { pagination?: { pages_count?: unknown } } };
      for (const item of answer.data ?? []) {
        if (maxItems !== undefined && items >= maxItems) break;
        items++;
        if (flags.output === "table") collected.push(item as Record<string, unknown>);
        else await write(sink, ndjsonLine(item));
      }
      const count = answer.extra?.pagination?.pages_count;
      progress?.(`page ${pages}${typeof count === "number" || typeof count === "string" ? ` of ${count}` : ""}, ${items} items`);
      if (maxItems !== undefined && items >= maxItems) break;
    }
    if (flags.output === "table") await write(sink, table(collected));
  } finally {
    progress?.(`${pages} pages, ${items} items\n`);
    if (sink !== io.stdout) await new Promise((done) => sink.end(done));
  }
}

function defaultOf(name: string, setup: { accountId: number | undefined; projectId: number | undefined }): string {
  const value = name === "account_id" ? setup.accountId : name === "project_id" ? setup.projectId : undefined;
  return value === undefined ? "?" : String(value);
}

function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`${flag} must be a whole number`);
  return Number(value);
}
