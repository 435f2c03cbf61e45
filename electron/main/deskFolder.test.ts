import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import {
  IPC_DESK_FOLDER,
  IPC_DESK_FOLDER_EVENT,
  type DeskFolderStatus,
  type DeskShot,
} from '../../shared/contract/desk';
import { FakeWebContents, ipcMain, resetFakeElectron } from '../../tests/support/fakeElectron';
import { tempDir } from '../../tests/integration/temp';
import { DeskFolder, readDeskFolderChoice, registerDeskFolder } from './deskFolder';

const SERVER = 'https://rebound.example.com';

/**
 * A desk whose app is a window onto a Rebound server: its own app watches the camera folder and
 * hands new shots to the server's page. Real folders and files; polling is fast here (20 ms,
 * settled after 80 ms) so the tests wait for state, never for time.
 */

async function desk(): Promise<{ desk: DeskFolder; profile: string; camera: string }> {
  const profile = tempDir('rebound-desk-profile-');
  const camera = path.join(tempDir('rebound-desk-camera-'), 'capture');
  fs.mkdirSync(camera);
  const folder = new DeskFolder(profile, { pollMs: 20, settleMs: 80 });
  onTestFinished(() => folder.stop());
  await folder.start();
  return { desk: folder, profile, camera };
}

function shoot(folder: string, name: string, bytes: string, mtimeSeconds: number): void {
  const file = path.join(folder, name);
  fs.writeFileSync(file, bytes);
  fs.utimesSync(file, mtimeSeconds, mtimeSeconds);
}

const names = (shots: readonly DeskShot[]) => shots.map((shot) => shot.name);

/** The IPC event of a frame showing `url`, with the window's contents. */
function from(url: string, contents = new FakeWebContents(), parent: unknown = null) {
  return { senderFrame: { url, parent }, sender: contents };
}

describe('the camera folder of a desk connected to a server', () => {
  test('new shots are handed over once, in shooting order; what was there before stays', async () => {
    const { desk: folder, camera } = await desk();
    shoot(camera, 'yesterday.jpg', 'old shot', 1_700_000_000);
    await folder.setFolder(camera);
    expect(folder.status()).toMatchObject({ path: camera, watching: true, pendingCount: 0 });

    shoot(camera, 'IMG_0002.jpg', 'second', 1_700_000_200);
    shoot(camera, 'IMG_0001.jpg', 'first', 1_700_000_100);
    shoot(camera, 'IMG_0003.jpg.part', 'still copying', 1_700_000_300);
    shoot(camera, 'IMG_0001.xmp', 'sidecar', 1_700_000_100);
    await expect.poll(() => folder.status().pendingCount, { timeout: 5_000 }).toBe(2);
    const shots: DeskShot[] = [];
    await expect
      .poll(
        async () => {
          shots.push(...(await folder.take()));
          return names(shots);
        },
        { timeout: 5_000 },
      )
      .toEqual(['IMG_0001.jpg', 'IMG_0002.jpg']);
    expect(
      shots.map((shot) => ('bytes' in shot ? Buffer.from(shot.bytes).toString() : shot.refused)),
    ).toEqual(['first', 'second']);
    // Handed over once: nothing more until a new shot comes.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await folder.take()).toEqual([]);
    fs.renameSync(path.join(camera, 'IMG_0003.jpg.part'), path.join(camera, 'IMG_0003.jpg'));
    await expect.poll(async () => names(await folder.take()), { timeout: 5_000 }).toEqual(['IMG_0003.jpg']);
  });

  test('the folder is remembered per desk, and a missing folder or a file is refused with the reason', async () => {
    const { desk: folder, profile, camera } = await desk();
    await expect(folder.setFolder(path.join(camera, 'nope'))).rejects.toThrow(/There is no folder at/);
    shoot(camera, 'a.jpg', 'x', 1_700_000_000);
    await expect(folder.setFolder(path.join(camera, 'a.jpg'))).rejects.toThrow(/is a file, not a folder/);
    await folder.setFolder(camera);
    expect(readDeskFolderChoice(profile)).toBe(camera);

    // The next start watches it again.
    const again = new DeskFolder(profile, { pollMs: 20, settleMs: 80 });
    onTestFinished(() => again.stop());
    await again.start();
    expect(again.status()).toMatchObject({ path: camera, watching: true });

    // Gone (a card unmounted): said so, and watched again once back.
    fs.rmSync(camera, { recursive: true });
    await expect.poll(() => again.status().watching, { timeout: 5_000 }).toBe(false);
    expect(again.status().error).toMatch(/is not there/);
    fs.mkdirSync(camera);
    await expect.poll(() => again.status().watching, { timeout: 5_000 }).toBe(true);

    await folder.setFolder(null);
    expect(readDeskFolderChoice(profile)).toBeNull();
  });
});

