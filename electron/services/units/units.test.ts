import { describe, expect, test } from 'vitest';
import type { Input } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { addItem, addListing, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { dispatch, invoke } from '../api';
import { reportSkus } from '../exports/reports';
import { base64, windows1252 } from '../../../tests/support/intake';
import type { Workspace } from '../workspace';
import { parseUnits } from './importUnitsSold';
import type { SaleKind } from '../../../shared/contract/sales';

async function catalogue(ws: Workspace) {
  const velo = await addMerchant(ws, { name: 'Velo Shop' });
  const other = await addMerchant(ws, { name: 'Nordvik' });
  for (const sku of ['VS-HELM-01', 'VS-LOCK-7', 'VS-BELL', 'vs-pump'])
    await addProduct(ws, { merchantId: velo, sku, title: `Product ${sku}` });
  // The same SKU at another merchant is not touched by Velo's file.
  await addProduct(ws, { merchantId: other, sku: 'VS-BELL', title: 'Nordvik bell' });
  return { velo, other };
}

async function units(ws: Workspace, merchantId: number): Promise<Record<string, number | null>> {
  const rows = await ws.kysely
    .selectFrom('products')
    .select(['sku', 'units_sold'])
    .where('merchant_id', '=', merchantId)
    .orderBy('sku')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.sku, r.units_sold]));
}

const importUnits = async (ws: Workspace, input: Input<'products.importUnitsSold'>, personId?: number) =>
  await invoke(
    ws,
    'products.importUnitsSold',
    input,
    personId === undefined ? { via: 'system' } : { via: 'person', personId },
  );

