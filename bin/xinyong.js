#!/usr/bin/env node
// Entry of the command line: the compiled TypeScript lives in dist/ (built by `npm ci` through "prepare").
require("../dist/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
