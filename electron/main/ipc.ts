import { BrowserWindow, shell, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import {
  IPC_CALL,
  IPC_CONNECT_SERVER,
  IPC_EBAY_CONSENT,
  IPC_EVENT,
  IPC_OPEN_EXTERNAL,
  IPC_SESSION,
  isAllowedExternalLink,
} from '../../shared/contract/bridge';
import { endSession, signIn } from '../services/accounts/sessions';
import { dispatchEnvelope, toErrorData } from '../services/api';
import type { Workspace } from '../services/workspace';
import { isConsentStartUrl, testOriginFrom } from './ebayConsent';
import { openEbayConsent } from './ebayConsentWindow';
import { fromOwnPage } from './pages';
import { probeServer, parseServerAddress } from './server';
import { DESKTOP_DEVICE, parseSessionRequest } from './session';
import { AppError } from '../../shared/errors';
import { say } from '../../shared/messages';

/**
 * The main process's side of the preload bridge (electron/preload/index.ts): one handler per
 * channel, each refusing anything but the top frame of our own page.
 *
 * Each window's session lives here, in the main process: the page never holds its secret, so
 * nothing running in the page (or typed into DevTools) can act as anyone else. A window is known
 * by its web contents' id; its session ends when the window's contents are destroyed.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  workspace: Workspace,
  devServer: string | undefined,
  /** Called with a server's origin once it answered as a Rebound server: index.ts remembers it and restarts. */
  onServerChosen: (origin: string) => void = () => undefined,
): void {
  const sessions = new Map<number, string>();
  const contextOf = (event: IpcMainInvokeEvent) =>
    ({ via: 'session', token: sessions.get(event.sender.id), local: true }) as const;
  ipcMain.handle(IPC_CALL, (event, method: unknown, input: unknown) => {
    if (!fromOwnPage(event, devServer)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Calls are accepted from Rebound’s own window only.' },
      };
    }
    return dispatchEnvelope(workspace, method, input, contextOf(event));
  });
  ipcMain.handle(IPC_SESSION, async (event, request: unknown) => {
    if (!fromOwnPage(event, devServer)) {
      return { ok: false, error: { code: 'forbidden', message: 'Only Rebound’s own window signs in.' } };
    }
    const id = event.sender.id;
    const parsed = parseSessionRequest(request);
    if (parsed === null)
      return { ok: false, error: { code: 'bad_input', message: 'Not a sign-in request.' } };
    if (parsed.op === 'signOut') {
      await endSession(workspace, sessions.get(id));
      sessions.delete(id);
      return { ok: true, value: null };
    }
    try {
      const opened = await signIn(workspace, { ...parsed, device: DESKTOP_DEVICE, address: null });
      const previous = sessions.get(id);
      if (previous === undefined) {
        event.sender.once('destroyed', () => void endSession(workspace, sessions.get(id)));
      } else {
        // Someone else signs in at this window: the session it held ends, not just its secret.
        await endSession(workspace, previous);
      }
      sessions.set(id, opened.token);
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
    return dispatchEnvelope(workspace, 'session.me', {}, contextOf(event));
  });
  ipcMain.handle(IPC_OPEN_EXTERNAL, async (event, url: unknown) => {
    if (fromOwnPage(event, devServer) && typeof url === 'string' && isAllowedExternalLink(url)) {
      await shell.openExternal(url);
    }
  });
  ipcMain.handle(IPC_CONNECT_SERVER, async (event, address: unknown) => {
    if (!fromOwnPage(event, devServer)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Only Rebound’s own window chooses a server.' },
      };
    }
    try {
      if (typeof address !== 'string') throw new AppError('bad_input', say('server.type_address'));
      const origin = parseServerAddress(address);
      await probeServer(origin);
      onServerChosen(origin);
      return { ok: true, value: null };
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
  });
  ipcMain.handle(IPC_EBAY_CONSENT, async (event, url: unknown) => {
    const testOrigin = testOriginFrom(process.env);
    if (!fromOwnPage(event, devServer) || typeof url !== 'string' || !isConsentStartUrl(url, testOrigin)) {
      throw new Error('Only eBay’s consent page can be opened here.');
    }
    return openEbayConsent(BrowserWindow.fromWebContents(event.sender), url, testOrigin);
  });
}

/** The workspace's change events, to every window (each page refetches what it shows). */
export function forwardEvents(workspace: Workspace): () => void {
  return workspace.onEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IPC_EVENT, event);
  });
}
