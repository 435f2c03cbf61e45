/**
 * The pricing service: turns an item's recorded facts into a stored proposal (with its trace),
 * and records the merchant's decision on it. Every write happens in one transaction with its
 * event, and every decision names the person who took it.
 *
 * The work lives in one file per part; this file keeps the names the service has always
 * exported, for code that imports them from here.
 */

export { adjustPrice, approveMany, approvePrice, rejectPrice } from './decide';
export { getPolicy, parseStoredPolicy, previewPrice, updatePolicy } from './policy';
export { POLICY_ACTOR, proposeInTransaction, proposePrice } from './propose';
export { approvalQueue } from './queue';
export { getPricing } from './view';
