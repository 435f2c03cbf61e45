import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ItemDetail, ItemSummary } from '../../shared/contract';
import { shoot } from '../routing/shots';
import { CHROMIUM_WITH_CAMERA } from './chromium';
import { expect, ON_SERVER, test, type ServedApp } from './fixtures';
import { PhotoDeskScreen, SettingsScreen, Shell, StartScreen } from './pages';

/**
 * A tethered session shot by label, in browser mode: the camera writes ten items' shots into the
 * hot folder in shooting order (each item's label first, then four photos of it), and every photo
 * lands on its item without anyone opening one. The photographer moves a misfiled shot with one
 * key; a label of an item that does not exist stops the session until she resumes.
 */

test.use({ seed: 'demo' });
test.use({ launchOptions: CHROMIUM_WITH_CAMERA });

const ITEMS = 10;
const PER_ITEM = 4;
const FRAME = { width: 3000, height: 2000 } as const;

function itemPhotos(app: ServedApp, reference: string): string[] {
  const result = app.cli('items', 'show', reference, '--json');
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as ItemDetail).photos
    .filter((photo) => photo.source === 'hot_folder')
    .map((photo) => photo.name ?? '?');
}

/** Writes a shot as the tethering software does, its time one second after the one before. */
let clock = Date.UTC(2026, 11, 7, 9, 0, 0);
function write(folder: string, name: string, bytes: Buffer): void {
  const file = path.join(folder, name);
  fs.writeFileSync(file, bytes);
  clock += 1000;
  const at = new Date(clock);
  fs.utimesSync(file, at, at);
}

