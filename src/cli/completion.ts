// Shell completion. The scripts ask the CLI itself (`convert-api __complete -- <words>`), so the
// candidates (commands, operationIds, each operation's flags, choices of a flag) always match the
// installed version and its spec.
import type { Command } from "commander";
import { allOperations } from "../operations/table.js";
import { BUILTIN_COMMANDS } from "./global-options.js";
import type { Io } from "./io.js";
import { addOperationCommand } from "./operation-command.js";

const SCRIPTS = {
  bash: `# convert-api completion for bash: eval "$(convert-api completion bash)" (e.g. in ~/.bashrc)
_convert_api() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$(convert-api __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "$cur"))
}
complete -o default -F _convert_api convert-api
`,
  zsh: `#compdef convert-api
# convert-api completion for zsh: eval "$(convert-api completion zsh)" (after compinit, e.g. in ~/.zshrc)
_convert_api() {
  local -a candidates
  candidates=("\${(@f)$(convert-api __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _convert_api convert-api
`,
  fish: `# convert-api completion for fish: convert-api completion fish > ~/.config/fish/completions/convert-api.fish
complete -c convert-api -f -a '(convert-api __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`,
};

export function completionScript(shell: keyof typeof SCRIPTS): string {
  return SCRIPTS[shell];
}

/**
 * Candidates for the last of `words` (the words after `convert-api`, the one being completed last,
 * possibly empty), one per line.
 */
export function complete(words: string[], program: Command, io: Io): string {
  const current = words.at(-1) ?? "";
  const previous = words.at(-2);
  let candidates: string[];
  if (words.length <= 1) {
    candidates = [...BUILTIN_COMMANDS.filter((name) => name !== "help"), ...[...allOperations()].map((operation) => operation.operationId)];
  } else {
    const name = words[0]!;
    let command = program.commands.find((candidate) => candidate.name() === name);
    if (!command && addOperationCommand(program, name, io)) command = program.commands.find((candidate) => candidate.name() === name);
    const options = [...(command?.options ?? []), ...program.options];
    const pending = options.find((option) => option.long === previous && (option.required || option.optional));
    if (pending) candidates = pending.argChoices ?? [];
    else if (name === "completion") candidates = ["bash", "zsh", "fish"];
    else candidates = options.flatMap((option) => (option.long && !option.hidden ? [option.long] : []));
  }
  const matching = candidates.filter((candidate) => candidate.startsWith(current));
  return matching.length > 0 ? `${matching.join("\n")}\n` : "";
}
