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
import { AppError } from '../../../../shared/errors';
import { nested, say, term, type MessageParam, type StoredMessage } from '../../../../shared/messages';
import { englishText } from '../../../../shared/messages/render';
import type { Queryable } from '../../db/queryable';
import { MARKETPLACES, type EbaySettings } from './config';
import { ChannelError } from '../channel';
import { joinedWords } from '../words';
import { failureMessage, POLICY, type PolicyKind } from './checkReads';

export const SETTINGS_FIX = 'in Settings → eBay';
const CHECK_AGAIN = say('channels.preflight.check_again');

const quote = (o: EbayOption): string => (o.name && o.name !== o.id ? `“${o.name}” (${o.id})` : o.id);

/**
 * One item of the check: what was found and what to do, as messages drawn in the reader's
 * language, with their English drawing for logs, the CLI and older windows.
 */
export function item(
  key: EbayCheckKey,
  ok: boolean,
  blocking: boolean,
  message: StoredMessage,
  fix: StoredMessage | null,
): EbayCheckItem {
  const shownFix = ok ? null : fix;
  return {
    key,
    ok,
    blocking,
    message: englishText(message),
    fix: shownFix === null ? null : englishText(shownFix),
    text: message,
    fixText: shownFix,
  };
}

/** What went wrong reading from eBay: our explanation when the error carries one, else its words. */
export function remoteWords(error: unknown): MessageParam {
  const text = error instanceof AppError || error instanceof ChannelError ? error.text : null;
  return text ? nested(text) : failureMessage(error);
}

export function policyItem(
  kind: PolicyKind,
  settings: EbaySettings,
  found: PromiseSettledResult<EbayOption[]>,
): { item: EbayCheckItem; options: EbayOption[] } {
  const { key, setting } = POLICY[kind];
  const policy = nested(say(`channels.preflight.policy.${kind}`));
  const policies = nested(say(`channels.preflight.policies.${kind}`));
  const market = settings.marketplace;
  const chosen = settings[setting] as string | undefined;
  if (found.status === 'rejected') {
    return {
      item: item(
        key,
        false,
        true,
        say('channels.preflight.read_failed', { things: policies, remote: remoteWords(found.reason) }),
        CHECK_AGAIN,
      ),
      options: [],
    };
  }
  const options = found.value;
  const create = say('channels.preflight.policy_create', { policy, market });
  if (chosen !== undefined) {
    const match = options.find((o) => o.id === chosen);
    if (match) {
      return {
        item: item(
          key,
          true,
          true,
          say(`channels.preflight.policy_ok.${kind}`, { option: quote(match) }),
          null,
        ),
        options,
      };
    }
    return {
      item: item(
        key,
        false,
        true,
        say('channels.preflight.policy_missing', { policy, id: chosen, policies, market }),
        options.length === 0
          ? create
          : options.length === 1
            ? say('channels.preflight.policy_has_one', { option: quote(options[0]!) })
            : say('channels.preflight.policy_choose_of', {
                number: options.length,
                policies,
                named: named(options),
              }),
      ),
      options,
    };
  }
  if (options.length === 0) {
    return {
      item: item(key, false, true, say('channels.preflight.policy_none', { policy, market }), create),
      options,
    };
  }
  if (options.length === 1) {
    const only = quote(options[0]!);
    return {
      item: item(
        key,
        false,
        true,
        say('channels.preflight.policy_one_unchosen', { policy, market, option: only }),
        say('channels.preflight.policy_use', { option: only }),
      ),
      options,
    };
  }
  return {
    item: item(
      key,
      false,
      true,
      say('channels.preflight.policy_many_unchosen', { policy, market, number: options.length }),
      say('channels.preflight.policy_choose_them', { named: named(options) }),
    ),
    options,
  };
}

