import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallContext, Envelope, ServerEvent } from '../../shared/contract';
import {
  IPC_CALL,
  IPC_EBAY_CONSENT,
  IPC_EVENT,
  IPC_OPEN_EXTERNAL,
  type ReboundBridge,
} from '../../shared/contract/bridge';

/**
 * The only thing the renderer gets from Electron: one `call` into the contract, the event
 * stream, and opening an allow-listed link. No ipcRenderer, no Node, no other channel.
 */
const bridge: ReboundBridge = {
  runtime: 'electron',
  call: (method: string, input: unknown, context: CallContext) =>
    ipcRenderer.invoke(IPC_CALL, method, input, context) as Promise<Envelope<unknown>>,
  onEvent: (listener: (event: ServerEvent) => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: ServerEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => {
      ipcRenderer.off(IPC_EVENT, wrapped);
    };
  },
  openExternal: (url: string) => ipcRenderer.invoke(IPC_OPEN_EXTERNAL, url) as Promise<void>,
  ebayConsent: (url: string) => ipcRenderer.invoke(IPC_EBAY_CONSENT, url) as Promise<string | null>,
};

contextBridge.exposeInMainWorld('rebound', bridge);
