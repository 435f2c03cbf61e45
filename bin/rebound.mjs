#!/usr/bin/env node
// The `rebound` command. Runs the TypeScript sources through tsx so the CLI is always the
// same code as the app, with no separate build step to forget.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../electron/cli/index.ts');
process.exitCode = await run(process.argv);
