import { PathFaults, type FaultMatch, type Injected } from '../support/faults.js';

/**
 * Fault injection: the ways a WooCommerce shop (or its host, CDN or network) misbehaves that the
 * channel must survive. An injected fault answers the next N matching requests and is used up,
 * so a test reads "the next create times out, the retry succeeds".
 */

export type WooFaultKind =
  /** 429 with `Retry-After` (seconds), as hosts and CDNs in front of WordPress answer. */
  | 'rate-limit'
  /** 500 with WordPress' fatal-error JSON ("There has been a critical error on this website."). */
  | 'internal-error'
  /** 503 with `Retry-After`: maintenance mode (`.maintenance`) or an overloaded host. */
  | 'unavailable'
  /** Never answers and never reaches the shop: held until the client gives up. */
  | 'timeout'
  /**
   * The shop does the work (the product is created) but the answer never arrives: the case
   * that duplicates products in a naive client.
   */
  | 'timeout-after'
  /** Destroys the socket without an answer. */
  | 'drop'
  /** A collection answers empty (a stale cache in front of the shop); single reads unaffected. */
  | 'stale-empty';

export type WooFaultMatch = FaultMatch;
export type InjectedWooFault = Injected<WooFaultKind>;

export class WooFaults extends PathFaults<WooFaultKind> {}
