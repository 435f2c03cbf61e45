/** The merchant-scope check of a decision or a policy change: shared by ./decide.ts and ./policy.ts. */

import { reachesMerchant } from '../../../shared/access';
import { AppError } from '../../../shared/errors';
import { nested, say, type MessageCode } from '../../../shared/messages';
import type { Actor } from '../actor';

/** An approver decides for their own merchant only; an admin for every merchant. */
export function assertMerchantScope(
  actor: Actor,
  merchantId: number,
  merchantName: string,
  action: MessageCode,
): void {
  if (!reachesMerchant(actor, merchantId)) {
    throw new AppError(
      'forbidden',
      say('common.out_of_scope', { name: actor.name, action: nested(say(action)), merchant: merchantName }),
    );
  }
}
