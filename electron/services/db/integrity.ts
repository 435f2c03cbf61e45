import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { PRIVATE_FILE_MODE } from '../paths';
import { AppError } from '../../../shared/errors';
import { backupDate, backupsDir, latestBackup } from '../backup/files';
import { date, nested, say } from '../../../shared/messages';

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

/**
 * `PRAGMA quick_check` reads every page: 7 to 10 s for a workspace of 1,000,000 items, at every
 * start of the app and every command. It looks for damage done from outside SQLite (a crash of
 * the disk or the machine, a copy cut short, a tool that wrote into the file), so it is only run
 * when the file may have met such a thing: when it is not exactly as a Rebound that closed it
 * cleanly left it. That state (inode, size, modification and change times) is kept beside the
 * file at a clean close, when no write-ahead log is left; anything that touched the file since
 * changes one of them. The daily backup (backup/daily.ts) still reads every table, and SQLite
 * reports a damaged page whenever it meets one.
 */
const markerOf = (file: string) =>
  // Hidden, and not named like SQLite's own rebound.sqlite-wal and -shm, which other code sweeps.
  path.join(path.dirname(file), `.${path.basename(file)}.closed-clean.json`);

interface FileState {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

function stateOf(file: string): FileState | null {
  try {
    const stat = fs.statSync(file);
    return { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs };
  } catch {
    return null;
  }
}

/** Whether the file must be checked at open: anything but exactly the state of a clean close. */
export function needsIntegrityCheck(file: string): boolean {
  const now = stateOf(file);
  if (now === null) return true;
  // A log left behind holds writes the file has not taken in yet: a crash, or another process.
  if (fs.existsSync(`${file}-wal`) && (stateOf(`${file}-wal`)?.size ?? 0) > 0) return true;
  try {
    const saved = JSON.parse(fs.readFileSync(markerOf(file), 'utf8')) as Partial<FileState>;
    return !(
      saved.ino === now.ino &&
      saved.size === now.size &&
      saved.mtimeMs === now.mtimeMs &&
      saved.ctimeMs === now.ctimeMs
    );
  } catch {
    return true;
  }
}

/** Called once the connection is closed: the file as this clean close leaves it. */
export function markCleanClose(file: string): void {
  const wal = stateOf(`${file}-wal`);
  const now = stateOf(file);
  if (now === null || (wal !== null && wal.size > 0)) {
    // Another process still has it open: it will leave its own mark when it closes.
    fs.rmSync(markerOf(file), { force: true });
    return;
  }
  try {
    fs.writeFileSync(markerOf(file), `${JSON.stringify(now)}\n`, { mode: PRIVATE_FILE_MODE });
  } catch {
    // Without the mark the next open checks the file: slower, never wrong.
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
  const problem = problems[0] ?? nested(say('workspace.unreadable'));
  // The window's message names the backup without a command; the English text, which the command
  // line prints, keeps the command that restores it.
  const text = latest
    ? say('workspace.damaged', { file, problem, backup: latest.file, taken: date(latest.takenAt) })
    : say('workspace.damaged_no_backup', { file, problem, folder: backupsDir(dataDir) });
  return new AppError(
    'damaged_database',
    text,
    { file, problems, latestBackup: latest },
    `The database ${file} is damaged (${problems[0] ?? 'unreadable'}). Rebound did not open it, so nothing more was written to it. ${restore}`,
  );
}
