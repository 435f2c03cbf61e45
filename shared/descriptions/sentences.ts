import type { DefectKind, DefectSeverity } from '../domain/grades';
import type { Language } from '../domain/status';
import { CONDITION_DESCRIPTION_MAX, describedAs } from './conditions';
import type { DraftDefect, DraftItem } from './facts';
import { fillTemplate, type DescriptionTemplate } from './templates';
import { cleanLine, codePointLength } from './title';

/**
 * The "why is it discounted" sentences. Each one is built from recorded facts only and names
 * them, so the approval screen can show where every sentence came from and nothing is said
 * that staff did not record.
 */

/**
 * A recorded fact a sentence is built from: 'grade', 'packaging', 'accessory:<name as given>',
 * 'defect:<id>', 'functionalTest', 'factoryReset', 'cleaned', 'repackaged'.
 */
export type FactKey =
  | 'grade'
  | 'packaging'
  | 'functionalTest'
  | 'factoryReset'
  | 'cleaned'
  | 'repackaged'
  | `accessory:${string}`
  | `defect:${number}`;

export interface Sentence {
  readonly text: string;
  readonly facts: readonly FactKey[];
}

const SEVERITY_RANK: Record<DefectSeverity, number> = { major: 0, moderate: 1, minor: 2 };
/** At the same severity, a fault or a missing part matters more to a buyer than a mark. */
const FUNCTIONAL_KINDS: ReadonlySet<DefectKind> = new Set(['not_working', 'missing_part']);

/** Most important first: major → moderate → minor, faults before marks, then as recorded. */
export function orderDefects(defects: readonly DraftDefect[]): DraftDefect[] {
  return [...defects].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      Number(FUNCTIONAL_KINDS.has(b.kind)) - Number(FUNCTIONAL_KINDS.has(a.kind)) ||
      a.position - b.position ||
      a.id - b.id,
  );
}

// French sets units and "?", ":" apart with no-break spaces; English and German use a plain space.
const UNIT_SPACE: Record<Language, string> = { en: ' ', fr: '\u00a0', de: ' ' };
const NUMBER_LOCALE: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE' };

