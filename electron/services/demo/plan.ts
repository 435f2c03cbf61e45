import type { FunctionalTest, Grade, PackagingState } from '../../../shared/domain/grades';
import type { Currency } from '../../../shared/domain/money';
import { checkReturnWindow } from '../../../shared/domain/returnWindow';
import type { ItemStatus, WindowResult } from '../../../shared/domain/status';
import { DEMO_MERCHANT, DEMO_PROFILES, demoProduct, type DemoProduct, type DemoProfile } from './catalogue';
import type { PhotoView } from './images';
import type { PriceResult } from '../../../shared/pricing';
import { DEMO_POLICY, demoFees, priceScenario } from './pricing';
import { Random, hashString } from './random';
import { DEMO_SCENARIOS, type DemoDefect, type DemoScenario } from './scenarios';
import { list, money as moneyParam, nested, say, term, type Message } from '../../../shared/messages';
import { andList, joinProblems } from '../intake/shared';

/**
 * Turns the hand-written scenarios into finished rows: dates relative to "now", references,
 * photos to shoot, price traces, listings, sales and each item's history. Pure (no database,
 * no files), so it can be checked on its own and the writer stays a plain list of inserts.
 */

export const DEMO_SEED = 20240611;

type ProfileKey = DemoProfile['key'];

