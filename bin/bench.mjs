#!/usr/bin/env node
// `npm run bench [-- name…]`: runs the benchmarks in bench/ through tsx, like bin/rebound.mjs runs
// the CLI, so a benchmark always measures the very service code the app ships, with no build step.
import { register } from 'tsx/esm/api';

register();
const { runBenchmarks } = await import('../bench/index.ts');
process.exitCode = await runBenchmarks(process.argv.slice(2));
