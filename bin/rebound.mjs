#!/usr/bin/env node
// The `rebound` command. Runs the built CLI, out/main/cli.js, which `npm run build` builds beside
// the app's main process from the same sources (electron/cli/index.ts). In a checkout whose
// build is missing or older than the sources, it builds out/main first, once, and says so on
// stderr (scripts/build-main.mjs); when the build is fresh, that check costs a few ms.
import { pathToFileURL } from 'node:url';
import { ensureMainBuilt } from '../scripts/build-main.mjs';

let cli;
try {
  cli = await ensureMainBuilt();
} catch (error) {
  process.stderr.write(`rebound: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const { run } = await import(pathToFileURL(cli).href);
process.exitCode = await run(process.argv);
