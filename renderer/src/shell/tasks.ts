import type { TFunction } from 'i18next';

/** The progress events' task names (see `ws.emit({ type: 'progress', … })` in the services), by key. */
const TASK_KEYS = {
  jobs: 'jobs.tasks.jobs',
  import: 'jobs.tasks.import',
  photos: 'jobs.tasks.photos',
  'exports.sales': 'jobs.tasks.exports',
} as const;

function isKnownTask(task: string): task is keyof typeof TASK_KEYS {
  return Object.hasOwn(TASK_KEYS, task);
}

/** A background task's name in the reader's language; a task this version does not know keeps its code. */
export function taskName(t: TFunction, task: string): string {
  return isKnownTask(task) ? t(TASK_KEYS[task]) : task;
}
