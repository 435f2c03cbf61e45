import { describe, expect, test } from 'vitest';
import { csvDialect, csvRow, formatCents, neutraliseText, number, quoteField, text } from './csv';

describe('formula neutralisation', () => {
  test.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
  ])('%j starts a formula, so it gets an apostrophe', (input, expected) => {
    expect(neutraliseText(input)).toBe(expected);
  });

  test('ordinary text, and a trigger later in the text, are left alone', () => {
    expect(neutraliseText('Kettle = 1.7 l')).toBe('Kettle = 1.7 l');
    expect(neutraliseText('')).toBe('');
    expect(neutraliseText("'quoted")).toBe("'quoted");
  });

  test('a negative amount is a number cell and stays numeric; the same text in a title is defused', () => {
    const dialect = csvDialect('en');
    expect(csvRow([number(formatCents(-250, '.')), text('-2')], dialect)).toBe("-2.50,'-2\r\n");
  });
});

describe('locale dialects', () => {
  test('English uses comma and point; French and German semicolon and decimal comma', () => {
    expect(csvDialect('en')).toEqual({ separator: ',', decimal: '.' });
    expect(csvDialect('fr')).toEqual({ separator: ';', decimal: ',' });
    expect(csvDialect('de')).toEqual({ separator: ';', decimal: ',' });
  });

  test('amounts are plain numbers without symbol or thousands separator', () => {
    expect(formatCents(123456789, '.')).toBe('1234567.89');
    expect(formatCents(123456789, ',')).toBe('1234567,89');
    expect(formatCents(-5, ',')).toBe('-0,05');
    expect(formatCents(0, '.')).toBe('0.00');
    expect(() => formatCents(1.5, '.')).toThrow(RangeError);
  });

  test('a decimal comma amount is quoted in a comma file, never in a semicolon file', () => {
    expect(csvRow([number('12,50'), text('a;b')], csvDialect('fr'))).toBe('12,50;"a;b"\r\n');
    expect(csvRow([text('a,b'), number('12.50')], csvDialect('en'))).toBe('"a,b",12.50\r\n');
  });
});

describe('RFC 4180 quoting', () => {
  test('quotes, separators and line breaks are quoted with doubled quotes', () => {
    expect(quoteField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(quoteField('two\nlines', ',')).toBe('"two\nlines"');
    expect(quoteField('plain', ',')).toBe('plain');
  });

  test('a defused cell that also needs quoting is quoted after the apostrophe', () => {
    expect(csvRow([text('=1,2')], csvDialect('en'))).toBe(`"'=1,2"\r\n`);
    expect(csvRow([text('\rCR')], csvDialect('en'))).toBe(`"'\rCR"\r\n`);
  });
});
