import type { Envelope, PhotoAddResult, RoutedPhoto, UploadSource } from '../../../../shared/contract';
import { AppError, isErrorData } from '../../../../shared/errors';
import { call, errorMessage, runtime } from '../../api/client';
import { type StoredMessage } from '../../../../shared/messages';
import { renderMessage } from '../../../../shared/messages/render';
import { currentLanguage, i18next } from '../../i18n';

/**
 * Sends photos from the window (drop, file picker, webcam) to `photos.add`.
 *
 * Electron: the bytes go over IPC as a Uint8Array (structured clone, no base64), a few files per
 * call so the workers decode them in parallel without holding a whole card in memory twice.
 * Browser mode: one raw request body per file to POST /api/upload/photo — a camera JPEG is far
 * over the 2 MB JSON limit, and base64 would add a third. Both end in the same contract method.
 * Files are sent in order, so photos keep the order they were chosen or dropped in.
 */

const FILES_PER_IPC_CALL = 6;

/** Why a file was refused, in the window's language (the English reason when the code is unknown). */
export function refusalReason(refusal: {
  readonly reason: string;
  readonly text?: StoredMessage | undefined;
}): string {
  return refusal.text ? renderMessage(refusal.text, currentLanguage(), refusal.reason) : refusal.reason;
}

export interface UploadFile {
  readonly name: string;
  readonly blob: Blob;
}

/** Where an upload goes: an item, or wherever the photo's own label says (shooting by label). */
type Target = { readonly itemId: number } | { readonly byLabel: true };

async function overHttp<T>(target: Target, source: UploadSource, file: UploadFile): Promise<T[]> {
  const params = new URLSearchParams(
    'itemId' in target
      ? { itemId: String(target.itemId), source, name: file.name }
      : { by: 'label', source, name: file.name },
  );
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  let response: Response;
  try {
    response = await fetch(`/api/upload/photo?${params.toString()}`, {
      method: 'POST',
      headers,
      body: file.blob,
      credentials: 'same-origin',
    });
  } catch {
    throw new AppError('internal', i18next.t('errors.unreachable'));
  }
  const body = (await response.json().catch(() => undefined)) as Envelope<T[]> | undefined;
  if (body?.ok === true) return body.value;
  if (body && isErrorData(body.error)) throw AppError.from(body.error);
  throw new AppError('internal', i18next.t('errors.badAnswer', { status: response.status }));
}

/**
 * Sends `files` in order, a few per IPC call or one per HTTP request, to `target`; `onProgress`
 * after each step. A group the window could not hand over is given to `failed` with the error,
 * whose answers take its place, and the next group still goes.
 */
async function sendInOrder<T>(
  target: Target,
  source: UploadSource,
  files: readonly UploadFile[],
  onProgress: (done: number, total: number) => void,
  failed: (group: readonly UploadFile[], error: unknown) => readonly T[],
): Promise<T[]> {
  const answers: T[] = [];
  const total = files.length;
  onProgress(0, total);
  const step = runtime === 'electron' ? FILES_PER_IPC_CALL : 1;
  for (let start = 0; start < files.length; start += step) {
    const group = files.slice(start, start + step);
    try {
      if (runtime === 'electron') {
        const withBytes = await Promise.all(
          group.map(async (file) => ({
            name: file.name,
            bytes: new Uint8Array(await file.blob.arrayBuffer()),
          })),
        );
        const answer =
          'itemId' in target
            ? await call('photos.add', { itemId: target.itemId, source, files: withBytes })
            : await call('photos.addByLabel', { source, files: withBytes });
        answers.push(...(answer as readonly T[]));
      } else {
        answers.push(...(await overHttp<T>(target, source, group[0]!)));
      }
    } catch (error) {
      answers.push(...failed(group, error));
    }
    onProgress(Math.min(start + step, total), total);
  }
  return answers;
}

/** Uploads `files` in order; `onProgress(done, total)` after each step. One result per file. */
export async function uploadPhotos(
  itemId: number,
  source: UploadSource,
  files: readonly UploadFile[],
  onProgress: (done: number, total: number) => void,
): Promise<PhotoAddResult[]> {
  return sendInOrder<PhotoAddResult>({ itemId }, source, files, onProgress, (group, error) => {
    // A refused request (too large, item gone) is that file's answer; the rest still go.
    const reason = error instanceof Error ? error.message : String(error);
    const text = error instanceof AppError && error.text !== null ? { text: error.text } : {};
    return group.map((file) => ({ ok: false, name: file.name, code: 'request', reason, ...text }));
  });
}

/** A file the window could not hand over at all (network, too large): the desk lists it. */
export interface UploadFailure {
  readonly name: string;
  readonly reason: string;
}

/**
 * Uploads shots of a "shoot by label" session in shooting order: the server files each where its
 * label, or the last label, says (photos.addByLabel), and the desk's routing list shows it.
 */
export async function uploadByLabel(
  source: UploadSource,
  files: readonly UploadFile[],
  onProgress: (done: number, total: number) => void,
): Promise<{ routed: RoutedPhoto[]; failed: UploadFailure[] }> {
  const failed: UploadFailure[] = [];
  const routed = await sendInOrder<RoutedPhoto>(
    { byLabel: true },
    source,
    files,
    onProgress,
    (group, error) => {
      const reason = error instanceof AppError ? errorMessage(error) : String(error);
      for (const file of group) failed.push({ name: file.name, reason });
      return [];
    },
  );
  return { routed, failed };
}
