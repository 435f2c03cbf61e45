import { beforeEach, describe, expect, test, vi } from 'vitest';
import {
  IPC_CALL,
  IPC_CONNECT_SERVER,
  IPC_EBAY_CONSENT,
  IPC_EVENT,
  IPC_OPEN_EXTERNAL,
  IPC_SESSION,
} from '../../shared/contract/bridge';
import { addProfile } from '../../tests/integration/seed';
import { tempWorkspace } from '../../tests/integration/temp';
import { serveWorkspace } from '../../tests/support/browser';
import type { Workspace } from '../services/workspace';
import * as fake from '../../tests/support/fakeElectron';
import { forwardEvents, registerIpc } from './ipc';
import { DESKTOP_DEVICE } from './session';

vi.mock('electron', () => import('../../tests/support/fakeElectron'));

const OWN = 'rebound://app/index.html';
const CONSENT = 'https://auth.ebay.com/oauth2/authorize?client_id=app&response_type=code';

/**
 * One window's page as the main process sees its calls: the web contents that sent them (its id
 * names the window's session) and the frame they came from.
 */
function window(url = OWN, subFrame = false) {
  const sender = new fake.FakeWebContents();
  const top = { parent: null, url };
  return {
    sender,
    event: (frame: { parent: unknown; url: string } | null = subFrame ? { parent: top, url } : top) => ({
      sender,
      senderFrame: frame,
    }),
  };
}
type Window = ReturnType<typeof window>;

const call = (win: Window, method: string, input: unknown = {}, ...more: unknown[]) =>
  fake.ipcMain.invoke(IPC_CALL, win.event(), method, input, ...more);
const signIn = (win: Window, name: string, password: string) =>
  fake.ipcMain.invoke(IPC_SESSION, win.event(), { op: 'signIn', name, password });
const signOut = (win: Window) => fake.ipcMain.invoke(IPC_SESSION, win.event(), { op: 'signOut' });

async function openSessions(ws: Workspace) {
  return ws.kysely
    .selectFrom('sessions')
    .select(['profile_id', 'device', 'revoked_at'])
    .where('revoked_at', 'is', null)
    .execute();
}

/** A workspace with an admin and a member of the resale staff, and the handlers registered on it. */
async function setUp(devServer?: string) {
  const ws = await tempWorkspace();
  const admin = await addProfile(ws, { name: 'Nadia', role: 'admin', password: 'nadia-password' });
  const staff = await addProfile(ws, { name: 'Lea', role: 'staff', password: 'lea-password' });
  registerIpc(fake.ipcMain, ws, devServer);
  return { ws, admin, staff };
}

