import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { saveFigures, tableLines } from './figures';

/**
 * How long does the `rebound` command take to start? Every CLI call, every `rebound serve` the
 * end-to-end tests spawn, and every script that drives Rebound pays it.
 *
 * Each command runs as its own process, as a user's shell or a test would start it: `node
 * bin/rebound.mjs …` on the built CLI (out/main/cli.js, built first if stale), from spawn to exit.
 * The reference, timed in the same run and interleaved with the commands so that a busy moment
 * hits all of them alike, is `node -e 0`: what any Node program costs before its first line.
 * The ratio to it is the figure to watch; the targets are 2.5× for `--help` (nothing but the
 * command definitions) and 4× for `items list --json` on the demo workspace (opens the database,
 * runs one query).
 */

const WARMUP_RUNS = 2;
const TIMED_RUNS = 15;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin', 'rebound.mjs');

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  /** Times the reference's median; null for the reference itself. */
  readonly target: number | null;
}

interface Timing {
  readonly median: number;
  readonly p95: number;
  readonly min: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * One run, spawn to exit, in ms; throws with the output if the command failed. A run that had to
 * rebuild out/main first (a source changed meanwhile) is run again: the build is not start-up.
 */
function runOnce(args: readonly string[]): number {
  for (;;) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    const took = performance.now() - start;
    if (result.status !== 0) {
      throw new Error(
        `node ${args.join(' ')} exited with ${result.status ?? result.signal}: ${result.stderr || result.stdout}`,
      );
    }
    if (!result.stderr.includes('building out/main')) return took;
  }
}

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const ms = (value: number): string => value.toFixed(0);

export async function benchStartup(): Promise<void> {
  // The built CLI must be fresh before anything is timed: a build in the first run would count.
  const build = spawnSync(process.execPath, [CLI, '--version'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`rebound --version failed: ${build.stderr}`);
  if (build.stderr.trim()) write(build.stderr.trim());

  // The cost of bin/rebound.mjs's freshness check, measured in this process.
  const freshness = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'build-main.mjs')).href)) as {
    staleReason: () => string | null;
  };
  const checks: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const start = performance.now();
    freshness.staleReason();
    checks.push(performance.now() - start);
  }
  checks.sort((a, b) => a - b);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-startup-'));
  try {
    const seedStart = performance.now();
    runOnce([CLI, 'demo', '--data-dir', dataDir, '--json']);
    write(`Demo workspace created in ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`);

    const cases: Case[] = [
      { name: 'node -e 0 (reference)', args: ['-e', '0'], target: null },
      { name: 'rebound --help', args: [CLI, '--help'], target: 2.5 },
      {
        name: 'rebound items list --json (demo)',
        args: [CLI, 'items', 'list', '--json', '--data-dir', dataDir],
        target: 4,
      },
    ];
    write(
      `Each command: ${WARMUP_RUNS} warm-up runs, then ${TIMED_RUNS} timed, interleaved; wall time from spawn to exit.`,
    );
    write(
      `Freshness check of the build (bin/rebound.mjs, every start): median ${checks[10]!.toFixed(1)} ms.`,
    );
    write();

    for (let i = 0; i < WARMUP_RUNS; i += 1) for (const c of cases) runOnce(c.args);
    const samples = cases.map(() => [] as number[]);
    for (let i = 0; i < TIMED_RUNS; i += 1) {
      cases.forEach((c, index) => samples[index]!.push(runOnce(c.args)));
    }
    const timings: Timing[] = samples.map((s) => {
      const sorted = [...s].sort((a, b) => a - b);
      return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), min: sorted[0]! };
    });
    const reference = timings[0]!.median;

    const rows = cases.map((c, index) => {
      const t = timings[index]!;
      const ratio = t.median / Math.max(reference, 0.001);
      return [
        c.name,
        ms(t.median),
        ms(t.p95),
        ms(t.min),
        c.target === null ? '1.00×' : `${ratio.toFixed(2)}×`,
        c.target === null ? '' : `${c.target}×`,
        c.target === null ? '' : ratio <= c.target ? 'ok' : 'OVER',
      ];
    });
    const headers = ['command', 'median', 'p95', 'min', 'ratio', 'target', ''];
    for (const line of tableLines(headers, rows)) write(line);
    write('(times in ms; ratio = the command’s median ÷ the median of node -e 0)');

    const file = saveFigures('startup', {
      freshnessCheckMs: checks[10],
      results: cases.map((c, index) => ({ name: c.name, target: c.target, ...timings[index]! })),
    });
    write(`Figures saved to ${file}.`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
