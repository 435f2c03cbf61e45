import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject, onTestFinished } from 'vitest';
import type { SqliteDb } from '../../electron/services/db/connection';
import type { Engine } from '../../electron/services/db/dialect';
import { Workspace } from '../../electron/services/workspace';

/**
 * The workspaces tests run on. One switch picks the engine: REBOUND_TEST_DATABASE=postgres runs
 * every test that takes `tempWorkspace()` against PostgreSQL (the server at REBOUND_TEST_POSTGRES,
 * which `.ci/run` starts), anything else against a SQLite file. On PostgreSQL each test gets a
 * database of its own, cloned from a template migrated once per run (tests/support/postgresSetup.ts),
 * and dropped when the test ends.
 */
export const TEST_ENGINE: Engine = process.env.REBOUND_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = TEST_ENGINE === 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The database each test's database is cloned from, named by the setup for this run. */
    postgresTemplate: string;
  }
}

/** The server's address from the environment, with another database name. */
export function postgresUrl(database: string): string {
  const base = process.env.REBOUND_TEST_POSTGRES;
  if (!base)
    throw new Error(
      'REBOUND_TEST_DATABASE=postgres needs REBOUND_TEST_POSTGRES=postgres://… (see .ci/postgres)',
    );
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

let admin: pg.Pool | null = null;
function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: postgresUrl('postgres'), max: 2, allowExitOnIdle: true });
  return admin;
}

/**
 * A fresh, migrated, empty server database for this test. `before` runs when the test ends, just
 * before the database is dropped (closing the connections to it, so none is cut off mid-query).
 */
export async function tempPostgresDatabase(before?: () => Promise<void>): Promise<string> {
  const template = inject('postgresTemplate');
  if (!template)
    throw new Error(
      'No template database: vitest’s globalSetup (tests/support/postgresSetup.ts) prepares it.',
    );
  const name = `rebound_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminPool().query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  onTestFinished(async () => {
    await before?.();
    await adminPool().query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return postgresUrl(name);
}

function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return dir;
}

/**
 * A real workspace on the engine of this run: a SQLite file in a fresh temp folder, or a fresh
 * PostgreSQL database with a fresh files folder. Closed and removed when the current test ends.
 */
export async function tempWorkspace(): Promise<Workspace> {
  if (!onPostgres) return sqliteWorkspace();
  const dir = tempFolder('rebound-server-files-');
  let ws: Workspace | null = null;
  const url = await tempPostgresDatabase(async () => {
    await ws?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  ws = await Workspace.connect(url, dir, { poolSize: 4 });
  return ws;
}

/**
 * A workspace that is a SQLite file whatever the switch says: for the tests of SQLite itself (its
 * migrations, integrity check, backups, the file a worker opens), which have no server equivalent.
 */
export function sqliteWorkspace(): Workspace<SqliteDb> {
  const dir = tempFolder('rebound-ws-');
  const ws = Workspace.open(dir);
  onTestFinished(async () => {
    await ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return ws;
}
