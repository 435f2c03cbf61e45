import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { ExportSalesInput, ReportRangeInput, type MonthlyFigures } from '../../../shared/contract/exports';
import type { ServerEvent } from '../../../shared/contract';
import { ReportsOverviewInput, SalesListInput } from '../../../shared/contract';
import { addItem, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import { tempDir, tempWorkspace } from '../../../tests/integration/temp';
import { dispatch } from '../api';
import { reportsOverview } from '../reports';
import { listSales } from '../sales';
import { writeStatementPdf } from '../statements';
import type { Workspace } from '../workspace';
import { exportSales, setAccountCodes } from '.';
import { reportMonthly, reportRecovery, reportSkus } from './reports';
import { DEFAULT_ACCOUNTS } from '../../../shared/accounting/journal';

/** Every text a spreadsheet would run as a formula, as the brief names them. */
const HOSTILE = ['=HYPERLINK("http://x")', '@SUM(A1)', '+1', '-2', '\tTAB', '\rCR'] as const;

interface SaleSeed {
  readonly itemId: number;
  readonly merchantId: number;
  readonly soldAt: string;
  readonly priceCents: number;
  readonly shippingCents?: number;
  readonly feesCents?: number;
  readonly vatRateBp?: number;
  readonly vatScheme?: 'standard' | 'margin';
  readonly kind?: 'sale' | 'refund' | 'cancellation';
  readonly reverses?: number;
  readonly orderId: string;
}

async function addSale(ws: Workspace, s: SaleSeed): Promise<number> {
  const row = await ws.kysely
    .insertInto('sales')
    .values({
      item_id: s.itemId,
      merchant_id: s.merchantId,
      channel: 'ebay',
      order_id: s.orderId,
      line_id: '1',
      sold_at: s.soldAt,
      currency: 'EUR',
      price_cents: s.priceCents,
      shipping_cents: s.shippingCents ?? 495,
      fees_cents: s.feesCents ?? Math.round(s.priceCents * 0.13),
      vat_rate_bp: s.vatRateBp ?? 2000,
      vat_scheme: s.vatScheme ?? 'standard',
      buyer_country: 'FR',
      kind: s.kind ?? 'sale',
      reverses_sale_id: s.reverses ?? null,
      created_at: s.soldAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * One merchant; six products whose titles are hostile; sales in October and November including a
 * refund, a margin-scheme sale with a known purchase cost, one without, and odd cent amounts.
 */
async function seed(ws: Workspace) {
  const merchantId = await addMerchant(ws, { name: 'Larkfield' });
  await ws.kysely
    .updateTable('merchants')
    .set({ address: 'Unit 7, Kilshane Road, Dublin 11, Ireland' })
    .where('id', '=', merchantId)
    .execute();
  const items: number[] = [];
  for (const [i, title] of HOSTILE.entries()) {
    const productId = await addProduct(ws, {
      merchantId,
      sku: `SKU-${i}`,
      title,
      originalCents: 10000 + i * 1111,
    });
    items.push(
      await addItem(ws, {
        merchantId,
        productId,
        // The reference is hostile too: it reaches the journal's reference column.
        reference: i === 0 ? '=1+1' : `RB-${i}`,
        status: 'sold',
        grade: i % 2 === 0 ? 'used' : 'opened_packaging',
        receivedAt: '2026-09-20T09:00:00.000Z',
      }),
    );
  }
  await ws.kysely.updateTable('items').set({ purchase_cents: 4000 }).where('id', '=', items[2]!).execute();
  const first = await addSale(ws, {
    itemId: items[0]!,
    merchantId,
    soldAt: '2026-10-03T10:00:00.000Z',
    priceCents: 7999,
    orderId: 'O-1',
  });
  await addSale(ws, {
    itemId: items[1]!,
    merchantId,
    soldAt: '2026-10-09T10:00:00.000Z',
    priceCents: 12345,
    orderId: 'O-2',
    vatRateBp: 1900,
  });
  await addSale(ws, {
    itemId: items[2]!,
    merchantId,
    soldAt: '2026-10-15T10:00:00.000Z',
    priceCents: 6001,
    orderId: 'O-3',
    vatScheme: 'margin',
  });
  await addSale(ws, {
    itemId: items[3]!,
    merchantId,
    soldAt: '2026-10-31T23:59:59.000Z',
    priceCents: 333,
    orderId: 'O-4',
    vatScheme: 'margin',
    shippingCents: 0,
  });
  await addSale(ws, {
    itemId: items[4]!,
    merchantId,
    soldAt: '2026-11-02T08:00:00.000Z',
    priceCents: 15050,
    orderId: 'O-5',
  });
  await addSale(ws, {
    itemId: items[5]!,
    merchantId,
    soldAt: '2026-11-20T08:00:00.000Z',
    priceCents: 999,
    orderId: 'O-6',
    vatRateBp: 550,
  });
  // The October sale is refunded in November, written with a positive amount as channels do.
  await addSale(ws, {
    itemId: items[0]!,
    merchantId,
    soldAt: '2026-11-04T12:00:00.000Z',
    priceCents: 7999,
    orderId: 'O-1',
    kind: 'refund',
    reverses: first,
  });
  return { merchantId, items };
}

const PERIOD = { from: '2026-10-01', to: '2026-11-30' } as const;

function totalsOf(rows: readonly MonthlyFigures[]) {
  const sum = (pick: (r: MonthlyFigures) => number) => rows.reduce((a, r) => a + pick(r), 0);
  return {
    price: sum((r) => r.priceCents),
    shipping: sum((r) => r.shippingCents),
    fees: sum((r) => r.feesCents),
    vat: sum((r) => r.vatCents),
    net: sum((r) => r.netCents),
  };
}

/** "1234.56" / "1234,56" → 123456, refusing anything that is not a plain decimal amount. */
function cents(text: string, decimal: '.' | ','): number {
  const pattern = decimal === '.' ? /^-?\d+\.\d{2}$/ : /^-?\d+,\d{2}$/;
  if (!pattern.test(text)) throw new Error(`not a plain amount: ${JSON.stringify(text)}`);
  const [whole, fraction] = text.replace('-', '').split(decimal) as [string, string];
  return (text.startsWith('-') ? -1 : 1) * (Number(whole) * 100 + Number(fraction));
}

function readCsv(file: string, delimiter: string): string[][] {
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes, { bom: true, delimiter, relax_column_count: false }) as string[][];
}

describe('sales exports agree with the reports to the cent', () => {
  test('CSV in English and French: BOM, dialect, headers, totals, hostile text', async () => {
    const ws = await tempWorkspace();
    await seed(ws);
    const report = totalsOf(await reportMonthly(ws, ReportRangeInput.parse(PERIOD)));
    const ledger = await listSales(ws, SalesListInput.parse({}));
    const overview = await reportsOverview(ws, ReportsOverviewInput.parse({}));
    // The three reports agree with each other first.
    expect(report.price).toBe(ledger.totals[0]!.priceCents);
    expect(report.price).toBe(overview.recovered[0]!.cents);
    expect(report.fees).toBe(ledger.totals[0]!.feesCents);

    for (const [locale, delimiter, decimal, priceHeader] of [
      ['en', ',', '.', 'Price'],
      ['fr', ';', ',', 'Prix'],
      ['de', ';', ',', 'Preis'],
    ] as const) {
      const result = await exportSales(ws, ExportSalesInput.parse({ ...PERIOD, format: 'csv', locale }));
      expect(result.rows).toBe(7);
      const [header, ...rows] = readCsv(result.file, delimiter);
      const col = (name: string) => header!.indexOf(name);
      expect(col(priceHeader)).toBeGreaterThan(0);
      const sum = (index: number) => rows.reduce((a, r) => a + cents(r[index]!, decimal), 0);
      const amountCols = header!
        .map((_, i) => i)
        .filter((i) => rows.every((r) => /^-?\d+[.,]\d{2}$/.test(r[i]!)));
      const [price, shipping, fees, net, vatRate, vat] = amountCols.slice(0, 6) as number[];
      expect(header![price!]).toBe(priceHeader);
      expect(sum(price!)).toBe(report.price);
      expect(sum(shipping!)).toBe(report.shipping);
      expect(sum(fees!)).toBe(report.fees);
      expect(sum(net!)).toBe(report.net);
      expect(vatRate).toBeDefined();
      expect(sum(vat!)).toBe(report.vat);
      // The refund is a real negative number, not defused text.
      expect(rows.some((r) => r[price!] === `-79${decimal}99`)).toBe(true);
      // Days as each locale's spreadsheet reads them: ISO in English, 31/10/2026, 31.10.2026.
      const day = { en: /^\d{4}-\d{2}-\d{2}$/, fr: /^\d{2}\/\d{2}\/\d{4}$/, de: /^\d{2}\.\d{2}\.\d{4}$/ }[
        locale
      ];
      expect(rows.every((r) => day.test(r[0]!))).toBe(true);
      // Every hostile title and reference comes back with the apostrophe, never bare.
      const cells = rows.flat();
      for (const hostile of HOSTILE) {
        expect(cells).toContain(`'${hostile}`);
        expect(cells).not.toContain(hostile);
      }
      expect(cells).toContain("'=1+1");
    }
  });

  test('XLSX read back: typed cells, frozen header, filter, cached totals, hostile text stays text', async () => {
    const ws = await tempWorkspace();
    await seed(ws);
    const report = totalsOf(await reportMonthly(ws, ReportRangeInput.parse(PERIOD)));
    const result = await exportSales(ws, ExportSalesInput.parse({ ...PERIOD, format: 'xlsx' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(result.file);
    const sheet = book.getWorksheet('Sales')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:U8');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const data = [2, 3, 4, 5, 6, 7, 8].map((n) => sheet.getRow(n));
    expect(data.every((r) => r.getCell(col('Date')).value instanceof Date)).toBe(true);
    expect(data[0]!.getCell(col('Date')).numFmt).toBe('yyyy-mm-dd');
    const amount = (r: ExcelJS.Row, name: string) => {
      const value = r.getCell(col(name)).value;
      expect(typeof value).toBe('number');
      return Math.round((value as number) * 100);
    };
    expect(data.reduce((a, r) => a + amount(r, 'Price'), 0)).toBe(report.price);
    expect(data.reduce((a, r) => a + amount(r, 'VAT'), 0)).toBe(report.vat);
    expect(data[0]!.getCell(col('Price')).numFmt).toContain('€');
    const titles = data.map((r) => r.getCell(col('Title')));
    for (const hostile of HOSTILE) {
      // XML turns a bare carriage return into a line feed on reading (Excel does the same); the
      // point is that the cell is still a string, never a formula.
      const cell = titles.find((c) => c.value === hostile.replace('\r', '\n'));
      expect(cell, hostile).toBeDefined();
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
    }
    // One totals row for the one currency: formulas with the report's figures cached.
    const totals = sheet.getRow(9);
    expect(totals.getCell(1).value).toBe('Total');
    for (const [name, expected] of [
      ['Price', report.price],
      ['Shipping', report.shipping],
      ['Channel fees', report.fees],
      ['Net', report.net],
      ['VAT', report.vat],
    ] as const) {
      const value = totals.getCell(col(name)).value as ExcelJS.CellFormulaValue;
      expect(value.formula).toMatch(/^SUMIF\(/);
      expect(Math.round((value.result as number) * 100), name).toBe(expected);
    }
  });

  test('journal: every entry balances, the accounts add up to the report, codes are configurable', async () => {
    const ws = await tempWorkspace();
    await seed(ws);
    await setAccountCodes(ws, { ...DEFAULT_ACCOUNTS, revenue: '706000', vatPayable: '445710' });
    const report = totalsOf(await reportMonthly(ws, ReportRangeInput.parse(PERIOD)));
    const events: ServerEvent[] = [];
    ws.onEvent((e) => events.push(e));
    const result = await exportSales(ws, ExportSalesInput.parse({ ...PERIOD, format: 'journal' }));
    expect(events.at(-1)).toEqual({ type: 'progress', task: 'exports.sales', done: 7, total: 7 });
    const [header, ...lines] = readCsv(result.file, ',');
    expect(header).toEqual([
      'Date',
      'Entry',
      'Account',
      'Description',
      'Debit',
      'Credit',
      'VAT rate %',
      'VAT',
      'Reference',
      'Currency',
    ]);
    expect(result.lines).toBe(lines.length);
    const byEntry = new Map<string, number>();
    const byAccount = new Map<string, number>();
    for (const [, entry, account, , debit, credit] of lines) {
      const delta = cents(debit!, '.') - cents(credit!, '.');
      byEntry.set(entry!, (byEntry.get(entry!) ?? 0) + delta);
      byAccount.set(account!, (byAccount.get(account!) ?? 0) + delta);
    }
    expect(byEntry.size).toBe(7);
    expect([...byEntry.values()].every((v) => v === 0)).toBe(true);
    // Credits are negative here: revenue + shipping revenue + VAT = what buyers paid.
    const credit = (account: string) => -(byAccount.get(account) ?? 0);
    expect(credit('706000') + credit('4010') + credit('445710')).toBe(report.price + report.shipping);
    expect(credit('445710')).toBe(report.vat);
    expect(byAccount.get('6100')).toBe(report.fees);
    expect(-credit('1210')).toBe(report.net);
    // The hostile item reference is defused in the reference column.
    expect(lines.some((l) => l[8] === "'=1+1")).toBe(true);
    expect(lines.flat()).not.toContain('=1+1');
  });

  test('the margin scheme taxes only the margin when the purchase cost is known', async () => {
    const ws = await tempWorkspace();
    await seed(ws);
    const result = await exportSales(ws, ExportSalesInput.parse({ ...PERIOD, format: 'csv' }));
    const [header, ...rows] = readCsv(result.file, ',');
    const at = (name: string) => header!.indexOf(name);
    const row = (order: string) => rows.find((r) => r[at('Order')] === order)!;
    // O-3: 60.01 with a purchase cost of 40.00 → VAT on 20.01 at 20 % = 3.34, plus shipping VAT 0.83.
    expect(row('O-3')[at('VAT scheme')]).toBe('margin');
    expect(row('O-3')[at('VAT')]).toBe('4.17');
    // O-4: margin asked but no purchase cost on record → taxed as standard.
    expect(row('O-4')[at('VAT scheme')]).toBe('standard');
    expect(row('O-4')[at('VAT')]).toBe('0.56');
  });

  test('a period and a merchant filter; an unknown merchant is a clear error', async () => {
    const ws = await tempWorkspace();
    const { merchantId } = await seed(ws);
    const october = await exportSales(
      ws,
      ExportSalesInput.parse({ from: '2026-10-01', to: '2026-10-31', format: 'csv', merchantId }),
    );
    // The sale at 23:59:59 on the 31st is in; November's are out.
    expect(october.rows).toBe(4);
    expect(october.fileName).toBe(`sales-2026-10-01_2026-10-31-merchant-${merchantId}.csv`);
    expect(path.dirname(october.file)).toBe(path.join(ws.dataDir, 'exports'));
    await expect(
      exportSales(ws, ExportSalesInput.parse({ ...PERIOD, format: 'csv', merchantId: 999 })),
    ).rejects.toThrow(/no merchant 999/);
    expect(ExportSalesInput.safeParse({ from: '2026-11-01', to: '2026-10-01', format: 'csv' }).success).toBe(
      false,
    );
    expect(ExportSalesInput.safeParse({ from: '2026-02-30', to: '2026-03-01', format: 'csv' }).success).toBe(
      false,
    );
  });
});

describe('recovery reports', () => {
  test('recovery by grade, SKU, channel and merchant, gross and net of fees', async () => {
    const ws = await tempWorkspace();
    await seed(ws);
    const report = await reportRecovery(ws, ReportRangeInput.parse({}));
    // Six sales, one refunded: five sold.
    expect(report.overall[0]).toMatchObject({ sold: 5 });
    const overall = report.overall[0]!;
    expect(overall.priceCents).toBe(12345 + 6001 + 333 + 15050 + 999);
    expect(overall.recoveryRate).toBeCloseTo(overall.priceCents / overall.originalCents, 10);
    expect(overall.netRecoveryRate).toBeCloseTo(
      (overall.priceCents - overall.feesCents) / overall.originalCents,
      10,
    );
    expect(report.byGrade.map((g) => g.key).sort()).toEqual(['opened_packaging', 'used']);
    expect(report.byChannel).toHaveLength(1);
    expect(report.byMerchant[0]!.key).toBe('Larkfield');
    expect(report.bySku.reduce((a, g) => a + g.sold, 0)).toBe(5);
  });

  test('per SKU: return rate only where the merchant’s units sold are known', async () => {
    const ws = await tempWorkspace();
    await seed(ws);
    await ws.kysely.updateTable('products').set({ units_sold: 5 }).where('sku', '=', 'SKU-1').execute();
    const rows = await reportSkus(ws, ReportRangeInput.parse({}));
    const one = rows.find((r) => r.sku === 'SKU-1')!;
    expect(one).toMatchObject({ returned: 1, sold: 1, unitsSold: 5, returnRate: 0.2, flagged: true });
    expect(rows.find((r) => r.sku === 'SKU-4')).toMatchObject({ returnRate: null, unitsSold: null });
    // The refunded SKU sold nothing.
    expect(rows.find((r) => r.sku === 'SKU-0')).toMatchObject({ sold: 0, recoveryRate: null });
  });
});

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('monthly statement', () => {
  test('totals follow the merchant’s tiered fee schedule; payout = gross − channel fees − service fee', async () => {
    const ws = await tempWorkspace();
    const { merchantId } = await seed(ws);
    await ws.kysely
      .updateTable('merchants')
      .set({
        fee_schedule: JSON.stringify({
          shareBp: 1500,
          perItemCents: 100,
          tiers: [{ fromResaleRateBp: 9000, shareBp: 3000, perItemCents: 0 }],
        }),
      })
      .where('id', '=', merchantId)
      .execute();
    const result = await writeStatementPdf(
      ws,
      { merchantId, month: '2026-10' },
      { now: new Date('2026-11-05T10:00:00Z') },
    );
    const t = result.totals;
    expect(t.itemsSold).toBe(4);
    expect(t.grossCents).toBe(7999 + 12345 + 6001 + 333);
    // Resale rate 26,678 / 46,666 = 57.2 %: below the 90 % tier, so 15 % + 1.00 per item.
    expect(t.resaleRateBp).toBe(5716);
    expect(t.serviceFeeNetCents).toBe(Math.floor((26678 * 1500 + 5000) / 10000) + 400);
    // VAT at the default 20 % is added to the fee, and the payout is reduced by both.
    expect(t.serviceFeeVatCents).toBe(Math.floor((t.serviceFeeNetCents * 2000 + 5000) / 10000));
    expect(t.serviceFeeCents).toBe(t.serviceFeeNetCents + t.serviceFeeVatCents);
    expect(t.netPayoutCents).toBe(t.grossCents - t.channelFeesCents - t.serviceFeeCents);
    // A merchant whose tier starts at 50 % reaches it: 30 % and nothing per item.
    await ws.kysely
      .updateTable('merchants')
      .set({
        fee_schedule: JSON.stringify({
          shareBp: 1500,
          tiers: [{ fromResaleRateBp: 5000, shareBp: 3000, perItemCents: 0 }],
        }),
      })
      .where('id', '=', merchantId)
      .execute();
    const tiered = await writeStatementPdf(
      ws,
      { merchantId, month: '2026-10' },
      { file: path.join(tempDir(), 'tiered.pdf') },
    );
    expect(tiered.totals).toMatchObject({
      serviceShareBp: 3000,
      serviceFeeNetCents: Math.floor((26678 * 3000 + 5000) / 10000),
    });
    expect(fs.statSync(result.file).size).toBe(result.bytes);
    expect(fs.readFileSync(result.file).subarray(0, 5).toString()).toBe('%PDF-');
    // November: the refund of an October sale counts against it.
    const november = await writeStatementPdf(ws, { merchantId, month: '2026-11' });
    expect(november.totals.itemsSold).toBe(1);
    expect(november.totals.grossCents).toBe(15050 + 999 - 7999);
  });

  test('a broken fee schedule is refused with the merchant’s name', async () => {
    const ws = await tempWorkspace();
    const { merchantId } = await seed(ws);
    await ws.kysely
      .updateTable('merchants')
      .set({ fee_schedule: '{"shareBp": -1}' })
      .where('id', '=', merchantId)
      .execute();
    await expect(writeStatementPdf(ws, { merchantId, month: '2026-10' })).rejects.toThrow(
      /Larkfield.*shareBp/,
    );
  });

  test.skipIf(!hasPdftoppm())(
    'renders: page 1 becomes a non-blank PNG, long months get numbered pages (skipped when pdftoppm is not installed)',
    async () => {
      const ws = await tempWorkspace();
      const { merchantId, items } = await seed(ws);
      for (let i = 0; i < 90; i += 1)
        await addSale(ws, {
          itemId: items[5]!,
          merchantId,
          soldAt: `2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
          priceCents: 1000 + i,
          orderId: `BULK-${i}`,
        });
      const result = await writeStatementPdf(ws, { merchantId, month: '2026-10' });
      expect(result.pages).toBeGreaterThan(1);
      const dir = tempDir();
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        result.file,
        path.join(dir, 'page'),
      ]);
      const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'));
      expect(png).toBeDefined();
      const stats = await sharp(path.join(dir, png!)).stats();
      // Mostly white paper with dark text on it: not blank, not a black page.
      expect(stats.channels[0]!.min).toBeLessThan(80);
      expect(stats.channels[0]!.mean).toBeGreaterThan(180);
      expect(stats.channels[0]!.stdev).toBeGreaterThan(10);
    },
  );
});

describe('who may export and see statements', () => {
  test('staff may not export; an approver sees only their own merchant’s statement', async () => {
    const ws = await tempWorkspace();
    const { merchantId } = await seed(ws);
    const other = await addMerchant(ws, { name: 'Nordvik' });
    const staff = await addProfile(ws, { name: 'Ana', role: 'staff' });
    const approver = await addProfile(ws, { name: 'Mo', role: 'approver', merchantIds: [merchantId] });
    const bookkeeper = await addProfile(ws, { name: 'Kim', role: 'bookkeeper' });
    const input = { ...PERIOD, format: 'csv' };
    await expect(
      dispatch(ws, 'exports.sales', input, { via: 'person', personId: staff }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      dispatch(ws, 'exports.sales', input, { via: 'person', personId: bookkeeper }),
    ).resolves.toMatchObject({
      rows: 7,
    });
    await expect(
      dispatch(ws, 'statements.get', { merchantId, month: '2026-10' }, { via: 'person', personId: approver }),
    ).resolves.toMatchObject({ merchantName: 'Larkfield' });
    await expect(
      dispatch(
        ws,
        'statements.get',
        { merchantId: other, month: '2026-10' },
        { via: 'person', personId: approver },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
