import { type Message, type StoredMessage } from '../../../shared/messages';
import { englishText } from '../../../shared/messages/render';

/**
 * The contract between the photo pool (calling thread) and its workers. Everything here is
 * structured-clone safe: errors never cross the thread boundary as thrown objects, only as data,
 * so a bad file can never take the batch (or the main process) down with it.
 */

/** Why a file was refused. The UI translates these; `reason` is the English fallback. */
export const PHOTO_REJECT_CODES = [
  'empty', // zero bytes
  'file_too_large', // over MAX_FILE_BYTES before even looking inside
  'unreadable', // the file vanished, is a folder, or cannot be opened
  'not_an_image', // no decoder recognises the bytes
  'unsupported_format', // an image, but not one we list (GIF, SVG, PDF, …)
  'heic_unsupported', // HEIC/HEIF and this libvips has no HEVC decoder
  'too_many_pixels', // header claims more than MAX_INPUT_PIXELS: a decompression bomb or a scan
  'corrupt', // truncated or damaged pixel data
  'too_small', // under eBay's 500 px minimum on the long side
  'internal', // the worker died or something unexpected happened: retrying may help
] as const;
export type PhotoRejectCode = (typeof PHOTO_REJECT_CODES)[number];

/** Warnings never block a photo; the desk shows them so the photo can be retaken. */
export const PHOTO_WARNINGS = ['blurred', 'too_dark', 'too_bright'] as const;
export type PhotoWarning = (typeof PHOTO_WARNINGS)[number];

export interface PhotoErrorData {
  readonly code: PhotoRejectCode;
  /** One sentence for the person at the desk, in English (logs, `--json`, older windows). */
  readonly message: string;
  /** The same sentence as a message code, drawn in the reader's language (a plain object: it crosses threads). */
  readonly text: StoredMessage;
  /** The decoder's own words, for logs and bug reports; never shown as the reason. */
  readonly detail?: string;
}

/** A thrown error that the worker turns into {@link PhotoErrorData}. */
export class PhotoError extends Error {
  readonly code: PhotoRejectCode;
  readonly text: Message;
  readonly detail: string | undefined;

  constructor(code: PhotoRejectCode, text: Message, detail?: string) {
    super(englishText(text));
    this.name = 'PhotoError';
    this.code = code;
    this.text = text;
    this.detail = detail;
  }

  toData(): PhotoErrorData {
    return photoErrorData(this.code, this.text, this.detail);
  }
}

/** A refusal as data, with its English sentence drawn from its message. */
export function photoErrorData(code: PhotoRejectCode, text: Message, detail?: string): PhotoErrorData {
  const message = englishText(text);
  return detail === undefined ? { code, message, text } : { code, message, text, detail };
}

export type PhotoSource =
  { readonly kind: 'path'; readonly path: string } | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

export interface ProcessParams {
  readonly source: PhotoSource;
  /**
   * Hashes the caller already has (the item's photos). A match is answered right after hashing,
   * before any decoding, so dropping the same 20 photos twice costs 20 hashes, not 20 decodes.
   */
  readonly knownHashes?: readonly string[];
  /**
   * Also look for a Rebound label in the photo (shooting by label, routing/route.ts), on the
   * pixels this worker decodes anyway; the answer is in the result's `label`.
   */
  readonly readLabel?: boolean;
}

/** The label read on a photo: the item's reference, and which of its two codes gave it. */
export interface LabelFound {
  readonly reference: string;
  readonly format: 'Code128' | 'QRCode';
  /** Found on the downscaled copy, or only at full resolution. */
  readonly at: 'downscaled' | 'full';
}

export interface EncodedImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** What the quality checks measured, kept so thresholds can be explained and re-tuned. */
export interface QualityMetrics {
  /** Mean luminance, 0–255. */
  readonly meanLuma: number;
  /** 10th and 90th percentile of luminance, 0–255. */
  readonly p10Luma: number;
  readonly p90Luma: number;
  /** Variance of the Laplacian in the sharpest tiles (see quality.ts). */
  readonly sharpness: number;
}

export type ProcessResult =
  | {
      readonly kind: 'known';
      /** sha256 (hex) of the original file bytes. */
      readonly hash: string;
      readonly originalBytes: number;
    }
  | {
      readonly kind: 'processed';
      readonly hash: string;
      readonly originalBytes: number;
      /** What libvips called the input format: jpeg, png, webp, tiff, heif. */
      readonly format: string;
      /** Upright dimensions of the original. */
      readonly original: { readonly width: number; readonly height: number };
      readonly listing: EncodedImage;
      readonly thumb: EncodedImage;
      readonly warnings: readonly PhotoWarning[];
      readonly metrics: QualityMetrics;
      /** With `readLabel`: the label read on the photo, null when none was; absent otherwise. */
      readonly label?: LabelFound | null;
      /** Milliseconds spent in the worker, for the bench and slow-photo logs. */
      readonly millis: number;
      /** The worker thread that did the work (never 0, the main thread's id). */
      readonly threadId: number;
    };

export interface Capabilities {
  /** libvips can decode HEIC (HEVC in HEIF); sharp's prebuilt binaries cannot. */
  readonly heic: boolean;
  readonly avif: boolean;
  readonly libvips: string;
}

/** Every method a worker serves, with its parameters and result. */
export interface WorkerMethods {
  readonly process: { readonly params: ProcessParams; readonly result: ProcessResult };
  readonly capabilities: { readonly params: Record<string, never>; readonly result: Capabilities };
}
export type WorkerMethod = keyof WorkerMethods;

export type WorkerRequest = {
  [M in WorkerMethod]: {
    readonly id: number;
    readonly method: M;
    readonly params: WorkerMethods[M]['params'];
  };
}[WorkerMethod];

export type WorkerResult<M extends WorkerMethod> =
  | { readonly ok: true; readonly value: WorkerMethods[M]['result'] }
  | { readonly ok: false; readonly error: PhotoErrorData };

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: WorkerMethods[WorkerMethod]['result'] }
  | { readonly id: number; readonly ok: false; readonly error: PhotoErrorData };
