/**
 * The desk bridge: what the desktop app lends a Rebound server's page (electron/preload/desk.ts).
 * A module of its own, apart from ./bridge.ts, so that each preload bundles only what it uses:
 * a sandboxed preload is one file and cannot load a chunk shared with the other.
 */

/** The camera folder of a desk connected to a Rebound server, as the desk's own app watches it. */
export interface DeskFolderStatus {
  /** The folder chosen on this desk; null when none is. */
  readonly path: string | null;
  /** Watching, and the folder is there. */
  readonly watching: boolean;
  /** Why it is not watching (folder missing, not readable…), in one sentence. */
  readonly error?: string;
  /** Shots that arrived and are not uploaded yet: still being written, or no item is open. */
  readonly pendingCount: number;
  /** Of those, the complete ones, ready to upload. */
  readonly readyCount: number;
}

/**
 * A new, complete shot from the desk's camera folder, or why it was not read (larger than the
 * server takes, unreadable): the page reports those beside the photos it could not add.
 */
export type DeskShot =
  { readonly name: string; readonly bytes: Uint8Array } | { readonly name: string; readonly refused: string };

/**
 * What the desktop app lends a Rebound server's page, as `window.reboundDesk`, when it is a
 * window onto a server (electron/preload/desk.ts): the desk's camera folder and nothing else.
 * The page cannot name a path: the folder is chosen in the system's folder dialog, and only new
 * shots in it are ever read. The page uploads them like any photo (photos/upload.ts).
 */
export interface DeskBridge {
  readonly runtime: 'desk';
  folderStatus(): Promise<DeskFolderStatus>;
  /** Opens the system's folder dialog; the status after (unchanged if cancelled). */
  chooseFolder(): Promise<DeskFolderStatus>;
  clearFolder(): Promise<DeskFolderStatus>;
  /** The shots ready now, in shooting order; each is handed over once. */
  takeShots(): Promise<DeskShot[]>;
  onFolderChange(listener: (status: DeskFolderStatus) => void): () => void;
}

/** What the page asks of the desk folder over IPC_DESK_FOLDER. */
export const DESK_FOLDER_OPS = ['status', 'choose', 'clear', 'take'] as const;
export type DeskFolderOp = (typeof DESK_FOLDER_OPS)[number];

/** IPC channel names of the desk bridge. */
export const IPC_DESK_FOLDER = 'rebound:desk-folder';
export const IPC_DESK_FOLDER_EVENT = 'rebound:desk-folder-event';