describe('parseUnits', () => {
  test.each([
    ['120', 120],
    ['120,00', 120],
    ['120.0', 120],
    ['1.234', 1234],
    ['1,234', 1234],
    ['12.345.678', 12345678],
    ['1 234', 1234],
    ['1\u202f234', 1234],
    ['0', 0],
  ])('reads %s as %i', (raw, value) => {
    expect(parseUnits(raw)).toEqual({ ok: true, value });
  });
  test.each([
    ['', /empty/],
    ['-3', /negative/],
    ['12,5', /whole number/],
    ['lots', /not a number/],
  ])('refuses %j', (raw, reason) => {
    const parsed = parseUnits(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('importing the units sold per SKU', () => {
  test('a semicolon file with decimal commas and a BOM, from Excel: known SKUs updated, unknown listed', async () => {
    const ws = await tempWorkspace();
    const { velo, other } = await catalogue(ws);
    const file =
      '\ufeffArtikelnummer;Verkaufte Einheiten\r\nVS-HELM-01;1.250\r\nVS-LOCK-7;310,00\r\nVS-PUMP;85\r\n;;\r\nVS-GONE;12\r\n';
    const report = await importUnits(ws, { merchantId: velo, base64: base64(file) });
    expect(report).toEqual({
      encoding: 'utf-8',
      separator: ';',
      rows: 4,
      applied: true,
      updated: 3,
      unchanged: 0,
      unknownSkus: [{ line: 6, sku: 'VS-GONE' }],
      errors: [],
    });
    // "VS-PUMP" reached the catalogue's "vs-pump"; the bell had no line and stays unknown.
    expect(await units(ws, velo)).toEqual({
      'VS-BELL': null,
      'VS-HELM-01': 1250,
      'VS-LOCK-7': 310,
      'vs-pump': 85,
    });
    expect(await units(ws, other)).toEqual({ 'VS-BELL': null });

    // The same file again changes nothing.
    const again = await importUnits(ws, { merchantId: velo, base64: base64(file) });
    expect(again).toMatchObject({ applied: true, updated: 0, unchanged: 3 });
    const events = await ws.kysely
      .selectFrom('events')
      .select(['kind', 'summary'])
      .where('kind', '=', 'import.unitsSold')
      .execute();
    expect(events).toHaveLength(2);
    expect(events[0]!.summary).toContain('3 SKUs changed');
  });

  test('plain text, comma-separated, English headers; Windows-1252 bytes; a file without header', async () => {
    const ws = await tempWorkspace();
    const { velo } = await catalogue(ws);
    const text = await importUnits(ws, {
      merchantId: velo,
      text: 'sku,units_sold\nVS-BELL,"1,234"\nVS-LOCK-7,7\n',
    });
    expect(text).toMatchObject({ separator: ',', rows: 2, applied: true, updated: 2 });
    expect((await units(ws, velo))['VS-BELL']).toBe(1234);

    const latin = await importUnits(ws, {
      merchantId: velo,
      base64: base64(windows1252('Référence;Unités vendues\nVS-BELL;99\n')),
    });
    expect(latin).toMatchObject({ encoding: 'windows-1252', applied: true, updated: 1 });

    const bare = await importUnits(ws, { merchantId: velo, text: 'VS-BELL;5\nVS-LOCK-7;6\n' });
    expect(bare).toMatchObject({ rows: 2, applied: true, updated: 2 });
    expect(await units(ws, velo)).toMatchObject({ 'VS-BELL': 5, 'VS-LOCK-7': 6 });
  });

  test('one bad line refuses the whole file: every bad line is reported, nothing changes', async () => {
    const ws = await tempWorkspace();
    const { velo } = await catalogue(ws);
    await importUnits(ws, { merchantId: velo, text: 'sku;units_sold\nVS-BELL;40\n' });
    const file = [
      'sku;units_sold',
      'VS-HELM-01;100',
      'VS-LOCK-7;-3',
      ';12',
      'VS-BELL;12,5',
      'VS-HELM-01;101',
      'VS-PUMP;many',
      'VS-UNKNOWN;4',
    ].join('\n');
    const report = await importUnits(ws, { merchantId: velo, text: file });
    expect(report.applied).toBe(false);
    expect(report.updated).toBe(1);
    expect(report.unknownSkus).toEqual([{ line: 8, sku: 'VS-UNKNOWN' }]);
    expect(report.errors).toMatchObject([
      { line: 3, reason: expect.stringMatching(/negative/) },
      { line: 4, reason: 'missing SKU' },
      { line: 5, reason: expect.stringMatching(/whole number/) },
      { line: 6, reason: 'SKU VS-HELM-01 is already on line 2' },
      { line: 7, reason: expect.stringMatching(/“many” is not a number/) },
    ]);
    expect(await units(ws, velo)).toEqual({
      'VS-BELL': 40,
      'VS-HELM-01': null,
      'VS-LOCK-7': null,
      'vs-pump': null,
    });
  });

  test('files that cannot be read say why; roles and merchants are checked', async () => {
    const ws = await tempWorkspace();
    const { velo } = await catalogue(ws);
    await expect(importUnits(ws, { merchantId: velo, text: 'sku;price\nVS-BELL;12\n' })).rejects.toThrow(
      /no units sold column/,
    );
    await expect(importUnits(ws, { merchantId: velo, text: '' })).rejects.toThrow(/empty/);
    await expect(importUnits(ws, { merchantId: 99, text: 'sku;units\nA;1\n' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(importUnits(ws, { merchantId: velo })).rejects.toBeInstanceOf(AppError);
    const approver = await addProfile(ws, { name: 'Mia', role: 'approver', merchantIds: [velo] });
    await expect(
      importUnits(ws, { merchantId: velo, text: 'sku;units\nVS-BELL;1\n' }, approver),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('the per-SKU report turns the imported units into a return rate and flags high ones', async () => {
    const ws = await tempWorkspace();
    const { velo } = await catalogue(ws);
    const product = await ws.kysely
      .selectFrom('products')
      .select('id')
      .where('sku', '=', 'VS-LOCK-7')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 3; i += 1)
      await addItem(ws, { merchantId: velo, productId: product.id, reference: `RB-${i}` });
    await importUnits(ws, { merchantId: velo, text: 'sku;units_sold\nVS-LOCK-7;20\n' });
    const [lock] = await reportSkus(ws, { merchantId: velo });
    expect(lock).toMatchObject({
      sku: 'VS-LOCK-7',
      returned: 3,
      unitsSold: 20,
      returnRate: 0.15,
      flagged: true,
    });
  });
});

async function sale(
  ws: Workspace,
  itemId: number,
  merchantId: number,
  soldAt: string,
  kind: SaleKind = 'sale',
  reverses: number | null = null,
) {
  const row = await ws.kysely
    .insertInto('sales')
    .values({
      item_id: itemId,
      merchant_id: merchantId,
      channel: 'ebay',
      order_id: `O-${itemId}-${kind}`,
      line_id: '1',
      sold_at: soldAt,
      currency: 'EUR',
      price_cents: 5000,
      kind,
      reverses_sale_id: reverses,
      created_at: soldAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('selling month by month', () => {
  test('days to sell and sell-through per month, by the documented definition', async () => {
    const ws = await tempWorkspace();
    const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
    const productId = await addProduct(ws, { merchantId, sku: 'A', title: 'A' });
    const item = async (reference: string, receivedAt: string, listedAt: string | null) => {
      const id = await addItem(ws, { merchantId, productId, reference, receivedAt, status: 'listed' });
      if (listedAt) {
        const listing = await addListing(ws, id, { channel: 'ebay', status: 'live' });
        await ws.kysely
          .updateTable('listings')
          .set({ created_at: listedAt })
          .where('id', '=', listing)
          .execute();
      }
      return id;
    };
    // a: listed in March, sold in May after 70 days. b: listed and sold in March (10 days).
    // c: listed in April, never sold. d: sold in April without a listing row (5 days).
    // e: sold in March, refunded: not sold, and never listed, so never available.
    const a = await item('RB-A', '2026-03-01T00:00:00.000Z', '2026-03-10T00:00:00.000Z');
    const b = await item('RB-B', '2026-03-01T00:00:00.000Z', '2026-03-05T00:00:00.000Z');
    await item('RB-C', '2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z');
    const d = await item('RB-D', '2026-04-10T00:00:00.000Z', null);
    const e = await item('RB-E', '2026-03-01T00:00:00.000Z', null);
    await sale(ws, a, merchantId, '2026-05-10T00:00:00.000Z');
    await sale(ws, b, merchantId, '2026-03-11T00:00:00.000Z');
    await sale(ws, d, merchantId, '2026-04-15T00:00:00.000Z');
    const eSale = await sale(ws, e, merchantId, '2026-03-20T00:00:00.000Z');
    await sale(ws, e, merchantId, '2026-03-25T00:00:00.000Z', 'refund', eSale);

    const months = await invoke(ws, 'reports.selling', {});
    expect(months).toEqual([
      { month: '2026-03', available: 2, sold: 1, sellThrough: 0.5, meanDaysToSell: 10, medianDaysToSell: 10 },
      { month: '2026-04', available: 3, sold: 1, sellThrough: 1 / 3, meanDaysToSell: 5, medianDaysToSell: 5 },
      { month: '2026-05', available: 2, sold: 1, sellThrough: 0.5, meanDaysToSell: 70, medianDaysToSell: 70 },
    ]);
    const april = await invoke(ws, 'reports.selling', {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(april.map((m) => m.month)).toEqual(['2026-04']);
    expect(await dispatch(ws, 'reports.selling', { merchantId: 999 })).toEqual([]);
  });
});
