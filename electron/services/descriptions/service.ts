import crypto from 'node:crypto';
import type { z } from 'zod';
import type { ItemDetail } from '../../../shared/contract';
import {
  DESCRIPTION_LIMITS,
  type DescriptionRefusal,
  type DescriptionSaveInput,
  type DescriptionTemplateView,
  type DescriptionView,
  type ItemDescriptions,
  type TemplatePreview,
  type TemplateUpdateResult,
} from '../../../shared/contract/descriptions';
import {
  codePointLength,
  DEFAULT_TEMPLATES,
  draftFactsFromItem,
  draftListing,
  findHtmlProblems,
  TemplateOverridesSchema,
  validateTemplate,
  type DraftFacts,
  type DraftResult,
  type ListingDraft,
  type TemplateOverrides,
} from '../../../shared/descriptions';
import { sampleFacts } from '../../../shared/descriptions/sample';
import { LANGUAGES, type Language } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import { nested, say, type Message } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';
import { reachesMerchant } from '../../../shared/access';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { recordEvent } from '../events';
import { getItem } from '../items';
import type { Workspace } from '../workspace';

/** How summaries in the history name a language (the history is written in English). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'French',
  de: 'German',
};

type SaveParams = z.output<typeof DescriptionSaveInput>;

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The facts a kept edit was written against. Only what the text can describe counts (product and
 * grading facts), not the price: a new price does not make "small scratch on the lid" wrong.
 */
export function factsHash(facts: DraftFacts): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ product: facts.product, item: facts.item }))
    .digest('hex');
}

/** The merchant's stored changes to one language's template ({} when none). */
async function loadOverrides(ws: Workspace, merchantId: number, lang: Language): Promise<TemplateOverrides> {
  const row = await ws.kysely
    .selectFrom('description_templates')
    .select('overrides')
    .where('merchant_id', '=', merchantId)
    .where('language', '=', lang)
    .executeTakeFirst();
  if (!row) return {};
  // Stored only after validation; a row that no longer parses (a schema change) is reported by
  // draftListing as an invalid template rather than crashing every item page.
  return JSON.parse(row.overrides) as TemplateOverrides;
}

interface ItemContext {
  readonly item: ItemDetail;
  readonly merchantLanguage: Language;
  readonly facts: DraftFacts | null;
  readonly refusal: DescriptionRefusal | null;
}

async function itemContext(ws: Workspace, itemId: number): Promise<ItemContext> {
  const item = await getItem(ws, itemId);
  const extra = await ws.kysely
    .selectFrom('products')
    .innerJoin('merchants', 'merchants.id', 'products.merchant_id')
    .select(['products.description', 'merchants.language'])
    .where('products.id', '=', item.productId)
    .executeTakeFirstOrThrow();
  const merchantLanguage = isLanguage(extra.language) ? extra.language : 'en';
  if (item.grade === null) {
    return {
      item,
      merchantLanguage,
      facts: null,
      refusal: refusal('not_graded', say('descriptions.not_graded', { reference: item.reference })),
    };
  }
  if (item.grade === 'defective') {
    return {
      item,
      merchantLanguage,
      facts: null,
      refusal: refusal('not_listable', say('descriptions.defective', { reference: item.reference })),
    };
  }
  return { item, merchantLanguage, facts: draftFactsFromItem(item, extra.description), refusal: null };
}

async function draftFor(ws: Workspace, ctx: ItemContext, lang: Language): Promise<DraftResult> {
  if (!ctx.facts) throw new Error('draftFor needs facts');
  return draftListing(ctx.facts, lang, { template: await loadOverrides(ws, ctx.item.merchantId, lang) });
}

type StoredRow = {
  title: string;
  condition_text: string;
  html: string;
  kept: number;
  updated_at: string;
  facts_hash: string | null;
  edited_by_name: string | null;
};

