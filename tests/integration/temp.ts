import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { onTestFinished } from 'vitest';

/**
 * A fresh folder under the system's temp directory, removed when the current test ends
 * (pass or fail). Every test gets its own: no test sees another's data.
 */
export function tempDir(prefix = 'rebound-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export { sqliteWorkspace, tempWorkspace } from '../support/workspace';

/**
 * A plain better-sqlite3 connection with the same safety switches as the app's (foreign keys),
 * for tests that look at the schema below Kysely. Closed when the current test ends.
 */
export function openRawDatabase(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  db.pragma('foreign_keys = ON');
  onTestFinished(() => {
    if (db.open) db.close();
  });
  return db;
}

/** SHA-256 of a file's bytes, to prove a file was left exactly as it was. */
export function fileHash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
