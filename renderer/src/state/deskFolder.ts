import { useEffect } from 'react';
import { create } from 'zustand';
import type { DeskBridge, DeskFolderStatus } from '../../../shared/contract/desk';
import type { StoredMessage } from '../../../shared/messages';
import { uploadByLabel, uploadPhotos } from '../components/photos/upload';

/**
 * The camera folder of this desk when the desktop app is a window onto a Rebound server: the
 * app watches the folder (electron/main/deskFolder.ts) and this page uploads each new shot to the
 * item open on the photo desk, as a dropped photo goes. Absent everywhere else (the desk's own
 * workspace watches its folder itself; a browser has none).
 */

export const deskBridge: DeskBridge | null = window.reboundDesk ?? null;

const MAX_REJECTED = 20;

interface DeskFolderState {
  readonly status: DeskFolderStatus | null;
  readonly importedCount: number;
  readonly lastImported: { readonly name: string; readonly at: string; readonly itemId: number } | null;
  readonly rejected: readonly {
    readonly name: string;
    readonly reason: string;
    readonly text?: StoredMessage | undefined;
    readonly at: string;
  }[];
  readonly uploading: boolean;
  /** The item open on this page's photo desk; null: none. */
  readonly openItemId: number | null;
  /** The photo desk shoots by label: shots go where their labels say, not to the open item. */
  readonly byLabel: boolean;
}

/** Where the folder's shots go: an item, or wherever each shot's label says. */
export type ShotTarget = number | 'label';

export const useDeskFolder = create<DeskFolderState>(() => ({
  status: null,
  importedCount: 0,
  lastImported: null,
  rejected: [],
  uploading: false,
  openItemId: null,
  byLabel: false,
}));

let listening = false;

/** Follows the folder's status for as long as the page lives (called once, by the photo desk and Settings). */
function listen(bridge: DeskBridge): void {
  if (listening) return;
  listening = true;
  bridge.onFolderChange((status) => useDeskFolder.setState({ status }));
  void bridge.folderStatus().then((status) => useDeskFolder.setState({ status }));
}

export function useDeskFolderStatus(): DeskFolderStatus | null {
  useEffect(() => {
    if (deskBridge) listen(deskBridge);
  }, []);
  return useDeskFolder((state) => state.status);
}

function reject(files: readonly { name: string; reason: string; text?: StoredMessage | undefined }[]): void {
  if (files.length === 0) return;
  const at = new Date().toISOString();
  useDeskFolder.setState((state) => ({
    rejected: [...files.map((f) => ({ ...f, at })).reverse(), ...state.rejected].slice(0, MAX_REJECTED),
  }));
}

let delivering: Promise<void> = Promise.resolve();

/**
 * Uploads what the folder has ready to `itemId`, one batch after another (never two at once).
 * The item is the one open when the shots are taken: opening the next item meanwhile does not
 * move them. A shot the server refuses is listed with its reason; it stays in the folder.
 */
export function deliverShots(bridge: DeskBridge, target: ShotTarget): Promise<void> {
  delivering = delivering.then(async () => {
    const shots = await bridge.takeShots().catch((error: unknown) => {
      reject([{ name: '…', reason: error instanceof Error ? error.message : String(error) }]);
      return [];
    });
    if (shots.length === 0) return;
    reject(shots.flatMap((shot) => ('refused' in shot ? [{ name: shot.name, reason: shot.refused }] : [])));
    const files = shots.flatMap((shot) =>
      'bytes' in shot ? [{ name: shot.name, blob: new Blob([shot.bytes as Uint8Array<ArrayBuffer>]) }] : [],
    );
    if (files.length === 0) return;
    useDeskFolder.setState({ uploading: true });
    try {
      if (target === 'label') {
        const { routed, failed } = await uploadByLabel('hot_folder', files, () => undefined);
        const filed = routed.filter((line) => line.photoId !== null);
        const last = filed.at(-1);
        useDeskFolder.setState((state) => ({
          importedCount: state.importedCount + filed.length,
          ...(last?.item
            ? { lastImported: { name: last.name, at: new Date().toISOString(), itemId: last.item.id } }
            : {}),
        }));
        reject([
          ...failed,
          ...routed.flatMap((line) =>
            line.photoId === null && !line.dropped && line.reason !== null
              ? [{ name: line.name, reason: line.reason, text: line.text ?? undefined }]
              : [],
          ),
        ]);
        return;
      }
      const itemId = target;
      const results = await uploadPhotos(itemId, 'hot_folder', files, () => undefined);
      const added = results.filter((r) => r.ok);
      const last = added.at(-1);
      useDeskFolder.setState((state) => ({
        importedCount: state.importedCount + added.filter((r) => r.ok && !r.duplicate).length,
        ...(last ? { lastImported: { name: last.name, at: new Date().toISOString(), itemId } } : {}),
      }));
      reject(results.flatMap((r) => (r.ok ? [] : [{ name: r.name, reason: r.reason, text: r.text }])));
    } finally {
      useDeskFolder.setState({ uploading: false });
    }
    // Shots that became ready while these uploaded, when the status said so before the page
    // could react to it: to the item open now.
    const now = useDeskFolder.getState();
    const next = now.byLabel ? 'label' : now.openItemId;
    if ((now.status?.readyCount ?? 0) > 0 && next !== null) void deliverShots(bridge, next);
  });
  return delivering;
}

/**
 * On the photo desk: new shots go to the open item as they arrive (with none open, they wait), or,
 * shooting by label, to wherever their labels say.
 */
export function useDeskShots(itemId: number | null, byLabel: boolean): void {
  const status = useDeskFolderStatus();
  const ready = status?.readyCount ?? 0;
  useEffect(() => {
    useDeskFolder.setState({ openItemId: itemId, byLabel });
    return () => useDeskFolder.setState({ openItemId: null, byLabel: false });
  }, [itemId, byLabel]);
  useEffect(() => {
    const target = byLabel ? 'label' : itemId;
    if (deskBridge && target !== null && ready > 0) void deliverShots(deskBridge, target);
  }, [itemId, byLabel, ready]);
}