async function storedRows(ws: Workspace, itemId: number): Promise<Map<string, StoredRow>> {
  const rows = await ws.kysely
    .selectFrom('descriptions')
    .leftJoin('profiles', 'profiles.id', 'descriptions.edited_by')
    .select([
      'descriptions.language',
      'descriptions.title',
      'descriptions.condition_text',
      'descriptions.html',
      'descriptions.kept',
      'descriptions.updated_at',
      'descriptions.facts_hash',
      'profiles.name as edited_by_name',
    ])
    .where('descriptions.item_id', '=', itemId)
    .execute();
  return new Map(rows.map((row) => [row.language, row]));
}

function toView(
  lang: Language,
  draft: ListingDraft,
  stored: StoredRow | undefined,
  hash: string,
): DescriptionView {
  const kept = stored !== undefined && stored.kept === 1;
  const base = {
    language: lang,
    conditionEnum: draft.conditionEnum,
    conditionId: draft.conditionId,
    sentences: draft.sentences,
    conditionSentences: draft.conditionSentences,
    draft: { title: draft.title, conditionDescription: draft.conditionDescription, html: draft.html },
  };
  if (!kept) {
    return {
      ...base,
      kept: false,
      editedBy: null,
      updatedAt: null,
      stale: false,
      title: draft.title,
      conditionDescription: draft.conditionDescription,
      html: draft.html,
    };
  }
  // Stored HTML was checked when it was saved; checked again here so that nothing unsafe can
  // reach a preview even if the row was written by something else. The draft stands in for it.
  const html = findHtmlProblems(stored.html).length === 0 ? stored.html : draft.html;
  return {
    ...base,
    kept: true,
    editedBy: stored.edited_by_name,
    updatedAt: stored.updated_at,
    stale: stored.facts_hash !== hash,
    title: stored.title,
    conditionDescription: stored.condition_text,
    html,
  };
}

function refusal(reason: DescriptionRefusal['reason'], text: Message): DescriptionRefusal {
  return { reason, message: englishText(text), text };
}

/** The drafter's refusal (shared/descriptions, English only) as a message of the same meaning. */
function draftRefusalText(result: Exclude<DraftResult, ListingDraft>): Message {
  switch (result.reason) {
    case 'not_listable':
      return say('descriptions.not_listable');
    case 'no_allowed_condition':
      return say('descriptions.no_allowed_condition', { condition: result.mapped });
    case 'invalid_facts':
      return say('descriptions.invalid_facts');
    case 'invalid_template':
      return say('descriptions.invalid_template');
  }
}

function refusalOf(result: Exclude<DraftResult, ListingDraft>): DescriptionRefusal {
  return { reason: result.reason, message: result.message, text: draftRefusalText(result) };
}

/**
 * An item's descriptions: per language the kept edit if there is one, else a fresh draft from
 * its facts and the merchant's template. A defective or ungraded item gets a refusal instead.
 */
export async function getDescriptions(
  ws: Workspace,
  itemId: number,
  lang?: Language,
): Promise<ItemDescriptions> {
  const ctx = await itemContext(ws, itemId);
  const result = {
    itemId: ctx.item.id,
    reference: ctx.item.reference,
    merchantId: ctx.item.merchantId,
    merchantLanguage: ctx.merchantLanguage,
    limits: DESCRIPTION_LIMITS,
  };
  if (ctx.refusal || !ctx.facts) return { ...result, refusal: ctx.refusal, descriptions: [] };
  const hash = factsHash(ctx.facts);
  const stored = await storedRows(ws, itemId);
  const descriptions: DescriptionView[] = [];
  for (const language of lang ? [lang] : LANGUAGES) {
    const draft = await draftFor(ws, ctx, language);
    if (!draft.ok) return { ...result, refusal: refusalOf(draft), descriptions: [] };
    descriptions.push(toView(language, draft, stored.get(language), hash));
  }
  return { ...result, refusal: null, descriptions };
}

