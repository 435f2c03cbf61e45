import type { z } from 'zod';
import type {
  ImportUnitsSoldInput,
  UnitsSoldImportReport,
  UnknownSku,
} from '../../../shared/contract/catalogue-units';
import type { ImportRowError } from '../../../shared/contract/intake';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { recordEvent } from '../events';
import { checkStructure, isBlankRecord, prepareFile, readRecords } from '../intake/csv';
import { bytesOf } from '../intake/importRunner';
import { fail, headerKey, parseAmount, suggestProductMapping, type Parsed } from '../intake/values';
import type { Workspace } from '../workspace';
import { nested, say, type Message } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';
import { joinProblems } from '../intake/shared';

/**
 * Import of a merchant's own units sold per SKU: a two-column file (`sku;units_sold`, as a shop
 * back-office or a spreadsheet exports it) that turns the per-SKU count of returns into a
 * return rate. The file is read by the returns import's CSV reader (encoding, BOM, separator,
 * physical line numbers), and its SKU column is found by the catalogue import's header names.
 *
 * All or nothing: a file with one refused row changes nothing (a figure per SKU is only useful
 * when the whole set is consistent, and a half-imported file would mix two periods), and the
 * rows are written in one transaction. SKUs the catalogue does not have are listed, not
 * refused: a merchant's sales export names every SKU it sells, not only those that came back.
 */

/** Header names of the units column (compared folded: case, accents and spaces ignored). */
const UNITS_HEADERS = [
  'units_sold',
  'units sold',
  'units',
  'sold',
  'quantity sold',
  'qty sold',
  'quantity',
  'qty',
  'sales',
  'unités vendues',
  'quantité vendue',
  'quantités vendues',
  'ventes',
  'quantité',
  'verkaufte einheiten',
  'verkaufte menge',
  'verkauft',
  'absatz',
  'menge',
  'anzahl',
  'stückzahl',
].map(headerKey);

/**
 * A count of units: a whole number, perhaps with thousands separators ("1.234" in German, "1,234"
 * in English, "1 234" in French — three digits after a single separator can only be thousands in
 * a count) or with zero decimals as a spreadsheet writes a number cell ("120,00").
 */
