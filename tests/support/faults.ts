/**
 * Fault injection for the REST test servers (eBay, WooCommerce): each server names the ways its
 * platform misbehaves (`Kind`), this holds the queue. An injected fault answers the next N
 * matching requests and is then used up, so a test reads "the next two calls to publish fail,
 * the third succeeds"; latencies apply to every matching request.
 */

export interface FaultMatch {
  /** Substring of the path, or a pattern tested against it (the path without the query). */
  readonly path?: string | RegExp;
  readonly method?: string;
}

export interface Injected<Kind extends string> extends FaultMatch {
  readonly kind: Kind;
  /** How many matching requests it still answers. */
  remaining: number;
  readonly retryAfterSeconds: number;
}

function matches(match: FaultMatch, method: string, pathname: string): boolean {
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? pathname.includes(match.path) : match.path.test(pathname);
}

export class PathFaults<Kind extends string> {
  private readonly queue: Injected<Kind>[] = [];
  private readonly latencies: { ms: number; match: FaultMatch }[] = [];
  private readonly watchers: ((method: string, pathname: string) => void)[] = [];

  /** Every matching request waits `ms` (real time) before it is handled. */
  latency(ms: number, match: FaultMatch = {}): this {
    this.latencies.push({ ms, match });
    return this;
  }

  /** The next `times` (default 1) requests matching `match` answer with `kind`. */
  inject(kind: Kind, options: FaultMatch & { times?: number; retryAfterSeconds?: number } = {}): this {
    this.queue.push({
      kind,
      remaining: options.times ?? 1,
      retryAfterSeconds: options.retryAfterSeconds ?? 2,
      ...(options.path !== undefined ? { path: options.path } : {}),
      ...(options.method !== undefined ? { method: options.method } : {}),
    });
    return this;
  }

  /**
   * Calls `watch` as each request arrives, before it is handled: for something that must happen
   * in the middle of a client's work (a token lapsing after the fifth upload).
   */
  onRequest(watch: (method: string, pathname: string) => void): this {
    this.watchers.push(watch);
    return this;
  }

  /** Tells the watchers about an arriving request (the server calls it). */
  arrived(method: string, pathname: string): void {
    for (const watch of this.watchers) watch(method, pathname);
  }

  clear(): void {
    this.queue.length = 0;
    this.latencies.length = 0;
    this.watchers.length = 0;
  }

  /** Total delay for a request: latencies add up when several match. */
  delayFor(method: string, pathname: string): number {
    return this.latencies.filter((l) => matches(l.match, method, pathname)).reduce((sum, l) => sum + l.ms, 0);
  }

  /** Takes one use of the first matching fault, if any. */
  take(method: string, pathname: string): Injected<Kind> | null {
    const fault = this.queue.find((f) => f.remaining > 0 && matches(f, method, pathname));
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.queue.splice(this.queue.indexOf(fault), 1);
    return fault;
  }

  get pending(): readonly Injected<Kind>[] {
    return this.queue;
  }
}