/** One language's current view, or the refusal as an error (for writes, which need a text). */
async function currentView(
  ws: Workspace,
  itemId: number,
  lang: Language,
): Promise<{ ctx: ItemContext; view: DescriptionView; facts: DraftFacts }> {
  const ctx = await itemContext(ws, itemId);
  if (ctx.refusal || !ctx.facts) {
    throw new AppError('conflict', ctx.refusal?.text ?? say('descriptions.invalid_facts'));
  }
  const draft = await draftFor(ws, ctx, lang);
  if (!draft.ok) throw new AppError('conflict', draftRefusalText(draft), undefined, draft.message);
  const stored = await storedRows(ws, itemId);
  return { ctx, view: toView(lang, draft, stored.get(lang), factsHash(ctx.facts)), facts: ctx.facts };
}

/** An approver speaks for one merchant only; the other roles work for every merchant. */
function assertMayActFor(actor: Actor, merchantId: number): void {
  if (!reachesMerchant(actor, merchantId)) {
    throw new AppError('forbidden', say('descriptions.other_merchant', { name: actor.name }));
  }
}

const FAULT_LISTS = [
  'descriptions.problems.2',
  'descriptions.problems.3',
  'descriptions.problems.4',
] as const;
const SLOTS = ['a', 'b', 'c', 'd'] as const;

/** One sentence per fault, one after the other (there are at most four). */
function allFaults(faults: readonly Message[]): Message {
  if (faults.length === 1) return faults[0]!;
  const shown = faults.slice(0, SLOTS.length);
  return say(
    FAULT_LISTS[shown.length - 2]!,
    Object.fromEntries(shown.map((fault, index) => [SLOTS[index]!, nested(fault)])),
  );
}

/** Single line, no control characters: a title goes into eBay's one-line field as it is. */
function cleanTitle(title: string): string {
  return (
    title
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Staff's edit of one language, kept: from now on it is what gets listed in that language, even
 * when the facts change (they are then flagged `stale`, not overwritten). The history records
 * the text before and after.
 */
export async function saveDescription(
  ws: Workspace,
  actor: Actor,
  input: SaveParams,
): Promise<ItemDescriptions> {
  const { ctx, view, facts } = await currentView(ws, input.itemId, input.lang);
  assertMayActFor(actor, ctx.item.merchantId);
  const title = cleanTitle(input.title);
  const conditionDescription = input.conditionDescription.replace(/\r\n?/g, '\n');
  const faults: Message[] = [];
  if (title === '') faults.push(say('descriptions.title_empty'));
  if (codePointLength(title) > DESCRIPTION_LIMITS.title) {
    faults.push(
      say('descriptions.title_too_long', { length: codePointLength(title), limit: DESCRIPTION_LIMITS.title }),
    );
  }
  if (codePointLength(conditionDescription) > DESCRIPTION_LIMITS.conditionDescription) {
    faults.push(
      say('descriptions.condition_too_long', {
        length: codePointLength(conditionDescription),
        limit: DESCRIPTION_LIMITS.conditionDescription,
      }),
    );
  }
  const html = input.html ?? view.html;
  if (input.html !== undefined) {
    const htmlProblems = findHtmlProblems(input.html);
    if (htmlProblems.length > 0) {
      // The sanitiser's findings name tags and attributes: they stay as it wrote them.
      faults.push(say('descriptions.html_not_allowed', { problems: htmlProblems.slice(0, 5).join('; ') }));
    }
  }
  if (faults.length > 0) {
    const problems = faults.map((fault) => englishText(fault));
    throw new AppError('bad_input', allFaults(faults), { problems });
  }
  if (input.basedOn !== undefined && input.basedOn !== view.updatedAt) {
    throw new AppError(
      'conflict',
      say(`descriptions.edited_meanwhile.${input.lang}`, { reference: ctx.item.reference }),
    );
  }
  const before = { title: view.title, conditionDescription: view.conditionDescription, html: view.html };
  const after = { title, conditionDescription, html };
  const unchanged =
    view.kept &&
    before.title === after.title &&
    before.conditionDescription === after.conditionDescription &&
    before.html === after.html;
  // Saving what is already kept writes nothing: no empty event in the history.
  if (unchanged) return getDescriptions(ws, input.itemId);

  const now = nowIso();
  const hash = factsHash(facts);
  await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('descriptions')
      .values({
        item_id: ctx.item.id,
        language: input.lang,
        title,
        condition_enum: view.conditionEnum,
        condition_id: view.conditionId,
        condition_text: conditionDescription,
        html,
        edited_by: actor.profileId,
        kept: 1,
        updated_at: now,
        facts_hash: hash,
      })
      .onConflict((oc) =>
        oc.columns(['item_id', 'language']).doUpdateSet({
          title,
          condition_enum: view.conditionEnum,
          condition_id: view.conditionId,
          condition_text: conditionDescription,
          html,
          edited_by: actor.profileId,
          kept: 1,
          updated_at: now,
          facts_hash: hash,
        }),
      )
      .execute();
    const changed = (['title', 'conditionDescription', 'html'] as const).filter(
      (k) => before[k] !== after[k],
    );
    await recordEvent(trx, actor, {
      itemId: ctx.item.id,
      merchantId: ctx.item.merchantId,
      kind: 'description.edited',
      text: say(`descriptions.edited.${input.lang}`),
      data: { language: input.lang, changed, before, after },
      at: now,
    });
  });
  ws.changed('descriptions', 'items');
  return getDescriptions(ws, input.itemId);
}

