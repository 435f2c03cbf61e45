import fs from 'node:fs';
import type { CellFormulaValue } from 'exceljs';
import {
  UTF8_BOM,
  csvDialect,
  csvRow,
  formatBasisPoints,
  formatCents,
  number,
  text,
  type CsvCell,
  type ExportLocale,
} from '../../../shared/accounting/csv';
import { journalLines, type AccountCodes } from '../../../shared/accounting/journal';
import {
  DATE_FORMAT,
  VAT_SCHEME_NAMES,
  capitalise,
  channelName,
  gradeName,
  localDay,
  saleKindName,
} from '../../../shared/accounting/words';
import { JOURNAL_COLUMNS, SALES_COLUMNS, YES_NO } from './columns';
import { ChunkedFile } from './output';
import type { ExportRow } from './rows';

/**
 * The three export formats, each a streaming writer: rows go to disk page by page, so memory
 * stays flat whatever the period holds. They run in the export worker (worker.ts).
 */
export interface ExportWriter {
  /** Writes one page of rows; returns how many output records (lines) it wrote. */
  write(rows: readonly ExportRow[]): Promise<number>;
  /** Finishes the file; returns its size in bytes. */
  close(): Promise<number>;
  abort(): Promise<void>;
}

type SalesKey = (typeof SALES_COLUMNS)[number]['key'];

/**
 * The cells a person reads rather than a program matches: in French and German they carry the
 * words of the screens (Vente, Occasion, Régime de la marge, the channel's name). English keeps
 * the codes its files have always had, which existing spreadsheets and imports may filter on.
 */
function readable(row: ExportRow, locale: ExportLocale) {
  if (locale === 'en')
    return {
      kind: row.kind,
      channel: row.channel,
      vatScheme: row.vatApplied,
      grade: row.grade ?? '',
    };
  return {
    kind: saleKindName(row.kind, locale),
    channel: channelName(row.channel, locale),
    vatScheme: capitalise(VAT_SCHEME_NAMES[locale][row.vatApplied], locale),
    grade: row.grade === null ? '' : gradeName(row.grade, locale),
  };
}

/** A sale row as text and numbers, shared by CSV and XLSX so both carry the same figures. */
function salesValues(row: ExportRow, locale: ExportLocale): Record<SalesKey, string | number | null> {
  const words = readable(row, locale);
  return {
    date: row.date,
    kind: words.kind,
    reference: row.reference,
    sku: row.sku,
    title: row.title,
    merchant: row.merchantName,
    channel: words.channel,
    orderId: row.orderId,
    lineId: row.lineId,
    currency: row.currency,
    price: row.priceCents,
    shipping: row.shippingCents,
    fees: row.feesCents,
    feesEstimated: YES_NO[locale][row.feesEstimated ? 0 : 1],
    net: row.netCents,
    vatRate: row.vatRateBp,
    vatScheme: words.vatScheme,
    vat: row.vatCents,
    original: row.originalCents,
    grade: words.grade,
    buyerCountry: row.buyerCountry ?? '',
  };
}

// ─── CSV ──────────────────────────────────────────────────────────────────────────────────────

export async function csvWriter(file: string, locale: ExportLocale): Promise<ExportWriter> {
  const dialect = csvDialect(locale);
  const out = new ChunkedFile(file);
  await out.write(
    UTF8_BOM +
      csvRow(
        SALES_COLUMNS.map((c) => text(c.header[locale])),
        dialect,
      ),
  );
  return {
    async write(rows) {
      const lines: string[] = [];
      for (const row of rows) {
        const values = salesValues(row, locale);
        const cells = SALES_COLUMNS.map((c): CsvCell => {
          const value = values[c.key];
          switch (c.type) {
            case 'amount':
              return number(formatCents(value as number, dialect.decimal));
            case 'rate':
              return number(formatBasisPoints(value as number, dialect.decimal));
            case 'date':
              // A CSV has no date type: the spreadsheet of the locale reads its own way of
              // writing a day (07/12/2026, 07.12.2026) as a date; English keeps ISO.
              return text(locale === 'en' ? String(value) : localDay(String(value), locale));
            case 'text':
              return text(String(value ?? ''));
            default: {
              const never: never = c.type;
              throw new Error(`Unknown column type ${String(never)}`);
            }
          }
        });
        lines.push(csvRow(cells, dialect));
      }
      await out.write(lines.join(''));
      return rows.length;
    },
    close: () => out.close(),
    abort: () => out.abort(),
  };
}

