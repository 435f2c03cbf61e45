import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { findHtmlProblems } from '../../shared/descriptions';
import { addDefect, addItem, addMerchant, addProduct } from '../../tests/integration/seed';
import { dispatch } from '../services/api';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

/** A closed data folder: a German merchant's used headphones with a scratch, and a defective one. */
async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-cli-describe-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const data = path.join(dir, 'data');
  const ws = Workspace.open(data);
  const merchant = await addMerchant(ws, { name: 'Klangwerk', language: 'de' });
  const product = await addProduct(ws, {
    merchantId: merchant,
    sku: 'KW-HP-01',
    brand: 'Auralis',
    model: 'Drift',
    title: 'Auralis Drift ANC wireless over-ear headphones, black',
    originalCents: 19900,
    accessories: ['USB-C cable', 'case'],
  });
  const used = await addItem(ws, {
    merchantId: merchant,
    productId: product,
    reference: 'RB-000001',
    grade: 'used',
    gradedAt: '2026-03-01T09:00:00.000Z',
    status: 'graded',
    accessoriesMissing: ['case'],
  });
  await ws.kysely
    .updateTable('items')
    .set({ packaging: 'opened_intact', functional_test: 'passed', cleaned: 1 })
    .where('id', '=', used)
    .execute();
  await addDefect(ws, used, {
    position: 1,
    kind: 'scratch',
    severity: 'minor',
    location: 'headband',
    sizeMm: 4,
  });
  await addItem(ws, {
    merchantId: merchant,
    productId: product,
    reference: 'RB-000002',
    grade: 'defective',
    status: 'graded',
  });
  await ws.close();
  return data;
}

describe('rebound describe', () => {
  test.each([
    ['en', /Used$/, /Small scratch/],
    ['fr', /Occasion$/, /Petite rayure/],
    ['de', /Gebraucht$/, /Kleiner Kratzer/],
  ] as const)(
    '--lang %s --json prints the listing fields in that language',
    async (lang, titleEnd, scratch) => {
      const data = await dataDir();
      const result = await rebound('describe', 'RB-000001', '--lang', lang, '--json', '--data-dir', data);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      const json = JSON.parse(result.out) as Record<string, unknown>;
      expect(Object.keys(json)).toEqual([
        'title',
        'conditionEnum',
        'conditionId',
        'conditionDescription',
        'html',
      ]);
      expect(json).toMatchObject({ conditionEnum: 'USED_VERY_GOOD', conditionId: 4000 });
      expect(json.title).toMatch(titleEnd);
      expect([...String(json.title)].length).toBeLessThanOrEqual(80);
      expect(json.conditionDescription).toMatch(scratch);
      expect(findHtmlProblems(String(json.html))).toEqual([]);
      expect(json.html).toMatch(scratch);
    },
  );

  test('without --lang: the merchant’s language, as readable text', async () => {
    const data = await dataDir();
    const result = await rebound('describe', '1', '--data-dir', data);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^RB-000001 · de · generated from the facts\n/);
    expect(result.out).toMatch(/Title \(\d+\/80\): Auralis Drift/);
    expect(result.out).toMatch(/Condition: USED_VERY_GOOD \(4000\)/);
    expect(result.out).toMatch(/• Kleiner Kratzer/);
    expect(result.out).not.toMatch(/<\/?(p|li|ul|h2)>/);
  });

  test('a kept edit is what it prints', async () => {
    const data = await dataDir();
    const ws = Workspace.open(data);
    await dispatch(ws, 'descriptions.save', {
      itemId: 1,
      lang: 'en',
      title: 'Auralis Drift headphones – used, tiny scratch',
      conditionDescription: 'Tiny scratch on the headband.',
    });
    await ws.close();
    const result = await rebound('describe', 'RB-000001', '--lang', 'en', '--json', '--data-dir', data);
    expect(JSON.parse(result.out)).toMatchObject({
      title: 'Auralis Drift headphones – used, tiny scratch',
      conditionDescription: 'Tiny scratch on the headband.',
    });
  });

  test('an unknown item exits 1, a defective one exits 1 with the reason, a bad --lang exits 2', async () => {
    const data = await dataDir();
    const unknown = await rebound('describe', 'RB-999999', '--data-dir', data);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/There is no item with reference RB-999999/);
    const defective = await rebound('describe', 'RB-000002', '--json', '--data-dir', data);
    expect(defective.code).toBe(1);
    expect(defective.out).toBe('');
    expect(defective.err).toMatch(/defective items are never listed/);
    const badLang = await rebound('describe', 'RB-000001', '--lang', 'it', '--data-dir', data);
    expect(badLang.code).toBe(2);
    expect(badLang.err).toMatch(/Allowed choices are en, fr, de/);
  });
});

describe('rebound describe in French and German', () => {
  test('a French lister reads a German merchant’s headphones in French, labels and all', async () => {
    const data = await dataDir();
    const result = await rebound('describe', 'RB-000001', '--lang', 'fr', '--data-dir', data);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^RB-000001 · fr · rédigée à partir des constats enregistrés\n/);
    expect(result.out).toMatch(/\nTitre \(\d+\/80\)\u202f: Auralis Drift/);
    expect(result.out).toContain('\nÉtat\u202f: USED_VERY_GOOD (4000)\n');
    expect(result.out).toMatch(/\nDescription de l’état \(\d+\/\d+\)\u202f:\n {2}.*Petite rayure/);
    expect(result.out).toContain('\nDescription\u202f:\n');
    const help = await rebound('describe', '--help', '--lang', 'fr');
    expect(help.out).toContain('langue de la description et des messages');
    expect(help.out).toContain('affiche le titre d’annonce d’un article');
  });

  test('a German lister checks a kept edit in German', async () => {
    const data = await dataDir();
    const ws = Workspace.open(data);
    await dispatch(ws, 'descriptions.save', {
      itemId: 1,
      lang: 'de',
      title: 'Auralis Drift Kopfhörer – gebraucht, kleiner Kratzer',
      conditionDescription: 'Kleiner Kratzer am Kopfbügel.',
    });
    await ws.close();
    const result = await rebound('describe', 'RB-000001', '--lang', 'de', '--data-dir', data);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^RB-000001 · de · bearbeitet von jemandem, beibehalten\n/);
    expect(result.out).toContain('\nTitel (52/80): Auralis Drift Kopfhörer – gebraucht, kleiner Kratzer\n');
    expect(result.out).toContain('\nZustand: USED_VERY_GOOD (4000)\n');
    expect(result.out).toContain('\nZustandsbeschreibung (29/');
    expect(result.out).toContain('\nArtikelbeschreibung:\n');
    const help = await rebound('describe', '--help', '--lang', 'de');
    expect(help.out).toContain('Sprache der Beschreibung und der Meldungen');
  });
});
