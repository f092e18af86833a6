import { createRequire } from 'node:module';

/** Read from package.json without loading the server (its modules are slow to import). */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;
