import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ItemDetail, ItemSummary } from '../../shared/contract';
import { sceneJpeg } from '../support/images';
import { expect, test, type ServedApp } from './fixtures';
import { PhotoDeskScreen, StartScreen } from './pages';

/**
 * The photo desk's filmstrip reordered with the mouse: a thumbnail dragged before another is saved
 * in that order, and a thumbnail drag is never taken for a file dropped to upload.
 */

test.use({ seed: 'demo' });

function item(app: ServedApp, reference: string): ItemDetail {
  const result = app.cli('items', 'show', reference, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ItemDetail;
}

test('drag the third thumbnail before the first: the order is saved, nothing is uploaded', async ({
  app,
  page,
}) => {
  // Every check through the CLI starts a Node process; on a busy machine they add up past the
  // default minute, and the test is one story (drag, keys, conflict) best kept whole.
  test.slow();
  await page.goto(app.url);
  await new StartScreen(page).pickProfile();
  const listed = app.cli('items', 'list', '--json', '--limit', '1');
  const target = (JSON.parse(listed.stdout) as { rows: ItemSummary[] }).rows[0]!;
  // Demo items come with one or two photos: top the first up to exactly three.
  const existing = item(app, target.reference).photos.length;
  expect(existing).toBeLessThan(3);
  await page.goto(`${app.origin}/#/photos/${target.id}`);
  await expect(page.getByTestId('photo-workspace')).toContainText(target.reference);

  const desk = new PhotoDeskScreen(page);
  await page.getByTestId('photo-file-input').setInputFiles(
    await Promise.all(
      [31, 32, 33].slice(existing).map(async (seed) => ({
        name: `shot-${seed}.jpg`,
        mimeType: 'image/jpeg',
        buffer: await sceneJpeg(1200, 900, seed),
      })),
    ),
  );
  await expect(desk.thumbs).toHaveCount(3);
  await expect.poll(() => item(app, target.reference).photos.length).toBe(3);
  const start = await desk.order();

  // From here on, any upload would mean the drag was taken for a file drop.
  const uploads: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/upload/')) uploads.push(request.url());
  });

  await desk.dragBefore(2, 0);
  const expected = [start[2]!, start[0]!, start[1]!];
  await expect.poll(() => desk.order()).toEqual(expected);
  // The dragged photo stays selected, and the strip is back to rest (no dimmed one, no indicator).
  await expect(desk.thumbs.first()).toHaveAttribute('aria-current', 'true');
  await expect(desk.thumbs.first()).toHaveAccessibleName('Photo 1 of 3');
  await expect(desk.dropIndicator).toHaveCount(0);
  await expect(page.locator('[data-drag-source]')).toHaveCount(0);

  // Saved: positions follow the new order.
  await expect
    .poll(() =>
      item(app, target.reference)
        .photos.slice()
        .sort((a, b) => a.position - b.position)
        .map((p) => p.id),
    )
    .toEqual(expected);
  const saved = item(app, target.reference);
  expect(saved.events.map((e) => e.kind)).toContain('photos.reordered');

  // Not an upload: still three photos, no upload request, no upload summary.
  expect(saved.photos).toHaveLength(3);
  expect(uploads).toEqual([]);
  await expect(desk.thumbs).toHaveCount(3);

  // Keyboard reorder still works after a drag: Shift+→ moves the selected (first) photo on.
  await page.keyboard.press('Shift+ArrowRight');
  const byKeys = [expected[1]!, expected[0]!, expected[2]!];
  await expect.poll(() => desk.order()).toEqual(byKeys);
  await expect
    .poll(() =>
      item(app, target.reference)
        .photos.slice()
        .sort((a, b) => a.position - b.position)
        .map((p) => p.id),
    )
    .toEqual(byKeys);

  // A conflict: a shot arrives while the drop's reorder is on its way, so the server refuses the
  // list (it no longer matches the item's photos). The strip falls back to the saved order and
  // says so in plain words. The request is held until the shot is in, so the race is certain.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/call/photos.reorder', async (route) => {
    await held;
    await route.continue();
  });
  const requested = page.waitForRequest('**/api/call/photos.reorder');
  await desk.dragBefore(2, 0);
  await requested;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-drag-'));
  try {
    const file = path.join(folder, 'late.jpg');
    fs.writeFileSync(file, await sceneJpeg(1200, 900, 34));
    const added = app.cli('photos', 'add', target.reference, file);
    expect(added.status, added.stderr).toBe(0);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  release();
  await expect(page.getByText('The photos changed meanwhile, so that order was not saved.')).toBeVisible();
  const current = item(app, target.reference)
    .photos.slice()
    .sort((a, b) => a.position - b.position)
    .map((p) => p.id);
  expect(current.slice(0, 3)).toEqual(byKeys);
  await expect.poll(() => desk.order()).toEqual(current);
});
