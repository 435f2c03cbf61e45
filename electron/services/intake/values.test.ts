import { describe, expect, test } from 'vitest';
import {
  parseAmount,
  parseDate,
  parseReturnReason,
  splitList,
  suggestProductMapping,
  suggestReturnMapping,
} from './values';

const cents = (text: string) => {
  const parsed = parseAmount(text);
  return parsed.ok ? parsed.value : `error: ${parsed.reason}`;
};

describe('amounts', () => {
  test.each([
    ['129', 12900],
    ['129,99', 12999],
    ['129.99', 12999],
    ['129,9', 12990],
    ['0,5', 50],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234,56', 123456],
    ['1\u202f234,56', 123456],
    ["1'234.50", 123450],
    ['1.234.567', 123456700],
    ['1,234,567.89', 123456789],
    ['€ 129,99', 12999],
    ['129,99 €', 12999],
    ['EUR 49.90', 4990],
    ['49.90 CHF', 4990],
    ['129,-', 12900],
    ['+12.00', 1200],
    ['0', 0],
  ])('%s → %i cents', (text, expected) => {
    expect(cents(text)).toBe(expected);
  });

  test('refuses ambiguous, negative and malformed amounts, saying why', () => {
    expect(cents('1.234')).toMatch(/ambiguous.*1234/);
    expect(cents('1,234')).toMatch(/ambiguous/);
    expect(cents('-12,00')).toMatch(/negative/);
    expect(cents('(12.00)')).toMatch(/negative/);
    expect(cents('12.00-')).toMatch(/negative/);
    expect(cents('12.345')).toMatch(/ambiguous/);
    expect(cents('1234.567')).toMatch(/more than two decimals/);
    expect(cents('0.125')).toMatch(/more than two decimals/);
    expect(cents('1.23.456')).toMatch(/misplaced/);
    expect(cents('12,34,56')).toMatch(/misplaced/);
    expect(cents('1.234.56')).toMatch(/misplaced/);
    expect(cents('12..5')).toMatch(/two separators/);
    expect(cents('abc')).toMatch(/not an amount/);
    expect(cents('12abc')).toMatch(/not an amount/);
    expect(cents('')).toMatch(/empty/);
  });
});

describe('dates', () => {
  const date = (text: string) => {
    const parsed = parseDate(text);
    return parsed.ok ? parsed.value : `error: ${parsed.reason}`;
  };

  test('reads ISO and day-first dates', () => {
    expect(date('2025-03-01')).toBe('2025-03-01');
    expect(date('2025-03-01T18:30:00+02:00')).toBe('2025-03-01');
    expect(date('2025-03-01 18:30')).toBe('2025-03-01');
    expect(date('2025/03/01')).toBe('2025-03-01');
    expect(date('01/03/2025')).toBe('2025-03-01');
    expect(date('1.3.2025')).toBe('2025-03-01');
    expect(date('01.03.2025')).toBe('2025-03-01');
    expect(date('01-03-2025')).toBe('2025-03-01');
    expect(date('29/02/2024')).toBe('2024-02-29');
  });

  test('refuses impossible dates, two-digit years and other text', () => {
    expect(date('31/02/2025')).toMatch(/not a real date/);
    expect(date('29/02/2025')).toMatch(/not a real date/);
    expect(date('2025-13-01')).toMatch(/not a real date/);
    expect(date('00/01/2025')).toMatch(/not a real date/);
    expect(date('01/03/25')).toMatch(/two-digit year/);
    expect(date('01/03.2025')).toMatch(/not a date/);
    expect(date('March 1st')).toMatch(/not a date/);
  });
});

describe('return reasons', () => {
  test('codes are taken as they are; words in en/fr/de are matched and kept as the note', () => {
    expect(parseReturnReason('wrong_size')).toEqual({ reason: 'wrong_size', note: '' });
    expect(parseReturnReason('Changed mind')).toEqual({ reason: 'changed_mind', note: '' });
    expect(parseReturnReason('I changed my mind')).toEqual({
      reason: 'changed_mind',
      note: 'I changed my mind',
    });
    expect(parseReturnReason('Taille trop petite').reason).toBe('wrong_size');
    expect(parseReturnReason('Artikel defekt').reason).toBe('defective_on_first_use');
    expect(parseReturnReason('Colis abîmé à la livraison').reason).toBe('arrived_damaged');
    expect(parseReturnReason('Farbe entspricht nicht der Abbildung').reason).toBe('not_as_described');
    expect(parseReturnReason('Lieferung zu spät').reason).toBe('late_delivery');
    expect(parseReturnReason('Widerruf').reason).toBe('changed_mind');
    expect(parseReturnReason('Gift for my aunt')).toEqual({ reason: 'other', note: 'Gift for my aunt' });
  });
});

describe('headers', () => {
  test('recognises column names in English, French and German', () => {
    expect(
      suggestReturnMapping([
        'Händler',
        'Bestellnummer',
        'Position',
        'Artikelnummer',
        'EAN',
        'Bezeichnung',
        'Preis',
        'Rücksendegrund',
        'Lieferdatum',
        'Eingangsdatum',
      ]),
    ).toEqual({
      merchant: 'Händler',
      order_reference: 'Bestellnummer',
      order_line: 'Position',
      sku: 'Artikelnummer',
      ean: 'EAN',
      title: 'Bezeichnung',
      original_price: 'Preis',
      return_reason: 'Rücksendegrund',
      delivered_at: 'Lieferdatum',
      received_at: 'Eingangsdatum',
    });
    expect(
      suggestReturnMapping([
        'N° de commande',
        'Référence',
        'Désignation',
        'Prix TTC',
        'Motif du retour',
        'Reçu le',
      ]),
    ).toEqual({
      order_reference: 'N° de commande',
      sku: 'Référence',
      title: 'Désignation',
      original_price: 'Prix TTC',
      return_reason: 'Motif du retour',
      received_at: 'Reçu le',
    });
    expect(suggestReturnMapping(['order_reference', 'SKU', 'Order Line', 'Delivered At'])).toEqual({
      order_reference: 'order_reference',
      sku: 'SKU',
      order_line: 'Order Line',
      delivered_at: 'Delivered At',
    });
    expect(suggestProductMapping(['SKU', 'Title', 'Price', 'Zubehör'])).toEqual({
      sku: 'SKU',
      title: 'Title',
      original_price: 'Price',
      accessories: 'Zubehör',
    });
  });

  test('splits a list of accessories written in one cell', () => {
    expect(splitList('charger | manual;  USB-C cable, ')).toEqual(['charger', 'manual', 'USB-C cable']);
  });
});
