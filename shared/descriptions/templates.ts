import { z } from 'zod';
import { DEFECT_KINDS, type DefectKind, type DefectSeverity } from '../domain/grades';
import type { Language } from '../domain/status';
import { escapeHtml } from './html';

/**
 * The words a merchant can change, per language. Everything that reads as prose in a title,
 * a condition description or a listing description comes from here; the code only decides
 * which pieces apply to an item (from its recorded facts) and in which order.
 *
 * A merchant stores only what they changed (`TemplateOverrides`); `resolveTemplate` lays it
 * over the defaults, so improvements to the defaults reach every merchant who did not edit
 * that piece.
 *
 * `{name}` is a placeholder. Each field accepts its own few names (`PLACEHOLDERS`); values are
 * inserted in one pass, so a value that itself contains `{price}` is never expanded, and in HTML
 * both the template's own text and every value are escaped.
 */

/** The grades that can be listed, plus the "does not work" override (see conditions.ts). */
export const TITLE_CONDITION_KEYS = [
  'new_sealed',
  'opened_packaging',
  'used',
  'lightly_damaged',
  'heavily_damaged',
  'not_working',
] as const;
export type TitleConditionKey = (typeof TITLE_CONDITION_KEYS)[number];

const line = (max: number) => z.string().max(max);
const word = (max: number) => z.string().trim().min(1).max(max);

const severityPhrases = z
  .object({ minor: word(60), moderate: word(60), major: word(60) })
  .strict() satisfies z.ZodType<Record<DefectSeverity, string>>;

const defectPhrases = z
  .object(
    Object.fromEntries(DEFECT_KINDS.map((kind) => [kind, severityPhrases])) as Record<
      DefectKind,
      typeof severityPhrases
    >,
  )
  .strict();

const plural = z.object({ one: line(200), other: line(200) }).strict();

export const DescriptionTemplateSchema = z
  .object({
    /** Heading of the "why is it discounted" section in the listing description. */
    heading: line(120),
    /** A paragraph under the heading, before the list of facts. Empty: no paragraph. */
    intro: line(600),
    /** A paragraph after the list. Empty: no paragraph. */
    closing: line(600),
    /** Shop listings only: the price with the original price struck through. */
    priceLine: line(200),
    /** Shop listings only, when there is no discount to show. */
    priceLineNoDiscount: line(200),
    /** Between the product words and the condition words of the title. */
    titleSeparator: z.string().min(1).max(5),
    /** The condition as the last words of a title. Kept short: every character is taken from the product name. */
    titleCondition: z
      .object(
        Object.fromEntries(TITLE_CONDITION_KEYS.map((key) => [key, word(30)])) as Record<
          TitleConditionKey,
          ReturnType<typeof word>
        >,
      )
      .strict(),
    /**
     * A first sentence naming the condition, for buyers who see no condition field (the shops).
     * Empty: nothing is said (the packaging sentence already says an opened box is unused).
     */
    gradeSentence: z
      .object(
        Object.fromEntries(TITLE_CONDITION_KEYS.map((key) => [key, line(200)])) as Record<
          TitleConditionKey,
          ReturnType<typeof line>
        >,
      )
      .strict(),
    /** One sentence per packaging state. 'missing' is said by listing `originalBox` under `missing`. */
    packaging: z.object({ sealed: line(200), opened_intact: line(200), damaged: line(200) }).strict(),
    /**
     * Used instead of `packaging` when the grade itself records that the product is unused
     * (new_sealed, opened_packaging). 'missing' is said on its own, after the box is listed as missing.
     */
    packagingUnused: z
      .object({ sealed: line(200), opened_intact: line(200), damaged: line(200), missing: line(200) })
      .strict(),
    /** The name of the box when it is listed as missing. */
    originalBox: word(60),
    included: line(100),
    missing: line(100),
    /** The noun phrase for each kind of defect and severity, starting the defect's sentence. */
    defects: defectPhrases,
    /** The optional parts of a defect sentence, each with its own leading space or punctuation. */
    defectSize: line(60),
    defectLocation: line(60),
    defectNote: line(60),
    defectPhoto: line(60),
    /** What was done, joined into one sentence: "Tested, reset to factory settings and cleaned." */
    done: z
      .object({ tested: line(80), factoryReset: line(80), cleaned: line(80), repackaged: line(80) })
      .strict(),
    doneSentence: line(60),
    /** The last joiner of a list ("and", "et", "und"). */
    and: word(20),
    /** Sentences for a functional test that did not pass. Empty: nothing is said. */
    functionalTest: z.object({ failed: line(200), not_testable: line(200), not_done: line(200) }).strict(),
    /** The closing sentence when defects had to be left out of the 1000-character condition description. */
    more: z.object({ minorPhotos: plural, minorText: plural, anyPhotos: plural, anyText: plural }).strict(),
  })
  .strict();

