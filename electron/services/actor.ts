import type { Role } from '../../shared/domain/status';

/**
 * Who is acting on a call: a signed-in person (from the session the server made), a person the
 * command line names with `--as`, or the system itself (jobs, schedules, the pricing policy).
 */
export interface Actor {
  readonly profileId: number | null;
  readonly name: string;
  readonly role: Role | null;
  /** The merchants an approver decides for; empty for every other role and for the system. */
  readonly merchantIds: readonly number[];
  /** The device of the session that acted ("Chromium on Android"), kept in the history. */
  readonly device?: string | undefined;
}

export const SYSTEM_ACTOR: Actor = { profileId: null, name: 'Rebound', role: null, merchantIds: [] };