export interface PlannedEvent {
  readonly at: string;
  readonly by: ProfileKey;
  readonly kind: string;
  /** The history line, drawn in each reader's language. */
  readonly text: Message;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface PlannedPhoto {
  readonly view: PhotoView;
  readonly takenAt: string;
  readonly seed: number;
  /** Draw the product's box beside it (only when the item still has its box). */
  readonly boxBeside: boolean;
  readonly boxDamaged: boolean;
  readonly sealed: boolean;
  /** Index into the item's defects of the defect this photo shows close up. */
  readonly showsDefect: number | null;
}

export interface PlannedPrice extends PriceResult {
  readonly createdAt: string;
  readonly decision: 'pending' | 'approved' | 'auto_approved' | 'rejected';
  readonly decidedBy: ProfileKey | null;
  readonly decidedAt: string | null;
  readonly reason: string | null;
}

export interface PlannedListing {
  readonly remoteListingId: string;
  readonly url: string;
  readonly status: 'live' | 'ended';
  readonly priceCents: number;
  readonly endReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface PlannedSale {
  readonly orderId: string;
  readonly lineId: string;
  readonly soldAt: string;
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly feesCents: number;
  readonly vatCents: number;
  readonly vatRateBp: number;
  readonly buyerCountry: string;
}

export interface PlannedItem {
  readonly reference: string;
  readonly scenario: DemoScenario;
  readonly product: DemoProduct;
  readonly status: ItemStatus;
  readonly grade: Grade | null;
  readonly packaging: PackagingState | null;
  readonly functionalTest: FunctionalTest;
  readonly orderReference: string;
  readonly orderLine: number;
  readonly deliveredAt: string;
  readonly receivedAt: string;
  readonly windowResult: WindowResult;
  readonly gradedAt: string | null;
  readonly updatedAt: string;
  readonly disposition: string | null;
  readonly defects: readonly DemoDefect[];
  readonly photos: readonly PlannedPhoto[];
  readonly price: PlannedPrice | null;
  readonly listing: PlannedListing | null;
  readonly sale: PlannedSale | null;
  readonly events: readonly PlannedEvent[];
}

/** Statuses at which an item carries a price proposal. */
const PRICED_STATUSES: ReadonlySet<ItemStatus> = new Set([
  'priced',
  'awaiting_approval',
  'approved',
  'listed',
  'sold',
  'rejected',
]);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type DemoCountry = 'IE' | 'DE' | 'FR' | 'NL' | 'BE';

const COUNTRIES: Record<string, { name: string; vatBp: number }> = {
  IE: { name: 'Ireland', vatBp: 2300 },
  DE: { name: 'Germany', vatBp: 1900 },
  FR: { name: 'France', vatBp: 2000 },
  NL: { name: 'the Netherlands', vatBp: 2100 },
  BE: { name: 'Belgium', vatBp: 2100 },
};

/** Defects a camera can see; "does not power on" has nothing to photograph. */
export function isVisible(defect: DemoDefect): boolean {
  return defect.kind !== 'not_working' && defect.kind !== 'other';
}

const money = (cents: number) => moneyParam(cents, DEMO_MERCHANT.currency);

/** A rate for a sentence, in whole percent (34): the trace keeps the exact figures. */
function percent(bp: number): number {
  return Math.round(bp / 100);
}

function windowText(result: WindowResult): Message {
  return result === 'within_merchant'
    ? say('workspace.demo.window.within_merchant', { days: DEMO_MERCHANT.returnWindowDays })
    : say(`workspace.demo.window.${result}`);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The stages an item went through to reach its status, in order. */
type Stage =
  | 'graded'
  | 'photos'
  | 'priced'
  | 'sent'
  | 'auto_approved'
  | 'approved'
  | 'rejected'
  | 'listed'
  | 'sold'
  | 'restocked'
  | 'disposition_asked'
  | 'disposition_decided'
  | 'returned'
  | 'recycled';

function stagesFor(status: ItemStatus, autoApprovable: boolean): Stage[] {
  const approval: Stage[] = autoApprovable ? ['auto_approved'] : ['sent', 'approved'];
  switch (status) {
    case 'received':
      return ['photos'];
    case 'graded':
      return ['graded', 'photos'];
    case 'photographed':
      return ['graded', 'photos'];
    case 'priced':
      return ['graded', 'photos', 'priced'];
    case 'awaiting_approval':
      return ['graded', 'photos', 'priced', 'sent'];
    case 'approved':
      return ['graded', 'photos', 'priced', ...approval];
    case 'listed':
      return ['graded', 'photos', 'priced', ...approval, 'listed'];
    case 'sold':
      return ['graded', 'photos', 'priced', ...approval, 'listed', 'sold'];
    case 'restocked':
      return ['graded', 'photos', 'restocked'];
    case 'returned_to_merchant':
      return ['graded', 'photos', 'disposition_asked', 'disposition_decided', 'returned'];
    case 'destroyed':
      return ['graded', 'photos', 'disposition_asked', 'disposition_decided', 'recycled'];
    case 'rejected':
      return ['graded', 'photos', 'priced', 'sent', 'rejected'];
  }
}

/** How long after the previous stage each one happened, as [min, max] milliseconds. */
const GAPS: Record<Stage, readonly [number, number]> = {
  graded: [25 * MINUTE, 20 * HOUR],
  photos: [4 * MINUTE, 25 * MINUTE],
  priced: [2 * MINUTE, 8 * MINUTE],
  sent: [20_000, 90_000],
  auto_approved: [1_000, 5_000],
  approved: [3 * HOUR, 30 * HOUR],
  rejected: [3 * HOUR, 30 * HOUR],
  listed: [1 * HOUR, 6 * HOUR],
  sold: [1 * DAY, 9 * DAY],
  restocked: [1 * HOUR, 8 * HOUR],
  disposition_asked: [2 * MINUTE, 15 * MINUTE],
  disposition_decided: [4 * HOUR, 40 * HOUR],
  returned: [2 * DAY, 7 * DAY],
  recycled: [2 * DAY, 7 * DAY],
};

/** Stages a person does at the desk or in the merchant's office, on a working day's hours. */
const OFFICE_STAGES: ReadonlySet<Stage> = new Set([
  'graded',
  'approved',
  'rejected',
  'listed',
  'restocked',
  'disposition_decided',
  'returned',
  'recycled',
]);

/** The next moment within office hours (08:00–18:00 UTC, close to Dublin time) at or after `ms`. */
function inOfficeHours(ms: number, rng: Random): number {
  const hour = Math.floor((ms % DAY) / HOUR);
  if (hour >= 8 && hour < 18) return ms;
  const day = ms - (ms % DAY) + (hour >= 18 ? DAY : 0);
  return day + 8 * HOUR + rng.int(5, 100) * MINUTE + rng.int(0, 59) * 1000;
}

/**
 * When each stage happened: the gaps after arrival, with people's stages moved into office
 * hours. When that story does not fit before `limit` (an item that arrived this morning), the
 * plain gaps are squeezed into the time there was instead.
 */
function timeline(
  stages: readonly Stage[],
  gaps: readonly number[],
  receivedMs: number,
  limit: number,
  rng: Random,
): Map<Stage, number> {
  const times = new Map<Stage, number>();
  let t = receivedMs;
  for (const [i, stage] of stages.entries()) {
    t += gaps[i]!;
    if (OFFICE_STAGES.has(stage)) t = inOfficeHours(t, rng);
    times.set(stage, t);
  }
  if (t <= limit) return times;
  const total = gaps.reduce((a, b) => a + b, 0);
  const factor = Math.min(1, (limit - receivedMs) / total);
  t = receivedMs;
  for (const [i, stage] of stages.entries()) {
    t += Math.max(1000, Math.floor(gaps[i]! * factor));
    times.set(stage, t);
  }
  return times;
}

function photoViews(s: DemoScenario): { view: PhotoView; showsDefect: number | null }[] {
  const defects = s.defects ?? [];
  const visible = defects.findIndex(isVisible);
  const closeUp = visible >= 0 ? { view: 'detail' as const, showsDefect: visible } : null;
  const plain = (view: PhotoView) => ({ view, showsDefect: null });
  switch (s.status) {
    case 'received':
      return [plain('front')];
    case 'restocked':
      return [plain('box'), plain('label')];
    case 'graded':
    case 'returned_to_merchant':
    case 'destroyed':
      return [plain('front'), closeUp ?? plain('angle')];
    default: {
      const third = closeUp ?? (s.packaging === 'opened_intact' ? plain('box') : null);
      return third ? [plain('front'), plain('angle'), third] : [plain('front'), plain('angle')];
    }
  }
}

function gradedSummary(s: DemoScenario): Message {
  const facts: Message[] = [];
  if (s.packaging) facts.push(say(`workspace.demo.fact.${s.packaging}`));
  if (s.functionalTest === 'passed') facts.push(say('workspace.demo.fact.test_passed'));
  if (s.functionalTest === 'failed') facts.push(say('workspace.demo.fact.test_failed'));
  if (s.reset) facts.push(say('workspace.demo.fact.reset'));
  if (s.cleaned) facts.push(say('workspace.demo.fact.cleaned'));
  if (s.repackaged) facts.push(say('workspace.demo.fact.repackaged'));
  const grade = term('grade', s.grade!);
  const parts: Message[] = [
    facts.length > 0
      ? say('workspace.demo.graded', { condition: grade, facts: nested(andList(facts)) })
      : say('workspace.demo.graded_plain', { condition: grade }),
  ];
  if (s.missing && s.missing.length > 0)
    parts.push(say('workspace.demo.missing', { names: list(s.missing) }));
  const n = s.defects?.length ?? 0;
  if (n > 0) parts.push(say('workspace.demo.defects', { count: n }));
  return joinProblems(parts);
}

/** The approver's answer about a defective item, with the note they gave. */
function decidedText(approver: string, disposition: string, note: string): Message {
  const decision = say(
    disposition === 'recycle' ? 'workspace.demo.decided_recycle' : 'workspace.demo.decided_return',
    {
      approver,
    },
  );
  return note ? say('workspace.demo.with_note', { decision: nested(decision), note }) : decision;
}

interface Draft {
  scenario: DemoScenario;
  product: DemoProduct;
  receivedMs: number;
  orderReference: string;
  orderLine: number;
  stageTimes: Map<Stage, number>;
  photosMs: number;
  price: PriceResult | null;
  windowResult: WindowResult;
}

export function buildDemoPlan(now: Date, seed: number = DEMO_SEED): PlannedItem[] {
  const root = new Random(seed);
  const nowMs = now.getTime();
  const dayStart = (ms: number) => ms - (ms % DAY);
  const usedOrders = new Set<string>();

  const drafts: Draft[] = DEMO_SCENARIOS.map((scenario, index) => {
    const rng = new Random(seed ^ hashString(`scenario-${index}`));
    const product = demoProduct(scenario.product);
    // Earlier days' returns arrived in office hours. Today's arrived a little while ago, so they
    // are in the past whatever the time, and in the same order (hence the same references).
    const officeTime = rng.int(8 * 60, 16 * 60) * MINUTE + rng.int(0, 59) * 1000;
    const minutesAgo = rng.int(30, 150);
    const receivedMs =
      scenario.receivedDaysAgo === 0
        ? nowMs - minutesAgo * MINUTE
        : dayStart(nowMs - scenario.receivedDaysAgo * DAY) + officeTime;

    const price =
      scenario.grade !== null && PRICED_STATUSES.has(scenario.status)
        ? priceScenario(product.originalCents, DEMO_MERCHANT.currency as Currency, scenario)
        : null;

    const stages = stagesFor(scenario.status, price !== null && !price.needsApproval);
    const gaps = stages.map((stage) => {
      const [min, max] = GAPS[stage];
      // Today's arrivals are graded within the hour, not overnight.
      const cap = stage === 'graded' && scenario.receivedDaysAgo <= 1 ? Math.min(max, 50 * MINUTE) : max;
      return min + Math.floor(rng.next() * (cap - min));
    });
    const stageTimes = timeline(stages, gaps, receivedMs, nowMs - 5 * MINUTE, rng);

    const deliveredMs = dayStart(receivedMs) - scenario.daysWithCustomer * DAY;
    const window = checkReturnWindow({
      deliveredAt: isoDate(deliveredMs),
      receivedAt: isoDate(receivedMs),
      merchantWindowDays: DEMO_MERCHANT.returnWindowDays,
    });
    // The shop's order numbers grow by roughly 40 a day.
    let orderNumber = 318_400 - (scenario.receivedDaysAgo + scenario.daysWithCustomer) * 41 - rng.int(3, 38);
    let orderReference = `LHT-${orderNumber}`;
    while (usedOrders.has(orderReference)) orderReference = `LHT-${++orderNumber}`;
    usedOrders.add(orderReference);

    return {
      scenario,
      product,
      receivedMs,
      orderReference,
      orderLine: rng.pick([1, 1, 1, 2, 2, 3]),
      stageTimes,
      photosMs: stageTimes.get('photos')!,
      price,
      windowResult: window.result,
    };
  });

  // Rebound numbers items in the order they arrived.
  const ordered = [...drafts].sort((a, b) => a.receivedMs - b.receivedMs);
  const listingIds = new Map<Draft, number>();
  [...drafts]
    .filter((d) => d.stageTimes.has('listed'))
    .sort((a, b) => a.stageTimes.get('listed')! - b.stageTimes.get('listed')!)
    .forEach((d, i) => listingIds.set(d, 40_117 + i * 3));
  const saleIds = new Map<Draft, number>();
  [...drafts]
    .filter((d) => d.stageTimes.has('sold'))
    .sort((a, b) => a.stageTimes.get('sold')! - b.stageTimes.get('sold')!)
    .forEach((d, i) => saleIds.set(d, 7_302 + i * 2));

  return ordered.map((draft, index) =>
    finishItem(
      draft,
      `RB-${String(index + 1).padStart(6, '0')}`,
      listingIds.get(draft),
      saleIds.get(draft),
      root,
    ),
  );
}

function finishItem(
  draft: Draft,
  reference: string,
  listingId: number | undefined,
  saleNumber: number | undefined,
  root: Random,
): PlannedItem {
  const s = draft.scenario;
  const product = draft.product;
  const iso = (ms: number) => new Date(ms).toISOString();
  const at = (stage: Stage) => {
    const ms = draft.stageTimes.get(stage);
    if (ms === undefined) throw new Error(`${reference} has no ${stage} stage`);
    return iso(ms);
  };
  const approver = DEMO_PROFILES.find((p) => p.key === 'approver')!.name;
  const deliveredAt = isoDate(draft.receivedMs - (draft.receivedMs % DAY) - s.daysWithCustomer * DAY);
  const windowResult = draft.windowResult;
  const events: PlannedEvent[] = [];
  const event = (
    stage: Stage | null,
    by: ProfileKey,
    kind: string,
    text: Message,
    data: Record<string, unknown>,
  ) => events.push({ at: stage === null ? iso(draft.receivedMs) : at(stage), by, kind, text, data });

  event(
    null,
    'staff',
    'item.received',
    say('workspace.demo.received', {
      order: draft.orderReference,
      reason: term('reason', s.reason),
      count: s.daysWithCustomer,
      window: nested(windowText(windowResult)),
    }),
    {
      status: 'received',
      orderReference: draft.orderReference,
      orderLine: draft.orderLine,
      returnReason: s.reason,
      returnNote: s.note,
      deliveredAt,
      windowResult,
    },
  );

  if (s.grade !== null) {
    if (s.grade === 'new_sealed' && s.status !== 'restocked')
      throw new Error(`${reference}: sealed items are restocked`);
    if (s.grade === 'defective' && draft.price)
      throw new Error(`${reference}: defective items are never priced`);
    event('graded', 'staff', 'item.graded', gradedSummary(s), {
      status: 'graded',
      grade: s.grade,
      packaging: s.packaging ?? null,
      functionalTest: s.functionalTest ?? 'not_done',
      factoryReset: s.reset === true,
      cleaned: s.cleaned === true,
      repackaged: s.repackaged === true,
      accessoriesMissing: s.missing ?? [],
      defects: s.defects ?? [],
    });
  } else if (s.status !== 'received') {
    throw new Error(`${reference}: only received items have no grade`);
  }

  const views = photoViews(s);
  const photos: PlannedPhoto[] = views.map((v, i) => ({
    view: v.view,
    takenAt: iso(draft.photosMs - (views.length - 1 - i) * 40_000),
    seed: hashString(`${reference}/${i}/${v.view}`),
    boxBeside: s.packaging === 'opened_intact' || s.packaging === 'damaged',
    boxDamaged: s.packaging === 'damaged',
    sealed: s.packaging === 'sealed',
    showsDefect: v.showsDefect,
  }));
  const n = photos.length;
  const views_ = { count: n, views: photos.map((ph) => ph.view) };
  switch (s.status) {
    case 'received':
      event('photos', 'staff', 'photos.added', say('workspace.demo.photo_intake'), views_);
      break;
    case 'graded':
      event('photos', 'staff', 'photos.added', say('workspace.demo.photos_desk', { count: n }), views_);
      break;
    case 'restocked':
      event('photos', 'staff', 'photos.added', say('workspace.demo.photos_sealed', { count: n }), views_);
      break;
    case 'returned_to_merchant':
    case 'destroyed':
      event('photos', 'staff', 'photos.added', say('workspace.demo.photos_decision', { count: n }), views_);
      break;
    default:
      event('photos', 'staff', 'photos.added', say('workspace.demo.photos_added', { count: n }), {
        status: 'photographed',
        ...views_,
      });
  }

  let price: PlannedPrice | null = null;
  const p = draft.price;
  if (p) {
    const trace = {
      originalCents: p.originalCents,
      proposedCents: p.proposedCents,
      floorCents: p.floorCents,
      netCents: p.netCents,
      discountBp: p.discountBp,
    };
    event(
      'priced',
      'staff',
      'price.proposed',
      say('workspace.demo.price_proposed', {
        price: money(p.proposedCents),
        discount: percent(p.discountBp),
        original: money(p.originalCents),
        net: money(p.netCents),
      }),
      { status: 'priced', ...trace, steps: p.steps },
    );
    let decision: PlannedPrice['decision'] = 'pending';
    let decidedBy: ProfileKey | null = null;
    let decidedAt: string | null = null;
    let reason: string | null = null;
    if (draft.stageTimes.has('sent')) {
      event('sent', 'staff', 'price.sent_for_approval', say('workspace.demo.sent', { approver }), {
        status: 'awaiting_approval',
        approver,
      });
    }
    if (draft.stageTimes.has('auto_approved')) {
      decision = 'auto_approved';
      decidedAt = at('auto_approved');
      event(
        'auto_approved',
        'staff',
        'price.auto_approved',
        say('workspace.demo.auto_approved', {
          discount: percent(p.discountBp),
          limit: percent(DEMO_POLICY.autoApproveMaxDiscountBp),
        }),
        { status: 'approved', decision, proposedCents: p.proposedCents },
      );
    }
    if (draft.stageTimes.has('approved')) {
      decision = 'approved';
      decidedBy = 'approver';
      decidedAt = at('approved');
      event(
        'approved',
        'approver',
        'price.approved',
        say('workspace.demo.approved', { approver, price: money(p.proposedCents) }),
        {
          status: 'approved',
          decision,
          proposedCents: p.proposedCents,
        },
      );
    }
    if (draft.stageTimes.has('rejected')) {
      decision = 'rejected';
      decidedBy = 'approver';
      decidedAt = at('rejected');
      reason = s.rejectReason ?? null;
      if (!reason) throw new Error(`${reference}: a rejection needs the merchant's reason`);
      event('rejected', 'approver', 'price.rejected', say('workspace.demo.rejected', { approver, reason }), {
        status: 'rejected',
        decision,
        reason,
      });
    }
    if (['priced', 'awaiting_approval', 'rejected'].includes(s.status) && !p.needsApproval) {
      throw new Error(`${reference}: this price would have been approved automatically`);
    }
    price = { ...p, createdAt: at('priced'), decision, decidedBy, decidedAt, reason };
  }

  let listing: PlannedListing | null = null;
  let sale: PlannedSale | null = null;
  if (p && listingId !== undefined) {
    const url = `rebound-practice://listing/${listingId}`;
    event(
      'listed',
      'staff',
      'listing.published',
      say('workspace.demo.listed', { price: money(p.proposedCents) }),
      {
        status: 'listed',
        channel: 'practice',
        listingId: String(listingId),
        url,
        priceCents: p.proposedCents,
      },
    );
    if (saleNumber !== undefined) {
      const country = s.buyerCountry ?? 'IE';
      const vat = COUNTRIES[country];
      if (!vat) throw new Error(`${reference}: no VAT rate for ${country}`);
      const shippingCents = product.bulky ? 995 : 495;
      const feesCents = demoFees(p.proposedCents);
      // Prices include VAT: the VAT share of a gross amount, rounded half up, in integers.
      const vatCents = Math.floor(
        (p.proposedCents * vat.vatBp + (10000 + vat.vatBp) / 2) / (10000 + vat.vatBp),
      );
      sale = {
        orderId: `PM-${String(saleNumber).padStart(6, '0')}`,
        lineId: '1',
        soldAt: at('sold'),
        priceCents: p.proposedCents,
        shippingCents,
        feesCents,
        vatCents,
        vatRateBp: vat.vatBp,
        buyerCountry: country,
      };
      event(
        'sold',
        'staff',
        'sale.recorded',
        say('workspace.demo.sold', {
          price: money(p.proposedCents),
          shipping: money(shippingCents),
          buyer: nested(say(`workspace.demo.buyer.${country as DemoCountry}`)),
        }),
        {
          status: 'sold',
          channel: 'practice',
          orderId: sale.orderId,
          priceCents: sale.priceCents,
          shippingCents,
          feesCents,
          feesEstimated: true,
          buyerCountry: country,
        },
      );
    }
    listing = {
      remoteListingId: String(listingId),
      url,
      status: sale ? 'ended' : 'live',
      priceCents: p.proposedCents,
      endReason: sale ? 'sold' : null,
      createdAt: at('listed'),
      updatedAt: sale ? sale.soldAt : at('listed'),
    };
  }

  let disposition: string | null = null;
  if (s.status === 'restocked') {
    disposition = 'restock';
    event(
      'restocked',
      'staff',
      'item.restocked',
      say('workspace.demo.restocked', { merchant: DEMO_MERCHANT.name }),
      { status: 'restocked', disposition },
    );
  }
  if (draft.stageTimes.has('disposition_asked') || (s.grade === 'defective' && s.status === 'graded')) {
    // A defective item still at the desk is waiting for exactly this answer.
    const askedAt = draft.stageTimes.get('disposition_asked') ?? draft.photosMs + 2 * MINUTE;
    events.push({
      at: iso(askedAt),
      by: 'staff',
      kind: 'item.disposition_requested',
      text: say('workspace.demo.disposition_asked', { approver }),
      data: { approver },
    });
  }
  if (draft.stageTimes.has('disposition_decided')) {
    disposition = s.status === 'destroyed' ? 'recycle' : 'return_to_merchant';
    const note = s.dispositionNote ?? '';
    event(
      'disposition_decided',
      'approver',
      'item.disposition_decided',
      decidedText(approver, disposition, note),
      { disposition, note },
    );
  }
  const batchRng = root.fork(reference);
  if (s.status === 'returned_to_merchant') {
    const batch = `RTM-${String(batchRng.int(31, 48)).padStart(4, '0')}`;
    event(
      'returned',
      'staff',
      'item.returned_to_merchant',
      say('workspace.demo.returned', { merchant: DEMO_MERCHANT.name, batch }),
      {
        status: 'returned_to_merchant',
        batch,
      },
    );
  }
  if (s.status === 'destroyed') {
    const note = `WEEE-${batchRng.int(2200, 2399)}`;
    event('recycled', 'staff', 'item.destroyed', say('workspace.demo.recycled', { note }), {
      status: 'destroyed',
      collectionNote: note,
    });
  }

  events.sort((a, b) => a.at.localeCompare(b.at));
  return {
    reference,
    scenario: s,
    product,
    status: s.status,
    grade: s.grade,
    packaging: s.grade === null ? null : (s.packaging ?? null),
    functionalTest: s.functionalTest ?? 'not_done',
    orderReference: draft.orderReference,
    orderLine: draft.orderLine,
    deliveredAt,
    receivedAt: iso(draft.receivedMs),
    windowResult,
    gradedAt: draft.stageTimes.has('graded') ? at('graded') : null,
    updatedAt: events.at(-1)!.at,
    disposition,
    defects: s.defects ?? [],
    photos,
    price,
    listing,
    sale,
    events,
  };
}
