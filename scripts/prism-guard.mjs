// Runs Prism as a child and kills it as soon as our stdin closes, so a crashed or killed test
// runner never leaves a mock server behind. Usage: node prism-guard.mjs <prism args...>
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const prismCli = createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js");
const prism = spawn(process.execPath, [prismCli, ...process.argv.slice(2)], { stdio: ["ignore", "inherit", "inherit"] });
const stop = () => {
  prism.kill("SIGTERM");
  setTimeout(() => prism.kill("SIGKILL"), 2000).unref();
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
prism.on("exit", (code) => process.exit(code ?? 0));
