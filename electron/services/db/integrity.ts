import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { backupDate, backupsDir, latestBackup } from '../backup/files';

/**
 * What `PRAGMA quick_check` finds wrong with a database (a few lines at most), nothing when it is
 * sound. A file too damaged to be read at all (its header overwritten) is reported the same way.
 */
export function quickCheck(db: BetterSqlite3.Database): string[] {
  try {
    const rows = db.pragma('quick_check(5)') as Record<string, unknown>[];
    return rows.map((row) => String(Object.values(row)[0])).filter((line) => line !== 'ok');
  } catch (error) {
    if (isDamage(error)) return [(error as Error).message];
    throw error;
  }
}

/** SQLite's word for a file it cannot make sense of: corrupt pages, or not a database at all. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** A path as a shell would need it: quoted when it holds anything but safe characters. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * The error that stops a damaged workspace database from being opened: what is wrong, and the
 * latest backup with its date and the command that restores it.
 */
export function damagedDatabase(file: string, problems: readonly string[]): AppError {
  const dataDir = path.dirname(file);
  const latest = latestBackup(dataDir);
  const restore = latest
    ? `The latest backup is ${latest.file}, taken ${backupDate(latest)}: restore it with “rebound restore ${shellWord(latest.file)} --data-dir ${shellWord(dataDir)}” (the damaged file is kept in the backups folder first).`
    : `There is no backup in ${backupsDir(dataDir)}: restore a copy kept elsewhere with “rebound restore FILE --data-dir ${shellWord(dataDir)}”.`;
  return new AppError(
    'damaged_database',
    `The database ${file} is damaged (${problems[0] ?? 'unreadable'}). Rebound did not open it, so nothing more was written to it. ${restore}`,
    { file, problems, latestBackup: latest },
  );
}
