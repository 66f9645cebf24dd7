#!/usr/bin/env node
// Entry of the command line: the compiled TypeScript lives in dist/ (built by `npm ci` through "prepare").
// A closed pipe (`xinyong demo | head`) ends the output quietly instead of with a stack trace.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
require("../dist/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
