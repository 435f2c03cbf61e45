import { Readable } from 'node:stream';
import { parse as parseStream, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { ImportEncoding, ImportSeparator } from '../../../shared/contract/intake';
import { AppError } from '../../../shared/errors';
import { say } from '../../../shared/messages';

/**
 * Reading the CSV files people actually export: from Excel (Windows-1252 or UTF-8 with a BOM,
 * semicolons where the decimal separator is a comma, "Unicode text" as UTF-16 with tabs),
 * from shop back-offices (UTF-8, commas) and from LibreOffice (anything).
 */

export interface DecodedText {
  readonly text: string;
  readonly encoding: ImportEncoding;
  readonly bom: boolean;
}

/**
 * Detects the encoding and decodes: a byte-order mark decides; otherwise bytes that are valid
 * UTF-8 are UTF-8 (Windows-1252 text with accents is almost never valid UTF-8, and plain ASCII
 * reads the same either way); anything else is Windows-1252, Excel's "CSV" on Western Windows.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
  }
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (€, smart quotes, œ, Š…); every other byte
 * is the Unicode code point of the same number. Undefined bytes keep their C1 code point, as the
 * WHATWG Encoding Standard says.
 */
export const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes Windows-1252 by table rather than with TextDecoder: Node 20's TextDecoder accepts the
 * label "windows-1252" but decodes it as ISO-8859-1, turning "€" (0x80) into an invisible
 * control character.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * One line ending for the whole file (CRLF, and old Mac CR, become LF), so that a record
 * delimiter is always "\n" and a physical line is always what follows a "\n". Line breaks inside
 * quoted fields become "\n" too, which is how multi-line text is stored anyway.
 */
export function normalizeNewlines(text: string): string {
  return text.replaceAll(/\r\n?/g, '\n');
}

/**
 * The field separator: for each candidate, how many times it occurs outside quotes on each of
 * the first records. The separator is the one that occurs on the header and the same number of
 * times on most records (a decimal comma in a semicolon file varies from row to row; the
 * separator does not). Ties go to tab, then semicolon, then comma, then pipe.
 */
export function detectSeparator(text: string): ImportSeparator {
  const sample = text.slice(0, 64 * 1024);
  const candidates: readonly ImportSeparator[] = ['\t', ';', ',', '|'];
  const counts: number[][] = [];
  let current = candidates.map(() => 0);
  let inQuotes = false;
  let blank = true;
  for (const char of sample) {
    if (char === '"') {
      inQuotes = !inQuotes;
      blank = false;
    } else if (char === '\n' && !inQuotes) {
      if (!blank) counts.push(current);
      current = candidates.map(() => 0);
      blank = true;
      if (counts.length >= 30) break;
    } else if (!inQuotes) {
      const index = candidates.indexOf(char as ImportSeparator);
      if (index >= 0) current[index]! += 1;
      if (char.trim() !== '') blank = false;
    }
  }
  if (!blank && counts.length < 30) counts.push(current);
  const header = counts[0];
  if (!header) return ',';
  let best: { separator: ImportSeparator; consistency: number; fields: number } | null = null;
  for (const [index, separator] of candidates.entries()) {
    const fields = header[index]!;
    if (fields === 0) continue;
    const same = counts.filter((row) => row[index] === fields).length;
    const consistency = same / counts.length;
    if (
      !best ||
      consistency > best.consistency + 1e-9 ||
      (Math.abs(consistency - best.consistency) <= 1e-9 && fields > best.fields)
    ) {
      best = { separator, consistency, fields };
    }
  }
  return best?.separator ?? ',';
}

function parserOptions(separator: ImportSeparator): Options {
  return {
    delimiter: separator,
    record_delimiter: '\n',
    // A quote inside an unquoted field (12" pizza tray) is kept as text rather than refused.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  };
}

interface InfoRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** Newlines inside a record's fields: the record spans that many more physical lines. */
function embeddedNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

export interface CsvRecord {
  /** Physical line where the record starts (the first line of the file is 1). */
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Reads the whole text once, without keeping the records, to check that it can be read to the
 * end: a quote opened and never closed swallows the rest of the file, and importing the rows
 * before it would report the rows after it as neither imported nor failed. Returns the number
 * of non-blank records (header included), for progress.
 */
export function checkStructure(text: string, separator: ImportSeparator): number {
  let records = 0;
  let lastLine = 0;
  try {
    parseSync(text, {
      ...parserOptions(separator),
      info: false,
      // Returning null drops the record: the check holds no records in memory.
      on_record: (record, context) => {
        if (!isBlankRecord(record)) records++;
        lastLine = context.lines;
        return null;
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new AppError('bad_input', say('intake.csv.unclosed_quote', { line: lastLine }), {
        line: lastLine + 1,
      });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('bad_input', say('intake.csv.unreadable', { detail: message }));
  }
  return records;
}

/**
 * The records of the text, one at a time, each with the physical line it starts on. The text is
 * fed to the parser in slices, so that only a few records are held at once.
 */
export async function* readRecords(text: string, separator: ImportSeparator): AsyncGenerator<CsvRecord> {
  const SLICE = 256 * 1024;
  const slices = (function* () {
    for (let i = 0; i < text.length; i += SLICE) yield text.slice(i, i + SLICE);
  })();
  const parser = Readable.from(slices).pipe(parseStream(parserOptions(separator)));
  for await (const value of parser) {
    const { record, info } = value as InfoRecord;
    // info.lines is the line the record ends on; its embedded newlines say how far back it began.
    yield { line: info.lines - embeddedNewlines(record), fields: record };
  }
}

/** True when every field is blank: Excel writes ";;;;" for rows that merely had formatting. */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

export interface PreparedFile {
  readonly decoded: DecodedText;
  readonly text: string;
  readonly separator: ImportSeparator;
}

export function prepareFile(bytes: Uint8Array): PreparedFile {
  if (bytes.length === 0) throw new AppError('bad_input', say('intake.csv.empty'));
  const decoded = decodeBytes(bytes);
  const text = normalizeNewlines(decoded.text);
  if (text.trim() === '') throw new AppError('bad_input', say('intake.csv.empty'));
  // NUL characters mean a binary file (a spreadsheet saved as .xlsx, a PDF…), not CSV.
  if (text.includes('\u0000')) {
    throw new AppError('bad_input', say('intake.csv.binary'));
  }
  return { decoded, text, separator: detectSeparator(text) };
}
