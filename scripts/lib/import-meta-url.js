// Injected into the CommonJS bundle (scripts/bundle.mjs): `import.meta.url` of the ES modules it is
// built from becomes the bundle's own URL, so paths found from it (the package root, the worker's
// file) stay right.
export const import_meta_url = require('node:url').pathToFileURL(__filename).href;
