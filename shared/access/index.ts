import { nested, say, type Message, type MessageCode } from '../messages';
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

/** What some methods do, for the sentence that says who may not do them. */
const ACTIONS: Partial<Readonly<Record<MethodName, MessageCode>>> = {
  'pricing.propose': 'common.action.propose_prices',
  'pricing.policy.update': 'common.action.change_policies',
  'approvals.approve': 'common.action.approve_prices',
  'approvals.approveMany': 'common.action.approve_prices',
  'approvals.adjust': 'common.action.change_prices',
  'approvals.reject': 'common.action.reject_prices',
  'people.add': 'common.action.add_people',
  'people.update': 'common.action.change_roles',
  'people.resetPassword': 'common.action.reset_passwords',
  'people.setDisabled': 'common.action.disable_people',
  'people.list': 'common.action.list_people',
  'exports.sales': 'common.action.export_sales',
  'sales.list': 'common.action.see_sales',
  'reports.overview': 'common.action.see_reports',
  'reports.recovery': 'common.action.see_reports',
  'reports.monthly': 'common.action.see_reports',
  'reports.skus': 'common.action.see_reports',
  'reports.selling': 'common.action.see_reports',
  'statements.get': 'common.action.open_statements',
  'statements.pdf': 'common.action.open_statements',
};

/** "Lea Brandt is resale staff and cannot approve prices." */
export function forbiddenMessage(person: Person, method: MethodName): Message {
  const action = ACTIONS[method];
  const role = nested(say(`common.role_noun.${person.role}`));
  return action === undefined
    ? say('common.forbidden_method', { name: person.name, role, method })
    : say('common.forbidden', { name: person.name, role, action: nested(say(action)) });
}

/** "Siobhán Kelly approves for other merchants and cannot approve prices for Nordvik." */
export function outOfScopeMessage(person: Person, method: MethodName, merchantName: string | null): Message {
  const action = nested(say(ACTIONS[method] ?? 'common.action.reach_data'));
  return merchantName === null
    ? say('common.out_of_scope_unnamed', { name: person.name, action })
    : say('common.out_of_scope', { name: person.name, action, merchant: merchantName });
}
