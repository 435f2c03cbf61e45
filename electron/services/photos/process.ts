import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';
import sharp from 'sharp';
import { say } from '../../../shared/messages';
import { readLabelInPhoto, type DecodedImage, type Region } from '../routing/readLabel';
import {
  PhotoError,
  type Capabilities,
  type LabelFound,
  type PhotoSource,
  type ProcessParams,
  type ProcessResult,
} from './protocol';
import { ANALYSIS_LONG_SIDE, measureQuality, qualityWarnings } from './quality';

/**
 * The image work itself. It only ever runs inside a pool worker (worker.ts): decoding a
 * 24-megapixel JPEG takes a core for a tenth of a second and would freeze the window.
 */

/** Refused before reading: no photo from a desk camera comes close, a RAW dump or video does. */
export const MAX_FILE_BYTES = 80 * 1024 * 1024;
/**
 * Refused from the header, before decoding: 100 MP is beyond any phone or desk camera (a 61 MP
 * full-frame body is the largest common one) while a bomb claiming 100 000 × 100 000 would need
 * 30 GB once decoded. libvips is also told the same limit, in case a header lies.
 */
export const MAX_INPUT_PIXELS = 100_000_000;
/** eBay refuses images under 500 px on the longest side. */
export const MIN_LONG_SIDE = 500;
/** Not a marketplace rule: below this, a "photo" is a strip or a banner, not an item. */
export const MIN_SHORT_SIDE = 100;
export const LISTING_LONG_SIDE = 1600;
export const THUMB_LONG_SIDE = 400;
/**
 * Quality 85, baseline, Huffman-optimised. Measured on a 1600×1067 listing from a busy 24 MP
 * scene (one core): baseline 12 ms / 232 KB, progressive 22 ms / 227 KB, mozjpeg (trellis)
 * 124 ms / 202 KB. mozjpeg's 13 % saving would double the time per photo, and marketplaces
 * re-encode uploads anyway; progressive buys nothing for files read from disk.
 */
export const LISTING_QUALITY = 85;
export const THUMB_QUALITY = 80;

