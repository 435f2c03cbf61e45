import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { nested, say, type MessageParam, type StoredMessage } from '../../../shared/messages';
import { asChannelError, CHANNEL_LABELS, ChannelError } from '../channels/channel';
import { channelName, problemOf } from '../channels/words';
import { jobsEnvironment, type JobsEnvironment } from '../channels/registry';
import { CHANNELS } from '../../../shared/domain/status';
import type { Workspace } from '../workspace';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff';
import { isoAt, systemScheduler, type Scheduler, type TimerHandle } from './clock';
import { storeErrorText } from './error-text';
import { enqueue } from './outbox';
import { engineOf, serializeWith } from '../db/dialect';
import { performJob, performPublishBatch, recordJobProblem, type Domain, type JobRow } from './work';

export interface RunnerOptions {
  readonly env?: JobsEnvironment;
  readonly scheduler?: Scheduler;
  /** [0, 1): the jitter's source. Tests pass a fixed sequence. */
  readonly random?: () => number;
  readonly workerId?: string;
  readonly backoff?: BackoffPolicy;
  /**
   * A job `running` for longer than this was left by a process that died (a remote call never
   * takes this long: every client has a shorter timeout), so it is put back in the queue.
   */
  readonly staleLockMs?: number;
  /** How often to look for jobs written by another process on the same data folder (the CLI). */
  readonly pollMs?: number;
  /** How often every channel account's sales are fetched; 0 turns the poll off. */
  readonly salesPollMs?: number;
  /**
   * Publish jobs of one channel run together (default), so a channel with bulk calls makes one
   * call for up to PUBLISH_BATCH of them; false runs every job alone (the benchmark's baseline).
   */
  readonly batchPublishes?: boolean;
}

/** What became of a job; the English `summary`/`message` beside `text`, drawn in the reader's language. */
export type JobOutcome =
  | {
      readonly jobId: number;
      readonly status: 'done';
      readonly summary: string;
      readonly text: StoredMessage;
    }
  | {
      readonly jobId: number;
      readonly status: 'queued';
      readonly retryAt: string;
      readonly message: string;
      readonly text: StoredMessage;
    }
  | {
      readonly jobId: number;
      readonly status: 'failed';
      readonly message: string;
      readonly text: StoredMessage | null;
    };

const DEFAULT_STALE_LOCK_MS = 10 * 60_000;
/** Publish jobs taken together: a channel with bulk calls sends them 25 per call, uploads overlapping. */
export const PUBLISH_BATCH = 100;
const DEFAULT_POLL_MS = 15_000;
const DEFAULT_SALES_POLL_MS = 5 * 60_000;

/** The words a person reads when a job stops for good: what happened and what to do. */
function finalMessage(error: ChannelError | AppError, channelLabel: string): string {
  if (error instanceof AppError) return error.message;
  switch (error.kind) {
    case 'auth':
      return `${channelLabel} refused Rebound's access (${error.message}). Reconnect the account in Settings, then retry.`;
    case 'user':
      return error.message;
    case 'retryable':
      return error.message;
  }
}

/** The same as `finalMessage`, as a message drawn in the reader's language; null where only English exists. */
function finalText(error: ChannelError | AppError, service: MessageParam): StoredMessage | null {
  if (error instanceof AppError) return error.text;
  if (error.kind === 'auth') return say('jobs.access_refused', { service, problem: problemOf(error) });
  return error.text;
}

