/**
 * What the eBay check reads from eBay (the seller's business policies, inventory locations and a
 * category's allowed conditions), and how a failed read is told. Its own file because it is the
 * only part of the check that calls eBay, and creating a location (location.ts) reads the
 * locations through it too.
 */
import { z } from 'zod';
import type { EbayCheckKey, EbayMarketplace, EbayOption } from '../../../../shared/contract/ebay';
import { EBAY_CONDITION_IDS, type EbayCondition } from '../../../../shared/descriptions/conditions';
import type { Clock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
import { ChannelError } from '../channel';
import type { EbaySettings } from './config';
import { sessionFor } from './service';

const CHECK_TIMEOUT_MS = 15_000;

export type PolicyKind = 'fulfillment' | 'payment' | 'return';
export const POLICY_KINDS: readonly PolicyKind[] = ['fulfillment', 'payment', 'return'];
export const POLICY: Record<
  PolicyKind,
  { key: EbayCheckKey; setting: keyof EbaySettings; label: string; cliOption: string }
> = {
  fulfillment: {
    key: 'fulfillmentPolicy',
    setting: 'fulfillmentPolicyId',
    label: 'shipping (fulfillment) policy',
    cliOption: '--fulfillment-policy',
  },
  payment: {
    key: 'paymentPolicy',
    setting: 'paymentPolicyId',
    label: 'payment policy',
    cliOption: '--payment-policy',
  },
  return: {
    key: 'returnPolicy',
    setting: 'returnPolicyId',
    label: 'return policy',
    cliOption: '--return-policy',
  },
};

// eBay's answers, read only as far as pre-flight needs them (other fields pass through).
const Named = { name: z.string().optional() };
const POLICY_ANSWERS = {
  fulfillment: z
    .object({
      fulfillmentPolicies: z.array(z.object({ fulfillmentPolicyId: z.string(), ...Named })).optional(),
    })
    .transform((a) =>
      (a.fulfillmentPolicies ?? []).map((p) => ({ id: p.fulfillmentPolicyId, name: p.name ?? '' })),
    ),
  payment: z
    .object({ paymentPolicies: z.array(z.object({ paymentPolicyId: z.string(), ...Named })).optional() })
    .transform((a) => (a.paymentPolicies ?? []).map((p) => ({ id: p.paymentPolicyId, name: p.name ?? '' }))),
  return: z
    .object({ returnPolicies: z.array(z.object({ returnPolicyId: z.string(), ...Named })).optional() })
    .transform((a) => (a.returnPolicies ?? []).map((p) => ({ id: p.returnPolicyId, name: p.name ?? '' }))),
} satisfies Record<PolicyKind, z.ZodType<EbayOption[]>>;
const LocationPageSchema = z.object({
  total: z.number().int().optional(),
  locations: z.array(z.object({ merchantLocationKey: z.string(), name: z.string().optional() })).optional(),
});
const ConditionPoliciesSchema = z.object({
  itemConditionPolicies: z
    .array(
      z.object({
        categoryId: z.string(),
        itemConditions: z.array(z.object({ conditionId: z.string() })).optional(),
      }),
    )
    .optional(),
});

/** eBay's answer through its schema; an answer in another form is a plain failure of that item. */
function readAnswer<T>(schema: z.ZodType<T>, answer: unknown, what: string): T {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new Error(`eBay answered about ${what} in a form Rebound cannot read.`);
  return parsed.data;
}

export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isAuthFailure(error: unknown): boolean {
  return error instanceof ChannelError && error.kind === 'auth';
}

/** What pre-flight reads from eBay; each part settles on its own. */
export interface Remote {
  readonly policies: Record<PolicyKind, PromiseSettledResult<EbayOption[]>>;
  readonly locations: PromiseSettledResult<EbayOption[]>;
  /** null: no category to ask about. */
  readonly conditions: PromiseSettledResult<EbayCondition[] | null> | null;
}

export async function readRemote(
  ws: Workspace,
  clock: Clock,
  merchantId: number,
  settings: EbaySettings,
): Promise<Remote> {
  const { api, session } = await sessionFor(ws, clock, merchantId);
  // The seller waits in front of the Settings panel: a stalled eBay fails its item sooner than a
  // publish job's call would.
  api.req.instance.defaults.timeout = CHECK_TIMEOUT_MS;
  const marketplace = settings.marketplace;
  const policies = (kind: PolicyKind): Promise<EbayOption[]> =>
    session
      .call(`reading the ${plural(POLICY[kind].label)}`, () => {
        const account = api.sell.account;
        if (kind === 'fulfillment') return account.getFulfillmentPolicies(marketplace) as Promise<unknown>;
        if (kind === 'payment') return account.getPaymentPolicies(marketplace) as Promise<unknown>;
        return account.getReturnPolicies(marketplace) as Promise<unknown>;
      })
      .then((answer) => readAnswer(POLICY_ANSWERS[kind], answer, `the ${plural(POLICY[kind].label)}`));
  const [fulfillment, payment, ret, locations, conditions] = await Promise.allSettled([
    policies('fulfillment'),
    policies('payment'),
    policies('return'),
    readLocations(api, session),
    settings.categoryId === undefined
      ? Promise.resolve(null)
      : readAllowedConditions(api, session, marketplace, settings.categoryId),
  ]);
  return {
    policies: { fulfillment, payment, return: ret },
    locations,
    conditions: settings.categoryId === undefined ? null : conditions,
  };
}

type Session = Awaited<ReturnType<typeof sessionFor>>['session'];
type Api = Awaited<ReturnType<typeof sessionFor>>['api'];

export async function readLocations(api: Api, session: Session): Promise<EbayOption[]> {
  const out: EbayOption[] = [];
  const limit = 100;
  // A seller rarely has more than a few; the cap keeps a misbehaving answer from looping forever.
  for (let offset = 0; offset < 2000; offset += limit) {
    const page = readAnswer(
      LocationPageSchema,
      await session.call(
        'reading the inventory locations',
        () => api.sell.inventory.getInventoryLocations({ limit, offset }) as Promise<unknown>,
      ),
      'the inventory locations',
    );
    const found = page.locations ?? [];
    out.push(...found.map((l) => ({ id: l.merchantLocationKey, name: l.name ?? '' })));
    if (found.length < limit || (page.total !== undefined && out.length >= page.total)) break;
  }
  return out;
}

/** The category's allowed conditions; null when eBay has no condition policy for it. */
async function readAllowedConditions(
  api: Api,
  session: Session,
  marketplace: EbayMarketplace,
  categoryId: string,
): Promise<EbayCondition[] | null> {
  const answer = readAnswer(
    ConditionPoliciesSchema,
    await session.call(
      'reading the category’s conditions',
      () =>
        api.sell.metadata.getItemConditionPolicies(
          marketplace,
          `categoryIds:{${categoryId}}`,
        ) as Promise<unknown>,
    ),
    'the category’s conditions',
  );
  const policy = answer.itemConditionPolicies?.find((p) => p.categoryId === categoryId);
  if (!policy) return null;
  const byId = new Map<string, EbayCondition>(
    (Object.entries(EBAY_CONDITION_IDS) as [EbayCondition, number][]).map(([name, id]) => [String(id), name]),
  );
  // Conditions Rebound does not know (eBay adds some per category) cannot be chosen: skip them.
  return (policy.itemConditions ?? []).flatMap((c) => {
    const name = byId.get(c.conditionId);
    return name ? [name] : [];
  });
}

/** "payment policy" → "payment policies". */
export function plural(label: string): string {
  return label.replace(/policy$/, 'policies');
}
