import { describe, expect, test } from 'vitest';
import { AppError } from '../errors';
import { LANGUAGES } from '../domain/status';
import { AREAS, CATALOGUE } from './catalogue';
import type { Wording } from './define';
import { asMessage, date, list, money, nested, say, term } from './index';
import { renderMessage } from './render';

const forms = (wording: Wording): string[] =>
  typeof wording === 'string' ? [wording] : [wording.one, wording.other];
/** `{{name}}` and `{{name, format}}` placeholders, by name. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{(\w+)[^}]*\}\}/g)].map((m) => m[1]))].sort();

describe('the message catalogue', () => {
  test('gives every code to one area only, named after it', () => {
    const codes = Object.entries(AREAS).flatMap(([area, messages]) =>
      Object.keys(messages).map((code) => ({ area, code })),
    );
    for (const { area, code } of codes) expect(code.startsWith(`${area}.`), code).toBe(true);
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
    expect(Object.keys(CATALOGUE)).toHaveLength(codes.length);
  });

  test.each(LANGUAGES)('has every code in %s, never empty, with the English placeholders', (language) => {
    for (const [code, wordings] of Object.entries(CATALOGUE)) {
      const english = forms(wordings.en);
      const here = forms(wordings[language]);
      for (const text of here) expect(text.trim(), code).not.toBe('');
      const expected = placeholders(english.join(' '));
      // French and German may leave the number out of the singular ("une photo"), never a name.
      expect(placeholders(here.join(' ')), `${code} (${language})`).toEqual(expected);
    }
  });

  test('uses real plurals, never "(s)"', () => {
    for (const [code, wordings] of Object.entries(CATALOGUE)) {
      for (const language of LANGUAGES) {
        for (const text of forms(wordings[language]))
          expect(text, `${code} (${language})`).not.toMatch(/\w\((s|e|n|en|es)\)/);
      }
    }
  });
});

describe('drawing a message in the reader’s language', () => {
  const refusal = say('common.forbidden', {
    name: 'Lea Brandt',
    role: nested(say('common.role_noun.staff')),
    action: nested(say('common.action.approve_prices')),
  });

  test('draws names, codes as the screens’ words, and messages inside messages', () => {
    expect(renderMessage(refusal, 'en')).toBe('Lea Brandt is resale staff and cannot approve prices.');
    expect(renderMessage(refusal, 'fr')).toBe(
      'Lea Brandt est opérateur revente et ne peut pas valider les prix.',
    );
    expect(renderMessage(refusal, 'de')).toContain('darf nicht Preise freigeben');
  });

  test('draws amounts, dates and lists as each language writes them', () => {
    const fields = say('common.invalid_input', { fields: list(['price', 'grade']) });
    expect(renderMessage(fields, 'en')).toContain('(price and grade)');
    expect(renderMessage(fields, 'fr')).toContain('(price et grade)');
    expect(renderMessage(fields, 'de')).toContain('(price und grade)');
    const detail = (param: ReturnType<typeof money>) =>
      renderMessage(say('common.internal', { detail: param }), 'fr');
    expect(detail(money(123456, 'EUR'))).toMatch(/1\s234,56\s€$/);
    expect(detail(date('2026-12-07'))).toMatch(/7 décembre 2026$/);
    expect(detail(term('grade', 'used'))).toMatch(/: Occasion$/);
  });

  test('keeps the English text of a code this version does not know, and refuses what is not a message', () => {
    expect(renderMessage({ code: 'later.version_only' }, 'fr', 'Said in English')).toBe('Said in English');
    expect(asMessage({ code: 'x.y', params: { a: { money: 1.5, currency: 'EUR' } } })).toBeNull();
    expect(asMessage('Received R-1001')).toBeNull();
    expect(asMessage({ code: 'common.sign_in_first' })).toEqual({ code: 'common.sign_in_first' });
  });

  test('an error carries its message across a transport and reads in French on the other side', () => {
    const thrown = new AppError('forbidden', refusal);
    expect(thrown.message).toBe('Lea Brandt is resale staff and cannot approve prices.');
    const received = AppError.from(
      JSON.parse(JSON.stringify(thrown.toData())) as ReturnType<AppError['toData']>,
    );
    expect(received.text).toEqual(refusal);
    expect(renderMessage(received.text!, 'fr')).toContain('ne peut pas valider les prix');
  });
});
