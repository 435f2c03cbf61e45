/**
 * Listing titles: brand, model, the product's key words, then the condition in the buyer's
 * language, within eBay's 80 characters. eBay counts characters, not bytes or UTF-16 units, so
 * lengths here are in code points of the NFC form ("é" typed as e + accent counts once).
 */

export const TITLE_MAX = 80;

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * NFC, single spaces, one line. Control characters become spaces; invisible direction overrides
 * and zero-width spaces go, so typed text cannot reorder or hide what the buyer reads. (The
 * zero-width joiners that emoji and some scripts need stay.)
 */
export function cleanLine(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

/**
 * Words that only link other words: a title never ends on one ("… Headphones with").
 * English, French and German, since the catalogue's language is not necessarily the buyer's.
 */
const LINK_WORDS = new Set([
  'a',
  'an',
  'and',
  'or',
  'of',
  'the',
  'with',
  'without',
  'for',
  'in',
  'on',
  'to',
  'by',
  'from',
  'incl',
  'incl.',
  'including',
  'plus',
  'w/',
  'à',
  'au',
  'aux',
  'avec',
  'de',
  'des',
  'du',
  "d'",
  'd’',
  'en',
  'et',
  'la',
  'le',
  'les',
  "l'",
  'l’',
  'ou',
  'par',
  'pour',
  'sans',
  'sur',
  'un',
  'une',
  'am',
  'an',
  'auf',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'für',
  'im',
  'inkl',
  'inkl.',
  'inklusive',
  'mit',
  'oder',
  'ohne',
  'und',
  'von',
  'vom',
  'zu',
  'zum',
  'zur',
]);

/** Punctuation that may not end a title (a closing bracket or quote may). */
const TRAILING_PUNCTUATION = /[\s,;:.!?¡¿\-‐‑‒–—―/\\|&+·•*_~([{«‹"'„“‚‘]+$/u;
/** A token that is only a separator ("-", "|", "/"…). */
const SEPARATOR = /^[-‐‑‒–—―/\\|·•:;,+*~]+$/u;

const key = (token: string): string =>
  token
    .toLocaleLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .normalize('NFC');

function tokens(text: string | null): string[] {
  const line = cleanLine(text ?? '');
  return line === '' ? [] : line.split(' ');
}

/**
 * Tidies the end of a cut phrase: no separator, link word or punctuation left dangling, and no
 * bracket left open ("… (Black," → "…").
 */
export function tidyEnd(words: readonly string[]): string[] {
  const out = [...words];
  for (;;) {
    const before = out.join(' ');
    // An unclosed bracket: cut from the word that opened it.
    let depth = 0;
    let openedAt = -1;
    out.forEach((w, i) => {
      for (const ch of w) {
        if (ch === '(' || ch === '[') {
          if (depth === 0) openedAt = i;
          depth++;
        } else if ((ch === ')' || ch === ']') && depth > 0) depth--;
      }
    });
    if (depth > 0 && openedAt >= 0) out.splice(openedAt);
    const last = out.at(-1);
    if (last !== undefined) {
      const trimmed = last.replace(TRAILING_PUNCTUATION, '');
      if (trimmed === '' || LINK_WORDS.has(trimmed.toLocaleLowerCase())) out.pop();
      else out[out.length - 1] = trimmed;
    }
    if (out.join(' ') === before) return out;
  }
}

/** Drops separators at the start and doubled ones ("- Wireless -  - Black" → "Wireless - Black"). */
function tidySeparators(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (SEPARATOR.test(w) && (out.length === 0 || SEPARATOR.test(out.at(-1) ?? ''))) continue;
    out.push(w);
  }
  return out;
}

/** The title's words without those already given as brand and model (each removed once). */
function attributeWords(title: readonly string[], given: readonly string[]): string[] {
  const rest = [...title];
  for (const word of given) {
    const k = key(word);
    if (k === '') continue;
    const at = rest.findIndex((w) => key(w) === k);
    if (at >= 0) rest.splice(at, 1);
  }
  return tidySeparators(rest);
}

/** The same words without anything in brackets: the first thing to go when a title is too long. */
function withoutBrackets(words: readonly string[]): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const w of words) {
    const startsInside = depth > 0;
    for (const ch of w) {
      if (ch === '(' || ch === '[') depth++;
      else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    }
    if (!startsInside && !/[([]/.test(w)) out.push(w);
  }
  return tidySeparators(out);
}

/** Whether a phrase of a catalogue title ends after `words[i]` ("Laptop," or the word before " - "). */
function endsPhrase(words: readonly string[], i: number): boolean {
  const next = words[i + 1];
  return next === undefined || /[,;]$/u.test(words[i] ?? '') || SEPARATOR.test(next);
}

/** How many characters a whole phrase may cost compared with cutting after any word. */
const PHRASE_SLACK = 20;

/**
 * The longest start of `words` (after tidying its end) that fits in `budget` characters,
 * preferring one that ends with a whole phrase when that costs little: "… 14" WUXGA IPS"
 * rather than "… IPS, Intel Core" without its "i7-1355U".
 */
function longestFit(words: readonly string[], budget: number, wholePhrases = false): string[] {
  const fit = (phrasesOnly: boolean): string[] => {
    for (let n = words.length; n > 0; n--) {
      if (phrasesOnly && !endsPhrase(words, n - 1)) continue;
      const candidate = tidyEnd(words.slice(0, n));
      if (candidate.length > 0 && codePointLength(candidate.join(' ')) <= budget) return candidate;
    }
    return [];
  };
  const anyWord = fit(false);
  if (!wholePhrases) return anyWord;
  const phrase = fit(true);
  const length = (w: readonly string[]) => codePointLength(w.join(' '));
  return phrase.length > 0 && length(anyWord) - length(phrase) <= PHRASE_SLACK ? phrase : anyWord;
}

export interface TitleInput {
  readonly brand: string | null;
  readonly model: string | null;
  readonly productTitle: string;
  /** The condition in the buyer's language ("Open box"): always kept. */
  readonly conditionWords: string;
  /** Between the product and the condition (" – "). */
  readonly separator: string;
  readonly max?: number;
}

/**
 * Brand, model and the product title's other words, then the condition. When that is too long,
 * the least useful words go first: bracketed asides, then the title's words from the end
 * (catalogue titles put the product type first and variants last). Brand, model and condition
 * stay; only a brand and model that alone overflow are themselves cut, on a word.
 */
export function buildTitle(input: TitleInput): string {
  const max = input.max ?? TITLE_MAX;
  const condition = cleanLine(input.conditionWords);
  const separator = input.separator.normalize('NFC');
  const head = [...tokens(input.brand), ...tokens(input.model)];
  const attributes = attributeWords(tokens(input.productTitle), head);
  const suffix = condition === '' ? '' : `${separator}${condition}`;
  const budget = max - codePointLength(suffix);

  const product = ((): string[] => {
    if (budget <= 0) return [];
    for (const candidate of [
      [...head, ...attributes],
      [...head, ...withoutBrackets(attributes)],
    ]) {
      const tidy = tidyEnd(candidate);
      if (codePointLength(tidy.join(' ')) <= budget) return tidy;
    }
    const headFit = longestFit(head, budget);
    if (headFit.length < head.length) return headFit;
    const room = budget - codePointLength(head.join(' ')) - (head.length > 0 ? 1 : 0);
    const rest = longestFit(withoutBrackets(attributes), room, true);
    return tidyEnd([...head, ...rest]);
  })();

  if (product.length === 0) {
    // Nothing of the product fits (a 90-letter "word"): the condition alone, cut on a word if need be.
    return longestFit(tokens(condition), max).join(' ');
  }
  return `${product.join(' ')}${suffix}`;
}
