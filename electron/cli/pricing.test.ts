import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { addItem, addMerchant, addProduct, addProfile } from '../../tests/integration/seed';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

/** A closed data folder with one used, graded item (199.99) and the four roles. */
async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-cli-price-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const data = path.join(dir, 'data');
  const ws = Workspace.open(data);
  const merchant = await addMerchant(ws, { name: 'Larkfield Home & Tech' });
  const product = await addProduct(ws, {
    merchantId: merchant,
    sku: 'LH-HP-01',
    title: 'Wireless headphones',
    originalCents: 19999,
  });
  const item = await addItem(ws, {
    merchantId: merchant,
    productId: product,
    reference: 'RB-000001',
    grade: 'used',
    gradedAt: '2026-03-01T09:00:00.000Z',
    status: 'graded',
  });
  await ws.kysely
    .updateTable('items')
    .set({ packaging: 'opened_intact', functional_test: 'passed' })
    .where('id', '=', item)
    .execute();
  await addProfile(ws, { name: 'Lea Brandt', role: 'staff' });
  await addProfile(ws, { name: 'Siobhán Kelly', role: 'approver', merchantIds: [merchant] });
  await addProfile(ws, { name: 'Martin Vogel', role: 'bookkeeper' });
  await ws.close();
  return data;
}

describe('rebound price / approve / reject', () => {
  test('price proposes once and prints the trace as JSON', async () => {
    const data = await dataDir();
    const first = await rebound('price', 'RB-000001', '--json', '--data-dir', data);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual({
      currency: 'EUR',
      originalCents: 19999,
      proposedCents: 14999,
      floorCents: 4000,
      netCents: 14999 - (1950 + 35),
      needsApproval: true,
      steps: [{ code: 'grade', label: 'Grade: used (−25%)', deltaCents: -5000 }],
    });
    // A second call reads the stored proposal instead of proposing again.
    const second = await rebound('price', 'RB-000001', '--data-dir', data);
    expect(second.out).toContain('proposed €149.99');
    expect(second.out).toContain('waits for the merchant’s approval');
    const ws = Workspace.open(data);
    try {
      expect(await ws.kysely.selectFrom('prices').selectAll().execute()).toHaveLength(1);
    } finally {
      await ws.close();
    }
  });

  test('deciding needs --as, and a profile that may not decide is refused with exit 1', async () => {
    const data = await dataDir();
    await rebound('price', 'RB-000001', '--data-dir', data);

    const nobody = await rebound('approve', 'RB-000001', '--data-dir', data);
    expect(nobody.code).toBe(1);
    expect(nobody.err).toContain('pass --as PROFILE');

    const staff = await rebound('approve', 'RB-000001', '--as', 'lea brandt', '--data-dir', data);
    expect(staff).toMatchObject({
      code: 1,
      err: 'rebound: Lea Brandt is resale staff and cannot approve prices.\n',
    });
    const books = await rebound(
      'reject',
      'RB-000001',
      '--reason',
      'destroy',
      '--as',
      'Martin Vogel',
      '--data-dir',
      data,
    );
    expect(books.code).toBe(1);
    expect(books.err).toContain('Martin Vogel is a bookkeeper and cannot reject prices.');

    const badReason = await rebound(
      'reject',
      'RB-000001',
      '--reason',
      'meh',
      '--as',
      'Siobhán Kelly',
      '--data-dir',
      data,
    );
    expect(badReason.code).toBe(2);

    const adjusted = await rebound(
      'approve',
      'RB-000001',
      '--price',
      '12000',
      '--as',
      'Siobhán Kelly',
      '--json',
      '--data-dir',
      data,
    );
    expect(adjusted.code).toBe(0);
    const trace = JSON.parse(adjusted.out) as {
      proposedCents: number;
      steps: { code: string; deltaCents: number }[];
    };
    expect(trace.proposedCents).toBe(12000);
    expect(trace.steps.at(-1)).toEqual({ code: 'manual', label: 'Price set by hand', deltaCents: -2999 });

    const shown = await rebound('items', 'show', 'RB-000001', '--json', '--data-dir', data);
    const item = JSON.parse(shown.out) as { status: string; events: { actor: string; kind: string }[] };
    expect(item.status).toBe('approved');
    expect(item.events[0]).toMatchObject({ actor: 'Siobhán Kelly', kind: 'price.adjusted' });
  });

  test('reject sends the item back to be regraded', async () => {
    const data = await dataDir();
    await rebound('price', 'RB-000001', '--data-dir', data);
    const rejected = await rebound(
      'reject',
      'RB-000001',
      '--reason',
      'regrade',
      '--as',
      'Siobhán Kelly',
      '--data-dir',
      data,
    );
    expect(rejected).toMatchObject({
      code: 0,
      out: 'Price of RB-000001 rejected by Siobhán Kelly (regrade).\n',
    });
  });
});

describe('pricing in French and German', () => {
  test('a French approver reads an item’s price and its reasons in French, and validates it', async () => {
    const data = await dataDir();
    const price = await rebound('price', 'RB-000001', '--data-dir', data, '--lang', 'fr');
    expect(price.code, price.err).toBe(0);
    expect(price.out).toContain('RB-000001  prix d’origine 199,99\u00a0€');
    expect(price.out).toContain('−50,00\u00a0€  État\u202f: occasion');
    expect(price.out).toMatch(/ {2}proposé .* · plancher .* · net /);

    const nobody = await rebound('approve', 'RB-000001', '--data-dir', data, '--lang', 'fr');
    expect(nobody.code).toBe(1);
    expect(nobody.err).toContain('indiquez --as PROFIL');
    // With --json the error stays the English text scripts know.
    const script = await rebound('approve', 'RB-000001', '--json', '--data-dir', data, '--lang', 'fr');
    expect(script.err).toContain('pass --as PROFILE');

    const approved = await rebound(
      'approve',
      'RB-000001',
      '--as',
      'Siobhán Kelly',
      '--data-dir',
      data,
      '--lang',
      'fr',
    );
    expect(approved.code, approved.err).toBe(0);
    expect(approved.out).toMatch(/^Validé par Siobhán Kelly\.\n/);
    expect(approved.out).toContain('  validé par Siobhán Kelly\n');

    const help = await rebound('approve', '--help', '--lang', 'fr');
    expect(help.out).toContain('valide le prix proposé d’un article');
  });

  test('a German approver sends an item back to be checked again', async () => {
    const data = await dataDir();
    await rebound('price', 'RB-000001', '--data-dir', data);
    const rejected = await rebound(
      'reject',
      'RB-000001',
      '--reason',
      'regrade',
      '--as',
      'Siobhán Kelly',
      '--data-dir',
      data,
      '--lang',
      'de',
    );
    expect(rejected).toMatchObject({
      code: 0,
      out: 'Preis von RB-000001 abgelehnt von Siobhán Kelly (regrade).\n',
    });
    const again = await rebound('price', 'RB-000001', '--data-dir', data, '--lang', 'de');
    expect(again.out).toContain('Originalpreis');

    const help = await rebound('reject', '--help', '--lang', 'de');
    expect(help.out).toContain('lehnt den vorgeschlagenen Preis eines Artikels ab');
  });
});
