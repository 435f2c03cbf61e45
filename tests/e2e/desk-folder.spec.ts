import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { DeskFolderStatus, DeskShot } from '../../shared/contract/desk';
import type { ItemSummary } from '../../shared/contract';
import { DeskFolder } from '../../electron/main/deskFolder';
import { sceneJpeg } from '../support/images';
import { item, setLanguage } from './channels';
import { expect, ON_SERVER, screenshotPath, test } from './fixtures';
import { Shell, StartScreen } from './pages';

/**
 * A photo desk whose desktop app is a window onto the server: the camera's folder is on the desk,
 * which the server cannot see, so the desk's app watches it (electron/main/deskFolder.ts) and
 * the server's page uploads each new shot to the item open on the photo desk.
 *
 * The Electron binary cannot run here, so the page gets `window.reboundDesk` from the test
 * instead of the desk preload (electron/preload/desk.ts, unit-tested with the IPC handler in
 * electron/main/deskFolder.test.ts): the same DeskFolder, on a real folder, behind the same
 * interface; only the IPC hop between them is left out, and "choosing a folder in the system's
 * dialog" answers with the camera's folder.
 */

test.use({ seed: 'demo' });
test.skip(
  !ON_SERVER,
  'a desk uploads its folder to a server only; on its own workspace the app watches the folder itself (photos.spec.ts)',
);

