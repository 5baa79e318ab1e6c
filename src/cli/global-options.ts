// The options every command takes, and the names of the built-in commands.
import type { Command } from "commander";

/** Built-in commands; any other first word is an operationId. */
export const BUILTIN_COMMANDS = ["list", "whoami", "login", "logout", "completion", "help"] as const;

/** What the completion scripts call: not a command for people, so not listed. */
export const COMPLETE_COMMAND = "__complete";

/** Options every command takes (the root program's, also accepted after the command name). */
export function addGlobalOptions(command: Command): Command {
  return command
    .option("--profile <name>", "use the credentials and defaults of this saved profile")
    .option("--account <id>", "default account_id (else CONVERT_ACCOUNT_ID, else the profile's)")
    .option("--project <id>", "default project_id (else CONVERT_PROJECT_ID, else the profile's)")
    .option("--base-url <url>", "API root, e.g. a mock or a proxy (else CONVERT_API_BASE_URL; default https://api.convert.com/api/v2)")
    .option("--debug", "log each attempt, headers and bodies with credentials redacted, on stderr")
    .option("--verbose", "print the whole error answer on stderr");
}
