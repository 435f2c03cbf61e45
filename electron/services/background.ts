import { JobRunner } from './jobs/runner';
import { startHotFolder, stopHotFolder } from './photos/hotFolder';
import type { Workspace } from './workspace';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/**
 * What a long-running Rebound process (the Electron app, `rebound serve`) keeps doing while it is
 * open: watching the camera's hot folder and running the outbox of remote work. One place, so
 * the desktop app and the browser mode can never drift apart on what runs in the background.
 */
export async function startBackgroundWork(ws: Workspace): Promise<BackgroundWork> {
  // A missing or unreadable hot folder is a status the photo desk shows, not a start-up failure.
  await startHotFolder(ws);
  const jobs = new JobRunner(ws);
  jobs.start();
  return {
    async stop() {
      // Jobs first: a job may still be writing photos or rows; then the watcher.
      await jobs.stop();
      await stopHotFolder(ws);
    },
  };
}
