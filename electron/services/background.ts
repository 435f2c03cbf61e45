import { startDailyBackups } from './backup/daily';
import { JobRunner } from './jobs/runner';
import { startHotFolder, stopHotFolder } from './photos/hotFolder';
import type { Workspace } from './workspace';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/**
 * What a long-running Rebound process (the Electron app, `rebound serve`) keeps doing while it is
 * open: watching the camera's hot folder, running the outbox of remote work, and the database's
 * daily backup. One place, so the desktop app and the browser mode can never drift apart on what
 * runs in the background.
 */
export async function startBackgroundWork(ws: Workspace): Promise<BackgroundWork> {
  // A missing or unreadable hot folder is a status the photo desk shows, not a start-up failure.
  await startHotFolder(ws);
  const jobs = new JobRunner(ws);
  jobs.start();
  const backups = startDailyBackups(ws);
  return {
    async stop() {
      backups.stop();
      // Jobs first: a job may still be writing photos or rows; then the watcher.
      await jobs.stop();
      await stopHotFolder(ws);
    },
  };
}
