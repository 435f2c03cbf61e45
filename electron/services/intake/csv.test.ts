import { describe, expect, test } from 'vitest';
import {
  checkStructure,
  decodeBytes,
  detectSeparator,
  normalizeNewlines,
  prepareFile,
  readRecords,
} from './csv';
import { windows1252 } from '../../../tests/support/intake';

async function records(text: string) {
  const prepared = prepareFile(new TextEncoder().encode(text));
  const out: { line: number; fields: readonly string[] }[] = [];
  for await (const record of readRecords(prepared.text, prepared.separator)) out.push(record);
  return out;
}

describe('encodings', () => {
  const sample = 'Crème brûlée, Größe, 12 €';

  test('UTF-8 with and without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode(sample);
    expect(decodeBytes(utf8)).toEqual({ text: sample, encoding: 'utf-8', bom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeBytes(withBom)).toEqual({ text: sample, encoding: 'utf-8', bom: true });
  });

  test('Windows-1252 when the bytes are not valid UTF-8', () => {
    const bytes = windows1252(sample);
    expect(bytes).toContain(0x80); // the euro sign's byte in Windows-1252
    expect(decodeBytes(bytes)).toEqual({ text: sample, encoding: 'windows-1252', bom: false });
  });

  test('UTF-16 with its byte-order mark (Excel’s “Unicode text”)', () => {
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(sample, 'utf16le'))]);
    expect(decodeBytes(le)).toEqual({ text: sample, encoding: 'utf-16le', bom: true });
  });

  test('refuses empty and binary files', () => {
    expect(() => prepareFile(new Uint8Array())).toThrow(/empty/);
    expect(() => prepareFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow(/not a CSV/);
  });
});

describe('separators', () => {
  test('comma, semicolon, tab and pipe files are told apart', () => {
    expect(detectSeparator('sku,title,price\nA,Helmet,"12,50"\nB,Lock,9.99\n')).toBe(',');
    expect(detectSeparator('sku;title;price\nA;Helmet, black;12,50\nB;Lock;9,99\n')).toBe(';');
    expect(detectSeparator('sku\ttitle\tprice\nA\tHelmet; black\t12,50\n')).toBe('\t');
    expect(detectSeparator('sku|title|price\nA|Helmet|12.50\n')).toBe('|');
    // Decimal commas vary from row to row; the semicolons do not.
    expect(detectSeparator('a;b;c\n1,5;2,25;3\n4;5;6,75\n')).toBe(';');
  });
});

describe('records and line numbers', () => {
  test('a record starts on the physical line of the file, counting lines inside quoted fields', async () => {
    const text = [
      'sku;title;note', // 1
      'A;"Two', // 2
      'lines";x', // 3
      '', // 4
      'B;"Three', // 5
      'whole', // 6
      'lines";y', // 7
      'C;plain;z', // 8
    ].join('\r\n');
    expect(await records(text)).toEqual([
      { line: 1, fields: ['sku', 'title', 'note'] },
      { line: 2, fields: ['A', 'Two\nlines', 'x'] },
      { line: 5, fields: ['B', 'Three\nwhole\nlines', 'y'] },
      { line: 8, fields: ['C', 'plain', 'z'] },
    ]);
  });

  test('old Mac line endings and a missing final newline', async () => {
    expect((await records('a,b\r1,2\r3,4')).map((r) => r.line)).toEqual([1, 2, 3]);
    expect(normalizeNewlines('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  test('a quote opened and never closed refuses the whole file, saying where', () => {
    const text = 'sku,title\nA,ok\nB,"never closed\nC,lost\n';
    expect(() => checkStructure(text, ',')).toThrow(/past line 2/);
    expect(checkStructure('sku,title\nA,"12"" tray"\nB,x', ',')).toBe(3);
  });
});
