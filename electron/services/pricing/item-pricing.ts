/**
 * Running the price engine on a recorded item and storing its result as a price row: shared by
 * proposing (./propose.ts) and adjusting (./decide.ts).
 */

import type { Transaction } from 'kysely';
import type { PriceProposal, PriceStep } from '../../../shared/contract';
import type { DefectKind, DefectSeverity, Grade, PackagingState } from '../../../shared/domain/grades';
import { type Currency } from '../../../shared/domain/money';
import { AppError } from '../../../shared/errors';
import { nested, say, type Message } from '../../../shared/messages';
import { priceItem, type ItemFacts, type PriceResult, type PricingPolicy } from '../../../shared/pricing';
import type { RefusalDetail, SealedFinding } from '../../../shared/pricing/engine';
import type { Database } from '../db/schema';
import { parseJsonList } from '../intake/shared';
import { type ItemRecord } from '../item-record';
import { type Queryable } from '../db/queryable';

/** What a stored trace step carries: the contract's step plus the engine's params. */
interface StoredStep extends PriceStep {
  readonly params?: unknown;
}

export async function factsOf(db: Queryable, item: ItemRecord): Promise<ItemFacts> {
  if (item.grade === null || item.packaging === null) {
    throw new AppError('conflict', say('pricing.not_graded', { reference: item.reference }));
  }
  const defects = await db
    .selectFrom('defects')
    .select(['kind', 'severity'])
    .where('item_id', '=', item.id)
    .orderBy('position')
    .execute();
  return {
    grade: item.grade as Grade,
    packaging: item.packaging as PackagingState,
    accessoriesMissing: parseJsonList(item.accessories_missing),
    defects: defects.map((d) => ({ kind: d.kind as DefectKind, severity: d.severity as DefectSeverity })),
    functionalTest: item.functional_test,
    factoryReset: item.factory_reset === 1,
    cleaned: item.cleaned === 1,
    repackaged: item.repackaged === 1,
  };
}

export function runEngine(
  item: ItemRecord,
  facts: ItemFacts,
  policy: PricingPolicy,
  manualCents?: number,
): PriceResult {
  const outcome = priceItem({
    facts,
    originalCents: item.original_cents,
    currency: item.currency as Currency,
    policy,
    ...(manualCents !== undefined ? { manualCents } : {}),
  });
  if (!outcome.ok) {
    throw new AppError(
      'conflict',
      say('pricing.cannot_price', {
        reference: item.reference,
        reason: nested(refusalMessage(outcome.refusal)),
      }),
      { refusal: outcome.refusal },
    );
  }
  return outcome.result;
}

/** The engine's refusal as a message: its wording is shared/pricing/labels.ts's. */
export function refusalMessage(refusal: RefusalDetail): Message {
  switch (refusal.code) {
    case 'defective_not_priced':
      return say('pricing.refusal.defective_not_priced');
    case 'sealed_with_findings':
      return say('pricing.refusal.sealed_with_findings', {
        findings: nested(findingsMessage(refusal.findings)),
      });
  }
}

const FINDING_LISTS = [
  'pricing.findings.1',
  'pricing.findings.2',
  'pricing.findings.3',
  'pricing.findings.4',
] as const;
const SLOTS = ['a', 'b', 'c', 'd'] as const;

/** The findings as a list, each in the reader's words (there are four kinds: one list per length). */
function findingsMessage(findings: readonly SealedFinding[]): Message {
  const shown = [...new Set(findings)].slice(0, SLOTS.length);
  const code = FINDING_LISTS[Math.max(0, shown.length - 1)]!;
  return say(
    code,
    Object.fromEntries(
      shown.map((finding, index) => [SLOTS[index]!, nested(say(`pricing.finding.${finding}`))]),
    ),
  );
}

export async function insertPrice(
  trx: Transaction<Database>,
  item: ItemRecord,
  result: PriceResult,
  decision: {
    decision: PriceProposal['decision'];
    decidedBy: number | null;
    reason: string | null;
    at: string;
  },
): Promise<number> {
  const steps: StoredStep[] = result.steps.map((step) => ({
    code: step.code,
    label: step.label,
    deltaCents: step.deltaCents,
    params: step.params,
  }));
  const row = await trx
    .insertInto('prices')
    .values({
      item_id: item.id,
      currency: result.currency,
      original_cents: result.originalCents,
      proposed_cents: result.proposedCents,
      floor_cents: result.floorCents,
      net_cents: result.netCents,
      steps: JSON.stringify(steps),
      decision: decision.decision,
      decided_by: decision.decidedBy,
      decided_at: decision.decision === 'pending' ? null : decision.at,
      reason: decision.reason,
      created_at: decision.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
