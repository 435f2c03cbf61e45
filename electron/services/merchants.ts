import type { z } from 'zod';
import type { Merchant, MerchantInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Actor } from './actor';
import { nowIso } from './db/connection';
import { recordEvent } from './events';
import type { Workspace } from './workspace';
import { say } from '../../shared/messages';

function merchantsQuery(ws: Workspace) {
  return ws.kysely.selectFrom('merchants').select((eb) => [
    'merchants.id',
    'merchants.name',
    'merchants.currency',
    'merchants.language',
    'merchants.return_window_days',
    'merchants.address',
    eb
      .selectFrom('items')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('items.merchant_id', '=', 'merchants.id')
      .as('item_count'),
  ]);
}

type MerchantRow = Awaited<ReturnType<ReturnType<typeof merchantsQuery>['executeTakeFirstOrThrow']>>;

function toMerchant(row: MerchantRow): Merchant {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    language: row.language,
    returnWindowDays: row.return_window_days,
    address: row.address,
    itemCount: Number(row.item_count ?? 0),
  };
}

export async function listMerchants(ws: Workspace): Promise<Merchant[]> {
  const rows = await merchantsQuery(ws).orderBy('merchants.name').execute();
  return rows.map(toMerchant);
}

export async function getMerchant(ws: Workspace, id: number): Promise<Merchant> {
  const row = await merchantsQuery(ws).where('merchants.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', say('intake.merchant_not_found', { id: String(id) }));
  return toMerchant(row);
}

export async function createMerchant(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof MerchantInput>,
): Promise<Merchant> {
  const existing = await ws.kysely
    .selectFrom('merchants')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (existing) throw new AppError('conflict', say('intake.merchant_exists', { name: input.name }));
  const id = await ws.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('merchants')
      .values({
        name: input.name,
        currency: input.currency,
        language: input.language,
        return_window_days: input.returnWindowDays,
        address: input.address,
        pricing_policy: null,
        fee_schedule: null,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, {
      merchantId: row.id,
      kind: 'merchant.created',
      text: say('intake.merchant_created', { name: input.name }),
      data: input,
    });
    return row.id;
  });
  ws.changed('merchants');
  return getMerchant(ws, id);
}
