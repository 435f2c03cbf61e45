/**
 * When a retryable failure is tried again. Exponential, so a remote that is down is not hammered;
 * with jitter, so the many jobs that failed together in one outage do not all come back in the
 * same second and trip the rate limit again.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 30 * 60_000 };

/**
 * The delay after the `attempt`-th failed try (1-based). "Equal jitter": half of the exponential
 * step is fixed, so delays keep growing, and half is random in [0, 1) from `random`.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(step / 2 + random() * (step / 2));
}

/** The remote's Retry-After wins when it asks for longer than our own backoff. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  return Math.max(backoffDelay(attempt, random, policy), retryAfterMs ?? 0);
}