export type DescriptionTemplate = z.infer<typeof DescriptionTemplateSchema>;

/** What a merchant stores: any subset of the template, per language. */
export const TemplateOverridesSchema = z
  .object({
    heading: line(120),
    intro: line(600),
    closing: line(600),
    priceLine: line(200),
    priceLineNoDiscount: line(200),
    titleSeparator: z.string().min(1).max(5),
    titleCondition: DescriptionTemplateSchema.shape.titleCondition.partial(),
    gradeSentence: DescriptionTemplateSchema.shape.gradeSentence.partial(),
    packaging: DescriptionTemplateSchema.shape.packaging.partial(),
    packagingUnused: DescriptionTemplateSchema.shape.packagingUnused.partial(),
    originalBox: word(60),
    included: line(100),
    missing: line(100),
    defects: z
      .object(
        Object.fromEntries(DEFECT_KINDS.map((kind) => [kind, severityPhrases.partial()])) as Record<
          DefectKind,
          ReturnType<typeof severityPhrases.partial>
        >,
      )
      .strict()
      .partial(),
    defectSize: line(60),
    defectLocation: line(60),
    defectNote: line(60),
    defectPhoto: line(60),
    done: DescriptionTemplateSchema.shape.done.partial(),
    doneSentence: line(60),
    and: word(20),
    functionalTest: DescriptionTemplateSchema.shape.functionalTest.partial(),
    more: z
      .object({
        minorPhotos: plural.partial(),
        minorText: plural.partial(),
        anyPhotos: plural.partial(),
        anyText: plural.partial(),
      })
      .strict()
      .partial(),
  })
  .strict()
  .partial();

export type TemplateOverrides = z.infer<typeof TemplateOverridesSchema>;

// French typography: a no-break space before ":" and a narrow no-break space before "?", "!"
// and ";", so that a line never starts with the punctuation mark.
const NBSP = '\u00a0';
const NNBSP = '\u202f';

const EN: DescriptionTemplate = {
  heading: 'Why is it discounted?',
  intro: 'This item was returned by a customer. We inspected it and list everything we found below.',
  closing: 'The photos show the actual item you will receive.',
  priceLine: 'Our price: {price} instead of {originalPrice} (you save {saving}).',
  priceLineNoDiscount: 'Our price: {price}',
  titleSeparator: ' – ',
  titleCondition: {
    new_sealed: 'New, sealed',
    opened_packaging: 'Open box',
    used: 'Used',
    lightly_damaged: 'Lightly damaged',
    heavily_damaged: 'Heavily damaged',
    not_working: 'For parts or repair',
  },
  gradeSentence: {
    new_sealed: '',
    opened_packaging: '',
    used: 'The product has been used.',
    lightly_damaged: 'The product is lightly damaged.',
    heavily_damaged: 'The product is heavily damaged.',
    not_working: 'The product does not fully work: for parts or repair.',
  },
  packaging: {
    sealed: 'The packaging is still sealed.',
    opened_intact: 'The box has been opened but is in good condition.',
    damaged: 'The box is damaged.',
  },
  packagingUnused: {
    sealed: 'The packaging is still sealed.',
    opened_intact: 'The box has been opened; the product itself is unused.',
    damaged: 'The box is damaged; the product itself is unused.',
    missing: 'The product itself is unused.',
  },
  originalBox: 'original box',
  included: 'Included: {list}.',
  missing: 'Missing: {list}.',
  defects: {
    scratch: { minor: 'Small scratch', moderate: 'Noticeable scratch', major: 'Large scratch' },
    dent: { minor: 'Small dent', moderate: 'Noticeable dent', major: 'Large dent' },
    stain: { minor: 'Small stain', moderate: 'Noticeable stain', major: 'Large stain' },
    tear: { minor: 'Small tear', moderate: 'Noticeable tear', major: 'Large tear' },
    crack: { minor: 'Hairline crack', moderate: 'Noticeable crack', major: 'Large crack' },
    discolouration: {
      minor: 'Slight discolouration',
      moderate: 'Noticeable discolouration',
      major: 'Strong discolouration',
    },
    missing_part: { minor: 'Small part missing', moderate: 'Part missing', major: 'Important part missing' },
    not_working: { minor: 'Minor fault', moderate: 'Fault', major: 'Serious fault' },
    other: { minor: 'Minor flaw', moderate: 'Noticeable flaw', major: 'Major flaw' },
  },
  defectSize: ' (about {size})',
  defectLocation: ' on the {location}',
  defectNote: ': {note}',
  defectPhoto: ' — see photo {n}',
  done: {
    tested: 'tested',
    factoryReset: 'reset to factory settings',
    cleaned: 'cleaned',
    repackaged: 'repackaged',
  },
  doneSentence: '{list}.',
  and: 'and',
  functionalTest: {
    failed: 'The functional test failed.',
    not_testable: 'Its function could not be tested.',
    not_done: 'Its function has not been tested.',
  },
  more: {
    minorPhotos: {
      one: '1 more minor mark is shown in the photos.',
      other: '{count} more minor marks are shown in the photos.',
    },
    minorText: {
      one: '1 more minor mark is listed in the item description.',
      other: '{count} more minor marks are listed in the item description.',
    },
    anyPhotos: {
      one: '1 more flaw is shown in the photos.',
      other: '{count} more flaws are shown in the photos.',
    },
    anyText: {
      one: '1 more flaw is listed in the item description.',
      other: '{count} more flaws are listed in the item description.',
    },
  },
};