export function parseUnits(raw: string): Parsed<number> {
  const text = raw.trim();
  if (text === '') return fail(say('intake.units.empty'));
  const grouped = text.replaceAll(/[\u00a0\u202f ']/g, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(grouped) || /^\d{1,3}(,\d{3})+$/.test(grouped)) {
    return { ok: true, value: Number(grouped.replaceAll(/[.,]/g, '')) };
  }
  if (/^[-−–]/.test(text)) return fail(say('intake.units.negative', { text }));
  const amount = parseAmount(text);
  if (!amount.ok) return fail(say('intake.units.not_number', { text }));
  if (amount.value % 100 !== 0) return fail(say('intake.units.not_whole', { text }));
  const units = amount.value / 100;
  if (!Number.isSafeInteger(units)) return fail(say('intake.units.too_large', { text }));
  return { ok: true, value: units };
}

interface Columns {
  readonly sku: number;
  readonly units: number;
}

/** The SKU and units columns of the header, or null when the first row is data (no header). */
function findColumns(header: readonly string[]): Columns | null {
  const names = header.map((h) => h.trim());
  const skuName = suggestProductMapping(names).sku;
  const sku = skuName === undefined ? -1 : names.indexOf(skuName);
  const units = names.findIndex((name, i) => i !== sku && UNITS_HEADERS.includes(headerKey(name)));
  if (sku >= 0 && units >= 0) return { sku, units };
  // A file of two columns whose first row is already a SKU and a count has no header.
  if (names.length >= 2 && parseUnits(names[1]!).ok && !parseUnits(names[0]!).ok) return null;
  const columns = say(
    sku < 0 && units < 0
      ? 'intake.units.column.both'
      : sku < 0
        ? 'intake.units.column.sku'
        : 'intake.units.column.units',
  );
  throw new AppError(
    'bad_input',
    say('intake.units.missing_columns', { columns: nested(columns), names: names.join(', ') }),
    { missing: englishText(columns) },
  );
}

interface ParsedRow {
  readonly line: number;
  readonly sku: string;
  readonly units: number;
}

export async function importUnitsSold(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof ImportUnitsSoldInput>,
): Promise<UnitsSoldImportReport> {
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select(['id', 'name'])
    .where('id', '=', input.merchantId)
    .executeTakeFirst();
  if (!merchant)
    throw new AppError('not_found', say('intake.merchant_not_found', { id: String(input.merchantId) }));

  const prepared = prepareFile(bytesOf(input));
  checkStructure(prepared.text, prepared.separator);

  const errors: ImportRowError[] = [];
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  let columns: Columns | null | undefined;
  let read = 0;
  for await (const record of readRecords(prepared.text, prepared.separator)) {
    if (isBlankRecord(record.fields)) continue;
    if (columns === undefined) {
      columns = findColumns(record.fields);
      if (columns !== null) continue;
    }
    // No header: the first column is the SKU, the second the units.
    const cols = columns ?? { sku: 0, units: 1 };
    read += 1;
    const sku = (record.fields[cols.sku] ?? '').trim();
    const units = parseUnits(record.fields[cols.units] ?? '');
    const problems: Message[] = [];
    if (sku === '') problems.push(say('intake.row.missing_sku'));
    if (!units.ok) problems.push(units.text);
    const key = sku.toLocaleLowerCase('en');
    const earlier = seen.get(key);
    if (sku !== '' && earlier !== undefined)
      problems.push(say('intake.row.duplicate_sku', { sku, line: earlier }));
    if (problems.length > 0) {
      const text = joinProblems(problems);
      errors.push({ line: record.line, reason: englishText(text), text });
      continue;
    }
    seen.set(key, record.line);
    rows.push({ line: record.line, sku, units: (units as { value: number }).value });
  }
  if (columns === undefined) throw new AppError('bad_input', say('intake.csv.no_rows'));

  const products = await ws.kysely
    .selectFrom('products')
    .select(['id', 'sku', 'units_sold'])
    .where('merchant_id', '=', merchant.id)
    .execute();
  const exact = new Map(products.map((p) => [p.sku, p]));
  const folded = new Map<string, (typeof products)[number]>();
  for (const p of products)
    if (!folded.has(p.sku.toLocaleLowerCase('en'))) folded.set(p.sku.toLocaleLowerCase('en'), p);

  const unknownSkus: UnknownSku[] = [];
  const changes: { id: number; sku: string; before: number | null; after: number }[] = [];
  let unchanged = 0;
  for (const row of rows) {
    // Exact SKU first; otherwise the same SKU in another case (shops differ on that).
    const product = exact.get(row.sku) ?? folded.get(row.sku.toLocaleLowerCase('en'));
    if (!product) unknownSkus.push({ line: row.line, sku: row.sku });
    else if (product.units_sold === row.units) unchanged += 1;
    else changes.push({ id: product.id, sku: product.sku, before: product.units_sold, after: row.units });
  }

  const applied = errors.length === 0;
  const report: UnitsSoldImportReport = {
    encoding: prepared.decoded.encoding,
    separator: prepared.separator,
    rows: read,
    applied,
    updated: changes.length,
    unchanged,
    unknownSkus,
    errors,
  };
  if (!applied) return report;

  const now = nowIso();
  await ws.kysely.transaction().execute(async (trx) => {
    for (const change of changes) {
      await trx
        .updateTable('products')
        .set({ units_sold: change.after, updated_at: now })
        .where('id', '=', change.id)
        .execute();
    }
    await recordEvent(trx, actor, {
      merchantId: merchant.id,
      kind: 'import.unitsSold',
      text: say('intake.imported_units', {
        merchant: merchant.name,
        changed: changes.length,
        unchanged,
        unknown: unknownSkus.length,
      }),
      data: {
        rows: read,
        changes: changes.slice(0, 500),
        unknownSkus: unknownSkus.slice(0, 100),
      },
      at: now,
    });
  });
  if (changes.length > 0) ws.changed('products');
  return report;
}
