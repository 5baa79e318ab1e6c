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
  let lines: AsyncIterator<string> | undefined;
  const nextLine = async (): Promise<string> => {
    if (!lines) {
      const { createInterface } = await import("node:readline");
      lines = createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
    }
    const line = await lines.next();
    if (line.done) throw new CliFailure("standard input ended before every question was answered");
    return line.value;
  };
  const ask = async (question: string, options: { secret?: boolean } = {}) => {
    io.stderr.write(question);
    if (io.stdin.isTTY && options.secret && io.stdin.setRawMode) return readHidden(io);
    const answer = await nextLine();
    if (!io.stdin.isTTY) io.stderr.write("\n");
    return answer;
  };
  return {
    ask,
    confirm: async (question) => /^y(es)?$/i.test((await ask(`${question} [y/N] `)).trim()),
  };
}

/** Reads one line from a terminal in raw mode, echoing nothing. Ctrl-C and Ctrl-D abort. */
function readHidden(io: Io): Promise<string> {
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
    stdin.resume();
    stdin.on("data", onData);
  });
}
