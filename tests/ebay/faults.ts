import { PathFaults, type Injected } from '../support/faults.js';

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

export type { FaultMatch } from '../support/faults.js';
export type InjectedFault = Injected<FaultKind>;

export class Faults extends PathFaults<FaultKind> {}