describe('the desk folder over IPC', () => {
  async function registered(choose: (current: string | null) => Promise<string | null>) {
    resetFakeElectron();
    const setup = await desk();
    registerDeskFolder(ipcMain, setup.desk, SERVER, choose);
    return setup;
  }

  test('only the top frame of the server’s own page is answered', async () => {
    await registered(async () => null);
    for (const event of [
      from('https://evil.example.com/'),
      from('http://rebound.example.com/'),
      from(`${SERVER}/#/photos`, new FakeWebContents(), {}),
      { senderFrame: null, sender: new FakeWebContents() },
    ]) {
      expect(await ipcMain.invoke(IPC_DESK_FOLDER, event, 'status')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await ipcMain.invoke(IPC_DESK_FOLDER, from(`${SERVER}/#/photos`), 'status')).toEqual({
      ok: true,
      value: { path: null, watching: false, pendingCount: 0, readyCount: 0 },
    });
    // The page names no path: an op with one, or any other op, is refused.
    for (const op of ['set', { op: 'choose', path: '/etc' }, '/etc', null]) {
      expect(await ipcMain.invoke(IPC_DESK_FOLDER, from(`${SERVER}/`), op)).toMatchObject({
        ok: false,
        error: { code: 'bad_input' },
      });
    }
  });

  test('the folder comes from the system dialog; cancelling changes nothing; the window hears of changes', async () => {
    const answers: Array<string | null> = [];
    const asked: Array<string | null> = [];
    const { camera } = await registered(async (current) => {
      asked.push(current);
      return answers.shift() ?? null;
    });
    const window = new FakeWebContents();
    const status = (op: string) =>
      ipcMain.invoke(IPC_DESK_FOLDER, from(`${SERVER}/#/settings`, window), op) as Promise<{
        ok: boolean;
        value: DeskFolderStatus;
      }>;

    expect((await status('choose')).value.path).toBeNull();
    answers.push(camera);
    expect((await status('choose')).value).toMatchObject({ path: camera, watching: true });
    expect(asked).toEqual([null, null]);
    answers.push(path.join(camera, 'missing'));
    expect(await status('choose')).toMatchObject({ ok: false, error: { message: /There is no folder at/ } });
    expect(asked.at(-1)).toBe(camera);

    shoot(camera, 'IMG_0001.jpg', 'shot', 1_700_000_000);
    await expect
      .poll(
        () =>
          window.sent.some(
            ([channel, payload]) =>
              channel === IPC_DESK_FOLDER_EVENT && (payload as DeskFolderStatus).pendingCount === 1,
          ),
        {
          timeout: 5_000,
        },
      )
      .toBe(true);
    const taken = (await ipcMain.invoke(IPC_DESK_FOLDER, from(`${SERVER}/#/photos/3`, window), 'take')) as {
      value: DeskShot[];
    };
    // A shot may still be settling when the event says it arrived.
    await expect
      .poll(
        async () => {
          if (taken.value.length === 0) {
            taken.value = (
              (await ipcMain.invoke(IPC_DESK_FOLDER, from(`${SERVER}/`, window), 'take')) as {
                value: DeskShot[];
              }
            ).value;
          }
          return names(taken.value);
        },
        { timeout: 5_000 },
      )
      .toEqual(['IMG_0001.jpg']);

    // A closed window hears nothing more.
    const before = window.sent.length;
    window.destroy();
    expect((await status('clear')).value.path).toBeNull();
    expect(window.sent.length).toBe(before);
  });
});
