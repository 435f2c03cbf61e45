import { formatMoney } from '../domain/money';
import type { Language } from '../domain/status';
import {
  chooseCondition,
  describedAs,
  isNewCondition,
  type ConditionRule,
  type EbayCondition,
} from './conditions';
import { DraftFactsSchema, type DraftFacts } from './facts';
import { escapeHtml, findHtmlProblems, listingHtml, tag } from './html';
import { fitConditionSentences, joinSentences, whySentences, type Sentence } from './sentences';
import {
  fillTemplate,
  resolveTemplate,
  TemplateOverridesSchema,
  validateTemplate,
  type DescriptionTemplate,
  type TemplateIssue,
  type TemplateOverrides,
  type TemplateValue,
} from './templates';
import { buildTitle } from './title';

/**
 * "Why is it discounted?": from an item's recorded facts, the title, eBay condition, condition
 * description and listing description in one language. Pure: the same facts always give the
 * same draft, so a draft can be rebuilt whenever the facts, the price or the template change.
 */

export type DraftChannel = 'ebay' | 'shop';

export interface DraftOptions {
  /** The merchant's changes to the default template for this language. */
  readonly template?: TemplateOverrides;
  /** The condition ids the eBay category allows (Metadata API), when known. */
  readonly allowedConditionIds?: readonly number[];
  /** 'ebay' (default) or 'shop': only the shop description shows prices. */
  readonly channel?: DraftChannel;
  /** Locale for amounts, e.g. 'de-CH' for a Swiss merchant; defaults to the language's main market. */
  readonly locale?: string;
}

export interface ListingDraft {
  readonly ok: true;
  readonly language: Language;
  readonly channel: DraftChannel;
  /** At most 80 characters, cut on a word, the condition last. */
  readonly title: string;
  readonly conditionEnum: EbayCondition;
  readonly conditionId: number;
  /** Which mapping rule chose the condition (before any category fallback). */
  readonly conditionRule: ConditionRule;
  /** The grade's condition when the category made us fall back to a worse one, else null. */
  readonly conditionFallbackFrom: EbayCondition | null;
  /**
   * Plain text, at most 1000 characters. Empty for the new conditions (NEW, LIKE_NEW, NEW_OTHER,
   * NEW_WITH_DEFECTS): eBay ignores the field there, so the reasons live in `html` only.
   */
  readonly conditionDescription: string;
  /** What `conditionDescription` joins, each sentence with its facts ([] when it is empty). */
  readonly conditionSentences: readonly Sentence[];
  /** The whole "why" section, every defect included, each sentence with its facts: what `html` lists. */
  readonly sentences: readonly Sentence[];
  /** The listing description: escaped product text plus the "why" section; allow-listed tags only. */
  readonly html: string;
}

export type DraftRefusal =
  | { readonly ok: false; readonly reason: 'not_listable'; readonly message: string }
  | {
      readonly ok: false;
      readonly reason: 'no_allowed_condition';
      readonly mapped: EbayCondition;
      readonly allowedConditionIds: readonly number[];
      readonly message: string;
    }
  | {
      readonly ok: false;
      readonly reason: 'invalid_facts';
      readonly issues: readonly string[];
      readonly message: string;
    }
  | {
      readonly ok: false;
      readonly reason: 'invalid_template';
      readonly issues: readonly TemplateIssue[];
      readonly message: string;
    };

export type DraftResult = ListingDraft | DraftRefusal;

/** The market each language's amounts are written for, unless the merchant says otherwise. */
export const DEFAULT_LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE' };

/** Prices as template values: strings in text, `<strong>`/`<s>` in HTML. */
function priceValues(facts: DraftFacts, locale: string): Record<string, TemplateValue> {
  const { originalCents, currency } = facts.product;
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const values: Record<string, TemplateValue> = { originalPrice: money(originalCents) };
  if (facts.proposedCents === null) return values;
  const saving = Math.max(0, originalCents - facts.proposedCents);
  const price = money(facts.proposedCents);
  const original = money(originalCents);
  values.price = { text: price, html: tag('strong', escapeHtml(price)) };
  values.originalPrice = { text: original, html: tag('s', escapeHtml(original)) };
  values.saving = money(saving);
  // Rounded down: a description never promises a bigger saving than the real one.
  const share = originalCents > 0 ? Math.floor((saving * 100) / originalCents) / 100 : 0;
  values.savingPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
  return values;
}

