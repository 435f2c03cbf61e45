import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import { say, type StoredMessage } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
import { makePrivateDirAsync } from '../paths';
import { proposeIfReady } from '../pricing/readiness';
import type { Workspace } from '../workspace';
import { PhotoPool } from './pool';
import {
  photoErrorData,
  type Capabilities,
  type EncodedImage,
  type LabelFound,
  type PhotoRejectCode,
  type PhotoSource,
  type PhotoErrorData,
  type PhotoWarning,
} from './protocol';

export { PhotoPool, locateWorker, type PhotoPoolOptions, type WorkerEntry } from './pool';
export { PHOTO_REJECT_CODES, PHOTO_WARNINGS } from './protocol';
export type { Capabilities, PhotoRejectCode, PhotoWarning, QualityMetrics } from './protocol';

/** Where a photo came from: kept on the row, so the desk can tell a tethered shot from a drop. */
export type PhotoOrigin = 'hot_folder' | 'drop' | 'picker' | 'webcam' | 'cli' | 'demo';

/** One file to add: a path on this machine, or the bytes themselves (drop, webcam). */
export interface PhotoFile {
  readonly path?: string;
  readonly bytes?: Uint8Array;
  /** The name the person knows the file by; reported back and kept as original_name. */
  readonly name: string;
  readonly source: PhotoOrigin;
}

export type AddPhotoResult =
  | {
      readonly ok: true;
      readonly name: string;
      readonly photoId: number;
      readonly hash: string;
      /** Of the stored listing image (at most 1600 px on the long side). */
      readonly width: number;
      readonly height: number;
      readonly warnings: readonly PhotoWarning[];
      /** The item already had this exact file: nothing was added. */
      readonly duplicate: boolean;
    }
  | {
      readonly ok: false;
      readonly name: string;
      readonly code: PhotoRejectCode;
      /** In English, for logs and the CLI's `--json`. */
      readonly reason: string;
      /** Why, drawn in the reader's language. */
      readonly text: StoredMessage;
    };

export type ProgressListener = (done: number, total: number) => void;

export interface AddPhotosOptions {
  /** Defaults to the process-wide pool ({@link photoPool}). */
  readonly pool?: PhotoPool;
}

let sharedPool: PhotoPool | null = null;

/** The process-wide pool: one worker per core, started on first use. */
export function photoPool(): PhotoPool {
  sharedPool ??= new PhotoPool();
  return sharedPool;
}

/** Stops the process-wide pool (app quit, end of a test file). */
export async function closePhotoPool(): Promise<void> {
  const pool = sharedPool;
  sharedPool = null;
  await pool?.close();
}

/** What this installation can decode, for the desk to say "HEIC is not supported here" up front. */
export async function photoCapabilities(pool: PhotoPool = photoPool()): Promise<Capabilities> {
  const answer = await pool.call('capabilities', {});
  if (!answer.ok) throw new AppError('internal', answer.error.text, { detail: answer.error.detail });
  return answer.value;
}

/**
 * What is left of a processed file once its images are on disk, before it is any item's photo:
 * no pixels kept in memory.
 */
export type Stored =
  | { readonly ok: false; readonly error: PhotoErrorData }
  | { readonly ok: true; readonly kind: 'known'; readonly hash: string }
  | {
      readonly ok: true;
      readonly kind: 'stored';
      readonly hash: string;
      readonly width: number;
      readonly height: number;
      readonly bytes: number;
      readonly warnings: readonly PhotoWarning[];
      /** The label read on the photo when it was asked for (shooting by label). */
      readonly label: LabelFound | null;
    };

interface ExistingPhoto {
  readonly id: number;
  readonly hash: string;
  readonly position: number;
  readonly is_main: number;
  readonly width: number;
  readonly height: number;
  readonly warnings: string;
  readonly deleted_at: string | null;
}

/**
 * Adds photos to an item: each file is checked and converted on the worker pool (all cores at
 * once), its listing image and thumbnail are stored under its content hash, and the accepted
 * ones become rows at the end of the item's photo order — the first photo of an item becomes
 * its main photo. One result per file, in the order given: a bad file is reported with a reason
 * and never stops the others. The same file twice (already on the item, or twice in the batch)
 * is reported as a duplicate and stored once; a file that was on the item and deleted comes back.
 */
