/**
 * Fault injection: the ways eBay (or the network to it) misbehaves that a channel must survive.
 * Each injected fault answers the next N matching requests and is then used up, so a test reads
 * "the next two calls to publish fail with 25001, the third succeeds".
 */

export type FaultKind =
  /** 429 with `Retry-After` (seconds). */
  | 'rate-limit'
  /** 500 with eBay's generic internal error (no retryable errorId). */
  | 'internal-error'
  /** 500 with errorId 25001 "A system error has occurred" — eBay documents it as retryable. */
  | 'system-error-25001'
  /** 503 with errorId 25025 "Concurrent access of Inventory … Please try again later". */
  | 'concurrent-access-25025'
  /** Never answers: the request is held until the client gives up (or the server closes). */
  | 'timeout'
  /** Destroys the socket without an answer. */
  | 'drop';

export interface FaultMatch {
  /** Substring of the path, or a pattern tested against it (the path without the query). */
  readonly path?: string | RegExp;
  readonly method?: string;
}

export interface InjectedFault extends FaultMatch {
  readonly kind: FaultKind;
  /** How many matching requests it answers; default 1. */
  remaining: number;
  readonly retryAfterSeconds: number;
}

function matches(match: FaultMatch, method: string, pathname: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? pathname.includes(match.path) : match.path.test(pathname);
}

export class Faults {
  private readonly queue: InjectedFault[] = [];
  private readonly latencies: { ms: number; match: FaultMatch }[] = [];

  /** Every matching request waits `ms` (real time) before it is handled. */
  latency(ms: number, match: FaultMatch = {}): this {
    this.latencies.push({ ms, match });
    return this;
  }

  /** The next `times` requests matching `match` answer with `kind`. */
  inject(kind: FaultKind, options: FaultMatch & { times?: number; retryAfterSeconds?: number } = {}): this {
    this.queue.push({
      kind,
      remaining: options.times ?? 1,
      retryAfterSeconds: options.retryAfterSeconds ?? 2,
      ...(options.path !== undefined ? { path: options.path } : {}),
      ...(options.method !== undefined ? { method: options.method } : {}),
    });
    return this;
  }

  clear(): void {
    this.queue.length = 0;
    this.latencies.length = 0;
  }

  /** Total delay for a request: latencies add up when several match. */
  delayFor(method: string, pathname: string): number {
    return this.latencies.filter((l) => matches(l.match, method, pathname)).reduce((sum, l) => sum + l.ms, 0);
  }

  /** Takes one use of the first matching fault, if any. */
  take(method: string, pathname: string): InjectedFault | null {
    const fault = this.queue.find((f) => f.remaining > 0 && matches(f, method, pathname));
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.queue.splice(this.queue.indexOf(fault), 1);
    return fault;
  }

  get pending(): readonly InjectedFault[] {
    return this.queue;
  }
}
