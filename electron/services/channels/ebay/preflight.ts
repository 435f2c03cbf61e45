import { z } from 'zod';
import {
  EBAY_CHECK_KEYS,
  EbayChooseInput,
  type EbayCheck,
  type EbayCheckItem,
  type EbayCheckKey,
  type EbayMarketplace,
  type EbayOption,
} from '../../../../shared/contract/ebay';
import {
  applyAllowedConditions,
  EBAY_CONDITION_IDS,
  mapCondition,
  type EbayCondition,
} from '../../../../shared/descriptions/conditions';
import type { DraftItem } from '../../../../shared/descriptions/facts';
import { GRADES, isListable, type Grade } from '../../../../shared/domain/grades';
import { LANGUAGES } from '../../../../shared/domain/status';
import { AppError } from '../../../../shared/errors';
import en from '../../../../shared/i18n/en';
import type { Queryable } from '../../db/queryable';
import type { Clock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
import { ChannelError } from '../channel';
import {
  EBAY_CREDENTIALS_NEEDED,
  loadEbayAccount,
  loadEbaySettings,
  MARKETPLACES,
  type EbaySettings,
  type StoredEbayAccount,
} from './config';
import { readFailure } from './errors';
import type { SecretBox } from './secrets';
import { forgetEbaySessions, secretBoxFor, sessionFor } from './service';

/**
 * eBay pre-flight: before anything is published, every piece publishOffer needs (the connection,
 * the seller's three business policies, a location, a category and the conditions it allows) is
 * looked up on eBay and reported, each with what to do when it is missing. A remote failure
 * fails its own item only, so the seller still sees everything else.
 */

const SETTINGS_FIX = 'in Settings → eBay';
const CHECK_TIMEOUT_MS = 15_000;
const CHECK_AGAIN = 'Check the internet connection and run the eBay check again in a minute.';

type PolicyKind = 'fulfillment' | 'payment' | 'return';
const POLICY_KINDS: readonly PolicyKind[] = ['fulfillment', 'payment', 'return'];
const POLICY: Record<
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

/** The key Rebound gives the location it creates: stable per merchant, within eBay's 36 characters. */
export function locationKeyFor(merchantId: number): string {
  return `rebound-${merchantId}`;
}

const quote = (o: EbayOption): string => (o.name && o.name !== o.id ? `“${o.name}” (${o.id})` : o.id);

function item(
  key: EbayCheckKey,
  ok: boolean,
  blocking: boolean,
  message: string,
  fix: string | null,
): EbayCheckItem {
  return { key, ok, blocking, message, fix: ok ? null : fix };
}

/** eBay's answer through its schema; an answer in another form is a plain failure of that item. */
function readAnswer<T>(schema: z.ZodType<T>, answer: unknown, what: string): T {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new Error(`eBay answered about ${what} in a form Rebound cannot read.`);
  return parsed.data;
}

function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isAuthFailure(error: unknown): boolean {
  return error instanceof ChannelError && error.kind === 'auth';
}

/** What pre-flight reads from eBay; each part settles on its own. */
interface Remote {
  readonly policies: Record<PolicyKind, PromiseSettledResult<EbayOption[]>>;
  readonly locations: PromiseSettledResult<EbayOption[]>;
  /** null: no category to ask about. */
  readonly conditions: PromiseSettledResult<EbayCondition[] | null> | null;
}

async function readRemote(
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

async function readLocations(api: Api, session: Session): Promise<EbayOption[]> {
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

function policyItem(
  kind: PolicyKind,
  settings: EbaySettings,
  found: PromiseSettledResult<EbayOption[]>,
): { item: EbayCheckItem; options: EbayOption[] } {
  const { key, setting, label, cliOption } = POLICY[kind];
  const market = settings.marketplace;
  const chosen = settings[setting] as string | undefined;
  if (found.status === 'rejected') {
    return {
      item: item(
        key,
        false,
        true,
        `Could not read the ${plural(label)} from eBay: ${failureMessage(found.reason)}`,
        CHECK_AGAIN,
      ),
      options: [],
    };
  }
  const options = found.value;
  const choose = (id: string) => `choose it ${SETTINGS_FIX} (or \`rebound ebay choose ${cliOption} ${id}\`).`;
  const create = `Create a ${label} for ${market} in eBay’s Seller Hub (Account → Business policies), then run the check again.`;
  if (chosen !== undefined) {
    const match = options.find((o) => o.id === chosen);
    if (match) return { item: item(key, true, true, `${capital(label)} ${quote(match)}.`, null), options };
    return {
      item: item(
        key,
        false,
        true,
        `The chosen ${label} ${chosen} is not among the seller’s ${plural(label)} for ${market}.`,
        options.length === 0
          ? create
          : options.length === 1
            ? `The seller has one: ${quote(options[0]!)} — ${choose(options[0]!.id)}`
            : `Choose one of the seller’s ${options.length} ${plural(label)}${named(options)} ${SETTINGS_FIX}.`,
      ),
      options,
    };
  }
  if (options.length === 0) {
    return {
      item: item(key, false, true, `The seller has no ${label} for ${market} on eBay.`, create),
      options,
    };
  }
  if (options.length === 1) {
    const only = options[0]!;
    return {
      item: item(
        key,
        false,
        true,
        `No ${label} chosen; the seller has one for ${market}: ${quote(only)}.`,
        `Use ${quote(only)}: ${choose(only.id)}`,
      ),
      options,
    };
  }
  return {
    item: item(
      key,
      false,
      true,
      `No ${label} chosen; the seller has ${options.length} for ${market}.`,
      `Choose one of them${named(options)} ${SETTINGS_FIX} (or \`rebound ebay choose ${cliOption} ID\`).`,
    ),
    options,
  };
}

function locationItem(
  merchantId: number,
  settings: EbaySettings,
  found: PromiseSettledResult<EbayOption[]>,
): { item: EbayCheckItem; options: EbayOption[] } {
  if (found.status === 'rejected') {
    return {
      item: item(
        'location',
        false,
        true,
        `Could not read the inventory locations from eBay: ${failureMessage(found.reason)}`,
        CHECK_AGAIN,
      ),
      options: [],
    };
  }
  const options = found.value;
  const chosen = settings.merchantLocationKey;
  const create = `create one from the merchant’s address with “Create location” ${SETTINGS_FIX} (or \`rebound ebay location --merchant ${merchantId}\`)`;
  if (chosen !== undefined) {
    const match = options.find((o) => o.id === chosen);
    if (match) return { item: item('location', true, true, `Location ${quote(match)}.`, null), options };
    return {
      item: item(
        'location',
        false,
        true,
        `The chosen location ${chosen} does not exist on eBay.`,
        options.length > 0
          ? `Choose one of the seller’s locations${named(options)}, or ${create}.`
          : `${capital(create)}.`,
      ),
      options,
    };
  }
  if (options.length === 0) {
    return {
      item: item(
        'location',
        false,
        true,
        'The seller has no inventory location on eBay.',
        `${capital(create)}.`,
      ),
      options,
    };
  }
  if (options.length === 1) {
    const only = options[0]!;
    return {
      item: item(
        'location',
        false,
        true,
        `No location chosen; the seller has one: ${quote(only)}.`,
        `Use ${quote(only)}: choose it ${SETTINGS_FIX} (or \`rebound ebay choose --location ${only.id}\`).`,
      ),
      options,
    };
  }
  return {
    item: item(
      'location',
      false,
      true,
      `No location chosen; the seller has ${options.length} locations.`,
      `Choose one of them${named(options)} ${SETTINGS_FIX}, or ${create}.`,
    ),
    options,
  };
}

function categoryItem(settings: EbaySettings | null): EbayCheckItem {
  if (settings?.categoryId !== undefined) {
    return item('category', true, true, `Listings go in eBay category ${settings.categoryId}.`, null);
  }
  return item(
    'category',
    false,
    true,
    'No eBay category is chosen for the listings.',
    `Enter the eBay category id (digits, a leaf category) ${SETTINGS_FIX} (or \`rebound ebay choose --category ID\`).`,
  );
}

/**
 * Items standing for each listable grade, as staff record them: spotless, with a minor scratch,
 * and with a major stain and no packaging. Through `mapCondition` they reach every condition a
 * grade can map to (not-working items aside: they are FOR_PARTS_OR_NOT_WORKING whatever the
 * grade), so the mapping stays in one place.
 */
function sampleItems(grade: Grade): DraftItem[] {
  const base: DraftItem = {
    grade,
    packaging: 'opened_intact',
    accessoriesExpected: [],
    accessoriesMissing: [],
    functionalTest: 'passed',
    factoryReset: false,
    cleaned: false,
    repackaged: false,
    defects: [],
  };
  const defect = { id: 1, position: 1, location: '', sizeMm: null, note: '' };
  return [
    base,
    { ...base, defects: [{ ...defect, kind: 'scratch', severity: 'minor' }] },
    { ...base, packaging: 'missing', defects: [{ ...defect, kind: 'stain', severity: 'major' }] },
  ];
}

/** Per listable grade: the conditions it maps to, and those of them the category would refuse. */
export function refusedGrades(
  allowed: readonly EbayCondition[],
): { grade: Grade; mapped: EbayCondition[]; refused: EbayCondition[] }[] {
  const allowedIds = allowed.map((c) => EBAY_CONDITION_IDS[c]);
  return GRADES.filter(isListable).map((grade) => {
    const mapped = new Set<EbayCondition>();
    const refused = new Set<EbayCondition>();
    for (const sample of sampleItems(grade)) {
      const choice = mapCondition(sample);
      if (!choice.ok) continue;
      mapped.add(choice.mapped);
      if (!applyAllowedConditions(choice, sample, allowedIds).ok) refused.add(choice.mapped);
    }
    return { grade, mapped: [...mapped], refused: [...refused] };
  });
}

function conditionsItem(
  settings: EbaySettings,
  found: PromiseSettledResult<EbayCondition[] | null> | null,
): { item: EbayCheckItem; allowed: EbayCondition[] } {
  if (found === null || settings.categoryId === undefined) {
    return {
      item: item(
        'conditions',
        false,
        false,
        'Not checked: choose a category first.',
        'Choose the category, then run the check again.',
      ),
      allowed: [],
    };
  }
  const category = settings.categoryId;
  if (found.status === 'rejected') {
    return {
      item: item(
        'conditions',
        false,
        true,
        `Could not read the conditions category ${category} allows: ${failureMessage(found.reason)}`,
        CHECK_AGAIN,
      ),
      allowed: [],
    };
  }
  if (found.value === null) {
    return {
      item: item(
        'conditions',
        false,
        false,
        `eBay has no condition policy for category ${category} on ${settings.marketplace}.`,
        'Check that the category id is a leaf category of this marketplace; listings will use the conditions Rebound maps to.',
      ),
      allowed: [],
    };
  }
  const allowed = found.value;
  const grades = refusedGrades(allowed);
  const mappedAll = new Set(grades.flatMap((g) => g.mapped));
  const refused = grades.filter((g) => g.refused.length > 0);
  const allowedText = allowed.length > 0 ? allowed.join(', ') : 'no condition';
  if (!allowed.some((c) => mappedAll.has(c))) {
    return {
      item: item(
        'conditions',
        false,
        true,
        `Category ${category} allows ${allowedText}: none of the conditions Rebound’s grades map to.`,
        `Choose another category ${SETTINGS_FIX}.`,
      ),
      allowed,
    };
  }
  if (refused.length === 0) {
    return {
      item: item('conditions', true, false, `Category ${category} accepts every grade Rebound lists.`, null),
      allowed,
    };
  }
  const names = refused.map((g) => {
    const label = en.grades[g.grade];
    return g.refused.length === g.mapped.length
      ? label
      : `${label} (when it maps to ${g.refused.join(' or ')})`;
  });
  return {
    item: item(
      'conditions',
      false,
      false,
      `Category ${category} allows only ${allowedText}: eBay would refuse items graded ${names.join(', ')}.`,
      'Publish those items elsewhere (the shop, another channel), or choose a category that allows their conditions.',
    ),
    allowed,
  };
}

async function languageItem(
  db: Queryable,
  merchantId: number,
  marketplace: EbayMarketplace | null,
): Promise<EbayCheckItem> {
  if (marketplace === null) {
    return item(
      'language',
      false,
      false,
      'Not checked: no marketplace is configured.',
      'Configure eBay first.',
    );
  }
  const locale = MARKETPLACES[marketplace].locale;
  const lang = locale.slice(0, 2);
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  if ((LANGUAGES as readonly string[]).includes(lang)) {
    return item(
      'language',
      true,
      false,
      `${marketplace} lists in ${names.of(lang) ?? lang}, which Rebound drafts in.`,
      null,
    );
  }
  const merchant = await db
    .selectFrom('merchants')
    .select('language')
    .where('id', '=', merchantId)
    .executeTakeFirst();
  const fallback = merchant?.language ?? 'en';
  return item(
    'language',
    false,
    false,
    `${marketplace} lists in ${names.of(lang) ?? lang}, which Rebound does not draft in: the titles and descriptions will be in ${names.of(fallback) ?? fallback}.`,
    'Check the listings read well for buyers there, or choose a marketplace in English, French or German.',
  );
}

const REMOTE_KEYS: readonly EbayCheckKey[] = [
  'fulfillmentPolicy',
  'paymentPolicy',
  'returnPolicy',
  'location',
  'conditions',
];

/** Pre-flight for one merchant: never throws for what it finds, only for a missing merchant. */
export async function checkEbay(ws: Workspace, clock: Clock, merchantId: number): Promise<EbayCheck> {
  const checkedAt = new Date(clock.now()).toISOString();
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select('id')
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant) throw new AppError('not_found', `No merchant ${merchantId}.`);

  let account: StoredEbayAccount | null = null;
  let unreadable: string | null = null;
  try {
    account = await loadEbayAccount(ws.kysely, secretBoxFor(ws), merchantId);
  } catch (error) {
    unreadable = failureMessage(error);
  }
  const settings = account?.settings ?? null;
  const marketplace = settings?.marketplace ?? null;
  const items = new Map<EbayCheckKey, EbayCheckItem>();
  const options = {
    fulfillmentPolicies: [] as EbayOption[],
    paymentPolicies: [] as EbayOption[],
    returnPolicies: [] as EbayOption[],
    locations: [] as EbayOption[],
  };
  let allowedConditions: EbayCondition[] = [];

  const notChecked = (why: string) => {
    for (const key of REMOTE_KEYS) items.set(key, item(key, false, true, `Not checked: ${why} first.`, null));
  };
  const notCheckedFix = (fix: string) => {
    for (const key of REMOTE_KEYS) items.set(key, { ...items.get(key)!, fix });
  };

  if (!account || !settings) {
    items.set(
      'connection',
      item(
        'connection',
        false,
        true,
        unreadable ?? 'eBay is not configured for this merchant.',
        unreadable
          ? `Enter the app id, cert id and RuName again ${SETTINGS_FIX} (or \`rebound ebay configure\`), then connect.`
          : `Enter the eBay app id, cert id and RuName ${SETTINGS_FIX} (or \`rebound ebay configure\`), then connect.`,
      ),
    );
    notChecked('configure and connect eBay');
    notCheckedFix(`Configure and connect eBay ${SETTINGS_FIX}.`);
  } else if (account.secrets.refreshToken === null) {
    items.set(
      'connection',
      item(
        'connection',
        false,
        true,
        `eBay (${settings.marketplace}) is configured but not connected: the seller has not agreed yet.`,
        `Connect ${SETTINGS_FIX}: the seller signs in on eBay and agrees (or \`rebound ebay connect-url\`).`,
      ),
    );
    notChecked('connect');
    notCheckedFix(`Connect eBay ${SETTINGS_FIX}.`);
  } else {
    let remote: Remote | null = null;
    let authError: unknown;
    try {
      remote = await readRemote(ws, clock, merchantId, settings);
      const all = [
        ...Object.values(remote.policies),
        remote.locations,
        ...(remote.conditions ? [remote.conditions] : []),
      ];
      // One refused token refuses every call: the connection is what to fix, not each item.
      const refused = all.find(
        (r): r is PromiseRejectedResult => r.status === 'rejected' && isAuthFailure(r.reason),
      );
      authError = refused ? refused.reason : null;
    } catch (error) {
      // Building the session failed (unreadable secrets): nothing remote could be asked.
      authError = error;
    }
    if (authError !== null || remote === null) {
      items.set(
        'connection',
        item(
          'connection',
          false,
          true,
          failureMessage(authError),
          `Reconnect eBay ${SETTINGS_FIX}: the seller signs in on eBay and agrees again.`,
        ),
      );
      notChecked('reconnect');
      notCheckedFix(`Reconnect eBay ${SETTINGS_FIX}.`);
    } else {
      items.set(
        'connection',
        item(
          'connection',
          true,
          true,
          `Connected to eBay ${settings.marketplace}${settings.sandbox ? ' (sandbox)' : ''}.`,
          null,
        ),
      );
      for (const kind of POLICY_KINDS) {
        const { item: it, options: found } = policyItem(kind, settings, remote.policies[kind]);
        items.set(it.key, it);
        options[`${kind}Policies`] = found;
      }
      const location = locationItem(merchantId, settings, remote.locations);
      items.set('location', location.item);
      options.locations = location.options;
      const conditions = conditionsItem(settings, remote.conditions);
      items.set('conditions', conditions.item);
      allowedConditions = conditions.allowed;
    }
  }
  items.set('category', categoryItem(settings));
  items.set('language', await languageItem(ws.kysely, merchantId, marketplace));

  const ordered: EbayCheckItem[] = EBAY_CHECK_KEYS.map((key) => items.get(key)!);
  return {
    merchantId,
    marketplace,
    ready: ordered.every((i) => i.ok || !i.blocking),
    checkedAt,
    items: ordered,
    options,
    allowedConditions,
    chosen: {
      fulfillmentPolicyId: settings?.fulfillmentPolicyId ?? null,
      paymentPolicyId: settings?.paymentPolicyId ?? null,
      returnPolicyId: settings?.returnPolicyId ?? null,
      merchantLocationKey: settings?.merchantLocationKey ?? null,
      categoryId: settings?.categoryId ?? null,
    },
  };
}

/** The options in a fix, when there are few enough to read in one line. */
function named(options: readonly EbayOption[]): string {
  return options.length > 0 && options.length <= 5 ? ` (${options.map(quote).join(', ')})` : '';
}

/** "payment policy" → "payment policies". */
function plural(label: string): string {
  return label.replace(/policy$/, 'policies');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Replaces the stored settings JSON of the merchant's eBay account, leaving the sealed secret alone. */
async function updateSettings(
  ws: Workspace,
  clock: Clock,
  merchantId: number,
  change: (settings: EbaySettings) => EbaySettings,
): Promise<void> {
  const account = await loadEbayAccount(ws.kysely, secretBoxFor(ws), merchantId);
  if (!account) {
    throw new AppError(
      'conflict',
      'eBay is not configured for this merchant: enter the app’s keys in Settings → eBay (or `rebound ebay configure`) first.',
    );
  }
  await ws.kysely
    .updateTable('channel_accounts')
    .set({
      settings: JSON.stringify(change(account.settings)),
      updated_at: new Date(clock.now()).toISOString(),
    })
    .where('id', '=', account.id)
    .execute();
  // The adapters' cached sessions hold the settings they were built with: publish with these.
  forgetEbaySessions(ws);
}

/** Chooses policies, location and category (only those given), then checks again. */
export async function chooseEbay(ws: Workspace, clock: Clock, raw: unknown): Promise<EbayCheck> {
  const { merchantId, ...chosen } = EbayChooseInput.parse(raw);
  await updateSettings(ws, clock, merchantId, (settings) => {
    const next: EbaySettings = { ...settings };
    for (const [key, value] of Object.entries(chosen) as [keyof typeof chosen, string | undefined][]) {
      if (value !== undefined) next[key] = value;
    }
    return next;
  });
  return checkEbay(ws, clock, merchantId);
}

// --- the merchant's address → an eBay warehouse location ----------------------------------------

/** What eBay's Address takes for a warehouse: country and a postal code, or city and state. */
export interface LocationAddress {
  readonly country: string;
  readonly postalCode?: string;
  readonly city?: string;
  readonly stateOrProvince?: string;
}

/**
 * Country names as merchants write them (English, French, German, and the usual short forms),
 * for the countries Rebound's marketplaces and their neighbours are in.
 */
const COUNTRIES: Record<string, readonly string[]> = {
  US: [
    'us',
    'usa',
    'u.s.a.',
    'u.s.',
    'united states',
    'united states of america',
    'etats-unis',
    'vereinigte staaten',
  ],
  GB: [
    'gb',
    'uk',
    'u.k.',
    'united kingdom',
    'great britain',
    'england',
    'scotland',
    'wales',
    'northern ireland',
    'royaume-uni',
    'grossbritannien',
    'vereinigtes konigreich',
  ],
  IE: ['ie', 'ireland', 'eire', 'irlande', 'irland'],
  DE: ['de', 'germany', 'deutschland', 'allemagne'],
  FR: ['fr', 'france', 'frankreich'],
  IT: ['it', 'italy', 'italia', 'italie', 'italien'],
  ES: ['es', 'spain', 'espana', 'espagne', 'spanien'],
  NL: ['nl', 'netherlands', 'the netherlands', 'holland', 'nederland', 'pays-bas', 'niederlande'],
  AT: ['at', 'austria', 'osterreich', 'autriche'],
  BE: ['be', 'belgium', 'belgique', 'belgie', 'belgien'],
  CH: ['ch', 'switzerland', 'schweiz', 'suisse', 'svizzera'],
  LU: ['lu', 'luxembourg', 'luxemburg'],
  PL: ['pl', 'poland', 'polska', 'pologne', 'polen'],
  DK: ['dk', 'denmark', 'danmark', 'danemark', 'danemark'],
  PT: ['pt', 'portugal'],
  CA: ['ca', 'canada', 'kanada'],
  AU: ['au', 'australia', 'australie', 'australien'],
};

const POSTAL_CODES: Record<string, RegExp> = {
  US: /\b(\d{5}(?:-\d{4})?)\b/,
  GB: /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/i,
  IE: /\b((?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4})\b/i,
  DE: /\b(\d{5})\b/,
  FR: /\b(\d{5})\b/,
  IT: /\b(\d{5})\b/,
  ES: /\b(\d{5})\b/,
  NL: /\b(\d{4}\s?[A-Z]{2})\b/i,
  AT: /\b(\d{4})\b/,
  BE: /\b(\d{4})\b/,
  CH: /\b(\d{4})\b/,
  LU: /\b(?:L-)?(\d{4})\b/i,
  DK: /\b(\d{4})\b/,
  PL: /\b(\d{2}-\d{3})\b/,
  PT: /\b(\d{4}-\d{3})\b/,
  CA: /\b([A-Z]\d[A-Z]\s?\d[A-Z]\d)\b/i,
  AU: /\b(\d{4})\b/,
};

const plain = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Reads country, postal code, city (and a US state) from the merchant's one-field address, e.g.
 * "Unit 7, Kilshane Road, Dublin 11, D11 K7P2, Ireland" or "Hauptstr. 5, 10115 Berlin, Deutschland".
 * The country is the last part; the postal code is looked for with that country's pattern.
 */
export function parseMerchantAddress(address: string): Partial<LocationAddress> {
  const parts = address
    .split(/[\n,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const last = parts.at(-1);
  const country = last
    ? Object.entries(COUNTRIES).find(([, names]) => names.includes(plain(last)))?.[0]
    : undefined;
  if (!country) return {};
  const rest = parts.slice(0, -1);
  const pattern = POSTAL_CODES[country];
  const out: { country: string; postalCode?: string; city?: string; stateOrProvince?: string } = { country };
  for (let i = rest.length - 1; i >= 0 && pattern; i -= 1) {
    const part = rest[i]!;
    const match = pattern.exec(part);
    if (!match?.[1]) continue;
    out.postalCode = match[1].toUpperCase();
    let remainder = part.replace(match[0], ' ').replace(/\s+/g, ' ').trim();
    if (country === 'US' || country === 'CA') {
      const state = /^([A-Z]{2})$/.exec(remainder);
      if (state?.[1]) {
        out.stateOrProvince = state[1];
        remainder = '';
      }
    }
    // The city is beside the code ("10115 Berlin") or, for a US state, the part before it; a
    // guess elsewhere could be a street, and eBay derives the city from the code anyway.
    const before = i > 0 ? rest[i - 1] : undefined;
    const city = remainder !== '' ? remainder : out.stateOrProvince ? before : undefined;
    if (city && /\p{L}/u.test(city)) out.city = city;
    break;
  }
  if (out.postalCode === undefined && (country === 'US' || country === 'CA') && rest.length >= 2) {
    // "Springfield, IL": a city and a state are enough for a warehouse.
    const state = /^([A-Z]{2})$/.exec(rest.at(-1)!);
    if (state?.[1]) {
      out.stateOrProvince = state[1];
      out.city = rest.at(-2)!;
    }
  }
  return out;
}

/** The address eBay accepts for a warehouse, or the piece that is missing, named for the merchant. */
function warehouseAddress(address: string): LocationAddress | string {
  if (address.trim() === '') return 'The merchant has no address';
  const parsed = parseMerchantAddress(address);
  if (!parsed.country) return 'The merchant’s address names no country (write it last, e.g. “…, Ireland”)';
  if (!parsed.postalCode && !(parsed.city && parsed.stateOrProvince)) {
    return 'The merchant’s address has no postal code eBay can read';
  }
  return parsed as LocationAddress;
}

/**
 * Creates the seller's warehouse on eBay from the merchant's address (key `rebound-<id>`) and
 * chooses it. Running it again, or after a crash between creating and saving, only chooses it.
 */
export async function createEbayLocation(
  ws: Workspace,
  clock: Clock,
  merchantId: number,
): Promise<EbayCheck> {
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'name', 'address'])
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant) throw new AppError('not_found', `No merchant ${merchantId}.`);
  const account = await loadEbayAccount(ws.kysely, secretBoxFor(ws), merchantId);
  if (!account || account.secrets.refreshToken === null) {
    throw new AppError(
      'conflict',
      'Connect eBay for this merchant first (Settings → eBay): the location is created on the seller’s eBay account.',
    );
  }
  const address = warehouseAddress(merchant.address);
  if (typeof address === 'string') {
    // Not bad input: the request is fine, the merchant's record lacks what eBay needs.
    throw new AppError(
      'conflict',
      `${address}: eBay needs the country and a postal code (or a city and state). Complete the address in Settings → Merchants, then create the location again.`,
    );
  }
  const key = locationKeyFor(merchantId);
  const { api, session } = await sessionFor(ws, clock, merchantId);
  try {
    const existing = await readLocations(api, session);
    if (!existing.some((l) => l.id === key)) {
      await session
        .call(
          'creating the inventory location',
          () =>
            api.sell.inventory.createInventoryLocation(key, {
              name: merchant.name.slice(0, 1000),
              locationTypes: ['WAREHOUSE'],
              merchantLocationStatus: 'ENABLED',
              location: { address },
            }) as Promise<unknown>,
        )
        .catch((error: unknown) => {
          // 25803: created in between (another window, a retry): it is the one we want.
          const cause = error instanceof Error ? error.cause : undefined;
          if (readFailure(cause).errors.some((e) => e.errorId === 25803)) return;
          throw error;
        });
    }
  } catch (error) {
    if (error instanceof ChannelError) {
      throw new AppError(
        isAuthFailure(error) ? 'unauthorized' : 'conflict',
        `The location could not be created on eBay: ${error.message}`,
      );
    }
    throw error;
  }
  await updateSettings(ws, clock, merchantId, (settings) => ({ ...settings, merchantLocationKey: key }));
  return checkEbay(ws, clock, merchantId);
}

// --- publishing's local gate ---------------------------------------------------------------------

/**
 * What the merchant's eBay account lacks for publishing, read from the database only (it runs
 * inside the publish transaction, where no network call belongs): null when nothing is missing.
 * The remote facts (do those ids still exist on eBay?) are the check's job.
 */
export async function ebayPublishGap(
  db: Queryable,
  box: SecretBox,
  merchantId: number,
): Promise<string | null> {
  // Settings without credentials (deleted when eBay's address changed): say so, not "unreadable".
  const stored = await loadEbaySettings(db, merchantId);
  if (stored && !stored.hasSecret) return EBAY_CREDENTIALS_NEEDED;
  let account: StoredEbayAccount | null;
  try {
    account = await loadEbayAccount(db, box, merchantId);
  } catch (error) {
    return `The eBay account cannot be read (${failureMessage(error)}): run the eBay check in Settings.`;
  }
  if (!account)
    return 'eBay is not configured for this merchant: set it up and run the eBay check in Settings.';
  const s = account.settings;
  const missing = [
    ...(account.secrets.refreshToken === null ? ['the connection (the seller has not agreed yet)'] : []),
    ...(s.fulfillmentPolicyId ? [] : ['the shipping policy']),
    ...(s.paymentPolicyId ? [] : ['the payment policy']),
    ...(s.returnPolicyId ? [] : ['the return policy']),
    ...(s.merchantLocationKey ? [] : ['the location']),
    ...(s.categoryId ? [] : ['the category']),
  ];
  if (missing.length === 0) return null;
  return `The eBay account is missing ${listWords(missing)}: run the eBay check in Settings.`;
}

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}
