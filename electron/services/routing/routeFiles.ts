import type { Actor } from '../actor';
import {
  filePhotos,
  processPhotos,
  type AddPhotoResult,
  type PhotoFile,
  type PhotoOrigin,
  type PhotoPool,
  type Stored,
} from '../photos';
import type { LabelFound } from '../photos/protocol';
import type { Workspace } from '../workspace';
import {
  routeShot,
  START,
  type RoutableItem,
  type Routed,
  type RouteOptions,
  type RouteState,
} from './route';

/**
 * Shots filed by the labels in them, in shooting order: each file goes through the photo
 * pipeline once, its label read by the worker on the pixels it decodes anyway
 * (photos/process.ts), the shots are routed (route.ts), and each item's photos are filed in one
 * batch. `rebound photos route` files a folder this way; the desk's "shoot by label" mode
 * (routing/desk.ts) feeds it what arrives, carrying the routing state from one batch to the next.
 */

export interface RouteFile {
  readonly path: string;
  /** The name the person knows the file by. */
  readonly name: string;
}

export interface RoutedFile {
  readonly name: string;
  /** What was read on the photo; null when no label was. */
  readonly label: LabelFound | null;
  readonly routed: Routed;
  /** The photo pipeline's answer, for the photos that were filed; null for the others. */
  readonly photo: AddPhotoResult | null;
}

export interface RouteFilesOptions extends RouteOptions {
  readonly source: PhotoOrigin;
}

/**
 * Files `files` (in shooting order, from `state`) on their items and returns where each went and
 * the state the next photo starts from. Nothing is filed after a stop: those photos come back as
 * `stopped`, for a person to look at. A file the pipeline refuses has no label to read; it follows
 * the last label like any other photo, and its result says why it was refused. A label shot that
 * is not kept has its images stored all the same (content-addressed files nothing points at,
 * reused if the same file is added again).
 */
export async function fileByLabel(
  ws: Workspace,
  actor: Actor,
  files: readonly PhotoFile[],
  state: RouteState,
  options: RouteOptions & { readonly pool?: PhotoPool },
): Promise<{ readonly state: RouteState; readonly files: RoutedFile[] }> {
  const outcomes = await processPhotos(ws, files, {
    readLabel: true,
    ...(options.pool ? { pool: options.pool } : {}),
  });
  const labels = outcomes.map((outcome) => (outcome.ok && outcome.kind === 'stored' ? outcome.label : null));

  const items = new Map<string, RoutableItem | undefined>();
  for (const label of labels) {
    if (label && !items.has(label.reference)) {
      items.set(label.reference, await itemByReference(ws, label.reference));
    }
  }
  let current = state;
  const routes = labels.map((label) => {
    const next = routeShot(
      current,
      { label: label?.reference ?? null },
      (reference) => items.get(reference),
      options,
    );
    current = next.state;
    return next.routed;
  });

  // Each item's photos in one batch, in shooting order: one history line per item and batch.
  const batches = new Map<number, { item: RoutableItem; indexes: number[] }>();
  routes.forEach((routed, index) => {
    const filed =
      (routed.kind === 'label' && routed.keep) || routed.kind === 'follows_label' ? routed.item : null;
    if (!filed) return;
    const batch = batches.get(filed.id) ?? { item: filed, indexes: [] };
    batch.indexes.push(index);
    batches.set(filed.id, batch);
  });
  const photos = new Map<number, AddPhotoResult>();
  for (const { item, indexes } of batches.values()) {
    const pick = <T>(list: readonly T[]) => indexes.map((index) => list[index]!);
    const results = await filePhotos(
      ws,
      actor,
      { id: item.id, merchant_id: item.merchantId },
      pick(files),
      pick<Stored>(outcomes),
    );
    results.forEach((result, i) => photos.set(indexes[i]!, result));
  }

  return {
    state: current,
    files: files.map((file, index) => ({
      name: file.name,
      label: labels[index] ?? null,
      routed: routes[index]!,
      photo: photos.get(index) ?? null,
    })),
  };
}

/** A folder of shots as one session (`rebound photos route`). */
export async function routePhotoFiles(
  ws: Workspace,
  actor: Actor,
  files: readonly RouteFile[],
  options: RouteFilesOptions,
): Promise<RoutedFile[]> {
  const routed = await fileByLabel(
    ws,
    actor,
    files.map((file) => ({ path: file.path, name: file.name, source: options.source })),
    START,
    options,
  );
  return routed.files;
}

export async function itemByReference(ws: Workspace, reference: string): Promise<RoutableItem | undefined> {
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
