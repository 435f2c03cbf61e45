import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { asChannelError, CHANNEL_LABELS, ChannelError } from '../channels/channel';
import { jobsEnvironment, type JobsEnvironment } from '../channels/registry';
import { CHANNELS } from '../../../shared/domain/status';
import type { Workspace } from '../workspace';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff';
import { isoAt, systemScheduler, type Scheduler, type TimerHandle } from './clock';
import { enqueue } from './outbox';
import { performJob, recordJobProblem, type Domain, type JobRow } from './work';

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
}

export type JobOutcome =
  | { readonly jobId: number; readonly status: 'done'; readonly summary: string }
  | { readonly jobId: number; readonly status: 'queued'; readonly retryAt: string; readonly message: string }
  | { readonly jobId: number; readonly status: 'failed'; readonly message: string };

const DEFAULT_STALE_LOCK_MS = 10 * 60_000;
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
    this.workerId = options.workerId ?? `worker-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
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
    await requestSalesSync(this.ws, this.env, `poll:${isoAt(this.now())}`);
  }

  /**
   * Puts back jobs whose worker died mid-job. The job is simply run again: a publish looks its SKU
   * up before creating and the remote ids are stored, so the second run finds the first's listing.
   */
  async recoverStale(): Promise<number> {
    const now = this.now();
    // A job that was interrupted on every one of its attempts may be what stops the process
    // (a crash inside it): it is failed, with its listing, rather than run once more.
    const exhausted = await this.ws.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'running')
      .where('locked_at', '<', isoAt(now - this.staleLockMs))
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute();
    for (const job of exhausted) {
      const message =
        'Rebound stopped while running this job on each of its attempts. Check the item and the channel, then retry.';
      await this.ws.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('jobs')
          .set({
            status: 'failed',
            locked_by: null,
            locked_at: null,
            last_error: message,
            updated_at: isoAt(now),
          })
          .where('id', '=', job.id)
          .where('status', '=', 'running')
          .execute();
        await recordJobProblem(trx, job, { final: true, message, retryAt: null }, isoAt(now));
      });
    }
    const result = await this.ws.kysely
      .updateTable('jobs')
      .set({
        status: 'queued',
        locked_by: null,
        locked_at: null,
        next_run_at: isoAt(now),
        last_error: 'Interrupted (Rebound stopped while it was running); resumed.',
        updated_at: isoAt(now),
      })
      .where('status', '=', 'running')
      .where('locked_at', '<', isoAt(now - this.staleLockMs))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Claims the oldest due job for this worker, or returns null when none is due. */
  private async claim(): Promise<JobRow | null> {
    const now = isoAt(this.now());
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
      // The claim is the UPDATE's WHERE: another worker that took the job first leaves 0 rows here.
      const claimed = await this.ws.kysely
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          locked_by: this.workerId,
          locked_at: now,
          attempts: eb('attempts', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', candidate.id)
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirst();
      if (claimed) return claimed;
    }
  }

  /** Runs one due job to its outcome; null when nothing is due. */
  async runOnce(): Promise<JobOutcome | null> {
    const job = await this.claim();
    if (!job) return null;
    let changed: readonly Domain[];
    let outcome: JobOutcome;
    try {
      const result = await performJob(this.ws, this.env, job);
      changed = result.changed;
      const now = isoAt(this.now());
      await this.ws.kysely
        .updateTable('jobs')
        .set({ status: 'done', locked_by: null, locked_at: null, last_error: null, updated_at: now })
        .where('id', '=', job.id)
        .execute();
      outcome = { jobId: job.id, status: 'done', summary: result.summary };
    } catch (error) {
      outcome = await this.handleFailure(job, error);
      changed = ['listings', 'items'];
    }
    this.ws.changed('jobs', ...changed);
    return outcome;
  }

  private async handleFailure(job: JobRow, error: unknown): Promise<JobOutcome> {
    // An AppError from our own checks (bad input, a missing row) is a user error: retrying
    // cannot change the answer.
    const problem = error instanceof AppError ? error : asChannelError(error);
    const retryable = problem instanceof ChannelError && problem.kind === 'retryable';
    const channel = CHANNELS.find((c) => c === job.channel);
    const label = channel ? CHANNEL_LABELS[channel] : 'The channel';
    const nowMs = this.now();
    const now = isoAt(nowMs);
    if (retryable && job.attempts < job.max_attempts) {
      const delay = retryDelay(job.attempts, problem.retryAfterMs, this.random, this.backoff);
      const retryAt = isoAt(nowMs + delay);
      const message = `${label} did not answer properly (${problem.message}).`;
      await this.ws.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('jobs')
          .set({
            status: 'queued',
            next_run_at: retryAt,
            locked_by: null,
            locked_at: null,
            last_error: message,
            updated_at: now,
          })
          .where('id', '=', job.id)
          .execute();
        await recordJobProblem(trx, job, { final: false, message, retryAt }, now);
      });
      return { jobId: job.id, status: 'queued', retryAt, message };
    }
    const message = retryable
      ? `Gave up after ${job.attempts} attempts: ${label} kept failing (${problem.message}). Check the channel, then retry.`
      : finalMessage(problem, label);
    await this.ws.kysely.transaction().execute(async (trx) => {
      await trx
        .updateTable('jobs')
        .set({ status: 'failed', locked_by: null, locked_at: null, last_error: message, updated_at: now })
        .where('id', '=', job.id)
        .execute();
      await recordJobProblem(trx, job, { final: true, message, retryAt: null }, now);
    });
    return { jobId: job.id, status: 'failed', message };
  }

  /** Runs every job that is due now, one after the other, with progress for the top bar. */
  async runDue(): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (;;) {
      const outcome = await this.runOnce();
      if (!outcome) break;
      outcomes.push(outcome);
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
