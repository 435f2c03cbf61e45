import type { MethodName } from '../contract';
import type { Role } from '../domain/status';
import { RULES, type Rule, type Scope } from './rules';

/**
 * The one access rule: the role table of `rules.ts` plus the merchant scope. Pure, so the
 * server enforces it in `dispatch` and the renderer asks it which buttons to hide; neither
 * keeps a second copy.
 */

export { RULES, type Rule, type Scope };

/** What the rule needs to know of the person acting. */
export interface Person {
  readonly name: string;
  readonly role: Role;
  /** The merchants an approver decides for; empty for every other role (they see all). */
  readonly merchantIds: readonly number[];
}

/** Which merchants' data a person reaches: every merchant, or these. */
export type MerchantScope = 'all' | readonly number[];

/** Who the merchant scope asks about: a person, or the system (no role: every merchant). */
export interface Scoped {
  readonly role: Role | null;
  readonly merchantIds: readonly number[];
}

export function merchantScope(person: Scoped): MerchantScope {
  return person.role === 'approver' ? person.merchantIds : 'all';
}

/** Whether this person may see and act on this merchant's data (given the method allows them). */
export function reachesMerchant(person: Scoped, merchantId: number): boolean {
  const scope = merchantScope(person);
  return scope === 'all' || scope.includes(merchantId);
}

/** Whether the role table lets this person call the method at all (merchant scope aside). */
export function mayCall(person: Person | null, method: MethodName): boolean {
  const rule = RULES[method];
  if (rule.public) return true;
  return person !== null && rule.who.includes(person.role);
}

const ROLE_NOUN: Readonly<Record<Role, string>> = {
  staff: 'resale staff',
  approver: 'an approver',
  bookkeeper: 'a bookkeeper',
  admin: 'an admin',
};

/** What some methods do, for the sentence that says who may not do them. */
const ACTIONS: Partial<Readonly<Record<MethodName, string>>> = {
  'pricing.propose': 'propose prices',
  'pricing.policy.update': 'change pricing policies',
  'approvals.approve': 'approve prices',
  'approvals.approveMany': 'approve prices',
  'approvals.adjust': 'change prices',
  'approvals.reject': 'reject prices',
  'people.add': 'add people',
  'people.update': 'change people’s roles',
  'people.resetPassword': 'reset passwords',
  'people.setDisabled': 'disable people',
  'people.list': 'see the list of people',
  'exports.sales': 'export the sales ledger',
  'sales.list': 'see the sales ledger',
  'reports.overview': 'see the merchants’ financial reports',
  'reports.recovery': 'see the merchants’ financial reports',
  'reports.monthly': 'see the merchants’ financial reports',
  'reports.skus': 'see the merchants’ financial reports',
  'reports.selling': 'see the merchants’ financial reports',
  'statements.get': 'open statements',
  'statements.pdf': 'open statements',
};

/** "Lea Brandt is resale staff and cannot approve prices." */
export function forbiddenMessage(person: Person, method: MethodName): string {
  const what = ACTIONS[method];
  if (what === undefined)
    return `${person.name} is ${ROLE_NOUN[person.role]} and may not do this (${method}).`;
  return `${person.name} is ${ROLE_NOUN[person.role]} and cannot ${what}.`;
}

/** "Siobhán Kelly approves for other merchants and cannot approve prices for Nordvik." */
export function outOfScopeMessage(person: Person, method: MethodName, merchantName: string | null): string {
  const what = ACTIONS[method] ?? 'reach the data';
  return merchantName === null
    ? `${person.name} approves for other merchants and cannot ${what} of this one.`
    : `${person.name} approves for other merchants and cannot ${what} for ${merchantName}.`;
}
