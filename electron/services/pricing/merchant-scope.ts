/** The merchant-scope check of a decision or a policy change: shared by ./decide.ts and ./policy.ts. */

import { reachesMerchant } from '../../../shared/access';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';

/** An approver decides for their own merchant only; an admin for every merchant. */
export function assertMerchantScope(
  actor: Actor,
  merchantId: number,
  merchantName: string,
  what: string,
): void {
  if (!reachesMerchant(actor, merchantId)) {
    throw new AppError(
      'forbidden',
      `${actor.name} approves for other merchants and cannot ${what} for ${merchantName}.`,
    );
  }
}
