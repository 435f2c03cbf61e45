import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { addItem, addMerchant, addProduct } from '../../tests/integration/seed';
import { sceneJpeg } from '../../tests/support/images';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

/** A data folder with one item (RB-000001), closed so the CLI opens it as a user would. */
async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-cli-photos-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const ws = Workspace.open(path.join(dir, 'data'));
  const merchantId = await addMerchant(ws, { name: 'Velo Shop' });
  const productId = await addProduct(ws, { merchantId, sku: 'LAMP', title: 'Desk lamp' });
  await addItem(ws, { merchantId, productId, reference: 'RB-000001' });
  await ws.close();
  return dir;
}

describe('rebound photos add', () => {
  test('adds the good files, lists the refused ones with their reason, and exits 0', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    fs.writeFileSync(path.join(dir, 'a.jpg'), await sceneJpeg(900, 700, 1));
    fs.writeFileSync(path.join(dir, 'b.jpg'), await sceneJpeg(900, 700, 2));
    fs.writeFileSync(path.join(dir, 'notes.jpg'), 'not an image');
    const human = await rebound(
      'photos',
      'add',
      'RB-000001',
      path.join(dir, 'a.jpg'),
      path.join(dir, 'b.jpg'),
      path.join(dir, 'notes.jpg'),
      '--data-dir',
      data,
    );
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/accepted {2}a\.jpg → photo \d+, 900×700/);
    expect(human.out).toMatch(/rejected {2}notes\.jpg: /);
    expect(human.out).toContain('2 accepted, 1 rejected for RB-000001');

    const json = await rebound(
      'photos',
      'add',
      'RB-000001',
      path.join(dir, 'a.jpg'),
      '--data-dir',
      data,
      '--json',
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      accepted: 1,
      rejected: 0,
      results: [{ ok: true, name: 'a.jpg', duplicate: true, width: 900, height: 700 }],
    });
  });

  test('exits 1 when the item does not exist', async () => {
    const dir = await dataDir();
    fs.writeFileSync(path.join(dir, 'a.jpg'), await sceneJpeg(900, 700, 1));
    const result = await rebound(
      'photos',
      'add',
      'RB-999999',
      path.join(dir, 'a.jpg'),
      '--data-dir',
      path.join(dir, 'data'),
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('RB-999999');
  });
});

describe('rebound photos in French and German', () => {
  test('a French photographer adds a session’s shots, one of them not an image', async () => {
    const dir = await dataDir();
    const data = path.join(dir, 'data');
    fs.writeFileSync(path.join(dir, 'a.jpg'), await sceneJpeg(900, 700, 1));
    fs.writeFileSync(path.join(dir, 'notes.jpg'), 'not an image');
    const human = await rebound(
      'photos',
      'add',
      'RB-000001',
      path.join(dir, 'a.jpg'),
      path.join(dir, 'notes.jpg'),
      '--data-dir',
      data,
      '--lang',
      'fr',
    );
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^acceptée {2}a\.jpg → photo \d+, 900×700\n/m);
    expect(human.out).toMatch(/^refusée {3}notes\.jpg\u202f: /m);
    expect(human.out).toContain(
      'Acceptées\u202f: 1, refusées\u202f: 1 pour RB-000001 — tous les fichiers ont été traités\u202f; les refusés sont listés avec leur motif.\n',
    );
    expect((await rebound('photos', 'add', '--help', '--lang', 'fr')).out).toContain(
      'ajoute des photos à un article',
    );
  });

  test('a German photographer routes a shot taken before any label', async () => {
    const dir = await dataDir();
    fs.writeFileSync(path.join(dir, 'erste.jpg'), await sceneJpeg(900, 700, 3));
    const routed = await rebound(
      'photos',
      'route',
      path.join(dir, 'erste.jpg'),
      '--data-dir',
      path.join(dir, 'data'),
      '--lang',
      'de',
    );
    expect(routed.code).toBe(0);
    expect(routed.out).toContain('erste.jpg  —  vor jedem Etikett');
    expect(routed.out).toContain('\n0 von 1 Fotos 0 Artikeln zugeordnet.\n');
    expect((await rebound('photos', 'route', '--help', '--lang', 'de')).out).toContain(
      'ordnet Aufnahmen anhand des mitfotografierten Rebound-Etiketts',
    );
  });
});
