import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, onTestFinished, test } from 'vitest';
import { addMerchant, addProduct } from '../../tests/support/intake';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

/** A data folder with one merchant and one product, closed so the CLI opens it as a user would. */
async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-cli-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const ws = Workspace.open(path.join(dir, 'data'));
  const merchant = await addMerchant(ws, { name: 'Velo Shop' });
  await addProduct(ws, {
    merchantId: merchant,
    sku: 'VS-LOCK-7',
    title: 'Folding lock',
    ean: '4006381333931',
  });
  await ws.close();
  return dir;
}

describe('rebound import returns', () => {
  test('imports the good rows, lists refused ones on stderr and exits 0; --strict exits 1', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const file = path.join(dir, 'returns.csv');
    fs.writeFileSync(file, 'order_reference;sku;received_at\nW-1;VS-LOCK-7;2025-03-10\nW-2;;2025-03-10\n');
    const human = await rebound('import', 'returns', file, '--merchant', 'velo shop', '--data-dir', data);
    expect(human.code).toBe(0);
    expect(human.out).toContain('2 rows read for Velo Shop');
    expect(human.out).toContain('1 item created');
    expect(human.err).toBe('line 3: missing SKU\n');

    const json = await rebound(
      'import',
      'returns',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      data,
      '--json',
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      imported: 0,
      skipped: 1,
      errors: [{ line: 3, reason: 'missing SKU' }],
    });

    const strict = await rebound(
      'import',
      'returns',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      data,
      '--strict',
    );
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('1 row was refused (--strict)');
  });

  test('exits 1 when nothing could be read, and 2 on bad usage', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    expect(
      await rebound('import', 'returns', empty, '--merchant', 'Velo Shop', '--data-dir', data),
    ).toMatchObject({
      code: 1,
      err: 'rebound: The file is empty.\n',
    });
    const noColumns = path.join(dir, 'odd.csv');
    fs.writeFileSync(noColumns, 'a,b\n1,2\n');
    expect(
      (await rebound('import', 'returns', noColumns, '--merchant', 'Velo Shop', '--data-dir', data)).code,
    ).toBe(1);
    expect((await rebound('import', 'returns', path.join(dir, 'missing.csv'), '--data-dir', data)).code).toBe(
      1,
    );
    expect(
      (await rebound('import', 'returns', noColumns, '--merchant', 'Nobody', '--data-dir', data)).err,
    ).toContain('no merchant named “Nobody”');
    expect((await rebound('import', 'returns', '--data-dir', data)).code).toBe(2);
    const help = await rebound('import', 'returns', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('--merchant <name>');
    expect(help.out).toContain('--data-dir <dir>');
    expect(help.out).toContain('--json');
  });
});

describe('rebound products import, intake scan and label', () => {
  test('a catalogue import, a scan and a label PDF of the right size', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const catalogue = path.join(dir, 'catalogue.csv');
    fs.writeFileSync(catalogue, 'sku,title,price\nVS-HELM-01,Bike helmet,59.99\n');
    const imported = await rebound(
      'products',
      'import',
      catalogue,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      data,
    );
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain('1 product created');

    const scan = await rebound('intake', 'scan', '4006381333931', '--data-dir', data, '--json');
    expect(JSON.parse(scan.out)).toMatchObject({
      kind: 'product',
      matchedBy: 'ean',
      product: { sku: 'VS-LOCK-7' },
    });
    const unknown = await rebound('intake', 'scan', 'ZZ-TOP', '--data-dir', data);
    expect(unknown.out).toBe('unknown: looks like a sku. No product has this SKU.\n');

    const returns = path.join(dir, 'returns.csv');
    fs.writeFileSync(returns, 'order_reference,sku\nW-9,VS-HELM-01\n');
    await rebound('import', 'returns', returns, '--merchant', 'Velo Shop', '--data-dir', data);
    const out = path.join(dir, 'label.pdf');
    const label = await rebound(
      'label',
      'rb-000001',
      '--size',
      '100x50mm',
      '--out',
      out,
      '--data-dir',
      data,
      '--json',
    );
    expect(label.code).toBe(0);
    expect(JSON.parse(label.out)).toMatchObject({ file: out, size: '100x50mm' });
    const doc = await PDFDocument.load(fs.readFileSync(out));
    expect(doc.getPage(0).getSize().width).toBeCloseTo((100 * 72) / 25.4, 3);

    expect((await rebound('label', 'RB-000001', '--size', 'A4', '--data-dir', data)).code).toBe(2);
    expect((await rebound('label', 'RB-000999', '--data-dir', data)).code).toBe(1);
  });
});

