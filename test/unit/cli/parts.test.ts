// The CLI's parts in-process: what the spec tells about an operation, flags, output formats,
// masking in dry runs, exit codes, profiles on disk, completion.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { complete, completionScript } from "../../../src/cli/completion.js";
import { describeRequest, maskHeader } from "../../../src/cli/dry-run.js";
import { exampleCommand } from "../../../src/cli/example-call.js";
import { describeError, EXIT, exitCodeOf, UsageError } from "../../../src/cli/exit.js";
import { flagOf } from "../../../src/cli/flags.js";
import type { Io } from "../../../src/cli/io.js";
import { rowsOf, table, writeResult } from "../../../src/cli/output.js";
import { configDir, profileNames, readProfile, writeProfile } from "../../../src/cli/profiles.js";
import { createPrompter } from "../../../src/cli/prompt.js";
import { asksConfirmation } from "../../../src/cli/run-operation.js";
import { describeOperation, loadSpec, typeText } from "../../../src/cli/spec.js";
import {
  ConvertConfigError,
  ConvertNetworkError,
  ConvertNotFoundError,
  ConvertServerError,
  ConvertTimeoutError,
  ConvertValidationError,
} from "../../../src/errors.js";
import { allOperations } from "../../../src/operations/table.js";

const spec = loadSpec();
const temp = mkdtempSync(join(tmpdir(), "convert-cli-unit-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** An Io over in-memory streams; `tty` makes every stream claim to be a terminal. */
function memoryIo(input = "", tty = false): Io & { out(): string; err(): string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  stdin.end(input);
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = Object.assign(new PassThrough(), { isTTY: tty });
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => (out += chunk));
  stderr.on("data", (chunk) => (err += chunk));
  return { stdin, stdout, stderr, env: { XDG_CONFIG_HOME: join(temp, "config") }, out: () => out, err: () => err };
}

describe("operations from the spec", () => {
  it("every operation of the table is described by the spec, with its path parameters", () => {
    for (const operation of allOperations()) {
      const info = describeOperation(spec, operation.operationId);
      expect(info, operation.operationId).toBeDefined();
      expect(info!.method).toBe(operation.method);
      const pathNames = info!.parameters.filter((p) => p.in === "path").map((p) => p.name);
      expect(pathNames.sort()).toEqual(operation.pathParams.map(([name]) => name).sort());
    }
  });

  it("reads parameters with their types, enums and required flags", () => {
    const info = describeOperation(spec, "getExperience")!;
    expect(info.summary).toBe("Get Experience");
    const include = info.parameters.find((p) => p.name === "include")!;
    expect(include).toMatchObject({ in: "query", required: false });
    expect(typeText(spec, include.schema)).toMatch(/^array of "alerts" \| "goals"/);
    expect(info.parameters.find((p) => p.name === "experience_id")).toMatchObject({ in: "path", required: true });
    expect(info.parameters.find((p) => p.name === "report_token")).toMatchObject({ in: "header" });
  });

  it("merges allOf parts and oneOf variants into body fields", () => {
    const goal = describeOperation(spec, "createGoal")!.body!;
    expect(goal.variants.length).toBeGreaterThan(3);
    const byName = Object.fromEntries(goal.fields.map((field) => [field.name, field]));
    expect(byName.name!.required).toBe(true); // every variant requires it
    expect(typeText(spec, byName.type!.schema)).toContain('"revenue"'); // the discriminator, all variants
    const experiences = describeOperation(spec, "getExperiencesList")!.body!;
    expect(experiences.fields.map((field) => field.name)).toEqual(expect.arrayContaining(["page", "results_per_page", "status"]));
    expect(experiences.fields.every((field) => !field.required)).toBe(true);
  });

  it("knows which operations need no credentials (security: [])", () => {
    expect(describeOperation(spec, "doAuth")!.anonymous).toBe(true);
    expect(describeOperation(spec, "getProject")!.anonymous).toBe(false);
  });

  it("spells parameters as flags", () => {
    expect(flagOf({ name: "experience_id", in: "path" })).toBe("--experience-id");
    expect(flagOf({ name: "placeholderId", in: "path" })).toBe("--placeholder-id");
    expect(flagOf({ name: "include", in: "query" })).toBe("--query.include");
    expect(flagOf({ name: "report_token", in: "header" })).toBe("--header.report_token");
  });

  it("writes an example command with values from the spec", () => {
    expect(exampleCommand(spec, describeOperation(spec, "getExperience")!)).toBe(
      "convert-api getExperience --account-id 100012 --project-id 10034 --experience-id 100200 --query.include alerts",
    );
    // One variant of a union, with its nested required fields.
    expect(exampleCommand(spec, describeOperation(spec, "createGoal")!)).toMatch(
      /--body '\{"name":"[^"]+","type":"dom_interaction","settings":\{"tracked_items":\[\{\}\]\}\}'$/,
    );
    // Required fields of a $ref with `required` beside it, four levels down.
    expect(exampleCommand(spec, describeOperation(spec, "createSubAccount")!)).toContain(
      '"billing":{"products":{"experiences":{"plan":{"product":"experiences","usageLimits":{"domains":{"limitValue":10},',
    );
    expect(exampleCommand(spec, describeOperation(spec, "uploadCdnImage")!)).toBe(
      `convert-api uploadCdnImage --account-id 100012 --project-id 10034 --body '{"image_name":"banner.png"}' --file image=./image.bin`,
    );
    // Parameters the defaults fill in may be left out (the reference's samples rely on them).
    expect(exampleCommand(spec, describeOperation(spec, "getExperience")!, ["account_id", "project_id"])).toBe(
      "convert-api getExperience --experience-id 100200 --query.include alerts",
    );
  });

  it("asks confirmation for deletes and bulk changes only", () => {
    const asking = [...allOperations()].filter(asksConfirmation).map((operation) => operation.operationId);
    expect(asking).toEqual(expect.arrayContaining(["deleteGoal", "bulkGoalsDelete", "bulkExperiencesUpdate", "deleteOauthClient"]));
    expect(asking).not.toContain("getGoalsList");
    expect(asking).not.toContain("createGoal");
  });
});

describe("output", () => {
  it("prints JSON indented on a terminal and compact in a pipe", async () => {
    const piped = memoryIo();
    await writeResult({ a: [1, 2] }, piped, { format: "json" });
    expect(piped.out()).toBe('{"a":[1,2]}\n');
    const terminal = memoryIo("", true);
    await writeResult({ a: 1 }, terminal, { format: "json" });
    expect(terminal.out()).toBe('{\n  "a": 1\n}\n');
  });

  it("tables list answers with the identifying columns first", () => {
    const rows = rowsOf({
      data: [
        { description: "x", name: "A", id: 1, nested: { a: 1 } },
        { id: 2, name: "B" },
      ],
    });
    expect(table(rows)).toBe("ID  NAME  DESCRIPTION\n1   A     x\n2   B\n");
    expect(table(rowsOf({ data: { id: 5, name: "one" } }))).toBe("FIELD  VALUE\nid     5\nname   one\n");
    expect(table([])).toBe("(no items)\n");
  });

  it("writes binary answers and decoded base64 fields as bytes, never raw to a terminal", async () => {
    const piped = memoryIo();
    const chunks: Buffer[] = [];
    piped.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    await writeResult(new Blob([new Uint8Array([0, 1, 2, 255])]), piped, { format: "json" });
    expect([...Buffer.concat(chunks)]).toEqual([0, 1, 2, 255]);
    const file = join(temp, "decoded.bin");
    await writeResult({ data: { content: Buffer.from("héllo").toString("base64") } }, memoryIo(), {
      format: "json",
      decode: "data.content",
      out: file,
    });
    expect(readFileSync(file, "utf8")).toBe("héllo");
    await expect(writeResult(new Blob(["x"]), memoryIo("", true), { format: "json" })).rejects.toThrowError(/--out FILE/);
    await expect(writeResult({ content: 5 }, memoryIo(), { format: "json", decode: "content" })).rejects.toThrowError(/no text field/);
  });
});

describe("dry run", () => {
  it("masks the secret part of every credential header", () => {
    expect(maskHeader("authorization", `Convert-HMAC-SHA256 Signature=${"ab12cd34".repeat(8)}`)).toBe(
      "Convert-HMAC-SHA256 Signature=ab12cd34…****",
    );
    expect(maskHeader("authorization", "Bearer app_1:s3cr3t")).toBe("Bearer app_1:****");
    expect(maskHeader("authorization", "Bearer eyJhbGciOi.token")).toBe("Bearer ****");
    expect(maskHeader("cookie", "sid=abcdef; other=1")).toBe("sid=****; other=****");
    expect(maskHeader("report_token", "tok")).toBe("****");
    expect(maskHeader("content-type", "application/json")).toBe("application/json");
  });

  it("prints the request as an HTTP message, credentials in the body redacted", () => {
    const text = describeRequest({
      method: "POST",
      url: "https://api.convert.com/api/v2/auth",
      headers: { "content-type": "application/json" },
      body: '{"username":"a@b.c","data":{"password":"hunter2"}}',
    });
    expect(text).toBe(
      'POST https://api.convert.com/api/v2/auth\ncontent-type: application/json\ncontent-length: 50\n\n{"username":"a@b.c","data":{"password":"[redacted]"}}\n',
    );
    expect(text).not.toContain("hunter2");
  });
});

describe("exit codes", () => {
  const info = { operationId: "getGoal", method: "GET", url: "http://127.0.0.1/x" };
  it.each([
    [new UsageError("bad"), EXIT.usage],
    [new ConvertConfigError("bad option"), EXIT.usage],
    [new ConvertValidationError(422, { message: "no" }, info, {}), EXIT.apiRefused],
    [new ConvertNotFoundError(404, {}, info, {}), EXIT.apiRefused],
    [new ConvertServerError(500, {}, info, {}), EXIT.serverOrNetwork],
    [new ConvertNetworkError(info, new Error("ECONNREFUSED")), EXIT.serverOrNetwork],
    [new ConvertTimeoutError(info, 10), EXIT.serverOrNetwork],
    [new Error("anything else"), EXIT.failure],
  ])("%s → %i", (error, code) => {
    expect(exitCodeOf(error)).toBe(code);
  });

  it("tells an API error in one line, its body only when verbose", () => {
    const error = new ConvertValidationError(422, { message: "Name is required", fields: ["name"] }, info, {});
    expect(describeError(error, false)).toBe("convert-api: getGoal: GET /x answered HTTP 422: Name is required (fields: name)\n");
    expect(describeError(error, true)).toContain('"fields": [\n    "name"\n  ]');
  });
});

describe("profiles", () => {
  it("are saved with mode 0600 in a 0700 directory under XDG_CONFIG_HOME", () => {
    const env = { XDG_CONFIG_HOME: join(temp, "xdg") };
    const file = writeProfile(env, { version: 1, name: "work", auth: { type: "requestSigning", applicationId: "app", secretKey: "s" } });
    expect(file).toBe(join(temp, "xdg", "convert-api-client", "profiles", "work.json"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(temp, "xdg", "convert-api-client", "profiles")).mode & 0o777).toBe(0o700);
    expect(readProfile(env, "work", () => {})?.auth).toEqual({ type: "requestSigning", applicationId: "app", secretKey: "s" });
    expect(profileNames(env)).toEqual(["work"]);
    expect(readProfile(env, "other", () => {})).toBeUndefined();
    expect(() => readProfile(env, "../escape", () => {})).toThrowError(UsageError);
  });

  it("warn when another user could read one", () => {
    const env = { XDG_CONFIG_HOME: join(temp, "loose") };
    const file = writeProfile(env, { version: 1, name: "loose", auth: { type: "secretKey", applicationId: "app", secretKey: "s" } });
    chmodSync(file, 0o644);
    const warnings: string[] = [];
    expect(readProfile(env, "loose", (line) => warnings.push(line))?.name).toBe("loose");
    expect(warnings).toEqual([`convert-api: warning: ${file} can be read by other users; run chmod 600 on it`]);
  });

  it("live in the platform's config directory", () => {
    expect(configDir({ XDG_CONFIG_HOME: "/x" }, "linux")).toBe("/x/convert-api-client");
    expect(configDir({ HOME: "/home/u" }, "linux")).toBe("/home/u/.config/convert-api-client");
    expect(configDir({ APPDATA: "C:\\Users\\u\\AppData\\Roaming" }, "win32")).toContain("convert-api-client");
    expect(configDir({}, "darwin")).toMatch(/Library[/\\]Application Support[/\\]convert-api-client$/);
  });
});

describe("prompts", () => {
  it("read answers a line at a time from a pipe", async () => {
    const io = memoryIo("first\nsecond\n");
    const prompter = createPrompter(io);
    expect(await prompter.ask("A: ", { secret: true })).toBe("first");
    expect(await prompter.confirm("Sure?")).toBe(false);
    expect(io.err()).toBe("A: \nSure? [y/N] \n");
  });

  it("read a secret on a terminal without echo", async () => {
    const io = memoryIo("", true);
    const stdin = Object.assign(new PassThrough(), {
      isTTY: true,
      modes: [] as boolean[],
      setRawMode: (mode: boolean) => stdin.modes.push(mode),
    });
    const answer = createPrompter({ ...io, stdin }).ask("Secret: ", { secret: true });
    stdin.write("s3");
    stdin.write("x\u007fcr3t\r");
    expect(await answer).toBe("s3cr3t");
    expect(stdin.modes).toEqual([true, false]);
    expect(io.err()).toBe("Secret: \n");
  });
});

describe("completion", () => {
  const program = new Command("convert-api").option("--profile <name>");
  program.command("list");
  it("completes commands, operationIds, an operation's flags and a flag's choices", () => {
    const io = memoryIo();
    expect(complete(["getExperi"], program, io).split("\n")).toEqual(expect.arrayContaining(["getExperience", "getExperiencesList"]));
    expect(complete(["getExperience", "--experience"], program, io)).toBe("--experience-id\n");
    expect(complete(["getExperience", "--query.in"], program, io)).toBe("--query.include\n");
    expect(complete(["getExperience", "--output", ""], program, io)).toBe("json\ntable\n");
    expect(complete(["getExperience", "--pro"], program, io)).toBe("--project-id\n--profile\n");
  });

  it("has a script for bash, zsh and fish that asks the CLI", () => {
    for (const shell of ["bash", "zsh", "fish"] as const) expect(completionScript(shell)).toContain("convert-api __complete --");
  });
});
