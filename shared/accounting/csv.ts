/**
 * Writing CSV that a spreadsheet opens cleanly and safely: the locale's separator and decimal
 * mark, RFC 4180 quoting, and text that a spreadsheet would run as a formula defused.
 */

export const EXPORT_LOCALES = ['en', 'fr', 'de'] as const;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

export interface CsvDialect {
  /** Between cells. */
  readonly separator: ',' | ';';
  /** Between whole and fraction of an amount. */
  readonly decimal: '.' | ',';
}

/**
 * French and German spreadsheets use the comma as their decimal mark, so a comma-separated file
 * would split every amount in two: they expect semicolons between cells instead.
 */
export function csvDialect(locale: ExportLocale): CsvDialect {
  switch (locale) {
    case 'en':
      return { separator: ',', decimal: '.' };
    case 'fr':
    case 'de':
      return { separator: ';', decimal: ',' };
    default: {
      const never: never = locale;
      throw new Error(`Unknown export locale: ${String(never)}`);
    }
  }
}

/** The byte order mark: without it Excel reads a UTF-8 file as the machine's ANSI code page. */
export const UTF8_BOM = '\uFEFF';

/**
 * The characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
 * `=`, `+`, `-`, `@`, and tab or carriage return, which some spreadsheets skip before looking
 * for one of the others.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * A text cell that cannot start a formula: prefixed with an apostrophe when its first character
 * is a trigger. Only ever applied to text: amounts are written as numbers by `formatCents`, so a
 * real negative amount stays a number a spreadsheet can add up. A title that happens to read
 * "-2" is text and is defused like any other.
 */
export function neutraliseText(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled. */
export function quoteField(field: string, separator: string): string {
  if (field.includes(separator) || /["\r\n]/.test(field)) return `"${field.replaceAll('"', '""')}"`;
  return field;
}

/**
 * Minor units as a plain decimal number in the dialect ("-1234.50", "-1234,50"): no currency
 * symbol and no thousands separator, so every spreadsheet and accounting import reads it as a
 * number. Integer arithmetic only; every currency Rebound handles has two decimals.
 */
export function formatCents(cents: number, decimal: CsvDialect['decimal']): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${whole}${decimal}${fraction}`;
}

/** A percentage given in basis points (2000 → "20.00"), in the dialect. */
export function formatBasisPoints(bp: number, decimal: CsvDialect['decimal']): string {
  return formatCents(bp, decimal);
}

/** One cell of a CSV row: text is defused and quoted, numbers are written as they are. */
export type CsvCell =
  { readonly kind: 'text'; readonly value: string } | { readonly kind: 'number'; readonly value: string };

export const text = (value: string | null | undefined): CsvCell => ({ kind: 'text', value: value ?? '' });
/** Amounts and rates, already formatted by formatCents / formatBasisPoints. */
export const number = (value: string): CsvCell => ({ kind: 'number', value });

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRow(cells: readonly CsvCell[], dialect: CsvDialect): string {
  return `${cells
    .map((cell) =>
      cell.kind === 'text'
        ? quoteField(neutraliseText(cell.value), dialect.separator)
        : quoteField(cell.value, dialect.separator),
    )
    .join(dialect.separator)}\r\n`;
}
