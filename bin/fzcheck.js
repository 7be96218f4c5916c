#!/usr/bin/env node
// fzcheck command-line entry: load the bundled CLI (built by `npm run build`, see load-cli.js), run
// it and hand its exit code to the process.
const { loadCli } = require('./load-cli.js');

loadCli()
  .cli.run()
  .then((code) => {
    process.exitCode = code;
  });
