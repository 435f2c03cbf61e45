/**
 * Each item of the eBay check as the seller reads it: what was found, whether it blocks
 * publishing, and what to do about it. Its own file because this wording is most of the check and
 * changes on its own; the reading is in checkReads.ts, the assembling in check.ts.
 */
import type {
  EbayCheckItem,
  EbayCheckKey,
  EbayMarketplace,
  EbayOption,
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
import en from '../../../../shared/i18n/en';
import type { Queryable } from '../../db/queryable';
import { MARKETPLACES, type EbaySettings } from './config';
import { failureMessage, plural, POLICY, type PolicyKind } from './checkReads';

export const SETTINGS_FIX = 'in Settings → eBay';
const CHECK_AGAIN = 'Check the internet connection and run the eBay check again in a minute.';

const quote = (o: EbayOption): string => (o.name && o.name !== o.id ? `“${o.name}” (${o.id})` : o.id);

export function item(
  key: EbayCheckKey,
  ok: boolean,
  blocking: boolean,
  message: string,
  fix: string | null,
): EbayCheckItem {
  return { key, ok, blocking, message, fix: ok ? null : fix };
}

export function policyItem(
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

export function locationItem(
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

export function categoryItem(settings: EbaySettings | null): EbayCheckItem {
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

export function conditionsItem(
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

export async function languageItem(
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

/** The options in a fix, when there are few enough to read in one line. */
function named(options: readonly EbayOption[]): string {
  return options.length > 0 && options.length <= 5 ? ` (${options.map(quote).join(', ')})` : '';
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
