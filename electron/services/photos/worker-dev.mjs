// The worker's entry when Rebound runs from its TypeScript sources (vitest, the tsx CLI, the
// bench). Node cannot load .ts by itself, and on Node 20 a worker thread does not inherit the
// parent's tsx hooks (`execArgv: ['--import', 'tsx']` loads tsx but too late for the entry), so
// the worker registers tsx itself and then imports the real entry — as bin/rebound.mjs does.
// The built app never loads this file: electron-vite bundles worker.ts to JavaScript (pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