export async function addPhotos(
  ws: Workspace,
  actor: Actor,
  itemId: number,
  files: readonly PhotoFile[],
  onProgress?: ProgressListener,
  options: AddPhotosOptions = {},
): Promise<AddPhotoResult[]> {
  const item = await ws.kysely
    .selectFrom('items')
    .select(['id', 'merchant_id'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw new AppError('not_found', say('items.not_found', { id: String(itemId) }));

  const pool = options.pool ?? photoPool();
  const before = await existingPhotos(ws.kysely, itemId);
  const knownHashes = before.filter((p) => p.deleted_at === null).map((p) => p.hash);
  const outcomes = await processPhotos(ws, files, {
    pool,
    knownHashes,
    ...(onProgress ? { onProgress } : {}),
  });
  return filePhotos(ws, actor, item, files, outcomes);
}

export interface ProcessPhotosOptions {
  readonly pool?: PhotoPool;
  /** Hashes of the item's photos: those files are recognised before they are decoded. */
  readonly knownHashes?: readonly string[];
  /** Look for a Rebound label in each photo too (routing/desk.ts). */
  readonly readLabel?: boolean;
  readonly onProgress?: ProgressListener;
}

/**
 * The first half of adding photos: every file checked and converted on the worker pool, its
 * listing image and thumbnail stored under its content hash. One outcome per file, in order; no
 * item is touched yet, so a caller that learns the item from the photo itself (its label) can
 * decide where each goes before {@link filePhotos}.
 */
export async function processPhotos(
  ws: Workspace,
  files: readonly PhotoFile[],
  options: ProcessPhotosOptions = {},
): Promise<Stored[]> {
  const pool = options.pool ?? photoPool();
  const knownHashes = options.knownHashes ?? [];
  const total = files.length;
  let done = 0;
  const progress = () => {
    ws.emit({ type: 'progress', task: 'photos', done, total });
    options.onProgress?.(done, total);
  };
  progress();

  // Everything is queued at once: the pool hands files to its workers as they free up, and
  // files are written to disk while the next ones decode. (The same file twice in one batch is
  // decoded twice, once per worker, and stored once: telling them apart first would cost every
  // batch a round of hashing for a case that hardly happens.)
  return Promise.all(
    files.map(async (file): Promise<Stored> => {
      const outcome = await processAndStore(ws, pool, file, knownHashes, options.readLabel === true);
      done++;
      progress();
      return outcome;
    }),
  );
}

/**
 * The second half: processed files become rows at the end of the item's photo order, with one
 * event in its history, and the item is proposed for approval when it is ready.
 */
export async function filePhotos(
  ws: Workspace,
  actor: Actor,
  item: { readonly id: number; readonly merchant_id: number },
  files: readonly PhotoFile[],
  outcomes: readonly Stored[],
): Promise<AddPhotoResult[]> {
  const itemId = item.id;
  // Files are on disk before any row points at them. If the transaction below fails, they
  // stay as unreferenced content-addressed files: harmless, and reused if the photo comes again.
  const { results, added } = await ws.kysely.transaction().execute(async (trx) => {
    // Read again inside the transaction: another batch for the same item may have finished
    // while this one was decoding.
    const rows = await existingPhotos(trx, itemId);
    const byHash = new Map(rows.map((row) => [row.hash, row]));
    const active = new Map<
      string,
      { id: number; width: number; height: number; warnings: readonly PhotoWarning[] }
    >();
    for (const row of rows) {
      if (row.deleted_at === null) {
        active.set(row.hash, {
          id: row.id,
          width: row.width,
          height: row.height,
          warnings: parseWarnings(row.warnings),
        });
      }
    }
    let hasMain = rows.some((row) => row.deleted_at === null && row.is_main === 1);
    let position = rows.reduce((max, row) => Math.max(max, row.position), 0);
    const createdAt = nowIso();
    const added: { id: number; hash: string; name: string }[] = [];

    const results: AddPhotoResult[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const file = files[index]!;
      if (!outcome.ok) {
        results.push({
          ok: false,
          name: file.name,
          code: outcome.error.code,
          reason: outcome.error.message,
          text: outcome.error.text,
        });
        continue;
      }
      const value = outcome;
      const existing = active.get(value.hash);
      if (existing) {
        results.push({
          ok: true,
          name: file.name,
          photoId: existing.id,
          hash: value.hash,
          width: existing.width,
          height: existing.height,
          warnings: existing.warnings,
          duplicate: true,
        });
        continue;
      }
      if (value.kind === 'known') {
        // The item had this photo when the batch started, and it was deleted since: its
        // pixels were never decoded, so there is nothing to bring back. Rare enough to ask again.
        const text = say('photos.removed_meanwhile');
        results.push({ ok: false, name: file.name, code: 'internal', reason: englishText(text), text });
        continue;
      }

      position++;
      const isMain = hasMain ? 0 : 1;
      hasMain = true;
      const row = {
        position,
        is_main: isMain,
        width: value.width,
        height: value.height,
        bytes: value.bytes,
        warnings: JSON.stringify(value.warnings),
        source: file.source,
        original_name: file.name,
      };
      const deleted = byHash.get(value.hash);
      let id: number;
      if (deleted) {
        // UNIQUE(item_id, hash) keeps the deleted row: re-adding the photo revives it.
        await trx
          .updateTable('photos')
          .set({ ...row, deleted_at: null, created_at: createdAt })
          .where('id', '=', deleted.id)
          .execute();
        id = deleted.id;
      } else {
        const inserted = await trx
          .insertInto('photos')
          .values({ ...row, item_id: itemId, hash: value.hash, created_at: createdAt })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = inserted.id;
      }
      active.set(value.hash, { id, width: row.width, height: row.height, warnings: value.warnings });
      added.push({ id, hash: value.hash, name: file.name });
      results.push({
        ok: true,
        name: file.name,
        photoId: id,
        hash: value.hash,
        width: row.width,
        height: row.height,
        warnings: value.warnings,
        duplicate: false,
      });
    }

    if (added.length > 0) {
      const rejected = results.flatMap((r) => (r.ok ? [] : [{ name: r.name, code: r.code }]));
      const duplicates = results.filter((r) => r.ok && r.duplicate).length;
      const sources = [...new Set(files.map((f) => f.source))];
      await recordEvent(trx, actor, {
        itemId,
        merchantId: item.merchant_id,
        kind: 'photos.added',
        text: say('photos.added', { count: added.length }),
        data: { photos: added, duplicates, rejected, sources },
      });
    }
    return { results, added };
  });

  if (added.length > 0) {
    ws.changed('items');
    // A graded item's first photo makes it approval-ready: propose now, from the desk, the CLI
    // or the hot folder alike. Never throws: the photos are stored whatever pricing says.
    await proposeIfReady(ws, actor, itemId);
  }
  return results;
}

async function processAndStore(
  ws: Workspace,
  pool: PhotoPool,
  file: PhotoFile,
  knownHashes: readonly string[],
  readLabel: boolean,
): Promise<Stored> {
  const source = toSource(file);
  if (!source) {
    return { ok: false, error: photoErrorData('unreadable', say('photos.nothing_to_read')) };
  }
  const outcome = await pool.call(
    'process',
    readLabel ? { source, knownHashes, readLabel } : { source, knownHashes },
  );
  if (!outcome.ok) return outcome;
  const value = outcome.value;
  if (value.kind === 'known') return { ok: true, kind: 'known', hash: value.hash };
  try {
    await storeImage(ws.photoPath(value.hash, 'listing'), value.listing);
    await storeImage(ws.photoPath(value.hash, 'thumb'), value.thumb);
  } catch (error) {
    return {
      ok: false,
      error: photoErrorData(
        'internal',
        say('photos.not_saved'),
        error instanceof Error ? error.message : String(error),
      ),
    };
  }
  return {
    ok: true,
    kind: 'stored',
    hash: value.hash,
    width: value.listing.width,
    height: value.listing.height,
    bytes: value.listing.data.byteLength,
    warnings: value.warnings,
    label: value.label ?? null,
  };
}

function toSource(file: PhotoFile): PhotoSource | null {
  if (file.bytes) return { kind: 'bytes', bytes: file.bytes };
  if (file.path) return { kind: 'path', path: file.path };
  return null;
}

/**
 * Writes a file under its final name only once it is complete (temporary name, then rename), so
 * a crash or a full disk never leaves half a JPEG where a photo is expected. Content-addressed:
 * a file already there has the same content and is left alone.
 */
async function storeImage(target: string, image: EncodedImage): Promise<void> {
  if (await exists(target)) return;
  await makePrivateDirAsync(path.dirname(target));
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temporary, image.data);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

async function existingPhotos(
  db: Kysely<Database> | Transaction<Database>,
  itemId: number,
): Promise<ExistingPhoto[]> {
  return db
    .selectFrom('photos')
    .select(['id', 'hash', 'position', 'is_main', 'width', 'height', 'warnings', 'deleted_at'])
    .where('item_id', '=', itemId)
    .execute();
}

function parseWarnings(text: string): PhotoWarning[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((w): w is PhotoWarning => typeof w === 'string') : [];
  } catch {
    return [];
  }
}
