import { z } from 'zod';
import type { StoredMessage } from '../messages';
import { Id } from './common';
import { method } from './define';

/**
 * The photo desk: the tethered camera's hot folder, uploads from the window (drop, file picker,
 * webcam) and the management of an item's photos (order, main photo, delete/restore, the photo
 * that shows a defect).
 */

/** Largest file accepted from the window: the pipeline's own limit (photos/process.ts). */
export const MAX_UPLOAD_BYTES = 80 * 1024 * 1024;
/** Files per photos.add call: a camera card's worth, sent in one go over IPC. */
export const MAX_UPLOAD_FILES = 50;

/**
 * How a photo reached the window. 'hot_folder': a desk connected to a server uploads the shots
 * of its own camera folder (electron/main/deskFolder.ts); a desk's own workspace reads its folder
 * itself (photos/hotFolder.ts).
 */
export const UPLOAD_SOURCES = ['drop', 'picker', 'webcam', 'hot_folder'] as const;
export type UploadSource = (typeof UPLOAD_SOURCES)[number];

/** A file name as the person knows it: shown back, never used as a path. */
export const PhotoFileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((name) => [...name].every((c) => c.charCodeAt(0) >= 0x20), 'control characters are not allowed');

export const PhotoAddInput = z
  .object({
    itemId: Id,
    source: z.enum(UPLOAD_SOURCES),
    files: z
      .array(
        z
          .object({
            name: PhotoFileName,
            // Raw bytes: Electron's IPC carries a Uint8Array as is (structured clone); the browser
            // mode's upload route (POST /api/upload/photo) builds this input from the request body.
            // Plain JSON cannot produce one, so /api/call/photos.add is refused by this schema.
            bytes: z
              .instanceof(Uint8Array)
              .refine((bytes) => bytes.byteLength <= MAX_UPLOAD_BYTES, 'the file is larger than 80 MB'),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_UPLOAD_FILES),
  })
  .strict();

export type PhotoWarningCode = 'blurred' | 'too_dark' | 'too_bright';

export type PhotoAddResult =
  | {
      readonly ok: true;
      readonly name: string;
      readonly photoId: number;
      readonly width: number;
      readonly height: number;
      readonly warnings: readonly string[];
      readonly duplicate: boolean;
    }
  | {
      readonly ok: false;
      readonly name: string;
      readonly code: string;
      /** In English: logs, `--json`, and the text shown when `text`'s code is unknown. */
      readonly reason: string;
      /** Why, drawn in the reader's language; absent when the window itself gave up (network). */
      readonly text?: StoredMessage;
    };

export interface HotFolderStatus {
  /**
   * The workspace is a server's, which watches no folder: a desk's camera folder is watched by
   * the desktop app on that desk and its shots uploaded (electron/main/deskFolder.ts).
   */
  readonly onServer: boolean;
  /** The folder chosen in Settings; null when none is. */
  readonly path: string | null;
  /** The watcher is running and the folder is there. */
  readonly watching: boolean;
  /** Why it is not watching (folder missing, not readable…), in one English sentence. */
  readonly error?: string;
  /** The same, drawn in the reader's language. */
  readonly errorText?: StoredMessage;
  /** The item new photos go to right now: the one open on the photo desk. */
  readonly activeItemId: number | null;
  readonly lastImported?: { readonly name: string; readonly at: string; readonly itemId: number };
  /** Files that arrived and are waiting: still being written, or no item is open. */
  readonly pendingCount: number;
  /** Photos imported from the folder since the watcher started. */
  readonly importedCount: number;
  /** The last files the folder could not turn into photos, newest first. */
  readonly rejected: readonly {
    readonly name: string;
    readonly reason: string;
    readonly text?: StoredMessage;
    readonly at: string;
  }[];
}

export const ItemPhotosInput = z.object({ itemId: Id }).strict();

/** An item as shooting by label names it. */
export interface RoutedItem {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
}

/**
 * One photo of a "shoot by label" session, as the desk shows it arriving: where it went and why
 * (electron/services/routing/route.ts).
 */
export interface RoutedPhoto {
  /** Its place in the session, from 1: the shooting order. */
  readonly n: number;
  readonly name: string;
  readonly at: string;
  /**
   * label: the photo shows the item's label; follows_label: no label on it, it went with the
   * last one; unrouted: no label seen yet; stopped: routing stopped, nothing filed.
   */
  readonly how: 'label' | 'follows_label' | 'unrouted' | 'stopped';
  /** The reference read on the photo itself. */
  readonly label: string | null;
  /** The item the photo is on now; null when it is on none. */
  readonly item: RoutedItem | null;
  readonly photoId: number | null;
  /** Its content hash, for the thumbnail; null when the file was refused. */
  readonly hash: string | null;
  /** A label shot the desk chose not to keep: it only marked where its item's set starts. */
  readonly dropped: boolean;
  /** Moved by a person after it was routed: the item routing had chosen. */
  readonly movedFrom: RoutedItem | null;
  /** Why it is on no item (no label yet, a stop, a refused file), in English. */
  readonly reason: string | null;
  /** The same, drawn in the reader's language. */
  readonly text: StoredMessage | null;
}

export interface LabelRoutingStatus {
  /** Shooting by label: new shots go to the item whose label they follow, not to the open item. */
  readonly on: boolean;
  readonly keepLabelShots: boolean;
  /** A session for one merchant: another merchant's label stops it. */
  readonly merchantId: number | null;
  /** The item of the last label seen: where a photo without a label goes. */
  readonly current: RoutedItem | null;
  /** Routing stopped at this label and waits for a person; null while it runs. */
  readonly stopped: {
    readonly reference: string;
    readonly reason: string;
    readonly text: StoredMessage;
  } | null;
  /** The session's photos, newest first (the last 200). */
  readonly photos: readonly RoutedPhoto[];
  /** The session's items in the order their labels were first seen: where ← and → move a photo. */
  readonly items: readonly RoutedItem[];
}

export const LabelRoutingInput = z
  .object({ on: z.boolean(), keepLabelShots: z.boolean(), merchantId: Id.nullable() })
  .strict();

export const PhotoAddByLabelInput = PhotoAddInput.omit({ itemId: true }).strict();

export const PhotoMoveInput = z.object({ photoId: Id, itemId: Id }).strict();

export const photosContract = {
  'photos.add': method<readonly PhotoAddResult[]>()(PhotoAddInput, { writes: true }),
  'photos.hotFolderStatus': method<HotFolderStatus>()(z.object({}).strict()),
  'photos.setHotFolder': method<HotFolderStatus>()(
    z.object({ path: z.string().trim().min(1).max(4096).nullable() }).strict(),
    { writes: true },
  ),
  'photos.setActiveItem': method<HotFolderStatus>()(z.object({ itemId: Id.nullable() }).strict()),
  'photos.routing': method<LabelRoutingStatus>()(z.object({}).strict()),
  'photos.setRouting': method<LabelRoutingStatus>()(LabelRoutingInput),
  'photos.resumeRouting': method<LabelRoutingStatus>()(z.object({}).strict()),
  'photos.addByLabel': method<readonly RoutedPhoto[]>()(PhotoAddByLabelInput, { writes: true }),
  'photos.move': method<{ readonly photoId: number }>()(PhotoMoveInput, { writes: true }),
  'photos.reorder': method<null>()(
    z
      .object({ itemId: Id, photoIds: z.array(Id).min(1).max(500) })
      .strict()
      .refine((input) => new Set(input.photoIds).size === input.photoIds.length, 'photo ids repeat'),
    { writes: true },
  ),
  'photos.setMain': method<null>()(z.object({ photoId: Id }).strict(), { writes: true }),
  'photos.delete': method<null>()(z.object({ photoId: Id }).strict(), { writes: true }),
  'photos.restore': method<null>()(z.object({ photoId: Id }).strict(), { writes: true }),
  'photos.linkDefect': method<null>()(z.object({ defectId: Id, photoId: Id.nullable() }).strict(), {
    writes: true,
  }),
} as const;