describe('the bridge’s calls (IPC_CALL, IPC_SESSION)', () => {
  beforeEach(() => fake.resetFakeElectron());

  test('registers the five channels of the preload, once each', async () => {
    await setUp();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      [IPC_CALL, IPC_CONNECT_SERVER, IPC_EBAY_CONSENT, IPC_OPEN_EXTERNAL, IPC_SESSION].sort(),
    );
  });

  test('a call from a sub-frame, a foreign page or no frame is refused', async () => {
    await setUp();
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    for (const win of [window(OWN, true), window('https://example.com/'), window('file:///tmp/x.html')]) {
      expect(await call(win, 'session.me'), win.event().senderFrame?.url).toMatchObject(forbidden);
      expect(await signIn(win, 'Nadia', 'nadia-password')).toMatchObject(forbidden);
    }
    const gone = window();
    expect(await fake.ipcMain.invoke(IPC_CALL, gone.event(null), 'session.me', {})).toMatchObject(forbidden);
    expect(
      await fake.ipcMain.invoke(IPC_SESSION, gone.event(null), {
        op: 'signIn',
        name: 'Nadia',
        password: 'x',
      }),
    ).toMatchObject(forbidden);
    // The dev server is ours only when the app runs on it.
    expect(await call(window('http://localhost:5173/'), 'session.me')).toMatchObject(forbidden);
  });

  test('the dev server’s page may call when the app runs on it', async () => {
    fake.resetFakeElectron();
    await setUp('http://localhost:5173');
    expect(await call(window('http://localhost:5173/'), 'session.me')).toMatchObject({
      ok: true,
      value: { me: null },
    });
  });

  test('without signing in: who am I answers nobody, everything else is unauthorized', async () => {
    await setUp();
    const win = window();
    expect(await call(win, 'session.me')).toEqual({
      ok: true,
      value: { me: null, needsFirstAdmin: false, demoPeople: [] },
    });
    expect(await call(win, 'workspace.status')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(win, 'people.list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  test('signing in with the right password: this window acts as that person, the others do not', async () => {
    const { ws, admin, staff } = await setUp();
    const nadias = window();
    const leas = window();
    const nobodys = window();

    const started = await signIn(nadias, 'Nadia', 'nadia-password');
    expect(started).toMatchObject({ ok: true, value: { me: { id: admin, name: 'Nadia', role: 'admin' } } });
    expect(await signIn(leas, 'Lea', 'lea-password')).toMatchObject({
      ok: true,
      value: { me: { id: staff, name: 'Lea', role: 'staff' } },
    });

    expect(await call(nadias, 'workspace.status')).toMatchObject({
      ok: true,
      value: { dataDir: ws.dataDir },
    });
    expect(await call(nadias, 'session.me')).toMatchObject({ ok: true, value: { me: { name: 'Nadia' } } });
    expect(await call(nadias, 'people.list')).toMatchObject({ ok: true });
    // Lea's window acts as Lea, with her role: resale staff may not manage people.
    expect(await call(leas, 'session.me')).toMatchObject({ ok: true, value: { me: { name: 'Lea' } } });
    expect(await call(leas, 'workspace.status')).toMatchObject({ ok: true });
    expect(await call(leas, 'people.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A third window is signed in as nobody.
    expect(await call(nobodys, 'workspace.status')).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });

    // What a window does is recorded as its person, on this desktop.
    const sessions = await openSessions(ws);
    expect(sessions.map((s) => s.profile_id).sort()).toEqual([admin, staff].sort());
    expect(sessions.every((s) => s.device === DESKTOP_DEVICE)).toBe(true);
  });

  test('a wrong password or an unknown name signs nobody in', async () => {
    const { ws } = await setUp();
    const win = window();
    expect(await signIn(win, 'Nadia', 'wrong-password')).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await signIn(win, 'Nobody', 'nadia-password')).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await call(win, 'workspace.status')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await openSessions(ws)).toEqual([]);
  });

  test('a malformed session request is refused', async () => {
    await setUp();
    const win = window();
    for (const request of [null, 'signIn', { op: 'signIn', name: 'Nadia' }, { op: 'becomeAdmin' }]) {
      expect(await fake.ipcMain.invoke(IPC_SESSION, win.event(), request)).toMatchObject({
        ok: false,
        error: { code: 'bad_input' },
      });
    }
  });

  test('signing out ends the window’s session, and only that one', async () => {
    const { ws, staff } = await setUp();
    const nadias = window();
    const leas = window();
    await signIn(nadias, 'Nadia', 'nadia-password');
    await signIn(leas, 'Lea', 'lea-password');
    expect(await signOut(nadias)).toEqual({ ok: true, value: null });
    expect(await call(nadias, 'workspace.status')).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await call(nadias, 'session.me')).toMatchObject({ ok: true, value: { me: null } });
    expect(await call(leas, 'workspace.status')).toMatchObject({ ok: true });
    expect((await openSessions(ws)).map((s) => s.profile_id)).toEqual([staff]);
    // Signing out twice is harmless.
    expect(await signOut(nadias)).toEqual({ ok: true, value: null });
  });

  test('someone else signing in at the same window ends the session it held', async () => {
    const { ws, admin } = await setUp();
    const desk = window();
    await signIn(desk, 'Lea', 'lea-password');
    await signIn(desk, 'Nadia', 'nadia-password');
    expect((await openSessions(ws)).map((s) => s.profile_id)).toEqual([admin]);
    expect(await call(desk, 'session.me')).toMatchObject({ ok: true, value: { me: { name: 'Nadia' } } });
    expect(desk.sender.listenerCount('destroyed')).toBe(1);
  });

  test('a window that closes ends its session', async () => {
    const { ws, admin, staff } = await setUp();
    const win = window();
    const other = window();
    await signIn(other, 'Nadia', 'nadia-password');
    await signIn(win, 'Lea', 'lea-password');
    expect(win.sender.listenerCount('destroyed')).toBe(1);
    win.sender.destroy();
    await vi.waitFor(async () => {
      expect((await openSessions(ws)).map((s) => s.profile_id)).toEqual([admin]);
    });
    expect(staff).not.toBe(admin);
  });

  test('a call naming a person (a third argument, or in the input) is not believed', async () => {
    const { admin } = await setUp();
    const win = window();
    for (const claim of [
      { profileId: admin },
      { via: 'person', personId: admin },
      { via: 'system' },
      { via: 'session', token: 'guess', local: true },
    ]) {
      expect(await call(win, 'workspace.status', {}, claim), JSON.stringify(claim)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
    }
    expect(await call(win, 'workspace.status', { profileId: admin })).toMatchObject({ ok: false });
    // Signed in as staff, a claim to be the admin changes nothing either.
    await signIn(win, 'Lea', 'lea-password');
    expect(await call(win, 'people.list', {}, { profileId: admin })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(win, 'session.me', {}, { profileId: admin })).toMatchObject({
      ok: true,
      value: { me: { name: 'Lea' } },
    });
  });
});