/** Drops the kept edit: the language goes back to the draft generated from the facts. */
export async function resetDescription(
  ws: Workspace,
  actor: Actor,
  input: { itemId: number; lang: Language },
): Promise<ItemDescriptions> {
  const { ctx, view } = await currentView(ws, input.itemId, input.lang);
  assertMayActFor(actor, ctx.item.merchantId);
  // Nothing kept: already the generated draft, so nothing to record.
  if (!view.kept) return getDescriptions(ws, input.itemId);
  await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('descriptions')
      .where('item_id', '=', ctx.item.id)
      .where('language', '=', input.lang)
      .execute();
    await recordEvent(trx, actor, {
      itemId: ctx.item.id,
      merchantId: ctx.item.merchantId,
      kind: 'description.reset',
      text: say(`descriptions.reset.${input.lang}`),
      data: {
        language: input.lang,
        before: { title: view.title, conditionDescription: view.conditionDescription, html: view.html },
        after: view.draft,
      },
    });
  });
  ws.changed('descriptions', 'items');
  return getDescriptions(ws, input.itemId);
}

// ---------------------------------------------------------------------------------------------
// Templates

async function merchantOf(ws: Workspace, merchantId: number): Promise<{ id: number; currency: string }> {
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'currency'])
    .where('id', '=', merchantId)
    .executeTakeFirst();
  if (!merchant) throw new AppError('not_found', say('descriptions.no_merchant', { id: merchantId }));
  return merchant;
}

export async function getTemplate(
  ws: Workspace,
  merchantId: number,
  lang: Language,
): Promise<DescriptionTemplateView> {
  await merchantOf(ws, merchantId);
  const row = await ws.kysely
    .selectFrom('description_templates')
    .leftJoin('profiles', 'profiles.id', 'description_templates.updated_by')
    .select(['description_templates.overrides', 'description_templates.updated_at', 'profiles.name'])
    .where('description_templates.merchant_id', '=', merchantId)
    .where('description_templates.language', '=', lang)
    .executeTakeFirst();
  return {
    merchantId,
    language: lang,
    overrides: row ? (JSON.parse(row.overrides) as TemplateOverrides) : {},
    defaults: DEFAULT_TEMPLATES[lang],
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.name ?? null,
  };
}

/**
 * Keeps only what differs from the defaults: a field set back to the default wording follows
 * the defaults again (and their later improvements) instead of freezing today's text.
 */
