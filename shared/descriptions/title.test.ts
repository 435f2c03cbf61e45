import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTitle, codePointLength, TITLE_MAX, tidyEnd } from './title';

const title = (productTitle: string, extra: Partial<Parameters<typeof buildTitle>[0]> = {}) =>
  buildTitle({
    brand: 'Sony',
    model: 'WH-1000XM5',
    productTitle,
    conditionWords: 'Open box',
    separator: ' – ',
    ...extra,
  });

/** Every word of the product part is a whole word of the inputs (never cut inside a word). */
function wordsComeWhole(result: string, condition: string, inputs: readonly string[]): boolean {
  const product = result.slice(0, result.length - condition.length).replace(/ – $/u, '');
  const whole = new Set(inputs.join(' ').split(/\s+/u));
  return product
    .split(' ')
    .filter((w) => w !== '')
    .every(
      (w) =>
        whole.has(w) ||
        [...whole].some((input) => input.startsWith(w) && /^[^\p{L}\p{N}]*$/u.test(input.slice(w.length))),
    );
}

describe('buildTitle', () => {
  it('puts brand and model first, without repeating them, then the condition', () => {
    expect(title('Sony WH-1000XM5 Wireless Noise Cancelling Headphones, Black')).toBe(
      'Sony WH-1000XM5 Wireless Noise Cancelling Headphones, Black – Open box',
    );
    expect(title('SONY WH-1000XM5 - Wireless Headphones - Black')).toBe(
      'Sony WH-1000XM5 Wireless Headphones - Black – Open box',
    );
  });

  it('works without brand or model', () => {
    expect(title('Oak dining table, 180 cm', { brand: null, model: null })).toBe(
      'Oak dining table, 180 cm – Open box',
    );
    expect(title('', { model: null })).toBe('Sony – Open box');
  });

  it('cuts a long product name on a word, keeping brand, model and condition', () => {
    const long =
      'Sony WH-1000XM5 Wireless Industry Leading Noise Cancelling Headphones with Auto Noise Cancelling Optimizer, Crystal Clear Hands-Free Calling and Alexa Voice Control, Black';
    const result = title(long);
    expect(codePointLength(result)).toBeLessThanOrEqual(TITLE_MAX);
    expect(result.startsWith('Sony WH-1000XM5 Wireless Industry Leading Noise Cancelling Headphones')).toBe(
      true,
    );
    expect(result.endsWith(' – Open box')).toBe(true);
    expect(result).not.toMatch(/\bwith – /u);
    expect(wordsComeWhole(result, 'Open box', [long])).toBe(true);
  });

  it('drops bracketed asides before anything else', () => {
    const result = title(
      'Sony WH-1000XM5 Wireless Noise Cancelling Headphones (2022 edition, international version) Midnight Blue',
    );
    expect(result).toBe('Sony WH-1000XM5 Wireless Noise Cancelling Headphones Midnight Blue – Open box');
  });

  it('never ends on a separator, a link word or an open bracket', () => {
    expect(tidyEnd(['Headphones', 'with'])).toEqual(['Headphones']);
    expect(tidyEnd(['Casque', 'sans', 'fil', 'avec'])).toEqual(['Casque', 'sans', 'fil']);
    expect(tidyEnd(['Kopfhörer', 'mit', '-'])).toEqual(['Kopfhörer']);
    expect(tidyEnd(['Headphones,'])).toEqual(['Headphones']);
    expect(tidyEnd(['Headphones', '(Black,'])).toEqual(['Headphones']);
    expect(tidyEnd(['Headphones', '(Black)'])).toEqual(['Headphones', '(Black)']);
  });

  it('keeps brand, model and condition even when they alone are long, cutting only on words', () => {
    const result = buildTitle({
      brand: 'Very Long Manufacturer Name International Holdings',
      model: 'Professional Series Model Number XR-2000 Deluxe Edition Extra',
      productTitle: 'Something',
      conditionWords: 'Geöffnete Verpackung',
      separator: ' – ',
    });
    expect(codePointLength(result)).toBeLessThanOrEqual(TITLE_MAX);
    // The brand alone fills the room the condition leaves; the model's words do not fit whole.
    expect(result).toBe('Very Long Manufacturer Name International Holdings – Geöffnete Verpackung');
  });

  it('gives the condition alone when not a single product word fits', () => {
    const result = buildTitle({
      brand: null,
      model: null,
      productTitle: 'x'.repeat(120),
      conditionWords: 'Emballage ouvert',
      separator: ' – ',
    });
    expect(result).toBe('Emballage ouvert');
  });

  it('counts characters as eBay does: code points, accents composed', () => {
    expect(codePointLength('Kopfhörer 🎧')).toBe(11);
    const decomposed = 'Kopfho\u0308rer';
    expect(title(decomposed, { brand: null, model: null })).toBe('Kopfhörer – Open box');
    const emoji = '🎧'.repeat(40);
    const result = title(`Casque ${emoji} ${emoji}`, {
      brand: null,
      model: null,
      conditionWords: 'Occasion',
    });
    expect(codePointLength(result)).toBeLessThanOrEqual(TITLE_MAX);
    expect(result).toBe(`Casque ${emoji} – Occasion`);
  });

  it('keeps every title within 80 characters, whole words only, condition last (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9"(),\-/]{1,14}$/u);
    const words = fc.array(word, { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.option(word, { nil: null }),
        fc.option(words, { nil: null }),
        words,
        fc.constantFrom('Open box', 'Emballage ouvert', 'Geöffnete Verpackung', 'Pour pièces ou à réparer'),
        (brand, model, productTitle, conditionWords) => {
          const result = buildTitle({ brand, model, productTitle, conditionWords, separator: ' – ' });
          expect(codePointLength(result)).toBeLessThanOrEqual(TITLE_MAX);
          expect(result.endsWith(conditionWords)).toBe(true);
          expect(result).not.toMatch(/[,;:\-/(] – /u);
          expect(wordsComeWhole(result, conditionWords, [brand ?? '', model ?? '', productTitle])).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

it('removes invisible direction overrides, keeps emoji joiners', () => {
  expect(
    buildTitle({
      brand: 'Acme\u202e',
      model: null,
      productTitle: 'Desk\u200b lamp 👩‍💻',
      conditionWords: 'Used',
      separator: ' – ',
    }),
  ).toBe('Acme Desk lamp 👩‍💻 – Used');
});