describe('the intake desk’s commands in French and German', () => {
  test('a French receiving clerk imports the morning’s return notices and scans an unknown code', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const file = path.join(dir, 'retours.csv');
    fs.writeFileSync(file, 'order_reference;sku;received_at\nW-1;VS-LOCK-7;2025-03-10\nW-2;;2025-03-10\n');
    const imported = await rebound(
      'import',
      'returns',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      data,
      '--lang',
      'fr',
    );
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(
      'retours.csv (UTF-8, séparateur «\u202f;\u202f»)\u202f: 2 lignes lues pour Velo Shop.',
    );
    expect(imported.out).toContain(
      '1 article créé, 0 ligne déjà importée (ignorée), 0 produit ajouté, 1 ligne refusée.',
    );
    expect(imported.err).toMatch(/^ligne 3\u202f: /);
    expect(imported.err).not.toContain('missing SKU');

    const strict = await rebound(
      'import',
      'returns',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      data,
      '--strict',
      '--lang',
      'fr',
    );
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('1 ligne a été refusée (--strict).');
    // A script reading --json gets the English text whatever the language.
    const json = await rebound(
      'import',
      'returns',
      file,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      data,
      '--strict',
      '--json',
      '--lang',
      'fr',
    );
    expect(json.err).toContain('1 row was refused (--strict).');

    const unknown = await rebound('intake', 'scan', 'ZZ-TOP', '--data-dir', data, '--lang', 'fr');
    expect(unknown.out).toMatch(/^inconnu\u202f: ressemble à un SKU\. /);
    expect((await rebound('import', 'returns', '--help', '--lang', 'fr')).out).toContain(
      'importe des avis de retour (CSV)',
    );
    expect((await rebound('intake', 'scan', '--help', '--lang', 'fr')).out).toContain(
      'une référence Rebound, un numéro de commande',
    );
  });

  test('a German catalogue manager imports a catalogue and prints a label', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    const catalogue = path.join(dir, 'katalog.csv');
    fs.writeFileSync(catalogue, 'sku,title,price\nVS-HELM-01,Fahrradhelm,59.99\n');
    const imported = await rebound(
      'products',
      'import',
      catalogue,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      data,
      '--lang',
      'de',
    );
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain('katalog.csv (UTF-8, Trennzeichen „,“): 1 Zeile für Velo Shop gelesen.');
    expect(imported.out).toContain('1 Produkt angelegt, 0 aktualisiert, 0 unverändert, 0 Zeilen abgelehnt.');
    expect((await rebound('products', 'import', '--help', '--lang', 'de')).out).toContain(
      'importiert einen Produktkatalog (CSV)',
    );

    const returns = path.join(dir, 'retouren.csv');
    fs.writeFileSync(returns, 'order_reference,sku\nW-9,VS-HELM-01\n');
    await rebound('import', 'returns', returns, '--merchant', 'Velo Shop', '--data-dir', data);
    const out = path.join(dir, 'etikett.pdf');
    const label = await rebound('label', 'RB-000001', '--out', out, '--data-dir', data, '--lang', 'de');
    expect(label.code).toBe(0);
    expect(label.out).toMatch(/^PDF gespeichert: .*etikett\.pdf \(62x29mm, \d+ kB\)\.\n$/);
    const missing = await rebound(
      'import',
      'returns',
      path.join(dir, 'fehlt.csv'),
      '--data-dir',
      data,
      '--lang',
      'de',
    );
    expect(missing.err).toContain('kann nicht gelesen werden: diese Datei gibt es nicht.');
  });
});
