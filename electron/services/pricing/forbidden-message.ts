/** The sentence that says who may not do a role-restricted pricing method, and why. */

import type { Actor } from '../actor';

const ROLE_NOUN = {
  staff: 'resale staff',
  approver: 'an approver',
  bookkeeper: 'a bookkeeper',
  admin: 'an admin',
} as const;

/** What a role-restricted method does, for the sentence that says who may not do it. */
const ACTIONS: Readonly<Record<string, string>> = {
  'pricing.propose': 'propose prices',
  'pricing.policy.update': 'change pricing policies',
  'approvals.approve': 'approve prices',
  'approvals.approveMany': 'approve prices',
  'approvals.adjust': 'change prices',
  'approvals.reject': 'reject prices',
};

/** "Lea Brandt is resale staff and cannot approve prices." — shared by dispatch and the handlers. */
export function forbiddenMessage(actor: Actor, methodName: string): string {
  const what = ACTIONS[methodName];
  // Other domains keep the generic sentence their tests and screens already rely on.
  if (what === undefined) return `A ${actor.role ?? 'system'} profile may not do this (${methodName}).`;
  if (actor.role === null) return `${actor.name} cannot ${what}.`;
  return `${actor.name} is ${ROLE_NOUN[actor.role]} and cannot ${what}.`;
}
