// Node --import hook for the cold-start test: appends every bare package specifier the process
// resolves to the file named by FZCHECK_TRACE_IMPORTS.
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
