/**
 * The eBay pre-flight, as the rest of the app imports it (../registry.ts, handlers.ts). Each part
 * is in its own file beside this one:
 * - check.ts: the check itself, `checkEbay`; checkReads.ts what it reads from eBay, checkItems.ts
 *   how each item reads to the seller (and `refusedGrades`, the grades a category refuses)
 * - choose.ts: choosing policies, location and category
 * - merchantAddress.ts: the country and postal code tables and the address parser
 * - location.ts: creating the seller's warehouse location on eBay
 * - publishGap.ts: publishing's local gate, read from the database only
 */
export { checkEbay } from './check';
export { refusedGrades } from './checkItems';
export { chooseEbay } from './choose';
export { createEbayLocation, locationKeyFor } from './location';
export { parseMerchantAddress, type LocationAddress } from './merchantAddress';
export { ebayPublishGap } from './publishGap';
