import type { Channel } from '../../../shared/domain/status';
import type { Queryable } from '../db/queryable';

/**
 * The merchant's account on a channel: its settings, its secret and its sales cursor. The
 * practice marketplace needs no credentials, so its account is created the first time a
 * merchant publishes or sells there.
 */
export async function ensureAccount(
  db: Queryable,
  merchantId: number,
  channel: Channel,
  now: string,
): Promise<number> {
  await db
    .insertInto('channel_accounts')
    .values({ merchant_id: merchantId, channel, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['merchant_id', 'channel']).doNothing())
    .execute();
  const row = await db
    .selectFrom('channel_accounts')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('channel', '=', channel)
    .executeTakeFirstOrThrow();
  return row.id;
}
