import type { Role } from '../../shared/domain/status';

/** Who is acting on this call: a profile chosen at start, or the system itself (policy, jobs). */
export interface Actor {
  readonly profileId: number | null;
  readonly name: string;
  readonly role: Role | null;
  readonly merchantId: number | null;
}

export const SYSTEM_ACTOR: Actor = { profileId: null, name: 'Rebound', role: null, merchantId: null };