const FR: DescriptionTemplate = {
  heading: `Pourquoi ce prix réduit${NNBSP}?`,
  intro:
    'Cet article nous a été retourné par un client. Nous l’avons contrôlé et indiquons ci-dessous tout ce que nous avons constaté.',
  closing: 'Les photos montrent l’article exact que vous recevrez.',
  priceLine: `Notre prix${NBSP}: {price} au lieu de {originalPrice} (vous économisez {saving}).`,
  priceLineNoDiscount: `Notre prix${NBSP}: {price}`,
  titleSeparator: ' – ',
  titleCondition: {
    new_sealed: 'Neuf, scellé',
    opened_packaging: 'Emballage ouvert',
    used: 'Occasion',
    lightly_damaged: 'Légèrement abîmé',
    heavily_damaged: 'Très abîmé',
    not_working: 'Pour pièces ou à réparer',
  },
  gradeSentence: {
    new_sealed: '',
    opened_packaging: '',
    used: 'Le produit a déjà servi.',
    lightly_damaged: 'Le produit est légèrement abîmé.',
    heavily_damaged: 'Le produit est très abîmé.',
    not_working: `Le produit ne fonctionne pas entièrement${NBSP}: pour pièces ou à réparer.`,
  },
  packaging: {
    sealed: 'L’emballage est encore scellé.',
    opened_intact: 'La boîte a été ouverte mais elle est en bon état.',
    damaged: 'La boîte est abîmée.',
  },
  packagingUnused: {
    sealed: 'L’emballage est encore scellé.',
    opened_intact: `La boîte a été ouverte${NNBSP}; le produit lui-même n’a jamais servi.`,
    damaged: `La boîte est abîmée${NNBSP}; le produit lui-même n’a jamais servi.`,
    missing: 'Le produit lui-même n’a jamais servi.',
  },
  originalBox: 'boîte d’origine',
  included: `Inclus${NBSP}: {list}.`,
  missing: `Non fourni${NBSP}: {list}.`,
  defects: {
    scratch: { minor: 'Petite rayure', moderate: 'Rayure visible', major: 'Rayure importante' },
    dent: { minor: 'Petite bosse', moderate: 'Bosse visible', major: 'Bosse importante' },
    stain: { minor: 'Petite tache', moderate: 'Tache visible', major: 'Grande tache' },
    tear: { minor: 'Petit accroc', moderate: 'Déchirure visible', major: 'Grande déchirure' },
    crack: { minor: 'Fine fissure', moderate: 'Fissure visible', major: 'Fissure importante' },
    discolouration: {
      minor: 'Légère décoloration',
      moderate: 'Décoloration visible',
      major: 'Forte décoloration',
    },
    missing_part: {
      minor: 'Petite pièce manquante',
      moderate: 'Pièce manquante',
      major: 'Pièce importante manquante',
    },
    not_working: { minor: 'Léger dysfonctionnement', moderate: 'Dysfonctionnement', major: 'Panne' },
    other: { minor: 'Léger défaut', moderate: 'Défaut visible', major: 'Défaut important' },
  },
  defectSize: ' (environ {size})',
  defectLocation: `, emplacement${NBSP}: {location}`,
  defectNote: `${NBSP}: {note}`,
  defectPhoto: ' — voir photo {n}',
  done: {
    tested: 'testé',
    factoryReset: 'réinitialisé aux paramètres d’usine',
    cleaned: 'nettoyé',
    repackaged: 'réemballé',
  },
  doneSentence: 'Produit {list}.',
  and: 'et',
  functionalTest: {
    failed: 'Le test de fonctionnement a échoué.',
    not_testable: 'Son fonctionnement n’a pas pu être testé.',
    not_done: 'Son fonctionnement n’a pas été testé.',
  },
  more: {
    minorPhotos: {
      one: '1 autre petite marque est visible sur les photos.',
      other: '{count} autres petites marques sont visibles sur les photos.',
    },
    minorText: {
      one: '1 autre petite marque est détaillée dans la description de l’annonce.',
      other: '{count} autres petites marques sont détaillées dans la description de l’annonce.',
    },
    anyPhotos: {
      one: '1 autre défaut est visible sur les photos.',
      other: '{count} autres défauts sont visibles sur les photos.',
    },
    anyText: {
      one: '1 autre défaut est détaillé dans la description de l’annonce.',
      other: '{count} autres défauts sont détaillés dans la description de l’annonce.',
    },
  },
};

