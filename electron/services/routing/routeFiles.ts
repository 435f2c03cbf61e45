import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { Actor } from '../actor';
import { addPhotos, type AddPhotoResult, type PhotoOrigin } from '../photos';
import type { Workspace } from '../workspace';
import { readLabel, type LabelRead } from './readLabel';
import { routeShots, type RoutableItem, type Routed, type RouteOptions } from './route';

/**
 * A folder of shots filed by the labels in them (`rebound photos route`): each file is decoded
 * once and its label read, the session is routed in shooting order (route.ts), and the photos go
 * on their items through the same pipeline as any other photo (photos/index.ts addPhotos).
 */

/**
 * The pipeline's pixel limit (photos/process.ts MAX_INPUT_PIXELS), against decompression bombs.
 * Not imported: that module tunes sharp for a worker thread (one libvips thread, no cache) as
 * soon as it loads, which would slow every other image job of this process.
 */
const MAX_INPUT_PIXELS = 100_000_000;

export interface RouteFile {
  readonly path: string;
  /** The name the person knows the file by. */
  readonly name: string;
}

export interface RoutedFile {
  readonly name: string;
  /** What was read on the photo; null when no label was. */
  readonly label: LabelRead | null;
  readonly routed: Routed;
  /** The photo pipeline's answer, for the photos that were filed; null for the others. */
  readonly photo: AddPhotoResult | null;
}

export interface RouteFilesOptions extends RouteOptions {
  readonly source: PhotoOrigin;
}

/**
 * Files `files` (in shooting order) on their items. Nothing is added after a stop: those photos
 * come back as `stopped`, for a person to look at. A file that cannot be decoded has no label to
 * read; it follows the last label like any other photo, and the pipeline says why it refuses it.
 */
export async function routePhotoFiles(
  ws: Workspace,
  actor: Actor,
  files: readonly RouteFile[],
  options: RouteFilesOptions,
): Promise<RoutedFile[]> {
  // One photo's pixels at a time: a 24 MP frame is 72 MB decoded.
  const labels: (LabelRead | null)[] = [];
  for (const file of files) labels.push(await labelInFile(file.path));

  const items = new Map<string, RoutableItem | undefined>();
  for (const label of labels) {
    if (label && !items.has(label.reference)) {
      items.set(label.reference, await itemByReference(ws, label.reference));
    }
  }
  const routes = routeShots(
    labels.map((label) => ({ label: label?.reference ?? null })),
    (reference) => items.get(reference),
    options,
  );

  // Each item's photos in one batch, in shooting order, so the pool decodes them side by side.
  const batches = new Map<number, number[]>();
  routes.forEach((routed, index) => {
    const filed =
      (routed.kind === 'label' && routed.keep) || routed.kind === 'follows_label' ? routed.item : null;
    if (filed) batches.set(filed.id, [...(batches.get(filed.id) ?? []), index]);
  });
  const photos = new Map<number, AddPhotoResult>();
  for (const [itemId, indexes] of batches) {
    const results = await addPhotos(
      ws,
      actor,
      itemId,
      indexes.map((index) => ({
        path: files[index]!.path,
        name: files[index]!.name,
        source: options.source,
      })),
    );
    results.forEach((result, i) => photos.set(indexes[i]!, result));
  }

  return files.map((file, index) => ({
    name: file.name,
    label: labels[index] ?? null,
    routed: routes[index]!,
    photo: photos.get(index) ?? null,
  }));
}

/** The label in a photo file, decoded once (oriented as the camera held it); null if none or unreadable. */
async function labelInFile(path: string): Promise<LabelRead | null> {
  let decoded: { data: Buffer; info: sharp.OutputInfo };
  try {
    decoded = await sharp(await fs.readFile(path), {
      autoOrient: true,
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'truncated',
    })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    // Not an image, or a broken one: the photo pipeline refuses it with the reason.
    return null;
  }
  const { width, height, channels } = decoded.info;
  return readLabel({ data: decoded.data, width, height, channels: channels === 4 ? 4 : 3 });
}

async function itemByReference(ws: Workspace, reference: string): Promise<RoutableItem | undefined> {
  const row = await ws.kysely
    .selectFrom('items')
    .innerJoin('merchants', 'merchants.id', 'items.merchant_id')
    .select(['items.id', 'items.reference', 'items.merchant_id', 'merchants.name as merchant_name'])
    .where('items.reference', '=', reference)
    .executeTakeFirst();
  return row
    ? { id: row.id, reference: row.reference, merchantId: row.merchant_id, merchantName: row.merchant_name }
    : undefined;
}