/**
 * The worker of the outbox. It claims one due job at a time with an atomic UPDATE (so two
 * processes on the same data folder never run the same job), runs it, and then marks it done,
 * schedules a retry with exponential backoff and jitter (never sooner than the remote's
 * Retry-After), or fails it with a message a person can act on. User and auth errors are never
 * retried: the same request would be refused again.
 *
 * Started by the long-running processes (`rebound serve`, the Electron app); the CLI's one-shot
 * commands use `runUntilSettled` instead.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly ws: Workspace;
  private readonly env: JobsEnvironment;
  private readonly scheduler: Scheduler;
  private readonly random: () => number;
  private readonly backoff: BackoffPolicy;
  private readonly staleLockMs: number;
  private readonly pollMs: number;
  private readonly salesPollMs: number;
  private readonly batchPublishes: boolean;
  private timer: TimerHandle | null = null;
  private unsubscribe: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private nextSalesPoll = 0;

  constructor(ws: Workspace, options: RunnerOptions = {}) {
    this.ws = ws;
    this.env = options.env ?? jobsEnvironment(ws);
    this.scheduler = options.scheduler ?? systemScheduler;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.staleLockMs = options.staleLockMs ?? DEFAULT_STALE_LOCK_MS;
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.salesPollMs = options.salesPollMs ?? DEFAULT_SALES_POLL_MS;
    this.batchPublishes = options.batchPublishes ?? true;
    // An instance of a server works under its own id, which the other instances can check is alive.
    this.workerId =
      options.workerId ?? ws.instance?.id ?? `worker-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  }

  private now(): number {
    return this.env.clock.now();
  }

  /** Starts working in the background: recovers stale jobs, then runs whatever is due. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.nextSalesPoll = this.now();
    this.unsubscribe = this.ws.onEvent((event) => {
      if (event.type === 'changed' && event.domains.includes('jobs')) this.kick();
    });
    this.wakeIn(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    this.timer?.cancel();
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.running;
  }

  /** Resolves when the background pass under way (if any) has finished. */
  async whenIdle(): Promise<void> {
    await this.running;
  }

  /** Something was enqueued: run now rather than at the next poll. */
  kick(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.wakeIn(0);
  }

  private wakeIn(delayMs: number): void {
    this.timer?.cancel();
    this.timer = this.scheduler.schedule(delayMs, () => {
      this.timer = null;
      this.tick();
    });
  }

  private tick(): void {
    if (!this.started || this.running) return;
    this.running = (async () => {
      let wakeMs = this.pollMs;
      try {
        do {
          this.again = false;
          await this.recoverStale();
          await this.pollSales();
          await this.runDue();
        } while (this.again && this.started);
        wakeMs = await this.nextWakeMs();
      } catch (error) {
        // The database itself failed (disk full, file gone): say so and try again at the next poll.
        console.error('Rebound job worker:', error);
      } finally {
        this.running = null;
      }
      if (this.started) this.wakeIn(wakeMs);
    })();
  }

  private async nextWakeMs(): Promise<number> {
    const next = await this.ws.kysely
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('next_run_at').as('at'))
      .where('status', '=', 'queued')
      .executeTakeFirst();
    const dueIn = next?.at ? Date.parse(String(next.at)) - this.now() : Infinity;
    const salesIn = this.salesPollMs > 0 ? this.nextSalesPoll - this.now() : Infinity;
    return Math.max(0, Math.min(this.pollMs, dueIn, salesIn));
  }

  /** Enqueues a sales sync for every account of a channel this build can reach, when its time has come. */
  private async pollSales(): Promise<void> {
    if (this.salesPollMs <= 0 || this.now() < this.nextSalesPoll) return;
    this.nextSalesPoll = this.now() + this.salesPollMs;
    // Named by its period, not its moment: instances of a server polling in the same period
    // queue one sync between them (the job's idempotency key), not one each.
    await requestSalesSync(this.ws, this.env, `poll:${Math.floor(this.now() / this.salesPollMs)}`);
  }

  /**
   * Puts back jobs whose worker died mid-job. The job is simply run again: a publish looks its SKU
   * up before creating and the remote ids are stored, so the second run finds the first's listing.
   */
  async recoverStale(): Promise<number> {
    const now = this.now();
    // A lock is stale when it is old, or at once when its worker's process is gone (the app was
    // killed and started again): the restarted app finishes the work without waiting.
    const running = await this.ws.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'running')
      .execute();
    // One question per worker, however many of its jobs are running.
    const gone = new Map<string, boolean>();
    const instanceGone = async (lockedBy: string | null): Promise<boolean> => {
      if (lockedBy === null || !this.ws.instance) return false;
      if (!gone.has(lockedBy)) gone.set(lockedBy, await this.ws.instance.isGone(lockedBy));
      return gone.get(lockedBy)!;
    };
    const stale: typeof running = [];
    for (const job of running) {
      if (
        (job.locked_at !== null && job.locked_at < isoAt(now - this.staleLockMs)) ||
        workerIsGone(job.locked_by, this.workerId) ||
        (await instanceGone(job.locked_by))
      ) {
        stale.push(job);
      }
    }
    let resumed = 0;
    for (const job of stale) {
      // A job interrupted on every one of its attempts may be what stops the process (a crash
      // inside it): it is failed, with its listing, rather than run once more.
      const exhausted = job.attempts >= job.max_attempts;
      const text = say(exhausted ? 'jobs.interrupted_every_time' : 'jobs.interrupted');
      const message = exhausted
        ? 'Rebound stopped while running this job on each of its attempts. Check the item and the channel, then retry.'
        : 'Interrupted (Rebound stopped while it was running); resumed.';
      await this.ws.kysely.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('jobs')
          .set({
            status: exhausted ? 'failed' : 'queued',
            locked_by: null,
            locked_at: null,
            ...(exhausted ? {} : { next_run_at: isoAt(now) }),
            last_error: message,
            last_error_text: storeErrorText(text),
            updated_at: isoAt(now),
          })
          .where('id', '=', job.id)
          .where('status', '=', 'running')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return; // another worker got there first
        if (exhausted)
          await recordJobProblem(trx, job, { final: true, message, text, retryAt: null }, isoAt(now));
        else resumed += 1;
      });
    }
    return resumed;
  }

  /** The UPDATE that makes jobs this worker's: what each way of claiming narrows with its WHERE. */
  private claiming(now: string) {
    return this.ws.kysely.updateTable('jobs').set((eb) => ({
      status: 'running',
      locked_by: this.workerId,
      locked_at: now,
      attempts: eb('attempts', '+', 1),
      updated_at: now,
    }));
  }

  /**
   * Takes one queued job for this worker. The claim is the UPDATE's WHERE: another worker that
   * took the job first leaves 0 rows here, so two processes never run the same job.
   */
  private async claimById(id: number, now: string): Promise<JobRow | undefined> {
    return this.claiming(now)
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  }

  /** Claims the oldest due job for this worker, or returns null when none is due. */
  private async claim(): Promise<JobRow | null> {
    const now = isoAt(this.now());
    if (engineOf(this.ws.kysely) === 'postgres') return (await this.claimDue(now, 1))[0] ?? null;
    for (;;) {
      const candidate = await this.ws.kysely
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('next_run_at', '<=', now)
        .orderBy('next_run_at')
        .orderBy('id')
        .executeTakeFirst();
      if (!candidate) return null;
      const claimed = await this.claimById(candidate.id, now);
      if (claimed) return claimed;
    }
  }

  /** Claims up to `limit` more due publish jobs of the same channel as `first`, for one batch. */
  private async claimMorePublishes(first: JobRow, limit: number): Promise<JobRow[]> {
    if (first.kind !== 'publish' || first.channel === null || limit <= 0) return [];
    const now = isoAt(this.now());
    if (engineOf(this.ws.kysely) === 'postgres') return this.claimDue(now, limit, first.channel);
    const candidates = await this.ws.kysely
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .where('kind', '=', 'publish')
      .where('channel', '=', first.channel)
      .where('next_run_at', '<=', now)
      .orderBy('next_run_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const claimed: JobRow[] = [];
    for (const { id } of candidates) {
      const row = await this.claimById(id, now);
      if (row) claimed.push(row);
    }
    return claimed;
  }

  /**
   * On a server: claims up to `limit` due jobs (publishes of one channel, when given) in one
   * statement. FOR UPDATE SKIP LOCKED makes every instance pass over the rows another is claiming
   * at that moment instead of waiting for them, so instances never queue behind each other and
   * never take the same job. (SQLite has one writer at a time: there the UPDATE's WHERE is the claim.)
   */
  private async claimDue(now: string, limit: number, publishChannel?: string): Promise<JobRow[]> {
    const rows = await this.claiming(now)
      .where('id', 'in', (eb) => {
        let due = eb
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'queued')
          .where('next_run_at', '<=', now);
        if (publishChannel !== undefined) {
          due = due.where('kind', '=', 'publish').where('channel', '=', publishChannel);
        }
        return due.orderBy('next_run_at').orderBy('id').limit(limit).forUpdate().skipLocked();
      })
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.next_run_at.localeCompare(b.next_run_at) || a.id - b.id);
  }

  private async markDone(job: JobRow): Promise<void> {
    await this.ws.kysely
      .updateTable('jobs')
      .set({
        status: 'done',
        locked_by: null,
        locked_at: null,
        last_error: null,
        last_error_text: null,
        updated_at: isoAt(this.now()),
      })
      .where('id', '=', job.id)
      .execute();
  }

  /** Runs one due job to its outcome; null when nothing is due. */
  async runOnce(): Promise<JobOutcome | null> {
    const job = await this.claim();
    if (!job) return null;
    return this.finish(job);
  }

  private async finish(job: JobRow): Promise<JobOutcome> {
    let changed: readonly Domain[];
    let outcome: JobOutcome;
    try {
      const result = await performJob(this.ws, this.env, job);
      changed = result.changed;
      await this.markDone(job);
      outcome = { jobId: job.id, status: 'done', summary: result.summary, text: result.text };
    } catch (error) {
      outcome = await this.handleFailure(job, error);
      changed = ['listings', 'items'];
    }
    this.ws.changed('jobs', ...changed);
    return outcome;
  }

  /**
   * Runs the next due work: one job, or for a publish, up to PUBLISH_BATCH publish jobs of its
   * channel together (each still gets its own outcome, retry and message). Null when none is due.
   */
  async runNext(): Promise<JobOutcome[] | null> {
    const job = await this.claim();
    if (!job) return null;
    const more = this.batchPublishes ? await this.claimMorePublishes(job, PUBLISH_BATCH - 1) : [];
    if (more.length === 0) return [await this.finish(job)];
    const outcomes: JobOutcome[] = [];
    for (const { job: done, result, error } of await performPublishBatch(this.ws, this.env, [job, ...more])) {
      if (result) {
        await this.markDone(done);
        outcomes.push({ jobId: done.id, status: 'done', summary: result.summary, text: result.text });
      } else {
        outcomes.push(await this.handleFailure(done, error));
      }
    }
    this.ws.changed('jobs', 'listings', 'items');
    return outcomes;
  }

  private async handleFailure(job: JobRow, error: unknown): Promise<JobOutcome> {
    // An AppError from our own checks (bad input, a missing row) is a user error: retrying
    // cannot change the answer.
    const problem = error instanceof AppError ? error : asChannelError(error);
    const retryable = problem instanceof ChannelError && problem.kind === 'retryable';
    const channel = CHANNELS.find((c) => c === job.channel);
    const label = channel ? CHANNEL_LABELS[channel] : 'The channel';
    const service = channel ? channelName(channel) : nested(say('jobs.the_channel'));
    const nowMs = this.now();
    const now = isoAt(nowMs);
    if (retryable && job.attempts < job.max_attempts) {
      const delay = retryDelay(job.attempts, problem.retryAfterMs, this.random, this.backoff);
      const retryAt = isoAt(nowMs + delay);
      const message = `${label} did not answer properly (${problem.message}).`;
      const text = say('jobs.no_proper_answer', { service, problem: problemOf(problem) });
      await this.ws.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('jobs')
          .set({
            status: 'queued',
            next_run_at: retryAt,
            locked_by: null,
            locked_at: null,
            last_error: message,
            last_error_text: storeErrorText(text),
            updated_at: now,
          })
          .where('id', '=', job.id)
          .execute();
        await recordJobProblem(trx, job, { final: false, message, text, retryAt }, now);
      });
      return { jobId: job.id, status: 'queued', retryAt, message, text };
    }
    const message = retryable
      ? `Gave up after ${job.attempts} attempts: ${label} kept failing (${problem.message}). Check the channel, then retry.`
      : finalMessage(problem, label);
    const text = retryable
      ? say('jobs.gave_up', { count: job.attempts, service, problem: problemOf(problem) })
      : finalText(problem, service);
    await this.ws.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('jobs')
        .set({
          status: 'failed',
          locked_by: null,
          locked_at: null,
          last_error: message,
          last_error_text: storeErrorText(text),
          updated_at: now,
        })
        .where('id', '=', job.id)
        .execute();
      await recordJobProblem(trx, job, { final: true, message, text, retryAt: null }, now);
    });
    return { jobId: job.id, status: 'failed', message, text };
  }

  /** Runs every job that is due now, one after the other, with progress for the top bar. */
  async runDue(): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (;;) {
      const next = await this.runNext();
      if (!next) break;
      outcomes.push(...next);
      const waiting = await this.ws.kysely
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'queued')
        .where('next_run_at', '<=', isoAt(this.now()))
        .executeTakeFirstOrThrow();
      this.ws.emit({
        type: 'progress',
        task: 'jobs',
        done: outcomes.length,
        total: outcomes.length + Number(waiting.n),
      });
    }
    return outcomes;
  }

  /**
   * For one-shot commands: runs jobs until none of `jobIds` (or, without ids, no job at all) is
   * queued or running, waiting on the injected scheduler for retries that are due later.
   */
  async runUntilSettled(jobIds?: readonly number[]): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (;;) {
      await this.recoverStale();
      outcomes.push(...(await this.runDue()));
      let pending = this.ws.kysely
        .selectFrom('jobs')
        .select((eb) => eb.fn.min('next_run_at').as('at'))
        .where('status', '=', 'queued');
      if (jobIds) {
        if (jobIds.length === 0) return outcomes;
        pending = pending.where('id', 'in', jobIds);
      }
      const next = await pending.executeTakeFirst();
      if (!next?.at) return outcomes;
      const waitMs = Math.max(0, Date.parse(String(next.at)) - this.now());
      await new Promise<void>((resolve) => this.scheduler.schedule(waitMs, resolve));
    }
  }
}

