/** A job as its work sees it: the row, what its work returns, who it acts as, and readers of its payload. */
import type { Selectable } from 'kysely';
import { CHANNELS, type Channel } from '../../../shared/domain/status';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import type { Message } from '../../../shared/messages';
import type { Database } from '../db/schema';

/** Who the worker's changes are attributed to in the history. */
export const JOBS_ACTOR: Actor = { ...SYSTEM_ACTOR, name: 'Rebound (channel jobs)' };

export type JobRow = Selectable<Database['jobs']>;

/** Which parts of the app a job's outcome changes, for the windows' refresh. */
export type Domain = 'jobs' | 'listings' | 'items' | 'sales';

export interface WorkResult {
  readonly changed: readonly Domain[];
  /** What the job did, in English (logs, `--json`). */
  readonly summary: string;
  /** The same, drawn in the reader's language. */
  readonly text: Message;
}

export function asChannel(value: string | null): Channel {
  const found = CHANNELS.find((c) => c === value);
  if (!found) throw new Error(`Job has no known channel (${String(value)}).`);
  return found;
}

export function payloadOf(job: JobRow): Record<string, unknown> {
  const value: unknown = JSON.parse(job.payload);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function payloadNumber(job: JobRow, key: string): number {
  const value = payloadOf(job)[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`Job ${job.id} has no ${key}.`);
  return value;
}
