import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { Workspace } from '../../electron/services/workspace';
import { rebound } from '../support/cli';
import { addItem, addMerchant, addProduct } from '../integration/seed';
import { photosByItem } from './filed';
import { shoot } from './shots';

/**
 * `rebound photos route` on a real data folder: a photographer's session written to disk in
 * shooting order, filed by the labels in the frames.
 */

const FRAME = { width: 3000, height: 2000 } as const;

interface Desk {
  readonly dir: string;
  readonly data: string;
  /** Writes a shot into the session folder and returns its path. */
  shot(name: string, label?: string): Promise<string>;
  /** The photos on each item now, by reference, as their original file names in order. */
  photos(): Promise<Record<string, string[]>>;
}

/** A data folder with two of Velo Shop's items and one of Casa Bella's, closed as the CLI finds it. */
async function desk(): Promise<Desk> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-cli-route-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const data = path.join(dir, 'data');
  const ws = Workspace.open(data);
  const velo = await addMerchant(ws, { name: 'Velo Shop' });
  const casa = await addMerchant(ws, { name: 'Casa Bella' });
  const lamp = await addProduct(ws, { merchantId: velo, sku: 'LAMP', title: 'Desk lamp' });
  const kettle = await addProduct(ws, { merchantId: casa, sku: 'KETTLE', title: 'Kettle' });
  await addItem(ws, { merchantId: velo, productId: lamp, reference: 'RB-000001' });
  await addItem(ws, { merchantId: velo, productId: lamp, reference: 'RB-000002' });
  await addItem(ws, { merchantId: casa, productId: kettle, reference: 'RB-000003' });
  await ws.close();
  let seed = 1;
  return {
    dir,
    data,
    async shot(name, label) {
      const file = path.join(dir, name);
      // Each shot from a slightly different angle of the product (its own backdrop seed), so no two
      // files are the same photo; the label, when there is one, lies tilted in the frame.
      seed++;
      fs.writeFileSync(
        file,
        await shoot({
          ...FRAME,
          seed: label ? 1 : seed,
          quality: 80,
          ...(label ? { label: { reference: label, widthPx: 450, angle: seed % 2 ? 8 : -12 } } : {}),
        }),
      );
      return file;
    },
    async photos() {
      const ws = Workspace.open(data);
      try {
        return await photosByItem(ws);
      } finally {
        await ws.close();
      }
    },
  };
}

interface Row {
  file: string;
  item: { id: number; reference: string } | null;
  reason: string;
  added: boolean;
  label: { reference: string } | null;
  why: string | null;
}

const brief = (rows: Row[]) =>
  rows.map((row) => `${path.basename(row.file)} → ${row.item?.reference ?? '—'} (${row.reason})`);

describe('rebound photos route', () => {
  test('files a session by its labels: label shots mark the sets, the photos after them follow', async () => {
    const d = await desk();
    const files = [
      await d.shot('01-before.jpg'),
      await d.shot('02-label.jpg', 'RB-000001'),
      await d.shot('03-front.jpg'),
      await d.shot('04-back.jpg'),
      await d.shot('05-label.jpg', 'RB-000002'),
      await d.shot('06-side.jpg'),
      await d.shot('07-broken.jpg'),
    ];
    fs.writeFileSync(files[6]!, 'not a photo');
    const result = await rebound('photos', 'route', ...files, '--data-dir', d.data, '--json');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.out) as Row[];
    expect(brief(rows)).toEqual([
      '01-before.jpg → — (unrouted)',
      '02-label.jpg → RB-000001 (label)',
      '03-front.jpg → RB-000001 (follows_label)',
      '04-back.jpg → RB-000001 (follows_label)',
      '05-label.jpg → RB-000002 (label)',
      '06-side.jpg → RB-000002 (follows_label)',
      '07-broken.jpg → RB-000002 (follows_label)',
    ]);
    expect(rows[0]!.why).toMatch(/no label has been photographed yet/);
    // Label shots are not kept unless asked; the broken file is refused by the photo pipeline.
    expect(rows.map((row) => row.added)).toEqual([false, false, true, true, false, true, false]);
    expect(rows[6]!.why).not.toBeNull();
    expect(await d.photos()).toEqual({
      'RB-000001': ['03-front.jpg', '04-back.jpg'],
      'RB-000002': ['06-side.jpg'],
    });

    // Again with the label shots kept: they join their sets (the others are already there).
    const kept = await rebound(
      'photos',
      'route',
      ...files.slice(1, 6),
      '--keep-label-shots',
      '--data-dir',
      d.data,
    );
    expect(kept.code).toBe(0);
    expect(kept.out).toContain('02-label.jpg  RB-000001  label read');
    expect(kept.out).toContain('03-front.jpg  RB-000001  follows the last label');
    expect(await d.photos()).toEqual({
      'RB-000001': ['03-front.jpg', '04-back.jpg', '02-label.jpg'],
      'RB-000002': ['06-side.jpg', '05-label.jpg'],
    });
  }, 300_000);

  test('another merchant’s label in a merchant-locked session stops the routing: nothing after it is filed', async () => {
    const d = await desk();
    const files = [
      await d.shot('01-label.jpg', 'RB-000001'),
      await d.shot('02-front.jpg'),
      await d.shot('03-label.jpg', 'RB-000003'),
      await d.shot('04-front.jpg'),
      await d.shot('05-label.jpg', 'RB-000002'),
      await d.shot('06-front.jpg'),
    ];
    const result = await rebound(
      'photos',
      'route',
      ...files,
      '--merchant',
      'Velo Shop',
      '--data-dir',
      d.data,
      '--json',
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.err)).toMatchObject({
      error: { code: 'conflict', text: { code: 'routing.other_merchant' } },
    });
    const rows = JSON.parse(result.out) as Row[];
    expect(brief(rows)).toEqual([
      '01-label.jpg → RB-000001 (label)',
      '02-front.jpg → RB-000001 (follows_label)',
      '03-label.jpg → — (stopped)',
      '04-front.jpg → — (stopped)',
      '05-label.jpg → — (stopped)',
      '06-front.jpg → — (stopped)',
    ]);
    expect(rows[2]!.label?.reference).toBe('RB-000003');
    expect(rows[2]!.why).toBe(
      'The label reads RB-000003, an item of Casa Bella, but this session is for Velo Shop. Routing stopped here: check the label before going on.',
    );
    expect(await d.photos()).toEqual({ 'RB-000001': ['02-front.jpg'] });
  }, 300_000);

  test('a label of an item that does not exist stops the routing, and says so in the reader’s language', async () => {
    const d = await desk();
    const files = [await d.shot('01-label.jpg', 'RB-000999'), await d.shot('02-front.jpg')];
    const result = await rebound('photos', 'route', ...files, '--data-dir', d.data, '--lang', 'fr');
    expect(result.code).toBe(1);
    expect(result.out).toContain('01-label.jpg  —  non classée');
    expect(result.err).toBe(
      'rebound: L’étiquette indique RB-000999, mais aucun article RB-000999 n’existe. Le classement s’est arrêté ici : vérifiez l’étiquette avant de continuer.\n',
    );
    expect(await d.photos()).toEqual({});
  }, 300_000);
});
