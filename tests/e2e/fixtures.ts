import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startServing, type Serving } from '../support/serving';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'rebound.mjs');

export interface ServedApp {
  /** The link `rebound serve` prints: the sign-in page. */
  readonly url: string;
  readonly origin: string;
  /** The data folder, or on the server the folder its instances share. */
  readonly dataDir: string;
  /** The options that name this workspace to any `rebound` command. */
  readonly workspaceArgs: readonly string[];
  /** Runs the `rebound` CLI against the same data folder (synchronously), returns its output. */
  cli(...args: string[]): { status: number; stdout: string; stderr: string };
}

/** Runs `rebound` with these arguments, then the workspace's: a data folder's path, or the options naming one. */
export function runCli(workspace: string | readonly string[] | null, args: readonly string[]) {
  const named =
    workspace === null ? [] : typeof workspace === 'string' ? ['--data-dir', workspace] : workspace;
  const result = spawnSync(process.execPath, [CLI, ...args, ...named], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `rebound serve` on a free port and resolves once it has printed its URL. */
export async function serve(
  dataDir: string,
  extraArgs: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
): Promise<Serving> {
  return startServing(['serve', '--data-dir', dataDir, '--port', '0', '--json', ...extraArgs], env);
}

export { startServing } from '../support/serving';

type Fixtures = {
  /** A fresh, empty data folder served in browser mode. */
  app: ServedApp;
  /** Set by a test (test.use({ seed: 'demo' })) to start from the demo workspace. */
  seed: 'empty' | 'demo';
  /** Extra environment for the spawned `rebound serve` (e.g. REBOUND_EBAY_BASE_URL). */
  serveEnv: Readonly<Record<string, string>>;
};

/**
 * The one switch: REBOUND_TEST_DATABASE=postgres runs every end-to-end test against the server
 * (`rebound server` on a fresh database of the PostgreSQL at REBOUND_TEST_POSTGRES) instead of
 * browser mode on a data folder. The screens and the services are the same; only the workspace
 * differs.
 */
export const ON_SERVER = process.env.REBOUND_TEST_DATABASE === 'postgres';

/** A fresh database on the test server, and a function that drops it. */
export async function serverDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.REBOUND_TEST_POSTGRES;
  if (!base) throw new Error('REBOUND_TEST_DATABASE=postgres needs REBOUND_TEST_POSTGRES=postgres://…');
  const name = `rebound_e2e_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export const test = base.extend<Fixtures>({
  seed: ['empty', { option: true }],
  serveEnv: [{}, { option: true }],
  app: async ({ seed, serveEnv }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-'));
    const database = ON_SERVER ? await serverDatabase() : null;
    const workspaceArgs = database
      ? ['--database', database.url, '--photos', dataDir]
      : ['--data-dir', dataDir];
    if (seed === 'demo') {
      const result = runCli(workspaceArgs, ['demo', '--json']);
      if (result.status !== 0) throw new Error(`rebound demo failed: ${result.stderr}`);
    }
    const { child, url, origin } = database
      ? await startServing(['server', ...workspaceArgs, '--port', '0', '--json'], serveEnv)
      : await serve(dataDir, [], serveEnv);
    await use({
      url,
      origin,
      dataDir,
      workspaceArgs,
      cli: (...args: string[]) => runCli(workspaceArgs, args),
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await database?.drop();
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
