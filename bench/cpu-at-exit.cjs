// Preloaded (node --require) into each `tsc` that bench/typecheck.ts runs: prints the process's CPU
// time when it exits, which other work on the machine disturbs far less than wall time.
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`\nCPU microseconds: ${user + system}\n`);
});
