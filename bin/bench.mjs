#!/usr/bin/env node
// `npm run bench [-- name…]`: runs the benchmarks in bench/ through tsx (a development
// dependency): they import the services' TypeScript sources and the tests' helpers (the eBay test
// server, the seeders), so each measures the very service code the app ships, with no build step.
// The `startup` benchmark times the built `rebound` command (bin/rebound.mjs, out/main/cli.js).
import { register } from 'tsx/esm/api';

register();
const { runBenchmarks } = await import('../bench/index.ts');
process.exitCode = await runBenchmarks(process.argv.slice(2));
