import type { Workspace } from '../workspace';
import { listBackups, takeBackup, type BackupInfo } from './files';

/**
 * One backup a day while a long-running Rebound (the desktop app, `rebound serve`) has the
 * workspace open: a check soon after start and then every hour takes one when there is none of
 * the day yet (UTC), and the seven newest daily backups are kept.
 */

const HOUR_MS = 60 * 60 * 1000;

/** Whether a daily backup is due: none yet, or none taken on this UTC day. */
export function dailyBackupDue(dataDir: string, now: Date = new Date()): boolean {
  const newest = listBackups(dataDir).find((b) => b.kind === 'daily');
  return !newest || newest.takenAt.slice(0, 10) !== now.toISOString().slice(0, 10);
}

/** Takes the day's backup if it is due; returns it, or null when there was one already. */
export function takeDailyBackupIfDue(ws: Workspace, now: Date = new Date()): BackupInfo | null {
  if (!dailyBackupDue(ws.dataDir, now)) return null;
  const taken = takeBackup(ws.sqliteHandle(), ws.dataDir, 'daily', now);
  ws.changed('backups');
  return taken;
}

export interface DailyBackups {
  stop(): void;
}

export interface DailyBackupOptions {
  /** The first check, a little after start so it does not slow the first window down. */
  readonly firstAfterMs?: number;
  readonly everyMs?: number;
  readonly now?: () => Date;
}

export function startDailyBackups(ws: Workspace, options: DailyBackupOptions = {}): DailyBackups {
  const now = options.now ?? (() => new Date());
  const check = () => {
    try {
      takeDailyBackupIfDue(ws, now());
    } catch (error) {
      // A full disk must not stop the app; Settings shows how old the last backup is.
      console.error('Rebound daily backup:', error);
    }
  };
  const first = setTimeout(check, options.firstAfterMs ?? 15_000);
  const every = setInterval(check, options.everyMs ?? HOUR_MS);
  // Neither keeps a process alive that is otherwise done.
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