const DE: DescriptionTemplate = {
  heading: 'Warum ist der Artikel reduziert?',
  intro:
    'Dieser Artikel ist eine Kundenrückgabe. Wir haben ihn geprüft und führen unten alles auf, was uns aufgefallen ist.',
  closing: 'Die Fotos zeigen genau den Artikel, den Sie erhalten.',
  priceLine: 'Jetzt {price} statt {originalPrice} – Sie sparen {saving}.',
  priceLineNoDiscount: 'Unser Preis: {price}',
  titleSeparator: ' – ',
  titleCondition: {
    new_sealed: 'Neu, versiegelt',
    opened_packaging: 'Verpackung geöffnet',
    used: 'Gebraucht',
    lightly_damaged: 'Leicht beschädigt',
    heavily_damaged: 'Stark beschädigt',
    not_working: 'Defekt, für Bastler',
  },
  gradeSentence: {
    new_sealed: '',
    opened_packaging: '',
    used: 'Der Artikel wurde bereits benutzt.',
    lightly_damaged: 'Der Artikel ist leicht beschädigt.',
    heavily_damaged: 'Der Artikel ist stark beschädigt.',
    not_working: 'Der Artikel ist nicht voll funktionsfähig – für Bastler oder zur Reparatur.',
  },
  packaging: {
    sealed: 'Die Verpackung ist noch versiegelt.',
    opened_intact: 'Die Verpackung wurde geöffnet, ist aber in gutem Zustand.',
    damaged: 'Die Verpackung ist beschädigt.',
  },
  packagingUnused: {
    sealed: 'Die Verpackung ist noch versiegelt.',
    opened_intact: 'Die Verpackung wurde geöffnet, der Artikel selbst ist unbenutzt.',
    damaged: 'Die Verpackung ist beschädigt, der Artikel selbst ist unbenutzt.',
    missing: 'Der Artikel selbst ist unbenutzt.',
  },
  originalBox: 'Originalverpackung',
  included: 'Enthalten: {list}.',
  missing: 'Nicht enthalten: {list}.',
  defects: {
    scratch: { minor: 'Kleiner Kratzer', moderate: 'Deutlicher Kratzer', major: 'Großer Kratzer' },
    dent: { minor: 'Kleine Delle', moderate: 'Deutliche Delle', major: 'Große Delle' },
    stain: { minor: 'Kleiner Fleck', moderate: 'Deutlicher Fleck', major: 'Großer Fleck' },
    tear: { minor: 'Kleiner Riss', moderate: 'Deutlicher Riss', major: 'Großer Riss' },
    crack: { minor: 'Feiner Sprung', moderate: 'Deutlicher Sprung', major: 'Großer Sprung' },
    discolouration: {
      minor: 'Leichte Verfärbung',
      moderate: 'Deutliche Verfärbung',
      major: 'Starke Verfärbung',
    },
    missing_part: { minor: 'Fehlendes Kleinteil', moderate: 'Fehlendes Teil', major: 'Fehlendes Hauptteil' },
    not_working: {
      minor: 'Leichte Funktionsstörung',
      moderate: 'Funktionsstörung',
      major: 'Schwere Funktionsstörung',
    },
    other: { minor: 'Kleiner Mangel', moderate: 'Deutlicher Mangel', major: 'Erheblicher Mangel' },
  },
  defectSize: ' (ca. {size})',
  defectLocation: ', Stelle: {location}',
  defectNote: ': {note}',
  defectPhoto: ' – siehe Foto {n}',
  done: {
    tested: 'getestet',
    factoryReset: 'auf Werkseinstellungen zurückgesetzt',
    cleaned: 'gereinigt',
    repackaged: 'erneut verpackt',
  },
  doneSentence: '{list}.',
  and: 'und',
  functionalTest: {
    failed: 'Der Funktionstest ist fehlgeschlagen.',
    not_testable: 'Die Funktion konnte nicht geprüft werden.',
    not_done: 'Die Funktion wurde nicht geprüft.',
  },
  more: {
    minorPhotos: {
      one: '1 weiterer kleiner Makel ist auf den Fotos zu sehen.',
      other: '{count} weitere kleine Makel sind auf den Fotos zu sehen.',
    },
    minorText: {
      one: '1 weiterer kleiner Makel ist in der Artikelbeschreibung aufgeführt.',
      other: '{count} weitere kleine Makel sind in der Artikelbeschreibung aufgeführt.',
    },
    anyPhotos: {
      one: '1 weiterer Mangel ist auf den Fotos zu sehen.',
      other: '{count} weitere Mängel sind auf den Fotos zu sehen.',
    },
    anyText: {
      one: '1 weiterer Mangel ist in der Artikelbeschreibung aufgeführt.',
      other: '{count} weitere Mängel sind in der Artikelbeschreibung aufgeführt.',
    },
  },
};