export function locationItem(
  settings: EbaySettings,
  found: PromiseSettledResult<EbayOption[]>,
): { item: EbayCheckItem; options: EbayOption[] } {
  if (found.status === 'rejected') {
    return {
      item: item(
        'location',
        false,
        true,
        say('channels.preflight.read_failed', {
          things: nested(say('channels.preflight.locations')),
          remote: remoteWords(found.reason),
        }),
        CHECK_AGAIN,
      ),
      options: [],
    };
  }
  const options = found.value;
  const chosen = settings.merchantLocationKey;
  const create = say('channels.preflight.location_create');
  if (chosen !== undefined) {
    const match = options.find((o) => o.id === chosen);
    if (match) {
      return {
        item: item(
          'location',
          true,
          true,
          say('channels.preflight.location_ok', { option: quote(match) }),
          null,
        ),
        options,
      };
    }
    return {
      item: item(
        'location',
        false,
        true,
        say('channels.preflight.location_missing', { id: chosen }),
        options.length > 0
          ? say('channels.preflight.location_choose_or_create', { named: named(options) })
          : create,
      ),
      options,
    };
  }
  if (options.length === 0) {
    return { item: item('location', false, true, say('channels.preflight.location_none'), create), options };
  }
  if (options.length === 1) {
    const only = quote(options[0]!);
    return {
      item: item(
        'location',
        false,
        true,
        say('channels.preflight.location_one_unchosen', { option: only }),
        say('channels.preflight.location_use', { option: only }),
      ),
      options,
    };
  }
  return {
    item: item(
      'location',
      false,
      true,
      say('channels.preflight.location_many_unchosen', { number: options.length }),
      say('channels.preflight.location_choose_them', { named: named(options) }),
    ),
    options,
  };
}

export function categoryItem(settings: EbaySettings | null): EbayCheckItem {
  if (settings?.categoryId !== undefined) {
    return item(
      'category',
      true,
      true,
      say('channels.preflight.category_ok', { id: settings.categoryId }),
      null,
    );
  }
  return item(
    'category',
    false,
    true,
    say('channels.preflight.category_none'),
    say('channels.preflight.category_fix'),
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
        say('channels.preflight.conditions_not_checked'),
        say('channels.preflight.conditions_not_checked_fix'),
      ),
      allowed: [],
    };
  }
  const id = settings.categoryId;
  if (found.status === 'rejected') {
    return {
      item: item(
        'conditions',
        false,
        true,
        say('channels.preflight.conditions_read_failed', { id, remote: remoteWords(found.reason) }),
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
        say('channels.preflight.conditions_no_policy', { id, market: settings.marketplace }),
        say('channels.preflight.conditions_no_policy_fix'),
      ),
      allowed: [],
    };
  }
  const allowed = found.value;
  const grades = refusedGrades(allowed);
  const mappedAll = new Set(grades.flatMap((g) => g.mapped));
  const refused = grades.filter((g) => g.refused.length > 0);
  // eBay's condition codes are eBay's words, shown as eBay writes them.
  const allowedText =
    allowed.length > 0 ? allowed.join(', ') : nested(say('channels.preflight.no_condition'));
  if (!allowed.some((c) => mappedAll.has(c))) {
    return {
      item: item(
        'conditions',
        false,
        true,
        say('channels.preflight.conditions_none_fit', { id, allowed: allowedText }),
        say('channels.preflight.conditions_other_category'),
      ),
      allowed,
    };
  }
  if (refused.length === 0) {
    return {
      item: item('conditions', true, false, say('channels.preflight.conditions_all_ok', { id }), null),
      allowed,
    };
  }
  const names = refused.map((g) =>
    g.refused.length === g.mapped.length
      ? say('channels.preflight.grade', { grade: term('grade', g.grade) })
      : say('channels.preflight.grade_when', {
          grade: term('grade', g.grade),
          conditions: g.refused.join(' / '),
        }),
  );
  return {
    item: item(
      'conditions',
      false,
      false,
      say('channels.preflight.conditions_some_refused', {
        id,
        allowed: allowedText,
        grades: joinedWords(names),
      }),
      say('channels.preflight.conditions_some_refused_fix'),
    ),
    allowed,
  };
}

/** A marketplace's language by name, in the reader's words; the code for one Rebound has no name for. */
function languageName(code: string): MessageParam {
  const known = ['en', 'fr', 'de', 'it', 'es', 'nl'] as const;
  const found = known.find((k) => k === code);
  return found ? nested(say(`channels.preflight.lang.${found}`)) : code;
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
      say('channels.preflight.language_not_checked'),
      say('channels.preflight.language_configure'),
    );
  }
  const lang = MARKETPLACES[marketplace].locale.slice(0, 2);
  if ((LANGUAGES as readonly string[]).includes(lang)) {
    return item(
      'language',
      true,
      false,
      say('channels.preflight.language_ok', { market: marketplace, language: languageName(lang) }),
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
    say('channels.preflight.language_other', {
      market: marketplace,
      language: languageName(lang),
      fallback: languageName(fallback),
    }),
    say('channels.preflight.language_other_fix'),
  );
}

/** The options in a fix, when there are few enough to read in one line. */
function named(options: readonly EbayOption[]): string {
  return options.length > 0 && options.length <= 5 ? ` (${options.map(quote).join(', ')})` : '';
}
