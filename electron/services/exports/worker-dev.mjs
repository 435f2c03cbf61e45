// The export worker's entry when Rebound runs from its TypeScript sources (vitest, the tsx CLI,
// the bench), exactly as photos/worker-dev.mjs: Node cannot load .ts by itself and a worker
// thread does not inherit the parent's tsx hooks, so the worker registers tsx itself and then
// imports the real entry. The built app never loads this file: electron-vite bundles worker.ts
// to JavaScript (run.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