export const DEFAULT_TEMPLATES: Readonly<Record<Language, DescriptionTemplate>> = { en: EN, fr: FR, de: DE };

/** The template for one merchant and language: the merchant's overrides laid over the defaults. */
export function resolveTemplate(lang: Language, overrides?: TemplateOverrides): DescriptionTemplate {
  const base = DEFAULT_TEMPLATES[lang];
  if (!overrides) return base;
  const o = TemplateOverridesSchema.parse(overrides);
  const defects = { ...base.defects };
  for (const kind of DEFECT_KINDS) defects[kind] = { ...base.defects[kind], ...o.defects?.[kind] };
  return DescriptionTemplateSchema.parse({
    ...base,
    ...o,
    titleCondition: { ...base.titleCondition, ...o.titleCondition },
    gradeSentence: { ...base.gradeSentence, ...o.gradeSentence },
    packaging: { ...base.packaging, ...o.packaging },
    packagingUnused: { ...base.packagingUnused, ...o.packagingUnused },
    defects,
    done: { ...base.done, ...o.done },
    functionalTest: { ...base.functionalTest, ...o.functionalTest },
    more: {
      minorPhotos: { ...base.more.minorPhotos, ...o.more?.minorPhotos },
      minorText: { ...base.more.minorText, ...o.more?.minorText },
      anyPhotos: { ...base.more.anyPhotos, ...o.more?.anyPhotos },
      anyText: { ...base.more.anyText, ...o.more?.anyText },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Placeholders

const PRICES = ['price', 'originalPrice', 'saving', 'savingPercent'] as const;
const PRODUCT_AND_PRICES = ['brand', 'model', 'title', ...PRICES] as const;

interface PlaceholderRule {
  readonly allowed: readonly string[];
  readonly required: readonly string[];
}

const none: PlaceholderRule = { allowed: [], required: [] };
const needs = (...names: string[]): PlaceholderRule => ({ allowed: names, required: names });

/** Which placeholders each field takes, by its path ("more.anyText.other" → the rule for "more.*.other"). */
export function placeholderRule(path: readonly string[]): PlaceholderRule {
  const [top, , leaf] = path;
  switch (top) {
    case 'heading':
    case 'intro':
    case 'closing':
      return { allowed: PRODUCT_AND_PRICES, required: [] };
    case 'priceLine':
      return { allowed: PRICES, required: ['price', 'originalPrice'] };
    case 'priceLineNoDiscount':
      return needs('price');
    case 'included':
    case 'missing':
    case 'doneSentence':
      return needs('list');
    case 'defectSize':
      return needs('size');
    case 'defectLocation':
      return needs('location');
    case 'defectNote':
      return needs('note');
    case 'defectPhoto':
      return needs('n');
    case 'more':
      // "1 more mark…" can spell the number out; "{count} more marks…" cannot.
      return leaf === 'other' ? needs('count') : { allowed: ['count'], required: [] };
    default:
      return none;
  }
}

export interface TemplateIssue {
  /** Dotted path of the field, e.g. "defects.scratch.minor". */
  readonly path: string;
  readonly code: 'invalid' | 'unknown_placeholder' | 'missing_placeholder' | 'stray_brace';
  readonly message: string;
  readonly placeholder?: string;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The `{names}` a template text uses, in order, and whether a brace is left unpaired. */
export function scanPlaceholders(text: string): { names: string[]; strayBrace: boolean } {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  const rest = text.replace(PLACEHOLDER, '');
  return { names, strayBrace: rest.includes('{') || rest.includes('}') };
}

/**
 * Checks a merchant's template (overrides or a whole template) for the Settings editor's live
 * preview: schema problems (too long, empty where a word is needed) and placeholders that would
 * not be filled. Never throws.
 */
export function validateTemplate(input: unknown): { ok: boolean; issues: TemplateIssue[] } {
  const issues: TemplateIssue[] = [];
  const parsed = TemplateOverridesSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ path: issue.path.map(String).join('.'), code: 'invalid', message: issue.message });
    }
  }
  const visit = (value: unknown, path: string[]): void => {
    if (typeof value === 'string') {
      const rule = placeholderRule(path);
      const { names, strayBrace } = scanPlaceholders(value);
      const at = path.join('.');
      for (const name of names) {
        if (!rule.allowed.includes(name)) {
          issues.push({
            path: at,
            code: 'unknown_placeholder',
            placeholder: name,
            message:
              rule.allowed.length === 0
                ? `{${name}} is not filled here: this text takes no placeholders.`
                : `{${name}} is not filled here; use ${rule.allowed.map((n) => `{${n}}`).join(', ')}.`,
          });
        }
      }
      for (const name of rule.required) {
        if (!names.includes(name)) {
          issues.push({
            path: at,
            code: 'missing_placeholder',
            placeholder: name,
            message: `This text needs {${name}}.`,
          });
        }
      }
      if (strayBrace) {
        issues.push({
          path: at,
          code: 'stray_brace',
          message: 'A "{" or "}" is not part of a {placeholder}.',
        });
      }
      return;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    }
  };
  visit(input, []);
  return { ok: issues.length === 0, issues };
}

/** A value that the code built as markup itself (e.g. a struck-through price), with its plain-text form. */
export interface Markup {
  readonly text: string;
  readonly html: string;
}
export type TemplateValue = string | Markup;

/**
 * Fills `{placeholders}` in one pass. In 'html' mode the template's own text and every string
 * value are escaped (a merchant typing "<b>" in a heading sees "<b>"); only `Markup` values,
 * built by this module, pass through. An unknown placeholder stays as written, so the preview
 * shows it and `validateTemplate` reports it.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, TemplateValue | undefined>>,
  mode: 'text' | 'html',
): string {
  const literal = mode === 'html' ? escapeHtml : (text: string) => text;
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const at = match.index;
    out += literal(template.slice(last, at));
    const name = match[1] ?? '';
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) out += literal(match[0]);
    else if (typeof value === 'string') out += literal(value);
    else out += mode === 'html' ? value.html : value.text;
    last = at + match[0].length;
  }
  return out + literal(template.slice(last));
}
