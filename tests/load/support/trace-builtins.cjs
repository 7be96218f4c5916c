// Node --require hook for the cold-start test: at exit, appends to the file named by
// FZCHECK_TRACE_BUILTINS the built-in modules below that the process loaded. A report written to
// a pipe needs neither: net and tty (and the streams with them) came with the first use of
// process.stdout and with chalk's colour detection, ~4 ms of every start.
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  for (const name of ['net', 'tty'])
    if (process.moduleLoadList.includes(`NativeModule ${name}`))
      appendFileSync(process.env.FZCHECK_TRACE_BUILTINS, `${name}\n`);
});
