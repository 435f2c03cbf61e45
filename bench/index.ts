import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The benchmark runner. Each benchmark prints its own figures; nothing here asserts a timing,
 * because a number that depends on the machine makes a flaky test and a useful report. Targets
 * are printed beside the figures so a reader sees at once what is over.
 *
 *   npm run bench            every benchmark
 *   npm run bench -- items   only the named ones
 */

type BenchFunction = () => Promise<void>;

interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** Resolves to the function to run, or to null when the benchmark is not available here. */
  readonly load: () => Promise<BenchFunction | null>;
}

const benchDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * A benchmark module that may not exist yet (written by someone else, or removed). The path is
 * built at run time on purpose: a static `import('./photos')` would be a type error for as long
 * as the file is missing, and the runner must work either way.
 */
async function optionalModule(file: string, exportName: string): Promise<BenchFunction | null> {
  const full = path.join(benchDir, file);
  if (!fs.existsSync(full)) return null;
  const mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
  const fn = mod[exportName];
  return typeof fn === 'function' ? (fn as BenchFunction) : null;
}

const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'items',
    description:
      'items list queries over 1,000,000 items (REBOUND_BENCH_ITEMS) on SQLite and PostgreSQL: service vs raw SQL',
    load: async () => (await import('./items')).benchItems,
  },
  {
    name: 'exports',
    description: 'sales exports (CSV, XLSX, journal) of 100,000 sales',
    load: async () => (await import('./exports')).benchExports,
  },
  {
    name: 'eventloop',
    description: 'the main thread’s event-loop delay while exports.sales (CSV, XLSX) writes 100,000 sales',
    load: async () => (await import('./eventloop')).benchEventLoop,
  },
  {
    name: 'sales',
    description: 'the Sales screen’s sales.list over 100,000 sales: service vs raw SQL',
    load: async () => (await import('./sales')).benchSales,
  },
  {
    name: 'publish',
    description: 'publishing 500 items × 3 photos to the eBay test server: bulk calls vs one at a time',
    load: async () => (await import('./publish')).benchPublish,
  },
  {
    name: 'photos',
    description: 'photo pipeline (bench/photos.ts, when present)',
    load: () => optionalModule('photos.ts', 'benchPhotos'),
  },
  {
    name: 'routing',
    description:
      'shooting by label: 100 photos of 24 MP (20 items × 5) through the pool, reading the label vs not',
    load: async () => (await import('./routing')).benchRouting,
  },
  {
    name: 'startup',
    description: 'start-up of the built `rebound` command (--help, items list) beside `node -e 0`',
    load: async () => (await import('./startup')).benchStartup,
  },
  {
    name: 'load',
    description: '20 desks and 5 approvers against two `rebound server` instances on PostgreSQL for 60 s',
    load: async () => (await import('./load')).benchLoad,
  },
];

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export async function runBenchmarks(args: readonly string[]): Promise<number> {
  const wanted = args.filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown benchmark: ${unknown.join(', ')}. Available: ${BENCHMARKS.map((b) => b.name).join(', ')}.\n`,
    );
    return 2;
  }
  const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  write(`Rebound benchmarks — ${new Date().toISOString()}`);
  write(`Node ${process.versions.node} · ${process.platform}/${process.arch} · ${cpu} × ${os.cpus().length}`);
  // Timings are wall-clock: on a busy machine they measure the other work too. Say so up front
  // rather than let a reader chase a "regression" that was a parallel build (0 on Windows).
  const [load] = os.loadavg();
  if (load !== undefined && load > os.cpus().length) {
    write(
      `Note: the machine is busy (load ${load.toFixed(1)} on ${os.cpus().length} CPUs); ` +
        'expect inflated and noisy figures, the p95s most of all.',
    );
  }

  for (const bench of selected) {
    const fn = await bench.load();
    write();
    if (!fn) {
      // Only reachable for optional modules: say so instead of failing the whole run.
      write(`── ${bench.name}: skipped (${bench.description}: not available in this checkout)`);
      if (wanted.includes(bench.name)) return 1;
      continue;
    }
    write(`── ${bench.name}: ${bench.description}`);
    await fn();
  }
  return 0;
}