/** The formats a desk produces. GIF, SVG and PDF decode in libvips but are not photographs. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'tiff', 'heif']);

// One libvips thread per worker: the pool already runs one worker per core, and more threads
// per image only add contention. The operation cache is useless here (every photo is new) and
// would hold tens of megabytes per worker.
sharp.concurrency(1);
sharp.cache(false);

export function capabilities(): Capabilities {
  // libvips lists .heic among heifload's suffixes only when libheif has an HEVC decoder;
  // sharp's prebuilt binaries ship AV1 (AVIF) only, for licensing reasons.
  const suffixes = sharp.format.heif.input.fileSuffix ?? [];
  return {
    heic: suffixes.includes('.heic'),
    avif: suffixes.includes('.avif'),
    libvips: sharp.versions.vips,
  };
}

export const HEIC_UNSUPPORTED_MESSAGE = say('photos.heic_unsupported');

export async function processImage(params: ProcessParams): Promise<ProcessResult> {
  const started = performance.now();
  const bytes = await readSource(params.source);

  // The hash is of the original file, not of the pixels: the same file dropped twice is
  // recognised before it is decoded, and it is cheap (sha256 of a 5 MB photo: ~3 ms). The price is
  // that a re-saved copy of the same picture counts as a different photo, which is fine: the
  // desk re-shoots rather than re-saves.
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (params.knownHashes?.includes(hash)) {
    return { kind: 'known', hash, originalBytes: bytes.length };
  }

  const heif = heifBrand(bytes);
  if (heif === 'heic' && !capabilities().heic) {
    throw new PhotoError('heic_unsupported', HEIC_UNSUPPORTED_MESSAGE);
  }

  const header = await readHeader(bytes);
  if (!ACCEPTED_FORMATS.has(header.format)) {
    throw new PhotoError(
      'unsupported_format',
      say('photos.unsupported_format', { format: header.format.toUpperCase() }),
    );
  }
  if (header.format === 'heif' && header.compression === 'hevc' && !capabilities().heic) {
    throw new PhotoError('heic_unsupported', HEIC_UNSUPPORTED_MESSAGE);
  }
  if (header.width * header.height > MAX_INPUT_PIXELS) {
    throw new PhotoError(
      'too_many_pixels',
      say('photos.too_many_pixels', {
        width: header.width,
        height: header.height,
        limit: MAX_INPUT_PIXELS / 1e6,
      }),
    );
  }
  const longSide = Math.max(header.width, header.height);
  if (longSide < MIN_LONG_SIDE) {
    throw new PhotoError(
      'too_small',
      say('photos.too_small', { width: header.width, height: header.height, min: MIN_LONG_SIDE }),
    );
  }
  // A 6000 × 40 strip passes the long-side rule but would become a 1600 × 11 listing.
  if (Math.min(header.width, header.height) < MIN_SHORT_SIDE) {
    throw new PhotoError(
      'too_small',
      say('photos.too_narrow', { width: header.width, height: header.height }),
    );
  }

  // One decode for everything: orient, shrink to listing size (libvips' shrink-on-load decodes a
  // JPEG straight at 1/2 or 1/4 scale, most of the speed), flatten, sRGB 8-bit, kept as raw
  // pixels. The listing, the thumbnail and the analysis image are all made from those pixels.
  // Output carries no metadata at all (no EXIF, GPS, XMP, IPTC or ICC): sharp writes none unless
  // asked with keepMetadata/withMetadata, and untagged JPEG is read as sRGB everywhere.
  let decoded: { data: Buffer; info: sharp.OutputInfo };
  try {
    decoded = await decodeSrgb(bytes)
      .resize({
        width: LISTING_LONG_SIDE,
        height: LISTING_LONG_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw decodeError(error);
  }
  const { width, height, channels } = decoded.info;
  if (channels !== 3) {
    throw new PhotoError(
      'internal',
      say('photos.not_processed'),
      `Expected 3 colour channels after conversion, got ${channels}.`,
    );
  }
  const raw = { raw: { width, height, channels: 3 as const } };

  const encoded = Promise.all([
    sharp(decoded.data, raw).jpeg({ quality: LISTING_QUALITY }).toBuffer({ resolveWithObject: true }),
    sharp(decoded.data, raw)
      .resize({
        width: THUMB_LONG_SIDE,
        height: THUMB_LONG_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .jpeg({ quality: THUMB_QUALITY })
      .toBuffer({ resolveWithObject: true }),
    sharp(decoded.data, raw)
      .resize({
        width: ANALYSIS_LONG_SIDE,
        height: ANALYSIS_LONG_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true }),
  ]);
  // The label is read on these same listing-sized pixels (the "downscaled copy" costs nothing),
  // on this thread while libvips encodes on its own.
  const [[listing, thumb, grey], label] = await Promise.all([
    encoded,
    params.readLabel
      ? readLabelInPhoto({
          image: { data: decoded.data, width, height, channels: 3 },
          full: { width: header.width, height: header.height },
          decodeRegion: (region) => decodeRegion(bytes, region),
        })
      : undefined,
  ]);

  const metrics = measureQuality({
    data: grey.data,
    width: grey.info.width,
    height: grey.info.height,
  });
  return {
    kind: 'processed',
    hash,
    originalBytes: bytes.length,
    format: header.format,
    original: { width: header.width, height: header.height },
    // Copies into fresh ArrayBuffers that the worker can transfer: sharp's own buffers may be
    // external memory or pool slices, which cannot (or must not) be detached.
    listing: {
      data: new Uint8Array(listing.data),
      width: listing.info.width,
      height: listing.info.height,
    },
    thumb: { data: new Uint8Array(thumb.data), width: thumb.info.width, height: thumb.info.height },
    warnings: qualityWarnings(metrics),
    metrics,
    ...(label === undefined ? {} : { label: label satisfies LabelFound | null }),
    millis: Math.round(performance.now() - started),
    threadId,
  };
}

/**
 * The file decoded upright, flattened onto white, 8-bit sRGB. Truncated data (a camera still
 * writing, a broken copy) is refused, but not the harmless warnings some cameras' files produce,
 * which the default ('warning') would refuse.
 */
