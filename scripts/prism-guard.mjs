// Runs a Prism entry point as a child and kills it as soon as our stdin closes, so a crashed or
// killed test runner never leaves a mock server behind.
// Usage: node prism-guard.mjs <entry.js|.mjs> <args...>  (the Prism CLI or scripts/prism-mock.mjs)
import { spawn } from "node:child_process";

const [entry, ...args] = process.argv.slice(2);
const prism = spawn(process.execPath, [entry, ...args], { stdio: ["ignore", "inherit", "inherit"] });
let stopping = false;
const stop = () => {
  stopping = true;
  prism.kill("SIGTERM");
  setTimeout(() => prism.kill("SIGKILL"), 2000).unref();
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
prism.on("exit", (code, signal) => {
  // A signal we did not send (OOM killer, kill -9) must not look like a clean exit.
  if (signal && !stopping) console.error(`prism-guard: Prism was killed by ${signal}`);
  process.exit(code ?? (stopping ? 0 : 1));
});
