import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { addMerchant, addProduct } from '../../tests/integration/seed';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-cli-units-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const ws = Workspace.open(path.join(dir, 'data'));
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  await addProduct(ws, { merchantId, sku: 'L-7', title: 'Lock' });
  await addProduct(ws, { merchantId, sku: 'B-1', title: 'Bell' });
  await ws.close();
  return dir;
}

describe('rebound import units', () => {
  test('imports a semicolon file with a BOM and lists unknown SKUs', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'units.csv');
    fs.writeFileSync(file, '\ufeffsku;units_sold\r\nL-7;1.200\r\nB-1;35,00\r\nX-9;4\r\n');
    const human = await rebound(
      'import',
      'units',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      path.join(dir, 'data'),
    );
    expect(human).toMatchObject({ code: 0, err: '' });
    expect(human.out).toContain('2 SKUs updated, 0 unchanged');
    expect(human.out).toContain('1 SKU is not in the catalogue (not imported): X-9');
    const json = await rebound(
      'import',
      'units',
      file,
      '--merchant',
      '1',
      '--json',
      '--data-dir',
      path.join(dir, 'data'),
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      applied: true,
      updated: 0,
      unchanged: 2,
      unknownSkus: [{ line: 4, sku: 'X-9' }],
    });
  });

  test('a bad line refuses the file: exit 1, the line on stderr, nothing changed', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'units.csv');
    fs.writeFileSync(file, 'sku;units_sold\nL-7;12\nB-1;-1\n');
    const result = await rebound(
      'import',
      'units',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      path.join(dir, 'data'),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('line 3: “-1” is negative');
    expect(result.out).toContain('Nothing was imported');
    const missing = await rebound(
      'import',
      'units',
      path.join(dir, 'nope.csv'),
      '--merchant',
      '1',
      '--data-dir',
      path.join(dir, 'data'),
    );
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('there is no such file');
    const usage = await rebound('import', 'units', file, '--data-dir', path.join(dir, 'data'));
    expect(usage.code).toBe(2);
  });

  test('rebound report selling prints the months as JSON', async () => {
    const dir = await dataDir();
    const result = await rebound('report', 'selling', '--json', '--data-dir', path.join(dir, 'data'));
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(result.out)).toEqual([]);
  });
});

describe('rebound import units and report selling in French and German', () => {
  test('a French bookkeeper imports the month’s units sold, with one SKU the catalogue lacks', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const file = path.join(dir, 'ventes.csv');
    fs.writeFileSync(file, 'sku;units_sold\nL-7;120\nB-1;35\nX-9;4\n');
    const human = await rebound(
      'import',
      'units',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      data,
      '--lang',
      'fr',
    );
    expect(human).toMatchObject({ code: 0, err: '' });
    expect(human.out).toBe(
      'ventes.csv\u202f: 3 lignes lues pour Velo Shop.\n' +
        '  2 SKU mis à jour, 0 sans changement.\n' +
        '  1 SKU n’est pas dans le catalogue (non importé)\u202f: X-9\n',
    );
    const bad = path.join(dir, 'erreur.csv');
    fs.writeFileSync(bad, 'sku;units_sold\nL-7;12\nB-1;-1\n');
    const refused = await rebound(
      'import',
      'units',
      bad,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      data,
      '--lang',
      'fr',
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Rien n’a été importé\u202f: 1 ligne est refusée.');
    expect(refused.err).toMatch(/^ligne 3\u202f: /);
    expect(refused.err).toContain('1 ligne a été refusée\u202f; rien n’a été importé.');
    expect((await rebound('import', 'units', '--help', '--lang', 'fr')).out).toContain(
      'importe les unités vendues par SKU d’un marchand',
    );
  });

  test('a German bookkeeper reads the selling report, its columns wide enough for German headers', async () => {
    const dir = await dataDir();
    const result = await rebound('report', 'selling', '--data-dir', path.join(dir, 'data'), '--lang', 'de');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe('MONAT    IM ANGEBOT  VERKAUFT     ABVERKAUF  TAGE (MITTEL)  TAGE (MEDIAN)\n');
    const english = await rebound('report', 'selling', '--data-dir', path.join(dir, 'data'));
    expect(english.out).toBe('MONTH    AVAILABLE   SOLD  SELL-THROUGH  MEAN DAYS  MEDIAN DAYS\n');
    expect((await rebound('report', 'selling', '--help', '--lang', 'de')).out).toContain(
      'Monat für Monat: angebotene und verkaufte Artikel',
    );
  });
});