// ─── Journal ──────────────────────────────────────────────────────────────────────────────────

/** The accounting journal as CSV in the locale's dialect, one balanced entry per sales row. */
export async function journalWriter(
  file: string,
  locale: ExportLocale,
  accounts: AccountCodes,
): Promise<ExportWriter> {
  const dialect = csvDialect(locale);
  const out = new ChunkedFile(file);
  await out.write(
    UTF8_BOM +
      csvRow(
        JOURNAL_COLUMNS.map((c) => text(c.header[locale])),
        dialect,
      ),
  );
  const amount = (cents: number) => number(formatCents(cents, dialect.decimal));
  return {
    async write(rows) {
      const lines: string[] = [];
      for (const row of rows) {
        // Dates stay ISO 8601 (2026-12-07) in every language: the journal is read by accounting
        // imports, where a fixed, unambiguous date is mapped once, and 07/12/2026 could be taken
        // for 12 July. Its descriptions are for the bookkeeper, and are in the export's language.
        const entry = journalLines(
          {
            saleId: row.saleId,
            kind: row.kind,
            date: row.date,
            reference: row.reference,
            orderId: row.orderId,
            channel: row.channel,
            currency: row.currency,
            priceCents: row.priceCents,
            shippingCents: row.shippingCents,
            feesCents: row.feesCents,
            vatRateBp: row.vatRateBp,
            vatScheme: row.vatScheme,
            purchaseCents: row.purchaseCents,
          },
          accounts,
          locale,
        );
        for (const line of entry) {
          lines.push(
            csvRow(
              [
                text(line.date),
                text(line.reference),
                text(line.account),
                text(line.description),
                amount(line.debitCents),
                amount(line.creditCents),
                number(formatBasisPoints(line.vatRateBp, dialect.decimal)),
                amount(line.vatCents),
                text(row.reference),
                text(line.currency),
              ],
              dialect,
            ),
          );
        }
      }
      await out.write(lines.join(''));
      return lines.length;
    },
    close: () => out.close(),
    abort: () => out.abort(),
  };
}

// ─── XLSX ─────────────────────────────────────────────────────────────────────────────────────

const CURRENCY_SYMBOL: Readonly<Record<string, string>> = {
  EUR: '€',
  GBP: '£',
  USD: '$',
  CHF: 'CHF',
  PLN: 'zł',
  SEK: 'kr',
  DKK: 'kr',
};

/** An Excel number format showing the currency, negatives in red with a minus sign. */
export function currencyFormat(currency: string): string {
  const symbol = (CURRENCY_SYMBOL[currency] ?? currency).replaceAll('"', '');
  return `#,##0.00 "${symbol}";[Red]-#,##0.00 "${symbol}"`;
}

/** Column letter of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const SHEET_NAME: Readonly<Record<ExportLocale, string>> = { en: 'Sales', fr: 'Ventes', de: 'Verkäufe' };

/**
 * XLSX through exceljs's streaming writer: each row is committed (serialised and released) as
 * soon as it is added. Cells are typed — dates as dates, amounts as numbers with the row's
 * currency format — and text is always a string cell, which no spreadsheet evaluates, so hostile
 * text stays inert without an apostrophe. Totals are one row per currency (amounts of different
 * currencies never add up), as SUMIF formulas with their cached values written too, so a reader
 * that does not calculate (a preview, an import) sees the right figures.
 */
