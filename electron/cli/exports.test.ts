import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { addItem, addMerchant, addProduct } from '../../tests/integration/seed';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

/** A data folder with one merchant and two sales in October, closed as a user's would be. */
async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-cli-exports-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const ws = Workspace.open(path.join(dir, 'data'));
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  const productId = await addProduct(ws, {
    merchantId,
    sku: 'L-7',
    title: '@SUM(A1) lock',
    originalCents: 5000,
  });
  for (const [n, price] of [
    [1, 3999],
    [2, 2501],
  ] as const) {
    const itemId = await addItem(ws, {
      merchantId,
      productId,
      reference: `RB-${n}`,
      status: 'sold',
      grade: 'used',
    });
    await ws.kysely
      .insertInto('sales')
      .values({
        item_id: itemId,
        merchant_id: merchantId,
        channel: 'practice',
        order_id: `PM-${n}`,
        line_id: '1',
        sold_at: `2026-10-0${n}T10:00:00.000Z`,
        currency: 'EUR',
        price_cents: price,
        fees_cents: 300,
        vat_rate_bp: 2000,
        created_at: '2026-10-01T10:00:00.000Z',
      })
      .execute();
  }
  await ws.close();
  return dir;
}

describe('rebound export / statement / report', () => {
  test('export sales writes the file named by --out, in the locale’s dialect', async () => {
    const dir = await dataDir();
    const out = path.join(dir, 'october.csv');
    const result = await rebound(
      'export',
      'sales',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--format',
      'csv',
      '--locale',
      'de',
      '--merchant',
      'velo shop',
      '--out',
      out,
      '--data-dir',
      path.join(dir, 'data'),
      '--json',
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ file: out, rows: 2, format: 'csv' });
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFDatum;Art;Referenz')).toBe(true);
    expect(text).toContain(";'@SUM(A1) lock;");
    expect(text).toContain(';39,99;');
  });

  test('bad dates and unknown formats are bad usage (exit 2) with a reason', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const backwards = await rebound(
      'export',
      'sales',
      '--from',
      '2026-10-31',
      '--to',
      '2026-10-01',
      '--data-dir',
      data,
    );
    expect(backwards.code).toBe(2);
    expect(backwards.err).toMatch(/“from” must not be after “to”/);
    const format = await rebound(
      'export',
      'sales',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--format',
      'pdf',
      '--data-dir',
      data,
    );
    expect(format.code).toBe(2);
    const merchant = await rebound(
      'statement',
      '--merchant',
      'Nobody',
      '--month',
      '2026-10',
      '--data-dir',
      data,
    );
    expect(merchant.code).toBe(1);
    expect(merchant.err).toMatch(/no merchant “Nobody”.*1 Velo Shop/);
  });

  test('statement writes a PDF; report monthly and recovery print JSON that agree', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const pdf = path.join(dir, 'statement.pdf');
    const statement = await rebound(
      'statement',
      '--merchant',
      '1',
      '--month',
      '2026-10',
      '--out',
      pdf,
      '--data-dir',
      data,
    );
    expect(statement.code).toBe(0);
    expect(statement.out).toMatch(/2 sold, gross €65\.00/);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const monthly = await rebound('report', 'monthly', '--json', '--data-dir', data);
    expect(monthly.code).toBe(0);
    expect(JSON.parse(monthly.out)).toEqual([
      expect.objectContaining({ month: '2026-10', itemsSold: 2, priceCents: 6500, feesCents: 600 }),
    ]);
    const recovery = await rebound(
      'report',
      'recovery',
      '--json',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--data-dir',
      data,
    );
    expect(JSON.parse(recovery.out).overall[0]).toMatchObject({
      sold: 2,
      priceCents: 6500,
      recoveryRate: 0.65,
    });
    const skus = await rebound('report', 'skus', '--data-dir', data);
    expect(skus.out).toContain('L-7');
  });

  test('export accounts shows and changes the journal’s account codes', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const changed = await rebound(
      'export',
      'accounts',
      '--set',
      'revenue=706000',
      '--json',
      '--data-dir',
      data,
    );
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.out)).toMatchObject({ revenue: '706000', receivable: '1210' });
    const refused = await rebound('export', 'accounts', '--set', 'revenue==1+1', '--data-dir', data);
    expect(refused.code).toBe(2);
    const journal = path.join(dir, 'journal.csv');
    await rebound(
      'export',
      'sales',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--format',
      'journal',
      '--out',
      journal,
      '--data-dir',
      data,
    );
    expect(fs.readFileSync(journal, 'utf8')).toContain(',706000,');
  });
});

describe('the bookkeeper’s commands in French and German', () => {
  test('a French bookkeeper exports October’s sales and reads the month’s figures in French', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const out = path.join(dir, 'octobre.csv');
    const args = ['--from', '2026-10-01', '--to', '2026-10-31', '--data-dir', data, '--lang', 'fr'];
    const exported = await rebound('export', 'sales', '--out', out, ...args);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toMatch(/^.*octobre\.csv écrit\u202f: 2 ventes, 1 ko en \d+,\d s\.\n$/);

    const statement = await rebound(
      'statement',
      '--merchant',
      'Velo Shop',
      '--month',
      '2026-10',
      '--out',
      path.join(dir, 'releve.pdf'),
      '--data-dir',
      data,
      '--lang',
      'fr',
    );
    expect(statement.out).toContain('2 vendus, brut 65,00\u00a0€, frais de canal 6,00\u00a0€');
    expect(statement.out).toContain('versement net');

    const monthly = await rebound('report', 'monthly', ...args);
    expect(monthly.out.split('\n')[0]).toMatch(/^MOIS +DEV +VENDUS +RÉCUPÉRÉ +PORT +FRAIS +TVA +NET$/);
    expect(monthly.out).toContain('65,00\u00a0€');

    // Scripts still get the data, not prose.
    const json = await rebound('report', 'monthly', '--json', ...args);
    expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ month: '2026-10', itemsSold: 2 })]);

    const help = await rebound('export', 'sales', '--help', '--lang', 'fr');
    expect(help.out).toContain('exporte les ventes d’une période');
    expect(help.out).toContain('premier jour, AAAA-MM-JJ');
  });

  test('a German bookkeeper reads the recovery report, and a wrong --set is explained in German', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const recovery = await rebound('report', 'recovery', '--data-dir', data, '--lang', 'de');
    expect(recovery.code, recovery.err).toBe(0);
    expect(recovery.out).toContain('Nach Zustand\n');
    expect(recovery.out).toMatch(/VERKAUFT +ERLÖS +ERLÖSQUOTE +NETTO\n/);
    expect(recovery.out).toContain('65,0\u00a0%');

    const skus = await rebound('report', 'skus', '--data-dir', data, '--lang', 'de');
    expect(skus.out).toMatch(/retourniert +2 +verkauft +2 +Retourenquote/);

    const wrong = await rebound('export', 'accounts', '--set', 'revenue', '--data-dir', data, '--lang', 'de');
    expect(wrong).toMatchObject({
      code: 2,
      err: 'rebound: --set erwartet Konto=Nummer, erhalten: „revenue“.\n',
    });

    const help = await rebound('statement', '--help', '--lang', 'de');
    expect(help.out).toContain('schreibt die Monatsabrechnung eines Händlers als PDF');
  });
});
