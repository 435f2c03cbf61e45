import { contract, type Input, type MethodName, type Output } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Actor } from '../../electron/services/actor';
import { handlers, type HandlerContext } from '../../electron/services/api';
import type { Workspace } from '../../electron/services/workspace';
import { WINDOWS_1252_HIGH } from '../../electron/services/intake/csv';

/**
 * Test helpers for the intake services: a real workspace in a fresh temp folder, and merchants
 * and products written with plain Kysely, so tests depend on the schema only.
 */

export const DESK: Actor = { profileId: null, name: 'Desk test', role: 'staff', merchantIds: [] };

export { tempWorkspace } from './workspace';

export async function addMerchant(
  ws: Workspace,
  seed: { name: string; currency?: string; returnWindowDays?: number },
): Promise<number> {
  const row = await ws.kysely
    .insertInto('merchants')
    .values({
      name: seed.name,
      currency: seed.currency ?? 'EUR',
      language: 'en',
      return_window_days: seed.returnWindowDays ?? 14,
      address: '',
      pricing_policy: null,
      fee_schedule: null,
      created_at: '2025-01-01T08:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addProduct(
  ws: Workspace,
  seed: {
    merchantId: number;
    sku: string;
    title: string;
    ean?: string | null;
    originalCents?: number;
    accessories?: string[];
  },
): Promise<number> {
  const row = await ws.kysely
    .insertInto('products')
    .values({
      merchant_id: seed.merchantId,
      sku: seed.sku,
      ean: seed.ean ?? null,
      brand: null,
      model: null,
      title: seed.title,
      description: '',
      ebay_category_id: null,
      original_cents: seed.originalCents ?? 4999,
      accessories: JSON.stringify(seed.accessories ?? []),
      created_at: '2025-01-01T08:00:00.000Z',
      updated_at: '2025-01-01T08:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Bytes of `text` in Windows-1252, as Excel writes "CSV" on a Western Windows. */
export function windows1252(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      const high = WINDOWS_1252_HIGH.indexOf(code);
      if (high >= 0) return 0x80 + high;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      throw new RangeError(`“${char}” has no Windows-1252 byte`);
    }),
  );
}

export function base64(content: string | Uint8Array): string {
  return Buffer.from(typeof content === 'string' ? new TextEncoder().encode(content) : content).toString(
    'base64',
  );
}

/**
 * Calls a method the way the API does: the raw input through the contract's zod schema
 * (defaults applied, bad input refused), then the handler, acting as `actor` (a desk person by
 * default, whatever the access rule would say: the intake tests are about the services).
 */
export async function call<M extends MethodName>(
  ws: Workspace,
  name: M,
  input: Input<M>,
  actor: Actor = DESK,
): Promise<Output<M>> {
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) throw new AppError('bad_input', parsed.error.message);
  const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
  return (await handler(parsed.data, { ws, actor, scope: 'all', sessionId: null })) as Output<M>;
}
