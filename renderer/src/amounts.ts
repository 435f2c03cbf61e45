/**
 * Amounts typed into the app and shown back in its fields, in the person's language: "12,50" in
 * French and German, "12.50" in English. Either separator is accepted when typed, whatever the
 * language, because a desk's numeric keypad may type either. Parsing never goes through a float:
 * the digits after the separator are the cents.
 */

/** Why a typed amount was not taken; each has a sentence in the catalogues under `amount.*`. */
export type AmountProblem = 'empty' | 'invalid' | 'decimals' | 'negative' | 'tooLarge';

export type ParsedAmount =
  { readonly ok: true; readonly cents: number } | { readonly ok: false; readonly problem: AmountProblem };

/** Above this many whole units an amount is a typing slip, not a returned item's price. */
const MAX_WHOLE_DIGITS = 7;

const separatorsCache = new Map<string, { decimal: string; group: string }>();

/** The locale's decimal and grouping separators, as Intl writes them (fr: "," and a narrow space). */
export function separatorsOf(locale: string): { decimal: string; group: string } {
  let found = separatorsCache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    found = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
    };
    separatorsCache.set(locale, found);
  }
  return found;
}

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Reads a typed amount into minor units. "12,50", "12.50", "1 234,50", "1.234,50" and "1,234.50"
 * are all understood; a single "." or "," followed by three digits is a thousands separator only
 * where the language groups with it ("1.234" is 1234 in German, a slip with three decimals in
 * English or French). Anything else is refused with the reason, never read as 0.
 */
export function parseAmount(text: string, locale: string): ParsedAmount {
  const entry = text.trim().replace(SPACES, ' ');
  if (entry === '') return { ok: false, problem: 'empty' };
  if (/^[-\u2212]/.test(entry)) return { ok: false, problem: 'negative' };
  if (!/^[0-9 .,'\u2019]+$/.test(entry) || !/[0-9]/.test(entry)) return { ok: false, problem: 'invalid' };

  const { group } = separatorsOf(locale);
  const localGroup = group.replace(SPACES, ' ');
  let whole = entry;
  let fraction = '';
  const last = Math.max(entry.lastIndexOf('.'), entry.lastIndexOf(','));
  if (last >= 0) {
    const separator = entry[last]!;
    const after = entry.slice(last + 1);
    const uses = entry.split(separator).length - 1;
    const other = separator === '.' ? ',' : '.';
    const grouping =
      /^[0-9]{3}$/.test(after) && (uses > 1 || (!entry.includes(other) && separator === localGroup));
    if (!grouping) {
      if (!/^[0-9]*$/.test(after)) return { ok: false, problem: 'invalid' };
      if (after.length > 2) return { ok: false, problem: 'decimals' };
      whole = entry.slice(0, last);
      fraction = after;
    }
  }
  // The whole part: plain digits, or groups of three with one separator throughout.
  let digits: string;
  if (/^[0-9]*$/.test(whole)) digits = whole;
  else {
    const grouped = /^[0-9]{1,3}([ .,'\u2019])[0-9]{3}(?:\1[0-9]{3})*$/.exec(whole);
    if (!grouped) return { ok: false, problem: 'invalid' };
    digits = whole.split(grouped[1]!).join('');
  }
  if (digits === '' && fraction === '') return { ok: false, problem: 'invalid' };
  if (digits.replace(/^0+/, '').length > MAX_WHOLE_DIGITS) return { ok: false, problem: 'tooLarge' };
  return { ok: true, cents: Number(digits || '0') * 100 + Number(fraction.padEnd(2, '0')) };
}

/**
 * Minor units as an amount field shows them: the language's decimal separator, two decimals and
 * no grouping, so the text can be edited digit by digit (12345 in fr → "123,45").
 */
export function formatAmount(cents: number, locale: string): string {
  const whole = Math.floor(Math.abs(cents) / 100);
  const rest = String(Math.abs(cents) % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${whole}${separatorsOf(locale).decimal}${rest}`;
}
