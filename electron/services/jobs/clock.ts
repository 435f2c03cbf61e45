/**
 * Time, injected: the worker never reads the wall clock or sets a timer itself, so a test can
 * move time forward and see exactly which retry runs when, without sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface TimerHandle {
  cancel(): void;
}

export interface Scheduler {
  /** Calls `run` once, `delayMs` from now (0: as soon as the current work yields). */
  schedule(delayMs: number, run: () => void): TimerHandle;
}

export const systemClock: Clock = { now: () => Date.now() };

export const systemScheduler: Scheduler = {
  schedule(delayMs, run) {
    const timer = setTimeout(run, Math.max(0, delayMs));
    // A pending retry must not keep a CLI process alive on its own.
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}