describe('the bridge’s other channels', () => {
  beforeEach(() => fake.resetFakeElectron());

  test('openExternal: allow-listed https links from our own page, nothing else', async () => {
    await setUp();
    const own = window();
    await fake.ipcMain.invoke(IPC_OPEN_EXTERNAL, own.event(), 'https://www.ebay.fr/itm/9');
    await fake.ipcMain.invoke(IPC_OPEN_EXTERNAL, own.event(), 'https://example.com/');
    await fake.ipcMain.invoke(IPC_OPEN_EXTERNAL, own.event(), 'file:///etc/passwd');
    await fake.ipcMain.invoke(IPC_OPEN_EXTERNAL, own.event(), 42);
    await fake.ipcMain.invoke(
      IPC_OPEN_EXTERNAL,
      window('https://example.com/').event(),
      'https://www.ebay.fr/',
    );
    await fake.ipcMain.invoke(IPC_OPEN_EXTERNAL, window(OWN, true).event(), 'https://www.ebay.fr/');
    expect(fake.shell.opened).toEqual(['https://www.ebay.fr/itm/9']);
  });

  test('ebayConsent: eBay’s consent page only, from our own page, modal over its window', async () => {
    await setUp();
    const own = window();
    for (const [win, url] of [
      [own, 'https://example.com/oauth2/authorize'],
      [own, 'http://auth.ebay.com/oauth2/authorize'],
      [own, 42],
      [window('https://example.com/'), CONSENT],
      [window(OWN, true), CONSENT],
    ] as const) {
      await expect(fake.ipcMain.invoke(IPC_EBAY_CONSENT, win.event(), url)).rejects.toThrow(
        'Only eBay’s consent page can be opened here.',
      );
    }
    expect(fake.BrowserWindow.created).toEqual([]);

    const appWindow = new fake.BrowserWindow({});
    const answer = fake.ipcMain.invoke(
      IPC_EBAY_CONSENT,
      { sender: appWindow.webContents, senderFrame: { parent: null, url: OWN } },
      CONSENT,
    );
    await vi.waitFor(() => expect(fake.BrowserWindow.created).toHaveLength(2));
    const consent = fake.BrowserWindow.created[1]!;
    expect(consent.options).toMatchObject({ parent: appWindow, modal: true, title: 'eBay' });
    expect(consent.loaded).toEqual([CONSENT]);
    consent.webContents.emit('did-navigate', {}, 'https://rebound.example/declined?error=access_denied');
    expect(await answer).toBe('https://rebound.example/declined?error=access_denied');
  });

  test('the workspace’s changes reach every open window', async () => {
    const { ws } = await setUp();
    const first = new fake.BrowserWindow({});
    const second = new fake.BrowserWindow({});
    const closed = new fake.BrowserWindow({});
    closed.close();
    const stop = forwardEvents(ws);
    ws.changed('items');
    stop();
    ws.changed('sales');
    for (const win of [first, second]) {
      expect(win.webContents.sent).toEqual([[IPC_EVENT, { type: 'changed', domains: ['items'] }]]);
    }
    expect(closed.webContents.sent).toEqual([]);
  });
});

describe('choosing a Rebound server (IPC_CONNECT_SERVER)', () => {
  beforeEach(() => fake.resetFakeElectron());

  test('only our own page chooses; the address must answer as a Rebound server before the app commits', async () => {
    const ws = await tempWorkspace();
    const chosen: string[] = [];
    registerIpc(fake.ipcMain, ws, undefined, (origin) => chosen.push(origin));
    const connect = (win: Window, address: unknown) =>
      fake.ipcMain.invoke(IPC_CONNECT_SERVER, win.event(), address);

    const served = await serveWorkspace();
    expect(await connect(window('https://example.com/'), served.origin)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await connect(window(OWN, true), served.origin)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await connect(window(), 'http://rebound.example.com')).toMatchObject({
      ok: false,
      error: { code: 'bad_input', message: expect.stringContaining('HTTPS only') },
    });
    expect(await connect(window(), 42)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await connect(window(), 'http://127.0.0.1:9')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('No answer') },
    });
    expect(chosen).toEqual([]);

    expect(await connect(window(), `${served.origin}/#/items`)).toEqual({ ok: true, value: null });
    expect(chosen).toEqual([served.origin]);
  });
});
