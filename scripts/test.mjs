#!/usr/bin/env node
// What `npm test` (and CI) runs: every check, in order, stopping at the first that fails:
//
//   format   prettier --check .
//   types    tsc -b
//   lint     eslint . --max-warnings 0
//   schema   scripts/fetch-shopify-schema.mjs  (Shopify's Admin schema for tests/shopify, cached
//                                              in .cache/shopify/; runs before unit and e2e)
//   build    electron-vite build        (the app and the `rebound` CLI, out/main/cli.js: the
//                                        integration tests that run `rebound` and the
//                                        end-to-end tests drive both built)
//   unit     vitest run                 (unit and integration tests, real SQLite files)
//   postgres vitest run electron/services tests/integration, with REBOUND_TEST_DATABASE=postgres:
//                                       every test of the services again, each on a database of
//                                       its own on a real PostgreSQL (the server at
//                                       REBOUND_TEST_POSTGRES, or a throwaway cluster started here
//                                       by scripts/postgres-cluster.mjs and stopped at the end)
//   e2e      playwright test            (browser mode in Debian's Chromium; Electron when present;
//                                        the server's test on the same PostgreSQL as above)
//   e2e-postgres playwright test again, REBOUND_TEST_DATABASE=postgres: every screen against
//                                        `rebound server` on a fresh database of that PostgreSQL
//
// The schema step only prepares: when it fails (no network, no cache), it warns and the run goes
// on, and the Shopify tests skip and say why.
//
// Each tool's own output streams through unchanged. Vitest and Playwright also write JSON
// results (beside their console reporters) into out/test-reports/, and the last line printed is
// the total, alone on its line:
//
//   tests: N passed, N failed, N skipped
//
// A check that fails without test results of its own (format, types, lint, build, or a runner
// that crashed) counts as one failure, so a failed run never reads "0 failed". The exit code is
// non-zero when anything failed, and also when no test ran at all.
//
// Tools run as `node <their bin script>`, from this project's node_modules: no npx, no shell.
//
// Step names as arguments run only those steps, in the usual order: `npm test -- unit e2e`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBin, startCluster } from './postgres-cluster.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const REPORTS = path.join(ROOT, 'out', 'test-reports');
const VITEST_JSON = path.join(REPORTS, 'vitest.json');
const VITEST_PG_JSON = path.join(REPORTS, 'vitest-postgres.json');
const PLAYWRIGHT_JSON = path.join(REPORTS, 'playwright.json');
const PLAYWRIGHT_PG_JSON = path.join(REPORTS, 'playwright-postgres.json');
const CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/** The JS file behind a package's command, e.g. bin('typescript', 'tsc') → …/typescript/bin/tsc. */
function bin(pkg, command = pkg) {
  const dir = path.join(ROOT, 'node_modules', ...pkg.split('/'));
  const manifestFile = path.join(dir, 'package.json');
  if (!fs.existsSync(manifestFile)) {
    throw new Error(`${pkg} is not installed: run \`npm ci\` (or \`npm install\`) first.`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[command];
  if (!entry) throw new Error(`${pkg} has no \`${command}\` command.`);
  return path.join(dir, entry);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Vitest's JSON (Jest-compatible): files that failed to load count as one failure each. */
function vitestCounts(file = VITEST_JSON) {
  const report = readJson(file);
  if (!report) return null;
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    skipReasons: [],
  };
}

/** Playwright's JSON: stats per outcome; errors outside any test (config, imports) are failures. */
function playwrightCounts(file = PLAYWRIGHT_JSON) {
  const report = readJson(file);
  if (!report?.stats) return null;
  const reasons = new Set();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        for (const a of t.annotations ?? [])
          if (a.type === 'skip' && a.description) reasons.add(a.description);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  return {
    passed: expected + flaky,
    failed: unexpected + (report.errors ?? []).length,
    skipped,
    skipReasons: [...reasons],
  };
}

const steps = [
  { name: 'format', label: 'prettier --check .', args: [bin('prettier'), '--check', '.'] },
  { name: 'types', label: 'tsc -b', args: [bin('typescript', 'tsc'), '-b'] },
  { name: 'lint', label: 'eslint . --max-warnings 0', args: [bin('eslint'), '.', '--max-warnings', '0'] },
  {
    name: 'schema',
    label: 'scripts/fetch-shopify-schema.mjs',
    args: [path.join(ROOT, 'scripts', 'fetch-shopify-schema.mjs')],
    // Offline, npm would retry the download for minutes before giving up: once is enough here.
    env: { npm_config_fetch_retries: '0', npm_config_fetch_timeout: '30000' },
    // Runs with the steps whose tests need it, warns instead of failing.
    prepares: ['unit', 'e2e'],
    optional: 'without the schema, the Shopify tests skip and say why',
  },
  { name: 'build', label: 'electron-vite build', args: [bin('electron-vite'), 'build'] },
  {
    name: 'unit',
    label: 'vitest run',
    args: [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`],
    results: vitestCounts,
    report: VITEST_JSON,
  },
  {
    name: 'postgres',
    label: 'vitest run electron/services tests/integration (on PostgreSQL)',
    args: [
      bin('vitest'),
      'run',
      'electron/services',
      'tests/integration',
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${VITEST_PG_JSON}`,
    ],
    env: { REBOUND_TEST_DATABASE: 'postgres' },
    needsPostgres: true,
    results: () => vitestCounts(VITEST_PG_JSON),
    report: VITEST_PG_JSON,
  },
  {
    name: 'e2e',
    label: 'playwright test',
    args: [
      bin('@playwright/test', 'playwright'),
      'test',
      '--reporter=list,json',
      ...(CI ? ['--forbid-only'] : []),
    ],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_JSON },
    // The server's end-to-end test (tests/e2e/server.spec.ts) needs one; the others do not.
    wantsPostgres: true,
    results: playwrightCounts,
    report: PLAYWRIGHT_JSON,
  },
  {
    name: 'e2e-postgres',
    label: 'playwright test (against `rebound server` on PostgreSQL)',
    args: [
      bin('@playwright/test', 'playwright'),
      'test',
      '--reporter=dot,json',
      ...(CI ? ['--forbid-only'] : []),
    ],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: PLAYWRIGHT_PG_JSON, REBOUND_TEST_DATABASE: 'postgres' },
    needsPostgres: true,
    results: () => playwrightCounts(PLAYWRIGHT_PG_JSON),
    report: PLAYWRIGHT_PG_JSON,
  },
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !steps.some((step) => step.name === name));
if (unknown.length > 0) {
  console.error(`Unknown step: ${unknown.join(', ')}. Steps: ${steps.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}
const selected =
  only.length > 0
    ? steps.filter(
        (step) => only.includes(step.name) || (step.prepares ?? []).some((name) => only.includes(name)),
      )
    : steps;

/**
 * The PostgreSQL server for the steps that need one: REBOUND_TEST_POSTGRES when given, else a
 * throwaway cluster when PostgreSQL is installed, else null (those steps then skip and say why).
 */
let cluster = null;
async function postgresUrl() {
  if (process.env.REBOUND_TEST_POSTGRES) return process.env.REBOUND_TEST_POSTGRES;
  if (!cluster && findPostgresBin()) {
    cluster = await startCluster();
    process.on('exit', () => cluster.stop());
    log(`PostgreSQL for the tests: ${cluster.url} (a throwaway cluster in ${cluster.dir})`);
  }
  return cluster?.url ?? null;
}

function run(step, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, step.args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...step.env, ...extraEnv },
    });
    child.on('error', (error) => {
      console.error(`${step.label}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const log = (line) => process.stdout.write(`${line}\n`);

const total = { passed: 0, failed: 0, skipped: 0 };
const skipReasons = [];
const warnings = [];
let failedStep = null;
const started = Date.now();
fs.mkdirSync(REPORTS, { recursive: true });

for (const step of selected) {
  if (step.report) fs.rmSync(step.report, { force: true });
  log(`\n▶ ${step.name}: ${step.label}`);
  const stepStarted = Date.now();
  let extraEnv = {};
  if (step.needsPostgres) {
    const url = await postgresUrl();
    if (!url && CI) {
      total.failed += 1;
      log(`✖ ${step.name}: PostgreSQL is not installed, and CI must test both engines (.ci/run installs it)`);
      failedStep = step;
      break;
    }
    if (!url) {
      const reason = `${step.name}: PostgreSQL is not installed here (Debian: apt-get install postgresql), so the services were tested on SQLite only`;
      warnings.push(reason);
      log(`⚠ ${reason}.`);
      continue;
    }
    extraEnv = { REBOUND_TEST_POSTGRES: url };
  } else if (step.wantsPostgres) {
    const url = await postgresUrl();
    if (url) extraEnv = { REBOUND_TEST_POSTGRES: url };
  }
  const code = await run(step, extraEnv);
  const took = seconds(Date.now() - stepStarted);

  if (code !== 0 && step.optional) {
    warnings.push(`${step.name} failed (exit code ${code}): ${step.optional}.`);
    log(`⚠ ${step.name} failed (exit code ${code}) after ${took}: ${step.optional}; going on.`);
    continue;
  }
  const counts = step.results?.() ?? null;
  if (counts) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    skipReasons.push(...counts.skipReasons);
  }
  if (code !== 0) {
    // A runner that failed without counting a failure (crash, config error) still failed.
    if (!counts || counts.failed === 0) total.failed += 1;
    log(`✖ ${step.name} failed (exit code ${code}) after ${took}`);
    failedStep = step;
    break;
  }
  if (step.results && !counts) {
    total.failed += 1;
    log(`✖ ${step.name}: no results in ${path.relative(ROOT, step.report)}`);
    failedStep = step;
    break;
  }
  log(`✔ ${step.name} (${took})${counts ? `: ${counts.passed} passed, ${counts.skipped} skipped` : ''}`);
}

log('');
for (const reason of new Set(skipReasons)) log(`skipped: ${reason}`);
for (const warning of warnings) log(`warning: ${warning}`);
if (failedStep) log(`Stopped at ${failedStep.name} (${failedStep.label}); later checks did not run.`);
const ranNothing = total.passed + total.failed === 0;
if (ranNothing && !failedStep) log('No test ran: that is a failure too.');
log(`Took ${seconds(Date.now() - started)}.`);
const summary = `tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
// Also kept in a file, so a wrapper (.ci/run) can repeat it as its own last line.
fs.writeFileSync(path.join(REPORTS, 'summary.txt'), `${summary}\n`);
log(summary);
process.exitCode = failedStep || total.failed > 0 || ranNothing ? 1 : 0;
