import type { ProductField, ReturnField } from '../../../shared/contract/intake';
import { RETURN_REASONS, type ReturnReason } from '../../../shared/domain/grades';
import { isValidIsoDate } from '../../../shared/domain/returnWindow';
import { say, type Message } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';

/**
 * Reading the values people put in spreadsheets: amounts with either decimal separator,
 * dates in ISO or European order, return reasons in their own words, headers in en/fr/de.
 * Every refusal says what was read and what would be accepted.
 */

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string; readonly text: Message };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
/** A refusal: the message for the person, and its English drawing for logs and older readers. */
export const fail = <T>(text: Message): Parsed<T> => ({ ok: false, reason: englishText(text), text });

// ---------------------------------------------------------------------------------------------
// Amounts

const CURRENCY_MARK = String.raw`(?:EUR|GBP|USD|CHF|PLN|SEK|DKK|€|£|\$|zł|kr\.?|SFr\.?|Fr\.?)`;
const LEADING_MARK = new RegExp(`^${CURRENCY_MARK}\\s*`, 'i');
const TRAILING_MARK = new RegExp(`\\s*${CURRENCY_MARK}$`, 'i');

/**
 * An amount as integer cents. Accepted: "129", "129,99", "129.99", "1.234,56", "1,234.56",
 * "1 234,56", "1'234.50", "129,-", with or without a currency sign or code. Refused, with the
 * reason: negative amounts, more than two decimals, misplaced thousands separators, and the
 * ambiguous "1.234" / "1,234" (a thousands separator, or three decimals? — the file's other rows
 * cannot be trusted to say, so the person fixing the file decides).
 */
