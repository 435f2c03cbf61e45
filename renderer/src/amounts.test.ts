import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './amounts';

const cents = (text: string, locale: string) => parseAmount(text, locale);

describe('an amount typed at the desk', () => {
  it('takes the French way of writing it, thousands spaces included', () => {
    expect(cents('12,50', 'fr-FR')).toEqual({ ok: true, cents: 1250 });
    expect(cents('12,5', 'fr-FR')).toEqual({ ok: true, cents: 1250 });
    expect(cents('1 234,50', 'fr-FR')).toEqual({ ok: true, cents: 123450 });
    // What Intl itself writes in French: a narrow no-break space between the thousands.
    expect(cents('1\u202f234,50', 'fr-FR')).toEqual({ ok: true, cents: 123450 });
  });

  it('takes the other separator too, in any language', () => {
    expect(cents('12.50', 'fr-FR')).toEqual({ ok: true, cents: 1250 });
    expect(cents('1234.5', 'fr-FR')).toEqual({ ok: true, cents: 123450 });
    expect(cents('12,50', 'en-GB')).toEqual({ ok: true, cents: 1250 });
    expect(cents('1234.5', 'de-DE')).toEqual({ ok: true, cents: 123450 });
  });

  it('reads thousands the way each language groups them', () => {
    expect(cents('1.234,50', 'de-DE')).toEqual({ ok: true, cents: 123450 });
    expect(cents('1.234', 'de-DE')).toEqual({ ok: true, cents: 123400 });
    expect(cents('1,234.50', 'en-GB')).toEqual({ ok: true, cents: 123450 });
    expect(cents('1,234', 'en-GB')).toEqual({ ok: true, cents: 123400 });
    expect(cents('1.234.567', 'fr-FR')).toEqual({ ok: true, cents: 123456700 });
  });

  it('takes whole amounts and a bare separator', () => {
    expect(cents('80', 'fr-FR')).toEqual({ ok: true, cents: 8000 });
    expect(cents('0', 'de-DE')).toEqual({ ok: true, cents: 0 });
    expect(cents('12,', 'fr-FR')).toEqual({ ok: true, cents: 1200 });
    expect(cents(',5', 'fr-FR')).toEqual({ ok: true, cents: 50 });
  });

  it('refuses garbage with its reason, never as 0', () => {
    expect(cents('', 'fr-FR')).toEqual({ ok: false, problem: 'empty' });
    expect(cents('   ', 'fr-FR')).toEqual({ ok: false, problem: 'empty' });
    expect(cents('douze', 'fr-FR')).toEqual({ ok: false, problem: 'invalid' });
    expect(cents('12,5a', 'fr-FR')).toEqual({ ok: false, problem: 'invalid' });
    expect(cents('12,50,3', 'fr-FR')).toEqual({ ok: false, problem: 'invalid' });
    expect(cents('1 23,50', 'fr-FR')).toEqual({ ok: false, problem: 'invalid' });
    expect(cents(',', 'fr-FR')).toEqual({ ok: false, problem: 'invalid' });
    expect(cents('-5', 'fr-FR')).toEqual({ ok: false, problem: 'negative' });
    expect(cents('12,505', 'fr-FR')).toEqual({ ok: false, problem: 'decimals' });
    // One "." and three digits in French is not a thousands separator there: a slip, said so.
    expect(cents('1.234', 'fr-FR')).toEqual({ ok: false, problem: 'decimals' });
    expect(cents('123456789', 'en-GB')).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('an amount shown in a field', () => {
  it('uses the language’s decimal separator and no grouping', () => {
    expect(formatAmount(1250, 'fr-FR')).toBe('12,50');
    expect(formatAmount(123450, 'de-DE')).toBe('1234,50');
    expect(formatAmount(123405, 'en-GB')).toBe('1234.05');
    expect(formatAmount(7, 'en-GB')).toBe('0.07');
  });

  it('reads back what it shows', () => {
    for (const locale of ['fr-FR', 'de-DE', 'en-GB']) {
      expect(parseAmount(formatAmount(199900, locale), locale)).toEqual({ ok: true, cents: 199900 });
    }
  });
});