function decodeSrgb(bytes: Buffer, region?: Region): sharp.Sharp {
  const image = sharp(bytes, { autoOrient: true, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' });
  // With autoOrient in the constructor the image is turned upright first: the region is in
  // upright coordinates, like everything readLabel.ts sees.
  if (region) image.extract(region);
  return image.flatten({ background: '#ffffff' }).toColourspace('srgb');
}

/**
 * One region of the frame at full resolution, for a code the listing-sized copy shows too small
 * to decode (routing/readLabel.ts). This decodes the file a second time: a JPEG cannot be entered
 * in the middle, so libvips decodes every row down to the region's bottom — 10 ms of CPU for a
 * region near the top of a 24 MP frame, 30 to 60 ms near its bottom, against 110 ms for the whole
 * frame (measured, one core). It happens only for photos in which ZXing located a code it could
 * not decode (a small label out of focus), not for the photos without a label that make most of
 * a session.
 */
async function decodeRegion(bytes: Buffer, region: Region): Promise<DecodedImage> {
  const { data, info } = await decodeSrgb(bytes, region).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3 };
}

async function readSource(source: PhotoSource): Promise<Buffer> {
  if (source.kind === 'bytes') {
    checkSize(source.bytes.length);
    return Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
  }
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(source.path, 'r');
  } catch (error) {
    throw unreadable(error);
  }
  try {
    // Size from the open handle, so the file checked is the file read.
    const stat = await handle.stat();
    if (!stat.isFile()) throw new PhotoError('unreadable', say('photos.not_a_file'));
    checkSize(stat.size);
    const bytes = await handle.readFile();
    // A hot folder may hand over a file the camera is still writing.
    checkSize(bytes.length);
    return bytes;
  } catch (error) {
    throw error instanceof PhotoError ? error : unreadable(error);
  } finally {
    await handle.close();
  }
}

function checkSize(size: number): void {
  if (size === 0) throw new PhotoError('empty', say('photos.empty'));
  if (size > MAX_FILE_BYTES) {
    throw new PhotoError(
      'file_too_large',
      say('photos.file_too_large', {
        megabytes: Math.round(size / 1024 / 1024),
        limit: MAX_FILE_BYTES / 1024 / 1024,
      }),
    );
  }
}

function unreadable(error: unknown): PhotoError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message =
    code === 'ENOENT'
      ? say('photos.file_gone')
      : code === 'EACCES' || code === 'EPERM'
        ? say('photos.file_denied')
        : code === 'EISDIR'
          ? say('photos.file_is_folder')
          : say('photos.file_unreadable');
  return new PhotoError('unreadable', message, errorText(error));
}

interface Header {
  readonly format: string;
  readonly width: number;
  readonly height: number;
  readonly compression: string | undefined;
}

/** Reads only the header: dimensions and format, without decoding a single pixel. */
async function readHeader(bytes: Buffer): Promise<Header> {
  let metadata: sharp.Metadata;
  try {
    // No pixel limit here: the header is all that is read, and its size is checked just after,
    // so that a bomb is reported as such rather than as an unreadable file.
    metadata = await sharp(bytes, { limitInputPixels: false, failOn: 'truncated' }).metadata();
  } catch (error) {
    const text = errorText(error);
    if (/unsupported image format/i.test(text)) {
      throw new PhotoError('not_an_image', say('photos.not_an_image'), text);
    }
    throw new PhotoError('corrupt', say('photos.corrupt'), text);
  }
  // `autoOrient` holds the dimensions once the EXIF orientation is applied (swapped for a
  // portrait phone photo stored landscape).
  const { format } = metadata;
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!format || !width || !height) {
    throw new PhotoError('corrupt', say('photos.no_dimensions'));
  }
  return { format, width, height, compression: metadata.compression };
}

function decodeError(error: unknown): PhotoError {
  const text = errorText(error);
  if (/pixel limit/i.test(text)) {
    return new PhotoError(
      'too_many_pixels',
      say('photos.too_many_pixels_decoded', { limit: MAX_INPUT_PIXELS / 1e6 }),
      text,
    );
  }
  if (/premature end|truncated|unexpected end|end of file|EOF/i.test(text)) {
    return new PhotoError('corrupt', say('photos.truncated'), text);
  }
  return new PhotoError('corrupt', say('photos.corrupt_undecodable'), text);
}

/**
 * Recognises HEIC from the ISO-BMFF `ftyp` box before libvips sees it, so the answer is the
 * same ("cannot be decoded by this installation") whether libheif parses the header or not.
 * AVIF shares the container and is told apart by its brand.
 */
function heifBrand(bytes: Buffer): 'heic' | 'avif' | null {
  if (bytes.length < 12 || bytes.toString('latin1', 4, 8) !== 'ftyp') return null;
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  const brands: string[] = [bytes.toString('latin1', 8, 12)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) {
    brands.push(bytes.toString('latin1', offset, offset + 4));
  }
  if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
  if (brands.some((b) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'].includes(b))) {
    return 'heic';
  }
  return null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
