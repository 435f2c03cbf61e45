import { z } from 'zod';
import { ROLES, type Role } from '../domain/status';
import { Id } from './common';
import { method } from './define';

/**
 * People and their sessions. Signing in and out is not a method here: it happens at the
 * transport (`POST /api/session` in a browser, the preload's `signIn` in the desktop window),
 * because only the transport can hold the session it creates; every method below then acts as
 * the person of that session.
 */

/** The person a session belongs to, as the window shows them. */
export interface Me {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  /** The merchants an approver decides for; empty for the other roles, who see every merchant. */
  readonly merchantIds: readonly number[];
  readonly sessionId: number;
}

/** One of the demo workspace's people, with the password its README documents. */
export interface DemoPerson {
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

/** What a window needs before anyone has signed in. */
export interface SessionStart {
  readonly me: Me | null;
  /** Nobody exists yet: the first start offers to create the first admin (or the demo). */
  readonly needsFirstAdmin: boolean;
  /** The demo's people and their documented passwords, only in the demo workspace. */
  readonly demoPeople: readonly DemoPerson[];
}

export interface PersonView {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly merchantIds: readonly number[];
  readonly disabled: boolean;
  readonly createdAt: string;
  /** When any of their sessions was last used. */
  readonly lastSeenAt: string | null;
}

export interface SessionView {
  readonly id: number;
  readonly personId: number;
  readonly personName: string;
  /** "Chromium on Linux", "Rebound desktop", "command line": what the person would recognise. */
  readonly device: string;
  readonly address: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  /** The session this call came from. */
  readonly current: boolean;
}

/** Long enough to resist guessing at the throttled rate; bounded so hashing stays cheap. */
export const Password = z.string().min(8, 'use at least 8 characters').max(200);
export const PersonName = z.string().trim().min(1).max(80);

export const NewPersonInput = z
  .object({
    name: PersonName,
    role: z.enum(ROLES),
    merchantIds: z.array(Id).max(100).default([]),
    password: Password,
  })
  .strict()
  .refine((p) => p.role !== 'approver' || p.merchantIds.length > 0, {
    message: 'an approver decides for at least one merchant',
    path: ['merchantIds'],
  });

export const PersonUpdateInput = z
  .object({ id: Id, role: z.enum(ROLES), merchantIds: z.array(Id).max(100).default([]) })
  .strict()
  .refine((p) => p.role !== 'approver' || p.merchantIds.length > 0, {
    message: 'an approver decides for at least one merchant',
    path: ['merchantIds'],
  });

export const FirstAdminInput = z.object({ name: PersonName, password: Password }).strict();

export const peopleContract = {
  'session.me': method<SessionStart>()(z.object({}).strict()),
  'setup.firstAdmin': method<PersonView>()(FirstAdminInput, { writes: true }),
  'people.list': method<readonly PersonView[]>()(z.object({}).strict()),
  'people.add': method<PersonView>()(NewPersonInput, { writes: true }),
  'people.update': method<PersonView>()(PersonUpdateInput, { writes: true }),
  'people.resetPassword': method<PersonView>()(z.object({ id: Id, password: Password }).strict(), {
    writes: true,
  }),
  'people.setDisabled': method<PersonView>()(z.object({ id: Id, disabled: z.boolean() }).strict(), {
    writes: true,
  }),
  'people.changePassword': method<null>()(
    z.object({ current: z.string().max(200), next: Password }).strict(),
    { writes: true },
  ),
  'sessions.list': method<readonly SessionView[]>()(z.object({ personId: Id.optional() }).strict()),
  'sessions.revoke': method<null>()(z.object({ sessionId: Id }).strict(), { writes: true }),
} as const;