export function parseAmount(raw: string): Parsed<number> {
  const shown = raw.trim();
  let s = raw.trim().replace(LEADING_MARK, '').replace(TRAILING_MARK, '').trim();
  if (s === '') return fail(say('intake.value.empty_amount'));
  // "129,-" is German for 129.00; the dash is not a minus sign.
  s = s.replace(/[.,][-–]$/, '');
  if (/^[-−–]/.test(s) || /-$/.test(s) || /^\(.*\)$/.test(s)) {
    return fail(say('intake.value.negative_amount', { text: shown }));
  }
  s = s.replace(/^\+/, '');
  if (!/^\d[\d.,'\u00a0\u202f ]*$/.test(s) || !/\d$/.test(s))
    return fail(say('intake.value.not_amount', { text: shown }));

  const groups = s.split(/[.,'\u00a0\u202f ]/);
  const separators = s.match(/[.,'\u00a0\u202f ]/g) ?? [];
  if (groups.some((g) => g === '')) return fail(say('intake.value.double_separator', { text: shown }));
  if (separators.length === 0) return toCents(shown, s, '');

  const dots = separators.filter((c) => c === '.').length;
  const commas = separators.filter((c) => c === ',').length;
  const last = separators.at(-1)!;
  const lastGroup = groups.at(-1)!;
  let decimal: '.' | ',' | null = null;
  if (dots > 0 && commas > 0) {
    if (last !== '.' && last !== ',') return fail(say('intake.value.misplaced_separators', { text: shown }));
    if ((last === '.' ? dots : commas) !== 1)
      return fail(say('intake.value.misplaced_separators', { text: shown }));
    decimal = last;
  } else if (dots + commas === 1 && (last === '.' || last === ',')) {
    const head = groups[0]!;
    if (lastGroup.length <= 2) decimal = last;
    else if (lastGroup.length === 3 && groups.length === 2 && head.length <= 3 && head !== '0') {
      const whole = `${head}${lastGroup}`;
      return fail(say('intake.value.ambiguous_amount', { text: shown, whole, head, tail: lastGroup }));
    } else return fail(say('intake.value.too_many_decimals', { text: shown }));
  } else if (dots + commas === 1) {
    return fail(say('intake.value.misplaced_separators', { text: shown }));
  }
  // Everything before the decimal separator is digit groups: 1–3 digits, then exactly 3 each.
  const integerGroups = decimal === null ? groups : groups.slice(0, -1);
  const fraction = decimal === null ? '' : lastGroup;
  if (fraction.length > 2) return fail(say('intake.value.too_many_decimals', { text: shown }));
  if (integerGroups.length > 1) {
    const [head, ...rest] = integerGroups;
    if (head!.length > 3 || rest.some((g) => g.length !== 3)) {
      return fail(say('intake.value.misplaced_thousands', { text: shown }));
    }
  }
  return toCents(shown, integerGroups.join(''), fraction);
}

function toCents(shown: string, integer: string, fraction: string): Parsed<number> {
  const cents = Number(integer) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return fail(say('intake.value.too_large', { text: shown }));
  return ok(cents);
}

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * A calendar date as YYYY-MM-DD. Accepted: ISO "2025-03-01" (a time after it is ignored, the
 * date is taken as written), "2025/03/01", and day first "01/03/2025", "1.3.2025", "01-03-2025".
 * Slashes are read day/month/year, as everywhere in the markets Rebound serves (never US order).
 * Two-digit years and impossible dates (31/02/2025) are refused.
 */
export function parseDate(raw: string): Parsed<string> {
  const text = raw.trim();
  const shown = text;
  let y: string, m: string, d: string;
  let match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (match) {
    [, y, m, d] = match as unknown as [string, string, string, string];
  } else if ((match = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/.exec(text))) {
    [, y, , m, d] = match as unknown as [string, string, string, string, string];
  } else if ((match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text))) {
    [, d, , m, y] = match as unknown as [string, string, string, string, string];
  } else if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(text)) {
    return fail(say('intake.value.two_digit_year', { text: shown }));
  } else {
    return fail(say('intake.value.not_date', { text: shown }));
  }
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isValidIsoDate(iso)) return fail(say('intake.value.not_real_date', { text: shown }));
  return ok(iso);
}

// ---------------------------------------------------------------------------------------------
// Return reasons

/** Lower-case, accents and punctuation removed: "Rücksendegrund" and "rucksende grund" meet. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replaceAll(/\p{M}/gu, '')
    .replaceAll('ß', 'ss')
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words people use for each reason, in en/fr/de, folded. Checked in this order. */
const REASON_WORDS: readonly (readonly [ReturnReason, readonly string[]])[] = [
  [
    'late_delivery',
    ['late', 'delayed', 'too late', 'retard', 'tardive', 'verspatet', 'zu spat', 'lieferverzug'],
  ],
  [
    'arrived_damaged',
    [
      'arrived damaged',
      'damaged',
      'transit',
      'endommage',
      'abime',
      'casse',
      'beschadigt',
      'transportschaden',
    ],
  ],
  [
    'not_as_described',
    [
      'not as described',
      'different',
      'colour',
      'color',
      'dimension',
      'non conforme',
      'ne correspond pas',
      'couleur',
      'nicht wie beschrieben',
      'farbe',
      'entspricht nicht',
    ],
  ],
  [
    'wrong_size',
    [
      'wrong size',
      'size',
      'fit',
      'too small',
      'too big',
      'too large',
      'taille',
      'pointure',
      'trop petit',
      'trop grand',
      'grosse',
      'passt nicht',
      'zu klein',
      'zu gross',
    ],
  ],
  [
    'could_not_make_it_work',
    [
      'could not make it work',
      'make it work',
      'complicated',
      'install',
      'incompatible',
      'compatib',
      'complique',
      'kompatibel',
      'kompliziert',
    ],
  ],
  [
    'defective_on_first_use',
    [
      'defective',
      'faulty',
      'doa',
      'broken',
      'not working',
      'defectueux',
      'en panne',
      'ne fonctionne pas',
      'defekt',
      'funktioniert nicht',
    ],
  ],
  [
    'changed_mind',
    [
      'changed mind',
      'changed my mind',
      'no longer',
      'not needed',
      'unwanted',
      'withdrawal',
      'retractation',
      'change d avis',
      'plus besoin',
      'widerruf',
      'gefallt nicht',
      'nicht mehr',
      'meinung',
    ],
  ],
];

/**
 * A return reason from the file's words. The codes themselves ("wrong_size") are taken as they
 * are; other text is matched on words and kept as the return note, so nothing the customer or
 * merchant wrote is lost; text matching nothing is "other".
 */
export function parseReturnReason(raw: string): { reason: ReturnReason; note: string } {
  const text = raw.trim();
  const code = text.toLowerCase().replaceAll(/[\s-]+/g, '_');
  if ((RETURN_REASONS as readonly string[]).includes(code)) return { reason: code as ReturnReason, note: '' };
  const folded = ` ${foldText(text)} `;
  for (const [reason, words] of REASON_WORDS) {
    if (words.some((word) => folded.includes(` ${word}`))) return { reason, note: text };
  }
  return { reason: 'other', note: text };
}

// ---------------------------------------------------------------------------------------------
// Headers

/** Header names people use for each column, in en/fr/de. Compared folded, without spaces. */
const RETURN_ALIASES: Readonly<Record<ReturnField, readonly string[]>> = {
  merchant: [
    'merchant',
    'merchant name',
    'seller',
    'vendor',
    'shop',
    'store',
    'client',
    'marchand',
    'vendeur',
    'boutique',
    'commercant',
    'enseigne',
    'händler',
    'haendler',
    'verkäufer',
    'mandant',
  ],
  order_reference: [
    'order_reference',
    'order reference',
    'order ref',
    'order',
    'order number',
    'order no',
    'order id',
    'order #',
    'commande',
    'n° de commande',
    'no de commande',
    'numéro de commande',
    'référence commande',
    'ref commande',
    'bestellnummer',
    'bestellung',
    'bestell-nr',
    'auftragsnummer',
    'auftrag',
  ],
  order_line: [
    'order_line',
    'order line',
    'line',
    'line number',
    'line no',
    'position',
    'ligne',
    'n° de ligne',
    'numéro de ligne',
    'pos',
    'bestellposition',
    'zeile',
    'positionsnummer',
  ],
  sku: [
    'sku',
    'article number',
    'item number',
    'product code',
    'item code',
    'référence',
    'référence article',
    'ref article',
    'code article',
    'artikelnummer',
    'art-nr',
    'art.-nr.',
    'artikel-nr',
  ],
  ean: [
    'ean',
    'gtin',
    'ean13',
    'ean/gtin',
    'upc',
    'barcode',
    'code-barres',
    'code barre',
    'code ean',
    'strichcode',
  ],
  title: [
    'title',
    'name',
    'product name',
    'product',
    'product title',
    'item name',
    'désignation',
    'libellé',
    'nom',
    'nom du produit',
    'produit',
    'titre',
    'titel',
    'bezeichnung',
    'artikelbezeichnung',
    'produktname',
    'artikelname',
    'artikel',
  ],
  brand: ['brand', 'manufacturer', 'make', 'marque', 'fabricant', 'marke', 'hersteller'],
  model: ['model', 'modèle', 'modell', 'model number'],
  original_price: [
    'original_price',
    'original price',
    'price',
    'unit price',
    'retail price',
    'amount',
    'prix',
    'prix unitaire',
    'prix ttc',
    'prix de vente',
    'montant',
    'preis',
    'einzelpreis',
    'verkaufspreis',
    'betrag',
    'vk-preis',
  ],
  currency: ['currency', 'devise', 'monnaie', 'währung', 'waehrung'],
  return_reason: [
    'return_reason',
    'return reason',
    'reason',
    'reason for return',
    'motif',
    'motif de retour',
    'motif du retour',
    'raison',
    'raison du retour',
    'grund',
    'rücksendegrund',
    'retourengrund',
    'rückgabegrund',
    'retourgrund',
  ],
  delivered_at: [
    'delivered_at',
    'delivered at',
    'delivered',
    'delivery date',
    'date delivered',
    'date de livraison',
    'livré le',
    'livraison',
    'lieferdatum',
    'zugestellt am',
    'geliefert am',
    'zustelldatum',
  ],
  received_at: [
    'received_at',
    'received at',
    'received',
    'return date',
    'returned at',
    'date received',
    'arrival date',
    'date de retour',
    'reçu le',
    'date de réception',
    'retour reçu le',
    'eingangsdatum',
    'rücksendedatum',
    'eingegangen am',
    'retourdatum',
    'wareneingang',
    'rückgabedatum',
  ],
};

const PRODUCT_ALIASES: Readonly<Record<ProductField, readonly string[]>> = {
  sku: RETURN_ALIASES.sku,
  ean: RETURN_ALIASES.ean,
  brand: RETURN_ALIASES.brand,
  model: RETURN_ALIASES.model,
  title: RETURN_ALIASES.title,
  description: [
    'description',
    'product description',
    'long description',
    'descriptif',
    'beschreibung',
    'produktbeschreibung',
  ],
  original_price: RETURN_ALIASES.original_price,
  currency: RETURN_ALIASES.currency,
  accessories: [
    'accessories',
    'expected accessories',
    'included',
    'in the box',
    'contents',
    'accessoires',
    'contenu',
    'zubehör',
    'lieferumfang',
  ],
};

export function headerKey(header: string): string {
  return foldText(header).replaceAll(' ', '');
}

function suggest<F extends string>(
  header: readonly string[],
  aliases: Readonly<Record<F, readonly string[]>>,
): Partial<Record<F, string>> {
  const keys = header.map(headerKey);
  const used = new Set<number>();
  const mapping: Partial<Record<F, string>> = {};
  // Field by field, the first alias any header matches; each header serves one field only.
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const index = keys.findIndex((key, i) => !used.has(i) && key === headerKey(alias));
      if (index >= 0) {
        used.add(index);
        mapping[field] = header[index]!;
        break;
      }
    }
  }
  return mapping;
}

export function suggestReturnMapping(header: readonly string[]): Partial<Record<ReturnField, string>> {
  return suggest(header, RETURN_ALIASES);
}

export function suggestProductMapping(header: readonly string[]): Partial<Record<ProductField, string>> {
  return suggest(header, PRODUCT_ALIASES);
}

/** Accessories in one cell: "charger | manual", "charger; manual" or "charger, manual". */
export function splitList(cell: string): string[] {
  return cell
    .split(/[|;,\n]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