export function pruneOverrides(value: unknown, defaults: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const base =
        typeof defaults === 'object' && defaults !== null
          ? (defaults as Record<string, unknown>)[key]
          : undefined;
      const pruned = pruneOverrides(child, base);
      if (pruned !== undefined) out[key] = pruned;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value === defaults ? undefined : value;
}

/** Stores a merchant's template for one language, unless `validateTemplate` finds issues. */
export async function updateTemplate(
  ws: Workspace,
  actor: Actor,
  input: { merchantId: number; lang: Language; template: Record<string, unknown> },
): Promise<TemplateUpdateResult> {
  await merchantOf(ws, input.merchantId);
  assertMayActFor(actor, input.merchantId);
  const check = validateTemplate(input.template);
  const current = await getTemplate(ws, input.merchantId, input.lang);
  if (!check.ok) return { saved: false, issues: check.issues, template: current };
  const overrides = TemplateOverridesSchema.parse(
    pruneOverrides(input.template, DEFAULT_TEMPLATES[input.lang]) ?? {},
  );
  if (JSON.stringify(overrides) === JSON.stringify(current.overrides)) {
    return { saved: true, issues: [], template: current };
  }
  const now = nowIso();
  await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('description_templates')
      .values({
        merchant_id: input.merchantId,
        language: input.lang,
        overrides: JSON.stringify(overrides),
        updated_by: actor.profileId,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['merchant_id', 'language']).doUpdateSet({
          overrides: JSON.stringify(overrides),
          updated_by: actor.profileId,
          updated_at: now,
        }),
      )
      .execute();
    await recordEvent(trx, actor, {
      merchantId: input.merchantId,
      kind: 'descriptions.template',
      text: say(`descriptions.template_changed.${input.lang}`),
      data: { language: input.lang, before: current.overrides, after: overrides },
      at: now,
    });
  });
  ws.changed('descriptions', 'items');
  return { saved: true, issues: [], template: await getTemplate(ws, input.merchantId, input.lang) };
}

/**
 * The sample item drafted with a template being edited, for the Settings editor's live
 * preview. Never stores anything; a template with issues gets its issues and no draft.
 */
export async function previewTemplate(
  ws: Workspace,
  input: { merchantId: number; lang: Language; template: Record<string, unknown> },
): Promise<TemplatePreview> {
  const merchant = await merchantOf(ws, input.merchantId);
  const { issues } = validateTemplate(input.template);
  const facts = sampleFacts({}, { currency: merchant.currency });
  const parsed = TemplateOverridesSchema.safeParse(input.template);
  if (!parsed.success) {
    return {
      issues,
      draft: null,
      shopHtml: null,
      message: englishText(say('descriptions.template_has_issues')),
    };
  }
  const ebay = draftListing(facts, input.lang, { template: parsed.data });
  const shop = draftListing(facts, input.lang, { template: parsed.data, channel: 'shop' });
  if (!ebay.ok) return { issues, draft: null, shopHtml: null, message: ebay.message };
  return { issues, draft: ebay, shopHtml: shop.ok ? shop.html : null, message: null };
}

/**
 * What a listing in `lang` should say for an item right now: the kept edit or the fresh draft.
 * For the publishing jobs, which otherwise only see kept rows in `descriptions`. Null when the
 * item cannot be described (defective, ungraded, no fitting condition).
 */
export async function listingText(
  ws: Workspace,
  itemId: number,
  lang: Language,
): Promise<Pick<
  DescriptionView,
  'title' | 'conditionEnum' | 'conditionId' | 'conditionDescription' | 'html' | 'kept'
> | null> {
  const result = await getDescriptions(ws, itemId, lang);
  const view = result.descriptions[0];
  if (result.refusal || !view) return null;
  const { title, conditionEnum, conditionId, conditionDescription, html, kept } = view;
  return { title, conditionEnum, conditionId, conditionDescription, html, kept };
}