/**
 * True when `lockedBy` names a worker of this machine whose process no longer runs. Worker ids
 * are `worker-<pid>-<random>`; any other id (a test's, another naming) is never judged gone.
 */
export function workerIsGone(lockedBy: string | null, self: string): boolean {
  if (lockedBy === null || lockedBy === self) return false;
  const match = /^worker-(\d+)-/.exec(lockedBy);
  if (!match) return false;
  const pid = Number(match[1]);
  if (pid === process.pid) return false; // another runner of this very process: alive
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Queues a sales sync for every channel account this build can reach. `reason` makes the
 * idempotency key: one poll, one job per account, however often it is asked for.
 */
export async function requestSalesSync(
  ws: Workspace,
  env: JobsEnvironment,
  reason: string,
): Promise<number[]> {
  const now = isoAt(env.clock.now());
  const ids = await ws.kysely.transaction().execute(async (trx) => {
    await serializeWith(trx, 'sales_sync');
    const accounts = await trx.selectFrom('channel_accounts').select(['id', 'channel']).execute();
    const created: number[] = [];
    for (const account of accounts) {
      const channel = CHANNELS.find((c) => c === account.channel);
      if (!channel || !env.channels.supports(channel)) continue;
      // One waiting sync per account is enough: it will read everything new when it runs.
      const waiting = await trx
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'sync_sales')
        .where('status', 'in', ['queued', 'running'])
        .where('payload', '=', JSON.stringify({ accountId: account.id }))
        .executeTakeFirst();
      if (waiting) {
        created.push(waiting.id);
        continue;
      }
      const job = await enqueue(trx, {
        kind: 'sync_sales',
        itemId: null,
        channel,
        payload: { accountId: account.id },
        idempotencyKey: `sync_sales:${account.id}:${reason}`,
        now,
      });
      created.push(job.id);
    }
    return created;
  });
  if (ids.length > 0) ws.changed('jobs');
  return ids;
}
