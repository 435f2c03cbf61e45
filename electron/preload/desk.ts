import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_DESK_FOLDER,
  IPC_DESK_FOLDER_EVENT,
  type DeskBridge,
  type DeskFolderOp,
  type DeskFolderStatus,
  type DeskShot,
} from '../../shared/contract/desk';

/**
 * What the desktop app lends a Rebound server's page, as `window.reboundDesk`: the desk's camera
 * folder (electron/main/deskFolder.ts) and nothing else. No call into a workspace, no path the
 * page could name: the server's page signs in and calls the server over HTTPS as any browser does.
 */

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function ask<T>(op: DeskFolderOp): Promise<T> {
  const answer = (await ipcRenderer.invoke(IPC_DESK_FOLDER, op)) as Answer<T>;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

const desk: DeskBridge = {
  runtime: 'desk',
  folderStatus: () => ask<DeskFolderStatus>('status'),
  chooseFolder: () => ask<DeskFolderStatus>('choose'),
  clearFolder: () => ask<DeskFolderStatus>('clear'),
  takeShots: () => ask<DeskShot[]>('take'),
  onFolderChange: (listener: (status: DeskFolderStatus) => void) => {
    const wrapped = (_event: IpcRendererEvent, status: DeskFolderStatus) => listener(status);
    ipcRenderer.on(IPC_DESK_FOLDER_EVENT, wrapped);
    return () => {
      ipcRenderer.off(IPC_DESK_FOLDER_EVENT, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('reboundDesk', desk);
