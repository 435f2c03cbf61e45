import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Envelope, ServerEvent, SessionStart } from '../../shared/contract';
import {
  IPC_CALL,
  IPC_CONNECT_SERVER,
  IPC_EBAY_CONSENT,
  IPC_EVENT,
  IPC_OPEN_EXTERNAL,
  IPC_SESSION,
  type ReboundBridge,
  type SessionRequest,
} from '../../shared/contract/bridge';

/**
 * The only thing the renderer gets from Electron, as `window.rebound`: `runtime`, one `call` into
 * the contract, `session` (signing in and out of this window), `onEvent` (the event stream),
 * `openExternal` (an allow-listed link), `ebayConsent` (eBay's consent window) and `connectServer`
 * (become a window onto a Rebound server, electron/main/server.ts). No ipcRenderer,
 * no Node, no other channel. The main process's side is electron/main/ipc.ts.
 */
const bridge: ReboundBridge = {
  runtime: 'electron',
  call: (method: string, input: unknown) =>
    ipcRenderer.invoke(IPC_CALL, method, input) as Promise<Envelope<unknown>>,
  session: (request: SessionRequest) =>
    ipcRenderer.invoke(IPC_SESSION, request) as Promise<Envelope<SessionStart | null>>,
  onEvent: (listener: (event: ServerEvent) => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: ServerEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => {
      ipcRenderer.off(IPC_EVENT, wrapped);
    };
  },
  openExternal: (url: string) => ipcRenderer.invoke(IPC_OPEN_EXTERNAL, url) as Promise<void>,
  ebayConsent: (url: string) => ipcRenderer.invoke(IPC_EBAY_CONSENT, url) as Promise<string | null>,
  connectServer: (address: string) =>
    ipcRenderer.invoke(IPC_CONNECT_SERVER, address) as Promise<Envelope<null>>,
};

contextBridge.exposeInMainWorld('rebound', bridge);
