import {
  RULES,
  forbiddenMessage,
  merchantScope,
  outOfScopeMessage,
  type MerchantScope,
  type Person,
} from '../../shared/access';
import type { MethodName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { say } from '../../shared/messages';
import type { Workspace } from './workspace';

/**
 * The server's half of the access rule (`shared/access`): the role check, and the merchant
 * scope, which needs the database to learn whose item an id names. Returns the input the handler
 * gets: for a list a merchant's approver asked for without a merchant, their merchant filled in.
 */
export async function authorize(
  ws: Workspace,
  person: Person,
  method: MethodName,
  input: unknown,
): Promise<{ input: unknown; scope: MerchantScope }> {
  const rule = RULES[method];
  if (!rule.who.includes(person.role)) throw new AppError('forbidden', forbiddenMessage(person, method));
  const scope = merchantScope(person);
  if (scope === 'all') return { input, scope };

  const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const refuse = async (merchantId: number | null): Promise<never> => {
    const merchant =
      merchantId === null
        ? undefined
        : await ws.kysely
            .selectFrom('merchants')
            .select('name')
            .where('id', '=', merchantId)
            .executeTakeFirst();
    throw new AppError('forbidden', outOfScopeMessage(person, method, merchant?.name ?? null));
  };
  const check = async (merchantIds: readonly number[]) => {
    for (const id of merchantIds) if (!scope.includes(id)) await refuse(id);
  };
  const itemMerchants = async (ids: readonly number[]) =>
    ids.length === 0
      ? []
      : (await ws.kysely.selectFrom('items').select('merchant_id').where('id', 'in', ids).execute()).map(
          (r) => r.merchant_id,
        );

  switch (rule.scope.on) {
    case 'none':
    case 'service':
      break;
    case 'item':
      await check(await itemMerchants([fields[rule.scope.key] as number]));
      break;
    case 'items':
      await check(await itemMerchants(fields[rule.scope.key] as number[]));
      break;
    case 'reference': {
      const row = await ws.kysely
        .selectFrom('items')
        .select('merchant_id')
        .where('reference', '=', String(fields[rule.scope.key]).trim().toUpperCase())
        .executeTakeFirst();
      if (row) await check([row.merchant_id]);
      break;
    }
    case 'merchant':
      await check([fields[rule.scope.key] as number]);
      break;
    case 'list': {
      const given = fields.merchantId;
      if (typeof given === 'number') {
        await check([given]);
      } else if (rule.scope.narrowedBy === 'input') {
        if (scope.length !== 1) {
          throw new AppError('bad_input', say('common.choose_merchant', { name: person.name }));
        }
        return { input: { ...fields, merchantId: scope[0] }, scope };
      }
      break;
    }
    default:
      rule.scope satisfies never;
  }
  return { input, scope };
}