function buildHtml(
  facts: DraftFacts,
  template: DescriptionTemplate,
  sentences: readonly Sentence[],
  channel: DraftChannel,
  locale: string,
): string {
  const values: Record<string, TemplateValue> = {
    brand: facts.product.brand ?? '',
    model: facts.product.model ?? '',
    title: facts.product.title,
    ...priceValues(facts, locale),
  };
  const html = (text: string) => fillTemplate(text, values, 'html');
  // eBay shows the price itself and restricts reference ("was") prices, so only the shop
  // description strikes the original price through.
  let priceLineHtml = '';
  if (channel === 'shop' && facts.proposedCents !== null) {
    priceLineHtml =
      facts.proposedCents < facts.product.originalCents
        ? html(template.priceLine)
        : html(template.priceLineNoDiscount);
  }
  return listingHtml({
    productDescription: facts.product.description,
    priceLineHtml,
    headingHtml: html(template.heading),
    introHtml: html(template.intro),
    sentences: sentences.map((s) => s.text),
    closingHtml: html(template.closing),
  });
}

/**
 * Drafts the listing for one item in one language, or says why it cannot be listed:
 * a defective item, a category that allows no fitting condition, facts or a template that do
 * not validate.
 */
export function draftListing(facts: DraftFacts, lang: Language, options: DraftOptions = {}): DraftResult {
  const parsedFacts = DraftFactsSchema.safeParse(facts);
  if (!parsedFacts.success) {
    return {
      ok: false,
      reason: 'invalid_facts',
      issues: parsedFacts.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      message: 'The item’s facts are incomplete or malformed.',
    };
  }
  if (options.template !== undefined && !TemplateOverridesSchema.safeParse(options.template).success) {
    return {
      ok: false,
      reason: 'invalid_template',
      issues: validateTemplate(options.template).issues,
      message: 'The merchant’s description template is not valid.',
    };
  }
  const f = parsedFacts.data;
  const choice = chooseCondition(f.item, options.allowedConditionIds);
  if (!choice.ok) return choice;

  const template = resolveTemplate(lang, options.template);
  const channel = options.channel ?? 'ebay';
  const locale = options.locale ?? DEFAULT_LOCALES[lang];

  const title = buildTitle({
    brand: f.product.brand,
    model: f.product.model,
    productTitle: f.product.title,
    // chooseCondition has refused a defective item, so there is always a key here.
    conditionWords: template.titleCondition[describedAs(f.item) ?? 'not_working'],
    separator: template.titleSeparator,
  });

  const sentences = whySentences(f.item, lang, template);
  const conditionSentences = isNewCondition(choice.condition)
    ? []
    : fitConditionSentences(f.item, lang, template);
  const html = buildHtml(f, template, sentences, channel, locale);
  const problems = findHtmlProblems(html);
  if (problems.length > 0) {
    // Cannot happen with escaped data; if it ever does, no unsafe description leaves this module.
    throw new Error(`Drafted HTML failed its own safety check: ${problems.join('; ')}`);
  }

  return {
    ok: true,
    language: lang,
    channel,
    title,
    conditionEnum: choice.condition,
    conditionId: choice.conditionId,
    conditionRule: choice.rule,
    conditionFallbackFrom: choice.condition === choice.mapped ? null : choice.mapped,
    conditionDescription: joinSentences(conditionSentences),
    conditionSentences,
    sentences,
    html,
  };
}

/** What `rebound describe ITEM --lang … --json` prints. */
export function describeJson(draft: ListingDraft): {
  title: string;
  conditionEnum: EbayCondition;
  conditionId: number;
  conditionDescription: string;
  html: string;
} {
  return {
    title: draft.title,
    conditionEnum: draft.conditionEnum,
    conditionId: draft.conditionId,
    conditionDescription: draft.conditionDescription,
    html: draft.html,
  };
}

export {
  applyAllowedConditions,
  chooseCondition,
  CONDITION_DESCRIPTION_MAX,
  describedAs,
  doesNotWork,
  EBAY_CONDITION_IDS,
  isNewCondition,
  mapCondition,
  NEW_CONDITIONS,
  type ConditionChoice,
  type ConditionRefusal,
  type ConditionRule,
  type EbayCondition,
} from './conditions';
export {
  DraftDefectSchema,
  DraftFactsSchema,
  draftFactsFromItem,
  listingPhotoOrder,
  type DraftDefect,
  type DraftFacts,
  type DraftItem,
  type DraftProduct,
} from './facts';
export { ALLOWED_TAGS, escapeHtml, findHtmlProblems, paragraphsHtml, type AllowedTag } from './html';
export {
  fitConditionSentences,
  formatSize,
  joinSentences,
  orderDefects,
  whySentences,
  type FactKey,
  type Sentence,
} from './sentences';
export {
  DEFAULT_TEMPLATES,
  DescriptionTemplateSchema,
  fillTemplate,
  resolveTemplate,
  TemplateOverridesSchema,
  TITLE_CONDITION_KEYS,
  validateTemplate,
  type DescriptionTemplate,
  type TemplateIssue,
  type TemplateOverrides,
  type TitleConditionKey,
} from './templates';
export { buildTitle, codePointLength, TITLE_MAX } from './title';
