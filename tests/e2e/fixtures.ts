import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'rebound.mjs');

export interface ServedApp {
  /** The link `rebound serve` prints: the sign-in page. */
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  /** Runs the `rebound` CLI against the same data folder (synchronously), returns its output. */
  cli(...args: string[]): { status: number; stdout: string; stderr: string };
}

export function runCli(dataDir: string | null, args: readonly string[]) {
  const result = spawnSync(
    process.execPath,
    [CLI, ...args, ...(dataDir === null ? [] : ['--data-dir', dataDir])],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `rebound serve` on a free port and resolves once it has printed its URL. */
export async function serve(
  dataDir: string,
  extraArgs: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; origin: string }> {
  return startServing(['serve', '--data-dir', dataDir, '--port', '0', '--json', ...extraArgs], env);
}

/**
 * Starts a serving `rebound` command (`serve`, `server`) given with `--json` and `--port 0`, and
 * resolves with the line of JSON it prints once it listens.
 */
export async function startServing(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; origin: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const info = await new Promise<{ url: string; origin: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Only whole lines: on a busy machine the JSON line can arrive in two chunks.
      const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
      const line = complete.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      try {
        resolve(JSON.parse(line) as { url: string; origin: string });
      } catch (error) {
        reject(new Error(`rebound ${args[0]} printed an unreadable line: ${line}`, { cause: error }));
      }
    });
    child.once('exit', (code, signal) =>
      reject(
        new Error(`rebound ${args[0]} exited (code ${code}, signal ${signal}): ${stderr}\nstdout: ${stdout}`),
      ),
    );
  });
  return { child, ...info };
}

type Fixtures = {
  /** A fresh, empty data folder served in browser mode. */
  app: ServedApp;
  /** Set by a test (test.use({ seed: 'demo' })) to start from the demo workspace. */
  seed: 'empty' | 'demo';
  /** Extra environment for the spawned `rebound serve` (e.g. REBOUND_EBAY_BASE_URL). */
  serveEnv: Readonly<Record<string, string>>;
};

export const test = base.extend<Fixtures>({
  seed: ['empty', { option: true }],
  serveEnv: [{}, { option: true }],
  app: async ({ seed, serveEnv }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-'));
    if (seed === 'demo') {
      const result = runCli(dataDir, ['demo', '--json']);
      if (result.status !== 0) throw new Error(`rebound demo failed: ${result.stderr}`);
    }
    const { child, url, origin } = await serve(dataDir, [], serveEnv);
    await use({
      url,
      origin,
      dataDir,
      cli: (...args: string[]) => runCli(dataDir, args),
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

/**
 * Where a test's screenshots go: the test's own output folder (kept with its report), or, when
 * `REBOUND_E2E_SHOTS` names a folder, there (to look through a run's screens side by side).
 */
export function screenshotPath(name: string): string {
  const dir = process.env.REBOUND_E2E_SHOTS;
  if (!dir) return test.info().outputPath(name);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

export { expect };
