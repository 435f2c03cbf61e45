import { z } from 'zod';
import type { StoredMessage } from '../messages';
import type {
  DescriptionTemplate,
  EbayCondition,
  ListingDraft,
  Sentence,
  TemplateIssue,
  TemplateOverrides,
} from '../descriptions';
import { CONDITION_DESCRIPTION_MAX, TITLE_MAX } from '../descriptions';
import { LANGUAGES, type Language } from '../domain/status';
import { Id } from './common';
import { method } from './define';

/**
 * "Why is it discounted?": an item's listing title, eBay condition and descriptions per language,
 * drafted from its recorded facts (shared/descriptions) unless staff edited and kept them, and
 * the merchant's templates those drafts are written from.
 */

const Lang = z.enum(LANGUAGES);

export const DescriptionsGetInput = z.object({ itemId: Id, lang: Lang.optional() }).strict();

/**
 * A staff edit. The zod bounds only keep absurd payloads out; the real limits (80 characters
 * counted as the buyer sees them, 1000 for the condition text, safe HTML) are checked by the
 * service so the message can say which one was exceeded.
 */
export const DescriptionSaveInput = z
  .object({
    itemId: Id,
    lang: Lang,
    title: z.string().trim().min(1).max(400),
    conditionDescription: z.string().trim().max(4000),
    /** Only HTML that passes `findHtmlProblems`; absent: the current (kept or drafted) HTML stays. */
    html: z.string().max(100_000).optional(),
    /** The `updatedAt` the editor read (null: it showed a draft); refused if someone saved in between. */
    basedOn: z.string().max(40).nullable().optional(),
  })
  .strict();

export const DescriptionResetInput = z.object({ itemId: Id, lang: Lang }).strict();

/** Template overrides as JSON; checked field by field with `validateTemplate`, never trusted. */
const Overrides = z.record(z.string().max(60), z.unknown());

export const TemplateGetInput = z.object({ merchantId: Id, lang: Lang }).strict();
export const TemplateUpdateInput = z.object({ merchantId: Id, lang: Lang, template: Overrides }).strict();
export const TemplatePreviewInput = z.object({ merchantId: Id, lang: Lang, template: Overrides }).strict();

export interface DescriptionView {
  readonly language: Language;
  /** True when staff edited and kept this text: it is what gets listed, whatever the facts say. */
  readonly kept: boolean;
  readonly editedBy: string | null;
  /** When the kept edit was saved; null for a fresh draft. Also the `basedOn` token for saving. */
  readonly updatedAt: string | null;
  /** A kept edit whose item facts changed since it was saved: someone should read it again. */
  readonly stale: boolean;
  readonly title: string;
  readonly conditionEnum: EbayCondition;
  readonly conditionId: number;
  readonly conditionDescription: string;
  /** Safe listing HTML (only output that passed `findHtmlProblems`). */
  readonly html: string;
  /** The drafted "why" sentences, each with the recorded facts it says. */
  readonly sentences: readonly Sentence[];
  readonly conditionSentences: readonly Sentence[];
  /** The generated draft, for comparing a kept edit with what Rebound would write now. */
  readonly draft: Pick<ListingDraft, 'title' | 'conditionDescription' | 'html'>;
}

export interface DescriptionRefusal {
  readonly reason:
    'not_graded' | 'not_listable' | 'no_allowed_condition' | 'invalid_facts' | 'invalid_template';
  /** In English, for logs and `--json`. */
  readonly message: string;
  /** The same, drawn in the reader's language. */
  readonly text: StoredMessage;
}

export interface ItemDescriptions {
  readonly itemId: number;
  readonly reference: string;
  readonly merchantId: number;
  /** The merchant's market language: the one the listing goes out in. */
  readonly merchantLanguage: Language;
  /** Why nothing can be drafted (a defective or ungraded item), or null. */
  readonly refusal: DescriptionRefusal | null;
  readonly descriptions: readonly DescriptionView[];
  readonly limits: { readonly title: number; readonly conditionDescription: number };
}

export interface DescriptionTemplateView {
  readonly merchantId: number;
  readonly language: Language;
  /** What the merchant changed; everything else follows the defaults. */
  readonly overrides: TemplateOverrides;
  readonly defaults: DescriptionTemplate;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

export interface TemplateUpdateResult {
  /** False when `issues` stopped the save: nothing was stored. */
  readonly saved: boolean;
  readonly issues: readonly TemplateIssue[];
  readonly template: DescriptionTemplateView;
}

export interface TemplatePreview {
  readonly issues: readonly TemplateIssue[];
  /** The sample item drafted with the template, for eBay; null when the template cannot be used. */
  readonly draft: ListingDraft | null;
  /** The same for the shop, whose description shows the price line. */
  readonly shopHtml: string | null;
  readonly message: string | null;
}

export const DESCRIPTION_LIMITS = {
  title: TITLE_MAX,
  conditionDescription: CONDITION_DESCRIPTION_MAX,
} as const;

export const descriptionsContract = {
  'descriptions.get': method<ItemDescriptions>()(DescriptionsGetInput),
  'descriptions.save': method<ItemDescriptions>()(DescriptionSaveInput, { writes: true }),
  'descriptions.reset': method<ItemDescriptions>()(DescriptionResetInput, { writes: true }),
  'descriptions.templates.get': method<DescriptionTemplateView>()(TemplateGetInput),
  'descriptions.templates.update': method<TemplateUpdateResult>()(TemplateUpdateInput, { writes: true }),
  'descriptions.preview': method<TemplatePreview>()(TemplatePreviewInput),
} as const;
