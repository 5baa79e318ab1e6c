#!/usr/bin/env node
// The `convert-api` command (package.json "bin", built to dist/cli.js).
import { main } from "./program.js";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
