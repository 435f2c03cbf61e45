import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ItemDetail, ItemSummary } from '../../shared/contract';
import { sceneJpeg } from '../support/images';
import { CHROMIUM_WITH_CAMERA } from './chromium';
import { expect, ON_SERVER, test, type ServedApp } from './fixtures';
import { SettingsScreen, Shell, StartScreen } from './pages';

/**
 * The photo desk in browser mode: the camera's hot folder set in Settings, shots written into it
 * appear on the item open on the desk; then reordering by keyboard and deleting with Undo.
 */

test.use({ seed: 'demo' });
test.use({ launchOptions: CHROMIUM_WITH_CAMERA });

function item(app: ServedApp, reference: string): ItemDetail {
  const result = app.cli('items', 'show', reference, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ItemDetail;
}

test('tethered shots land on the open item; reorder with Shift+arrows, delete with Undo', async ({
  app,
  page,
}) => {
  test.skip(
    ON_SERVER,
    'a hot folder is the desk’s own: the server watches none of its machines’ folders (shots reach it by upload)',
  );
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-hot-'));
  test.info().attachments.push({ name: 'hot folder', contentType: 'text/plain', body: Buffer.from(folder) });
  try {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile();
    const shell = new Shell(page);

    // Settings: the folder the tethering software saves into.
    await shell.goTo('settings');
    await new SettingsScreen(page).watchHotFolder(folder);

    // The photo desk, on an item (the first in the list).
    const listed = app.cli('items', 'list', '--json', '--limit', '1');
    const first = (JSON.parse(listed.stdout) as { rows: ItemSummary[] }).rows[0]!;
    const before = item(app, first.reference).photos.length;
    await shell.goTo('photos');
    await page.goto(`${app.origin}/#/photos/${first.id}`);
    await expect(page.getByTestId('photo-workspace')).toContainText(first.reference);
    await expect(page.getByTestId('hot-folder-status')).toContainText('new shots go to this item');

    // Three shots, written by "the camera" as real JPEGs.
    const shots = await Promise.all([11, 12, 13].map((seed) => sceneJpeg(1200, 900, seed)));
    for (const [i, bytes] of shots.entries()) {
      const file = path.join(folder, `IMG_${String(9001 + i)}.JPG`);
      fs.writeFileSync(file, bytes);
      const at = new Date(Date.UTC(2026, 0, 1, 10, 0, i));
      fs.utimesSync(file, at, at);
    }
    const thumbs = page.getByTestId('filmstrip-photo');
    await expect(thumbs).toHaveCount(before + 3, { timeout: 20_000 });
    await expect(page.getByTestId('hot-folder-status')).toContainText('3 new photos');
    const names = item(app, first.reference).photos.slice(-3);
    expect(names.map((p) => p.source)).toEqual(['hot_folder', 'hot_folder', 'hot_folder']);

    // Reorder: the last photo, moved one place earlier with Shift+←.
    const ids = async () =>
      thumbs.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-photo-id'))));
    const start = await ids();
    await thumbs.last().click();
    await page.keyboard.press('Shift+ArrowLeft');
    const moved = [...start];
    [moved[moved.length - 2], moved[moved.length - 1]] = [moved[moved.length - 1]!, moved[moved.length - 2]!];
    await expect.poll(ids).toEqual(moved);
    await expect.poll(() => item(app, first.reference).photos.map((p) => p.id)).toEqual(moved);
    await expect(thumbs.nth(moved.length - 2)).toHaveAttribute('aria-current', 'true');

    // Delete the selected photo, then Undo from the toast.
    const deleted = moved[moved.length - 2]!;
    await page.keyboard.press('Delete');
    await expect(thumbs).toHaveCount(moved.length - 1);
    await expect(page.locator(`[data-photo-id="${deleted}"]`)).toHaveCount(0);
    await page.getByTestId('photo-undo').click();
    await expect.poll(ids).toEqual(moved);
    const history = item(app, first.reference).events.map((e) => e.kind);
    expect(history).toEqual(
      expect.arrayContaining(['photos.added', 'photos.reordered', 'photos.deleted', 'photos.restored']),
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test.describe('photos from the window', () => {
  test('picked and dropped files go through the upload route; refusals are listed; the webcam shoots', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    await new StartScreen(page).pickProfile();
    const listed = app.cli('items', 'list', '--json', '--limit', '1');
    const first = (JSON.parse(listed.stdout) as { rows: ItemSummary[] }).rows[0]!;
    const before = item(app, first.reference).photos.length;
    await page.goto(`${app.origin}/#/photos/${first.id}`);
    await expect(page.getByTestId('photo-workspace')).toContainText(first.reference);

    // A real photo (several MB would not fit the JSON API) and a file that is not an image.
    await page.getByTestId('photo-file-input').setInputFiles([
      { name: 'front.jpg', mimeType: 'image/jpeg', buffer: await sceneJpeg(2400, 1800, 21) },
      { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') },
    ]);
    await expect(page.getByTestId('upload-summary')).toHaveText('1 added, 1 not added');
    await expect(page.getByTestId('rejected-files')).toContainText('notes.jpg');
    const thumbs = page.getByTestId('filmstrip-photo');
    await expect(thumbs).toHaveCount(before + 1);

    // Drag and drop: a file dropped on the workspace.
    const dropped = (await sceneJpeg(1600, 1200, 22)).toString('base64');
    const transfer = await page.evaluateHandle((base64) => {
      // Runs in the page; this file is type-checked without the DOM library.
      const { DataTransfer } = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: File): void } };
      };
      const data = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], 'side.jpg', { type: 'image/jpeg' }));
      return data;
    }, dropped);
    await page.getByTestId('photo-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(thumbs).toHaveCount(before + 2);

    // Webcam: shoot, keep.
    await page.getByTestId('webcam-open').click();
    await expect(page.getByTestId('webcam-shoot')).toBeEnabled();
    await page.getByTestId('webcam-shoot').click();
    await expect(page.getByTestId('webcam-shot')).toBeVisible();
    await page.getByTestId('webcam-use').click();
    await expect(thumbs).toHaveCount(before + 3);
    expect(item(app, first.reference).photos.map((p) => p.source)).toEqual(
      expect.arrayContaining(['picker', 'drop', 'webcam']),
    );
  });
});
