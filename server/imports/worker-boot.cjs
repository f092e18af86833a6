// Entry of the SQLite import worker thread. A worker does not inherit the main thread's tsx
// loader, so it registers tsx's require hook (lighter than the ESM loader, which would start a
// hooks thread of its own) and then loads the TypeScript module named in workerData.
const { workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
require(workerData.entryPath);