export async function xlsxWriter(
  file: string,
  locale: ExportLocale,
  /** The period's usual currency: its format is the columns' style, the others are per cell. */
  mainCurrency: string,
): Promise<ExportWriter> {
  // Loaded here, not at the top: exceljs takes ~0.2 s to load, which every CLI start would pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: `${file}.part`,
    useStyles: true,
    // Inline strings: shared strings would keep every distinct text in memory until the end.
    useSharedStrings: false,
  });
  workbook.creator = 'Rebound';
  const sheet = workbook.addWorksheet(SHEET_NAME[locale], {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
  });
  // Formats as column styles, which every new cell inherits: setting them cell by cell costs the
  // streaming writer a style lookup per cell, twice the time of the whole export.
  const columnFormat = (type: (typeof SALES_COLUMNS)[number]['type']) =>
    type === 'amount'
      ? currencyFormat(mainCurrency)
      : type === 'date'
        ? DATE_FORMAT[locale]
        : type === 'rate'
          ? '0.00'
          : undefined;
  sheet.columns = SALES_COLUMNS.map((c) => {
    const numFmt = columnFormat(c.type);
    return { key: c.key, width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(SALES_COLUMNS.map((c) => c.header[locale]));
  header.font = { bold: true };
  header.commit();
  const last = columnLetter(SALES_COLUMNS.length);

  const amountIndexes = SALES_COLUMNS.flatMap((c, i) => (c.type === 'amount' ? [i] : []));
  const currencyIndex = SALES_COLUMNS.findIndex((c) => c.key === 'currency');
  /** Per currency, per amount column: the sum in cents, for the totals' cached values. */
  const totals = new Map<string, number[]>();
  let written = 0;
  return {
    async write(rows) {
      for (const row of rows) {
        const values = salesValues(row, locale);
        const cells = SALES_COLUMNS.map((c) => {
          const value = values[c.key];
          switch (c.type) {
            case 'date':
              return new Date(`${String(value)}T00:00:00.000Z`);
            case 'amount':
            case 'rate':
              return (value as number) / 100;
            case 'text':
              return String(value ?? '');
            default: {
              const never: never = c.type;
              throw new Error(`Unknown column type ${String(never)}`);
            }
          }
        });
        const added = sheet.addRow(cells);
        if (row.currency !== mainCurrency) {
          const fmt = currencyFormat(row.currency);
          for (const index of amountIndexes) added.getCell(index + 1).numFmt = fmt;
        }
        added.commit();
        let sums = totals.get(row.currency);
        if (!sums) {
          sums = amountIndexes.map(() => 0);
          totals.set(row.currency, sums);
        }
        amountIndexes.forEach((index, k) => {
          sums[k]! += values[SALES_COLUMNS[index]!.key] as number;
        });
        // exceljs serialises each committed row synchronously (about 60 µs): that is why the
        // writers run in the export worker (worker.ts), never on the thread serving the window.
        written += 1;
      }
      return rows.length;
    },
    async close() {
      const lastDataRow = written + 1;
      // The streaming writer writes the filter when the sheet is committed, so it can cover
      // exactly the data rows: the totals below stay out of sorting and filtering.
      sheet.autoFilter = `A1:${last}${lastDataRow}`;
      const currencyCol = columnLetter(currencyIndex + 1);
      for (const [currency, sums] of [...totals.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const cells: (string | CellFormulaValue | null)[] = SALES_COLUMNS.map(() => null);
        cells[0] = { en: 'Total', fr: 'Total', de: 'Summe' }[locale];
        cells[currencyIndex] = currency;
        amountIndexes.forEach((index, k) => {
          const letter = columnLetter(index + 1);
          cells[index] = {
            formula: `SUMIF($${currencyCol}$2:$${currencyCol}$${lastDataRow},"${currency}",${letter}2:${letter}${lastDataRow})`,
            result: sums[k]! / 100,
          };
        });
        const row = sheet.addRow(cells);
        row.font = { bold: true };
        for (const index of amountIndexes) row.getCell(index + 1).numFmt = currencyFormat(currency);
        row.commit();
      }
      sheet.commit();
      await workbook.commit();
      await fs.promises.rename(`${file}.part`, file);
      return (await fs.promises.stat(file)).size;
    },
    async abort() {
      await fs.promises.rm(`${file}.part`, { force: true });
    },
  };
}