/** "2 mm", "2,5 mm", "15 cm": millimetres up to 10 cm, then centimetres, never more precise than measured. */
export function formatSize(mm: number, lang: Language): string {
  const inCm = mm >= 100;
  const value = inCm ? mm / 10 : mm;
  const digits = value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(NUMBER_LOCALE[lang], {
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value);
  return `${number}${UNIT_SPACE[lang]}${inCm ? 'cm' : 'mm'}`;
}

interface KnownLocation {
  readonly names: readonly string[];
  readonly phrase: Readonly<Record<Language, string>>;
}

/**
 * Places staff name often, in any of the three languages, with the phrase each language puts
 * before a noun ("am Deckel", "sur le couvercle"). Anything else is said as typed.
 */
const KNOWN_LOCATIONS: readonly KnownLocation[] = [
  {
    names: ['front', 'front side', 'face avant', 'avant', 'devant', 'vorderseite', 'vorne'],
    phrase: { en: 'on the front', fr: 'sur la face avant', de: 'an der Vorderseite' },
  },
  {
    names: [
      'back',
      'rear',
      'back side',
      'rear side',
      'dos',
      'arrière',
      'face arrière',
      'rückseite',
      'hinten',
    ],
    phrase: { en: 'on the back', fr: 'au dos', de: 'an der Rückseite' },
  },
  {
    names: ['top', 'top side', 'dessus', 'haut', 'oberseite', 'oben'],
    phrase: { en: 'on the top', fr: 'sur le dessus', de: 'an der Oberseite' },
  },
  {
    names: ['bottom', 'underside', 'dessous', 'bas', 'unterseite', 'unten'],
    phrase: { en: 'on the underside', fr: 'sur le dessous', de: 'an der Unterseite' },
  },
  {
    names: ['left side', 'left', 'côté gauche', 'gauche', 'linke seite', 'links'],
    phrase: { en: 'on the left side', fr: 'sur le côté gauche', de: 'an der linken Seite' },
  },
  {
    names: ['right side', 'right', 'côté droit', 'droite', 'rechte seite', 'rechts'],
    phrase: { en: 'on the right side', fr: 'sur le côté droit', de: 'an der rechten Seite' },
  },
  { names: ['side', 'côté', 'seite'], phrase: { en: 'on the side', fr: 'sur le côté', de: 'an der Seite' } },
  {
    names: ['corner', 'coin', 'ecke'],
    phrase: { en: 'on a corner', fr: 'sur un coin', de: 'an einer Ecke' },
  },
  {
    names: ['edge', 'bord', 'tranche', 'kante', 'rand'],
    phrase: { en: 'on the edge', fr: 'sur le bord', de: 'an der Kante' },
  },
  {
    names: ['screen', 'display', 'écran', 'bildschirm'],
    phrase: { en: 'on the screen', fr: 'sur l’écran', de: 'auf dem Bildschirm' },
  },
  {
    names: ['lid', 'couvercle', 'deckel'],
    phrase: { en: 'on the lid', fr: 'sur le couvercle', de: 'am Deckel' },
  },
  {
    names: ['base', 'stand', 'socle', 'pied', 'sockel', 'standfuß', 'fuß'],
    phrase: { en: 'on the base', fr: 'sur le socle', de: 'am Sockel' },
  },
  {
    names: ['handle', 'poignée', 'griff'],
    phrase: { en: 'on the handle', fr: 'sur la poignée', de: 'am Griff' },
  },
  {
    names: ['strap', 'sangle', 'riemen', 'gurt'],
    phrase: { en: 'on the strap', fr: 'sur la sangle', de: 'am Riemen' },
  },
  {
    names: ['housing', 'casing', 'body', 'boîtier', 'coque', 'gehäuse'],
    phrase: { en: 'on the housing', fr: 'sur le boîtier', de: 'am Gehäuse' },
  },
  {
    names: ['keyboard', 'clavier', 'tastatur'],
    phrase: { en: 'on the keyboard', fr: 'sur le clavier', de: 'an der Tastatur' },
  },
  {
    names: ['sole', 'semelle', 'sohle'],
    phrase: { en: 'on the sole', fr: 'sur la semelle', de: 'an der Sohle' },
  },
  {
    names: ['sleeve', 'manche', 'ärmel'],
    phrase: { en: 'on the sleeve', fr: 'sur la manche', de: 'am Ärmel' },
  },
  { names: ['collar', 'col', 'kragen'], phrase: { en: 'on the collar', fr: 'sur le col', de: 'am Kragen' } },
  { names: ['door', 'porte', 'tür'], phrase: { en: 'on the door', fr: 'sur la porte', de: 'an der Tür' } },
  {
    names: ['cable', 'cord', 'câble', 'kabel'],
    phrase: { en: 'on the cable', fr: 'sur le câble', de: 'am Kabel' },
  },
  {
    names: ['box', 'packaging', 'boîte', 'carton', 'emballage', 'karton', 'verpackung'],
    phrase: { en: 'on the box', fr: 'sur la boîte', de: 'am Karton' },
  },
];

const LEADING_ARTICLE = /^(?:(?:the|a|an|le|la|les|un|une|der|die|das|den|dem|ein|eine)\s+|l['’]\s*)/iu;

/** Words that make typed text a place already ("inside the lid", "sous la base", "im Fach"). */
const PREPOSITIONS: Record<Language, readonly string[]> = {
  en: [
    'on',
    'in',
    'inside',
    'under',
    'underneath',
    'at',
    'near',
    'along',
    'around',
    'behind',
    'below',
    'above',
    'next to',
    'between',
  ],
  fr: [
    'sur',
    'sous',
    'dans',
    'à',
    'au',
    'aux',
    'près',
    'derrière',
    'devant',
    'contre',
    'autour',
    'entre',
    'le long',
  ],
  de: [
    'am',
    'an',
    'auf',
    'im',
    'in',
    'unter',
    'hinter',
    'neben',
    'bei',
    'beim',
    'um',
    'zwischen',
    'oben',
    'unten',
    'seitlich',
    'innen',
    'außen',
  ],
};
const startsWith = (words: readonly string[]) => new RegExp(`^(?:${words.join('|')})\\s+`, 'iu');
const STARTS_WITH_PREPOSITION: Record<Language, RegExp> = {
  en: startsWith(PREPOSITIONS.en),
  fr: startsWith(PREPOSITIONS.fr),
  de: startsWith(PREPOSITIONS.de),
};
const ANY_PREPOSITION = startsWith([...PREPOSITIONS.en, ...PREPOSITIONS.fr, ...PREPOSITIONS.de]);

const locationKey = (text: string): string =>
  cleanLine(text)
    .toLocaleLowerCase()
    .replace(LEADING_ARTICLE, '')
    .replace(/[.:;,]+$/u, '');

/** Where a defect is, as the part of its sentence that follows the defect's name (with its leading space). */
export function describeLocation(location: string, lang: Language, template: DescriptionTemplate): string {
  const typed = cleanLine(location);
  if (typed === '') return '';
  // "am Deckel" or "sur le couvercle" is still the lid when the buyer reads English.
  const k = locationKey(typed);
  const bare = locationKey(k.replace(ANY_PREPOSITION, ''));
  const known = KNOWN_LOCATIONS.find((entry) => entry.names.includes(k) || entry.names.includes(bare));
  if (known) return ` ${known.phrase[lang]}`;
  if (STARTS_WITH_PREPOSITION[lang].test(typed)) return ` ${typed}`;
  // English can still drop its own article: "the lid" → "on the lid", not "on the the lid".
  const value = lang === 'en' ? typed.replace(/^the\s+/iu, '') : typed;
  return fillTemplate(template.defectLocation, { location: value }, 'text');
}

/** A staff note as a clause: one line, no final stop (the sentence adds its own), at most `max` characters. */
function noteClause(note: string, max: number | undefined): string {
  let text = cleanLine(note).replace(/[\s.!?;:,…]+$/u, '');
  if (max !== undefined && codePointLength(text) > max) {
    const chars = [...text].slice(0, max);
    const cut = chars.join('');
    const space = cut.lastIndexOf(' ');
    text = `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/u, '')}…`;
  }
  return text;
}

export function defectSentence(
  defect: DraftDefect,
  lang: Language,
  template: DescriptionTemplate,
  noteMax?: number,
): Sentence {
  const size =
    defect.sizeMm !== null && defect.sizeMm > 0
      ? fillTemplate(template.defectSize, { size: formatSize(defect.sizeMm, lang) }, 'text')
      : '';
  const note = noteClause(defect.note, noteMax);
  const photo =
    defect.photoPosition !== undefined && defect.photoPosition !== null
      ? fillTemplate(template.defectPhoto, { n: String(defect.photoPosition) }, 'text')
      : '';
  const body =
    template.defects[defect.kind][defect.severity] +
    size +
    describeLocation(defect.location, lang, template) +
    (note === '' ? '' : fillTemplate(template.defectNote, { note }, 'text')) +
    photo;
  // A shortened note already ends the sentence with "…".
  return { text: body.endsWith('…') ? body : `${body}.`, facts: [`defect:${defect.id}`] };
}

/** "a, b and c" with the template's own "and". */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1) ?? ''}`;
}

function capitalise(text: string, lang: Language): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase(lang) + text.slice(head.length);
}

/** Accessory names as the merchant wrote them, one line each, without blanks or repeats. */
function names(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const name = cleanLine(raw);
    const k = name.toLocaleLowerCase();
    if (name === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(name);
  }
  return out;
}

/** The facts that make an item "not working": a failed test, the defects recorded as faults. */
function notWorkingFacts(item: DraftItem): FactKey[] {
  return [
    ...(item.functionalTest === 'failed' ? (['functionalTest'] as const) : []),
    ...item.defects.filter((d) => d.kind === 'not_working').map((d): FactKey => `defect:${d.id}`),
  ];
}

export interface WhySections {
  /** Packaging and what came with the product. */
  readonly opening: readonly Sentence[];
  /** One per defect, most important first. */
  readonly defects: readonly { readonly defect: DraftDefect; readonly sentence: Sentence }[];
  /** The functional test and what was done to the item. */
  readonly closing: readonly Sentence[];
}

/** The sentences an item's facts support, in their sections. */
export function whySections(
  item: DraftItem,
  lang: Language,
  template: DescriptionTemplate,
  options: { readonly noteMax?: number } = {},
): WhySections {
  const opening: Sentence[] = [];
  // The grade records that the product itself was never used; only then is it said.
  const unused = item.grade === 'new_sealed' || item.grade === 'opened_packaging';

  const condition = describedAs(item);
  const gradeText = condition === null ? '' : template.gradeSentence[condition];
  if (condition !== null && gradeText !== '') {
    opening.push({ text: gradeText, facts: condition === 'not_working' ? notWorkingFacts(item) : ['grade'] });
  }

  if (item.packaging !== null && item.packaging !== 'missing') {
    const text = (unused ? template.packagingUnused : template.packaging)[item.packaging];
    if (text !== '') opening.push({ text, facts: unused ? ['packaging', 'grade'] : ['packaging'] });
  }

  const missing = names(item.accessoriesMissing);
  const missingKeys = new Set(missing.map((n) => n.toLocaleLowerCase()));
  const included = names(item.accessoriesExpected).filter((n) => !missingKeys.has(n.toLocaleLowerCase()));
  if (included.length > 0) {
    opening.push({
      text: fillTemplate(template.included, { list: included.join(', ') }, 'text'),
      facts: included.map((n): FactKey => `accessory:${n}`),
    });
  }
  const missingItems: { label: string; fact: FactKey }[] = [
    ...(item.packaging === 'missing' ? [{ label: template.originalBox, fact: 'packaging' as const }] : []),
    ...missing.map((n) => ({ label: n, fact: `accessory:${n}` as const })),
  ];
  if (missingItems.length > 0) {
    opening.push({
      text: fillTemplate(template.missing, { list: missingItems.map((m) => m.label).join(', ') }, 'text'),
      facts: missingItems.map((m) => m.fact),
    });
  }
  if (item.packaging === 'missing' && unused && template.packagingUnused.missing !== '') {
    opening.push({ text: template.packagingUnused.missing, facts: ['grade'] });
  }

  const defects = orderDefects(item.defects).map((defect) => ({
    defect,
    sentence: defectSentence(defect, lang, template, options.noteMax),
  }));

  const closing: Sentence[] = [];
  const done: { text: string; fact: FactKey }[] = [];
  if (item.functionalTest === 'passed') {
    done.push({ text: template.done.tested, fact: 'functionalTest' });
  } else {
    const text = template.functionalTest[item.functionalTest];
    if (text !== '') closing.push({ text, facts: ['functionalTest'] });
  }
  if (item.factoryReset) done.push({ text: template.done.factoryReset, fact: 'factoryReset' });
  if (item.cleaned) done.push({ text: template.done.cleaned, fact: 'cleaned' });
  if (item.repackaged) done.push({ text: template.done.repackaged, fact: 'repackaged' });
  const doneParts = done.filter((d) => d.text !== '');
  if (doneParts.length > 0) {
    const list = joinList(
      doneParts.map((d) => d.text),
      template.and,
    );
    closing.push({
      text: capitalise(fillTemplate(template.doneSentence, { list }, 'text'), lang),
      facts: doneParts.map((d) => d.fact),
    });
  }

  return { opening, defects, closing };
}

/** Every sentence, every defect: what the listing description shows. */
export function whySentences(item: DraftItem, lang: Language, template: DescriptionTemplate): Sentence[] {
  const s = whySections(item, lang, template);
  return [...s.opening, ...s.defects.map((d) => d.sentence), ...s.closing];
}

export function joinSentences(sentences: readonly Sentence[]): string {
  return sentences.map((s) => s.text).join(' ');
}

/** The closing sentence that says how many defects were left out, and where the buyer finds them. */
export function moreSentence(dropped: readonly DraftDefect[], template: DescriptionTemplate): Sentence {
  const allMinorMarks = dropped.every((d) => d.severity === 'minor' && !FUNCTIONAL_KINDS.has(d.kind));
  // "Shown in the photos" is only true when each of them has a photo; otherwise they are in the
  // listing description, which lists every defect.
  const allPhotographed = dropped.every((d) => d.photoPosition !== undefined && d.photoPosition !== null);
  const forms = allMinorMarks
    ? allPhotographed
      ? template.more.minorPhotos
      : template.more.minorText
    : allPhotographed
      ? template.more.anyPhotos
      : template.more.anyText;
  const text = fillTemplate(
    dropped.length === 1 ? forms.one : forms.other,
    { count: String(dropped.length) },
    'text',
  );
  return { text, facts: dropped.map((d): FactKey => `defect:${d.id}`) };
}

/** Staff notes longer than this are shortened in the condition description (the listing description keeps them whole). */
export const NOTE_MAX_IN_CONDITION = 160;

/**
 * The condition description's sentences within eBay's limit. Packaging, accessories, the test
 * and the work done always stay; defects go in order of importance, and when some do not fit
 * the least important are left out and a last sentence says how many and where to see them.
 * Should the fixed sentences alone overflow (a hundred accessories), the text is cut on a word
 * with "…" so the limit holds whatever was recorded.
 */
export function fitConditionSentences(
  item: DraftItem,
  lang: Language,
  template: DescriptionTemplate,
  max: number = CONDITION_DESCRIPTION_MAX,
): Sentence[] {
  const s = whySections(item, lang, template, { noteMax: NOTE_MAX_IN_CONDITION });
  const length = (list: readonly Sentence[]) => codePointLength(joinSentences(list));
  let candidate: Sentence[] = [];
  for (let kept = s.defects.length; kept >= 0; kept--) {
    const dropped = s.defects.slice(kept).map((d) => d.defect);
    candidate = [
      ...s.opening,
      ...s.defects.slice(0, kept).map((d) => d.sentence),
      ...s.closing,
      ...(dropped.length > 0 ? [moreSentence(dropped, template)] : []),
    ];
    if (length(candidate) <= max) return candidate;
  }
  return cutToLength(candidate, max);
}

/** Whole sentences while they fit, then the next one cut on a word with "…". */
function cutToLength(sentences: readonly Sentence[], max: number): Sentence[] {
  const out: Sentence[] = [];
  let used = 0;
  for (const sentence of sentences) {
    const gap = out.length > 0 ? 1 : 0;
    const len = codePointLength(sentence.text);
    if (used + gap + len <= max) {
      out.push(sentence);
      used += gap + len;
      continue;
    }
    const room = max - used - gap - 1;
    if (room > 10) {
      const chars = [...sentence.text].slice(0, room).join('');
      const space = chars.lastIndexOf(' ');
      const cut = (space > 0 ? chars.slice(0, space) : chars).replace(/[\s,;:.\-–—]+$/u, '');
      out.push({ text: `${cut}…`, facts: sentence.facts });
    }
    break;
  }
  return out;
}