test('ten items shot by label land on their items; a misfiled shot moves with one key; an unknown label stops', async ({
  app,
  page,
}) => {
  test.skip(
    ON_SERVER,
    'a hot folder is the desk’s own: the server watches none of its machines’ folders (shots reach it by upload)',
  );
  test.setTimeout(300_000);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-label-'));
  try {
    // Ten items of the demo workspace still at the desk or waiting for their merchant.
    const listed = app.cli(
      'items',
      'list',
      '--json',
      '--limit',
      '100',
      ...['received', 'graded', 'photographed', 'awaiting_approval'].flatMap((status) => [
        '--status',
        status,
      ]),
    );
    expect(listed.status, listed.stderr).toBe(0);
    const items = (JSON.parse(listed.stdout) as { rows: ItemSummary[] }).rows.slice(0, ITEMS);
    expect(items).toHaveLength(ITEMS);

    await page.goto(app.url);
    await new StartScreen(page).pickProfile();
    const shell = new Shell(page);
    await shell.goTo('settings');
    await new SettingsScreen(page).watchHotFolder(folder);

    // The photo desk, no item open: shoot by label, keeping each label's shot on its item too.
    await shell.goTo('photos');
    await new PhotoDeskScreen(page).shootByLabel();
    await page.getByLabel('Keep the label shots').click();
    await expect(page.getByLabel('Keep the label shots')).toBeChecked();
    await expect(page.getByTestId('routing-empty')).toBeVisible();
    await expect(page.getByTestId('hot-folder-status')).toContainText('new shots are filed by their labels');

    // The session, in shooting order: label, then four shots, item after item.
    let seed = 100;
    const expected = new Map<string, string[]>();
    for (const [index, item] of items.entries()) {
      const label = `IMG_${1000 + index * 10}.JPG`;
      write(
        folder,
        label,
        await shoot({
          ...FRAME,
          seed: ++seed,
          quality: 85,
          label: { reference: item.reference, widthPx: 420 + index * 40, angle: index % 2 ? 7 : -10 },
        }),
      );
      const shots: string[] = [];
      for (let shot = 1; shot <= PER_ITEM; shot++) {
        const name = `IMG_${1000 + index * 10 + shot}.JPG`;
        write(folder, name, await shoot({ ...FRAME, seed: ++seed, quality: 85 }));
        shots.push(name);
      }
      expected.set(item.reference, [label, ...shots]);
    }

    const rows = page.getByTestId('routed-photo');
    await expect(rows).toHaveCount(ITEMS * (PER_ITEM + 1), { timeout: 180_000 });
    for (const item of items) {
      const label = page.locator(`[data-testid="routed-photo"][data-how="label"]`, {
        hasText: item.reference,
      });
      await expect(label).toHaveCount(1);
      for (const name of expected.get(item.reference)!) {
        await expect(page.locator(`[data-testid="routed-photo"][data-name="${name}"]`)).toHaveAttribute(
          'data-item-reference',
          item.reference,
        );
      }
      // On the item itself, in shooting order, its label's shot first.
      expect(itemPhotos(app, item.reference)).toEqual(expected.get(item.reference));
    }
    await expect(page.getByTestId('routing-current')).toHaveAttribute(
      'data-reference',
      items.at(-1)!.reference,
    );

    // The third item's last shot was really of the fourth: chosen with a click, moved with →.
    const misfiled = expected.get(items[2]!.reference)!.at(-1)!;
    await page.locator(`[data-testid="routed-photo"][data-name="${misfiled}"]`).click();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(`[data-testid="routed-photo"][data-name="${misfiled}"]`)).toHaveAttribute(
      'data-item-reference',
      items[3]!.reference,
    );
    expect(itemPhotos(app, items[3]!.reference)).toEqual([...expected.get(items[3]!.reference)!, misfiled]);
    expect(itemPhotos(app, items[2]!.reference)).toEqual(expected.get(items[2]!.reference)!.slice(0, -1));

    // A label no item has: the session stops and says so; the shot after it is filed nowhere.
    write(
      folder,
      'IMG_2000.JPG',
      await shoot({ ...FRAME, seed: ++seed, quality: 85, label: { reference: 'RB-999999', widthPx: 500 } }),
    );
    write(folder, 'IMG_2001.JPG', await shoot({ ...FRAME, seed: ++seed, quality: 85 }));
    await expect(page.getByTestId('routing-stopped')).toContainText('RB-999999');
    await expect(page.locator('[data-testid="routed-photo"][data-name="IMG_2001.JPG"]')).toHaveAttribute(
      'data-how',
      'stopped',
    );
    await page.getByTestId('routing-resume').click();
    await expect(page.getByTestId('routing-stopped')).toHaveCount(0);
    await expect(page.getByTestId('routing-current')).not.toHaveAttribute('data-reference', /RB-/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('files added by hand and webcam shots, shooting by label, go where their labels say, on a server too', async ({
  app,
  page,
}) => {
  const listed = app.cli('items', 'list', '--json', '--limit', '2', '--status', 'graded');
  expect(listed.status, listed.stderr).toBe(0);
  const [one, two] = (JSON.parse(listed.stdout) as { rows: ItemSummary[] }).rows;
  await page.goto(app.url);
  await new StartScreen(page).pickProfile();
  await new Shell(page).goTo('photos');
  await new PhotoDeskScreen(page).shootByLabel();

  // Two items' labels, each followed by a shot of it, chosen in the file dialog in shooting order.
  const frame = { width: 2000, height: 1400, quality: 85 } as const;
  const files = [
    {
      name: 'A-label.jpg',
      buffer: await shoot({ ...frame, seed: 501, label: { reference: one!.reference, widthPx: 420 } }),
    },
    { name: 'A-1.jpg', buffer: await shoot({ ...frame, seed: 502 }) },
    {
      name: 'B-label.jpg',
      buffer: await shoot({ ...frame, seed: 503, label: { reference: two!.reference, widthPx: 420 } }),
    },
    { name: 'B-1.jpg', buffer: await shoot({ ...frame, seed: 504 }) },
  ];
  await page
    .getByTestId('routing-file-input')
    .setInputFiles(files.map((file) => ({ ...file, mimeType: 'image/jpeg' })));
  const row = (name: string) => page.locator(`[data-testid="routed-photo"][data-name="${name}"]`);
  await expect(page.getByTestId('routed-photo')).toHaveCount(4);
  await expect(row('A-label.jpg')).toHaveAttribute('data-how', 'label');
  await expect(row('A-1.jpg')).toHaveAttribute('data-item-reference', one!.reference);
  await expect(row('B-1.jpg')).toHaveAttribute('data-item-reference', two!.reference);
  await expect(page.getByTestId('routing-current')).toHaveAttribute('data-reference', two!.reference);
  expect(itemPhotosNamed(app, two!.reference)).toContain('B-1.jpg');

  // A webcam shot shows no label: it follows the last one.
  await page.getByTestId('routing-webcam').click();
  await expect(page.getByTestId('webcam-shoot')).toBeEnabled();
  await page.getByTestId('webcam-shoot').click();
  await page.getByTestId('webcam-use').click();
  await expect(page.getByTestId('routed-photo')).toHaveCount(5);
  await expect(page.getByTestId('routed-photo').first()).toHaveAttribute('data-how', 'follows_label');
  await expect(page.getByTestId('routed-photo').first()).toHaveAttribute(
    'data-item-reference',
    two!.reference,
  );
});

function itemPhotosNamed(app: ServedApp, reference: string): (string | null)[] {
  const result = app.cli('items', 'show', reference, '--json');
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as ItemDetail).photos.map((photo) => photo.name);
}