/** What the desk preload exposes, backed by `desk`; the page hears its changes as it would over IPC. */
async function lendDeskFolder(page: Page, desk: DeskFolder, camera: string): Promise<void> {
  await page.exposeFunction('__deskFolder', async (op: string) => {
    switch (op) {
      case 'status':
        return desk.status();
      case 'choose':
        return desk.setFolder(camera);
      case 'clear':
        return desk.setFolder(null);
      case 'take':
        return (await desk.take()).map((shot) =>
          'bytes' in shot ? { name: shot.name, base64: Buffer.from(shot.bytes).toString('base64') } : shot,
        );
      default:
        throw new Error(`Not a desk folder request: ${op}`);
    }
  });
  desk.onChange((status) => {
    void page
      .evaluate(
        (s) =>
          (globalThis as unknown as { __deskChanged?: (s: DeskFolderStatus) => void }).__deskChanged?.(s),
        status,
      )
      .catch(() => undefined);
  });
  await page.addInitScript(() => {
    type Wire = { name: string; base64?: string; refused?: string };
    const ask = (op: string) =>
      (globalThis as unknown as { __deskFolder: (op: string) => Promise<unknown> }).__deskFolder(op);
    const listeners = new Set<(status: DeskFolderStatus) => void>();
    (globalThis as unknown as { __deskChanged: (s: DeskFolderStatus) => void }).__deskChanged = (status) => {
      for (const listener of listeners) listener(status);
    };
    Object.defineProperty(globalThis, 'reboundDesk', {
      value: {
        runtime: 'desk',
        folderStatus: () => ask('status'),
        chooseFolder: () => ask('choose'),
        clearFolder: () => ask('clear'),
        takeShots: async (): Promise<DeskShot[]> =>
          ((await ask('take')) as Wire[]).map((shot) =>
            shot.base64 !== undefined
              ? { name: shot.name, bytes: Uint8Array.from(atob(shot.base64), (c) => c.charCodeAt(0)) }
              : { name: shot.name, refused: shot.refused ?? '' },
          ),
        onFolderChange: (listener: (status: DeskFolderStatus) => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    });
  });
}

test('shots written into the desk’s camera folder are uploaded to the item open on the photo desk', async ({
  app,
  page,
}) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-desk-profile-'));
  const camera = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-e2e-desk-camera-'));
  const desk = new DeskFolder(profile, { pollMs: 100, settleMs: 300 });
  await desk.start();
  try {
    // Yesterday's shot, already in the folder: never uploaded.
    fs.writeFileSync(path.join(camera, 'IMG_8999.JPG'), await sceneJpeg(1200, 900, 10));
    await lendDeskFolder(page, desk, camera);
    await page.goto(app.url);
    await new StartScreen(page).pickProfile();
    const shell = new Shell(page);

    // Settings: this desk's folder, chosen in the system's dialog.
    await shell.goTo('settings');
    const settings = page.getByTestId('hot-folder-settings');
    await expect(settings).toHaveAttribute('data-desk', 'true');
    await settings.getByTestId('desk-folder-choose').click();
    await expect(settings.getByTestId('hot-folder-status')).toHaveAttribute('data-watching', 'true');
    await expect(settings.getByTestId('hot-folder-status')).toContainText(
      `Watching ${camera} on this computer`,
    );

    // The photo desk, on the first item of the list.
    const listed = app.cli('items', 'list', '--json', '--limit', '1');
    const first = (JSON.parse(listed.stdout) as { rows: ItemSummary[] }).rows[0]!;
    const before = item(app, first.reference).photos.length;
    await page.goto(`${app.origin}/#/photos/${first.id}`);
    await expect(page.getByTestId('photo-workspace')).toContainText(first.reference);
    await expect(page.getByTestId('hot-folder-status')).toContainText('new shots go to this item');

    // Three shots, in shooting order, and one file that is not an image at all.
    const shots = await Promise.all([21, 22, 23].map((seed) => sceneJpeg(1400, 1050, seed)));
    for (const [i, bytes] of shots.entries()) {
      const file = path.join(camera, `IMG_${String(9001 + i)}.JPG`);
      fs.writeFileSync(file, bytes);
      const at = new Date(Date.UTC(2026, 0, 1, 10, 0, i));
      fs.utimesSync(file, at, at);
    }
    const broken = path.join(camera, 'IMG_9004.JPG');
    fs.writeFileSync(broken, 'not a JPEG: the card was pulled out while writing');
    const at = new Date(Date.UTC(2026, 0, 1, 10, 0, 9));
    fs.utimesSync(broken, at, at);

    const thumbs = page.getByTestId('filmstrip-photo');
    await expect(thumbs).toHaveCount(before + 3, { timeout: 20_000 });
    await expect(page.getByTestId('hot-folder-status')).toContainText('3 new photos');
    await expect(page.getByTestId('rejected-files')).toContainText('IMG_9004.JPG');
    const added = item(app, first.reference).photos.slice(-3);
    expect(added.map((p) => p.source)).toEqual(['hot_folder', 'hot_folder', 'hot_folder']);
    await page.screenshot({ path: screenshotPath('desk-folder-photo-desk-en.png') });

    // The same desk read in French and German: the folder's line and its Settings.
    for (const [language, watching] of [
      ['fr', 'sur cet ordinateur'],
      ['de', 'auf diesem Computer'],
    ] as const) {
      await setLanguage(page, language);
      await page.reload();
      await expect(page.getByTestId('hot-folder-status')).toContainText(watching);
      await expect(thumbs).toHaveCount(before + 3);
      await page.screenshot({ path: screenshotPath(`desk-folder-photo-desk-${language}.png`) });
      await shell.goTo('settings');
      await expect(settings.getByTestId('hot-folder-status')).toContainText(watching);
      await settings.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`desk-folder-settings-${language}.png`) });
      await page.goto(`${app.origin}/#/photos/${first.id}`);
    }

    // Nothing is uploaded twice, and the folder is left as the camera wrote it.
    await page.waitForTimeout(1_000);
    expect(item(app, first.reference).photos.length).toBe(before + 3);
    expect(fs.readdirSync(camera).sort()).toEqual([
      'IMG_8999.JPG',
      'IMG_9001.JPG',
      'IMG_9002.JPG',
      'IMG_9003.JPG',
      'IMG_9004.JPG',
    ]);
  } finally {
    await desk.stop();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(camera, { recursive: true, force: true });
  }
});
