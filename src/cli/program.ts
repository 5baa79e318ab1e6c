// argv → command. The root program knows the global options and the built-in commands; the one
// operation command a run needs is built from the operation table and the spec only when the
// command line names it, and each command's code is loaded only when it runs, so that `--help`
// loads commander and nothing else.
import { Argument, Command, CommanderError, Option } from "commander";
import { VERSION } from "../version.js";
import { describeError, EXIT, type ExitCode, exitCodeOf, UsageError } from "./exit.js";
import { addGlobalOptions, BUILTIN_COMMANDS, COMPLETE_COMMAND } from "./global-options.js";
import { type Io, processIo } from "./io.js";

const ROOT_HELP = `
Operations:
  <operationId> [options]  call one operation of the API, e.g. getExperiencesList
                           (convert-api list shows all; convert-api <operationId> --help tells one)

Credentials: --profile NAME (saved by convert-api login), else CONVERT_APPLICATION_ID and
CONVERT_SECRET_KEY (CONVERT_AUTH_TYPE=secretKey for secret-key API keys), else the profile named
by CONVERT_PROFILE, else the profile "default". Defaults: CONVERT_ACCOUNT_ID, CONVERT_PROJECT_ID,
CONVERT_API_BASE_URL.

Exit codes: 0 success, 1 other failure, 2 usage error, 3 the API refused the request (4xx),
4 the API failed (5xx) or no answer came (network, timeout).

Examples:
  $ convert-api login --profile work --application-id <key id>
  $ convert-api getProject --profile work --account 100012 --project-id 10034 --query.include domains
  $ convert-api getExperiencesList --account 100012 --project 10034 --body '{"status":["active"]}'
  $ convert-api getGoalsList --body @filters.json --paginate > goals.ndjson
`;

/** Runs the command line `args` (without node and the script) and resolves its exit code. */
export async function main(args: string[], io: Io = processIo()): Promise<ExitCode> {
  const program = addGlobalOptions(new Command("convert-api"))
    .description("Every operation of the Convert Experiences API v2 from the terminal.")
    .version(VERSION, "-V, --version")
    .addHelpText("after", ROOT_HELP)
    .showHelpAfterError("(add --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, "convert-api: ")),
      getOutHelpWidth: () => width(io.stdout),
      getErrHelpWidth: () => width(io.stderr),
    });
  addBuiltinCommands(program, io);

  try {
    const name = commandName(args);
    if (name !== undefined && name !== COMPLETE_COMMAND && !(BUILTIN_COMMANDS as readonly string[]).includes(name)) {
      const { addOperationCommand, unknownCommandMessage } = await import("./operation-command.js");
      if (!addOperationCommand(program, name, io)) throw new UsageError(unknownCommandMessage(name));
    }
    await program.parseAsync(args, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if ((error as { code?: unknown }).code === "EPIPE") return EXIT.ok; // the reader stopped early (| head)
    if (error instanceof CommanderError) {
      // commander printed its message already; help and version end here too.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr.write(describeError(error, program.opts().verbose === true));
    return exitCodeOf(error);
  }
}

/** The command the line names, found by commander's own option parser over the global options. */
function commandName(args: string[]): string | undefined {
  const probe = addGlobalOptions(new Command()).allowUnknownOption().allowExcessArguments().helpOption(false);
  const { operands } = probe.parseOptions(args);
  return operands[0] === "help" ? (operands[1] ?? "help") : operands[0];
}

function width(stream: { columns?: number | undefined; isTTY?: boolean | undefined }): number {
  return stream.isTTY && stream.columns ? Math.min(stream.columns, 120) : 100;
}

function addBuiltinCommands(program: Command, io: Io): void {
  program
    .command("list")
    .description("list the operations: method, operationId, path and summary (filter: words to look for)")
    .argument("[filter...]", "words that must all appear in the operationId, path, tag or summary")
    .addOption(new Option("--output <format>", "text table, or JSON").choices(["table", "json"]).default("table"))
    .action(async (filter: string[], options: { output: "table" | "json" }) => {
      const { listOperations } = await import("./list.js");
      await listOperations(filter, options.output, io);
    });
  program
    .command("whoami")
    .description("show which credentials and defaults the next call uses: profile, auth type, key id (never a secret)")
    .action(async (_options: unknown, command: Command) => {
      const { whoami } = await import("./whoami.js");
      await whoami(command.optsWithGlobals(), io);
    });
  program
    .command("login")
    .description("save credentials as a profile (mode 0600): an API key, or a session signed in with password and MFA")
    .addOption(
      new Option("--type <type>", "requestSigning or secretKey (API keys), or session (username and password)")
        .choices(["requestSigning", "secretKey", "session"])
        .default("requestSigning"),
    )
    .option("--application-id <id>", "the API key's id (its secret is asked for, never given as a flag)")
    .option("--username <email>", "for --type session: the user to sign in as (the password is asked for)")
    .addHelpText(
      "after",
      '\nSecrets are read without echo on a terminal, else one per line from standard input. --account, --project and\n--base-url are saved in the profile. The profile is --profile NAME, else "default".',
    )
    .action(async (options: Parameters<typeof import("./login.js").login>[1], command: Command) => {
      const { login } = await import("./login.js");
      await login(command.optsWithGlobals(), options, io);
    });
  program
    .command("logout")
    .description("delete a saved profile (for a session profile, end the session on the server first)")
    .action(async (_options: unknown, command: Command) => {
      const { logout } = await import("./login.js");
      await logout(command.optsWithGlobals(), io);
    });
  program
    .command("completion")
    .description('print the shell completion script: eval "$(convert-api completion bash)"')
    .addArgument(new Argument("<shell>", "bash, zsh or fish").choices(["bash", "zsh", "fish"]))
    .action(async (shell: "bash" | "zsh" | "fish") => {
      const { completionScript } = await import("./completion.js");
      io.stdout.write(completionScript(shell));
    });
  program
    .command(COMPLETE_COMMAND, { hidden: true })
    .argument("[words...]")
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[]) => {
      const { complete } = await import("./completion.js");
      io.stdout.write(complete(words, program, io));
    });
}
