// Node --import hook for the cold-start test: appends every bare package specifier the process
// resolves to the file named by FZCHECK_TRACE_IMPORTS, and the name of every library bundle
// bin/load-cli.js reads (dist/bundle/lib-<name>.cjs: mammoth, unpdf), which are not imported.
import fs, { appendFileSync } from 'node:fs';
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      if (!/^(node:|file:|data:|\\.|\\/)/.test(specifier)) appendFileSync(process.env.FZCHECK_TRACE_IMPORTS, specifier + '\\n');
      return next(specifier, context);
    }
  `)}`,
);

const readFileSync = fs.readFileSync;
fs.readFileSync = function tracedReadFileSync(path, ...rest) {
  const library = /[\\/]dist[\\/]bundle[\\/]lib-(.+)\.cjs$/.exec(String(path))?.[1];
  if (library) appendFileSync(process.env.FZCHECK_TRACE_IMPORTS, `${library}\n`);
  return readFileSync.call(this, path, ...rest);
};
