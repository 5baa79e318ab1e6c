// Questions asked on the terminal: secrets read without echo (a key's secret, a password, an MFA
// code), and yes/no confirmations. Without a terminal, answers are read a line at a time from
// standard input, so that scripts and tests can pipe them in.
import { CliFailure } from "./exit.js";
import type { Io } from "./io.js";

export interface Prompter {
  /** Asks for a value; `secret` values are not echoed. */
  ask(question: string, options?: { secret?: boolean }): Promise<string>;
  /** Asks a yes/no question on the terminal (default no). */
  confirm(question: string): Promise<boolean>;
}

export function createPrompter(io: Io): Prompter {
  let piped: AsyncIterator<string> | undefined;
  const nextLine = async (): Promise<string> => {
    const { createInterface } = await import("node:readline");
    let line: IteratorResult<string>;
    if (io.stdin.isTTY) {
      // A reader per question, closed after it, so that the terminal does not keep the process alive.
      const reader = createInterface({ input: io.stdin, terminal: false });
      line = await reader[Symbol.asyncIterator]().next();
      reader.close();
    } else {
      // A pipe may hold every answer at once: one reader for all questions.
      piped ??= createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
      line = await piped.next();
    }
    if (line.done) throw new CliFailure("standard input ended before every question was answered");
    return line.value;
  };
  const ask = async (question: string, options: { secret?: boolean } = {}) => {
    if (io.stdin.isTTY && options.secret && io.stdin.setRawMode) return readHidden(io, question);
    io.stderr.write(question);
    const answer = await nextLine();
    if (!io.stdin.isTTY) io.stderr.write("\n");
    return answer;
  };
  return {
    ask,
    confirm: async (question) => /^y(es)?$/i.test((await ask(`${question} [y/N] `)).trim()),
  };
}

/**
 * Reads one line from a terminal in raw mode, echoing nothing. Ctrl-C and Ctrl-D abort. The
 * terminal stops echoing before the question is shown, so that nothing typed early is echoed.
 */
function readHidden(io: Io, question: string): Promise<string> {
  const { stdin } = io;
  return new Promise((resolve, reject) => {
    let value = "";
    const done = (error?: Error) => {
      stdin.setRawMode?.(false);
      stdin.off("data", onData);
      stdin.pause();
      io.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") return done();
        if (char === "\u0003" || char === "\u0004") return done(new CliFailure("cancelled"));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else if (char >= " ") value += char;
      }
    };
    stdin.setRawMode?.(true);
    io.stderr.write(question);
    stdin.resume();
    stdin.on("data", onData);
  });
}
