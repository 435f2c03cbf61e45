/** A merchant's pricing policy: reading the stored one, changing it, and the editor's live preview. */

import type { z } from 'zod';
import type { MerchantPolicy, PreviewInput, PreviewResult } from '../../../shared/contract/pricing';
import { type Currency } from '../../../shared/domain/money';
import { AppError } from '../../../shared/errors';
import { say } from '../../../shared/messages';
import { DEFAULT_POLICY, PricingPolicy, priceItem, validatePolicy } from '../../../shared/pricing';
import type { Actor } from '../actor';
import { recordEvent } from '../events';
import type { Workspace } from '../workspace';
import { assertMerchantScope } from './merchant-scope';

/**
 * The merchant's stored policy. A policy that no longer parses (edited by hand, or written by a
 * newer version) must not silently fall back to the default: that would price with rates the
 * merchant never agreed to.
 */
export function parseStoredPolicy(json: string | null, merchantName: string): PricingPolicy {
  if (json === null) return DEFAULT_POLICY;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('internal', say('pricing.policy_unreadable', { merchant: merchantName }));
  }
  const parsed = PricingPolicy.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'internal',
      say('pricing.policy_invalid', {
        merchant: merchantName,
        detail: parsed.error.issues[0]?.message ?? 'unknown',
      }),
    );
  }
  return parsed.data;
}

async function loadMerchant(ws: Workspace, merchantId: number) {
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'name', 'currency', 'pricing_policy'])
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant) throw new AppError('not_found', say('pricing.no_merchant', { id: merchantId }));
  return merchant;
}

export async function getPolicy(ws: Workspace, actor: Actor, merchantId: number): Promise<MerchantPolicy> {
  const merchant = await loadMerchant(ws, merchantId);
  assertMerchantScope(actor, merchant.id, merchant.name, 'pricing.action.read_policy');
  const policy = parseStoredPolicy(merchant.pricing_policy, merchant.name);
  return {
    merchantId: merchant.id,
    currency: merchant.currency,
    policy,
    isDefault: merchant.pricing_policy === null,
    warnings: validatePolicy(policy),
  };
}

export async function updatePolicy(
  ws: Workspace,
  actor: Actor,
  merchantId: number,
  policy: PricingPolicy,
): Promise<MerchantPolicy> {
  await ws.kysely.transaction().execute(async (trx) => {
    const merchant = await trx
      .selectFrom('merchants')
      .select(['id', 'name', 'pricing_policy'])
      .where('id', '=', merchantId)
      .executeTakeFirst();
    if (!merchant) throw new AppError('not_found', say('pricing.no_merchant', { id: merchantId }));
    assertMerchantScope(actor, merchant.id, merchant.name, 'pricing.action.change_policy');
    const before = merchant.pricing_policy === null ? null : (JSON.parse(merchant.pricing_policy) as unknown);
    const json = JSON.stringify(policy);
    if (merchant.pricing_policy === json) return;
    await trx.updateTable('merchants').set({ pricing_policy: json }).where('id', '=', merchant.id).execute();
    await recordEvent(trx, actor, {
      merchantId: merchant.id,
      kind: 'merchant.pricing_policy',
      text: say('pricing.policy_changed', { merchant: merchant.name, name: actor.name }),
      data: { before, after: policy },
    });
  });
  ws.changed('merchants', 'items');
  return getPolicy(ws, actor, merchantId);
}

/** The policy editor's live preview: nothing is stored. */
export async function previewPrice(
  ws: Workspace,
  input: z.output<typeof PreviewInput>,
): Promise<PreviewResult> {
  const merchant = await loadMerchant(ws, input.merchantId);
  const warnings = validatePolicy(input.policy);
  const outcome = priceItem({
    facts: input.facts,
    originalCents: input.originalCents,
    currency: merchant.currency as Currency,
    policy: input.policy,
    ...(input.manualCents !== undefined ? { manualCents: input.manualCents } : {}),
    ...(input.lang !== undefined ? { lang: input.lang } : {}),
  });
  return outcome.ok
    ? { ok: true, result: outcome.result, warnings }
    : { ok: false, refusal: outcome.refusal, warnings };
}
