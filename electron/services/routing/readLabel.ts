import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as ZXing from 'zxing-wasm/reader';

/**
 * Finds the item's own label (intake/label.ts prints its reference as a Code 128 and a QR code)
 * in a photograph, with ZXing's C++ reader compiled to WebAssembly (zxing-wasm). It runs in the
 * photo worker (photos/process.ts) on the pixels the pipeline decodes anyway: the listing-sized
 * copy first, and the full frame only where that copy shows a code too small to decode.
 */

/** Pixels already decoded by sharp: raw, 8 bits per channel, rows top to bottom. */
export interface DecodedImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA. */
  readonly channels: 1 | 2 | 3 | 4;
}

export type LabelFormat = 'Code128' | 'QRCode';

export interface LabelRead {
  /** The item's reference exactly as the label carries it (RB-000123). */
  readonly reference: string;
  readonly format: LabelFormat;
  /** Found on the downscaled copy, or only at full resolution. */
  readonly at: 'downscaled' | 'full';
}

/** A rectangle of an image, in its pixels. */
export interface Region {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** What one look at an image found. */
export interface LabelLook {
  /** The one reference read, or null (none, or two that disagree). */
  readonly label: { readonly reference: string; readonly format: LabelFormat } | null;
  /**
   * Codes ZXing located but could not decode — on a downscaled copy, a label whose modules are
   * under two pixels: the places worth a look at full resolution.
   */
  readonly unread: readonly Region[];
}

/** A photo as the worker holds it: the copy it decoded, and a way to the full frame. */
export interface PhotoPixels {
  /** The decoded copy (downscaled, or the frame itself when the photo is small). */
  readonly image: DecodedImage;
  /** The frame's upright size. */
  readonly full: { readonly width: number; readonly height: number };
  /** Decodes one region of the frame at full resolution (upright coordinates). */
  readonly decodeRegion: (region: Region) => Promise<DecodedImage>;
}

/**
 * A reference as the label prints it: "RB-" and at least six digits, no spaces, no other case.
 * The same shape as formatReference in intake/receive.ts (tests/routing/readLabel.test.ts checks
 * that they agree); not imported from there, because that module brings the database with it and
 * this one runs where only pixels are.
 */
const LABEL_REFERENCE = /^RB-(?:\d{6}|[1-9]\d{6,11})$/;

export function isLabelReference(text: string): boolean {
  return LABEL_REFERENCE.test(text);
}

/**
 * At most this many unreadable codes are looked at again at full resolution. A label carries two
 * codes; a photo with more unreadable ones (a shelf of products) gets its two largest looked at.
 */
const MAX_CLOSER_LOOKS = 2;

/**
 * How much room around an unreadable code the full-resolution look gets, as a fraction of the
 * code's size on each side: the position ZXing gives for a code it could not decode is rough, and
 * the label's other code (the Code 128 beside the QR code) may be the one that reads.
 */
const CLOSER_LOOK_MARGIN = 0.75;

/**
 * What this file uses of the reader's WebAssembly module: its memory, its allocator, and the
 * entry point zxing-wasm's own readBarcodes calls. zxing-wasm types the module as an Emscripten
 * module, through @types/emscripten, which it does not install: the memory and allocator are
 * named here, as Emscripten exports them (zxing-wasm's readBarcodes uses these very three).
 */
interface ReaderModule {
  readonly HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  readonly readBarcodesFromPixmap: ZXing.ZXingReaderModule['readBarcodesFromPixmap'];
}

interface Reader {
  readonly module: ReaderModule;
  /** The passes of one look, in order (lookForLabel). */
  readonly passes: readonly ZXing.ZXingReaderOptions[];
}

let reader: Promise<Reader> | null = null;

/**
 * zxing-wasm, with its .wasm read from the installed package. Its default is to fetch the file
 * from a CDN: a desk may have no network, and code run from the internet is not what was
 * installed. Both hooks are set, so that nothing in the module points anywhere else.
 */
function loadReader(): Promise<Reader> {
  reader ??= (async () => {
    const zxing = await import('zxing-wasm/reader');
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const binary = fs.readFileSync(wasmPath);
    const module = await zxing.prepareZXingModule({
      overrides: {
        wasmBinary: binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.byteLength),
        locateFile: (file: string) => (file.endsWith('.wasm') ? wasmPath : file),
      },
      fireImmediately: true,
    });
    return {
      module: module as unknown as ReaderModule,
      passes: [
        readerOptions(zxing, 'LocalAverage', ['Code128', 'QRCode']),
        readerOptions(zxing, 'FixedThreshold', ['QRCode']),
      ],
    };
  })().catch((error: unknown) => {
    reader = null;
    throw error;
  });
  return reader;
}

/**
 * The options in the form the WebAssembly side takes (zxing-wasm's readBarcodes builds the same
 * object from its friendlier one: names of formats joined, enums as their index).
 *
 * - tryHarder: more rows and finder-pattern checks; 2 ms more per 1600 px copy, and it reads the
 *   tilted and blurred labels the quick pass misses.
 * - tryRotate off: a QR code is read at any angle anyway, and a label turned 90° or more still
 *   has its QR code; rotating the image four times doubled the time for nothing.
 * - tryDownscale off: the copy looked at is already downscaled; the largest label (a third of the
 *   frame) has modules of 20 px there, which ZXing reads as they are.
 * - tryInvert off: labels are printed black on white.
 * - returnErrors: codes located but not decoded come back with their place (LabelLook.unread).
 * - binarizer and formats: per pass (lookForLabel).
 */
function readerOptions(
  zxing: typeof ZXing,
  binarizer: ZXing.Binarizer,
  formats: ZXing.ReadInputBarcodeFormat[],
): ZXing.ZXingReaderOptions {
  const defaults = zxing.defaultReaderOptions;
  return {
    formats: zxing.encodeFormats(formats),
    tryHarder: true,
    tryRotate: false,
    tryInvert: false,
    tryDownscale: false,
    tryDenoise: false,
    binarizer: zxing.BINARIZERS.indexOf(binarizer),
    isPure: false,
    downscaleThreshold: defaults.downscaleThreshold,
    downscaleFactor: defaults.downscaleFactor,
    minLineCount: defaults.minLineCount,
    maxNumberOfSymbols: defaults.maxNumberOfSymbols,
    validateOptionalChecksum: false,
    returnErrors: true,
    eanAddOnSymbol: zxing.EAN_ADD_ON_SYMBOLS.indexOf('Ignore'),
    textMode: zxing.TEXT_MODES.indexOf('HRI'),
    characterSet: zxing.CHARACTER_SETS.indexOf('Unknown'),
    tryCode39ExtendedMode: true,
  };
}

/**
 * Reads the label in a photo: on the copy the worker decoded, then, when that copy shows codes
 * too small to decode, on those places of the full frame. Null when no label is read, and also
 * when what is read is not one reference: a barcode that holds something else (the product's EAN,
 * a shipping label) is not a label, and two different references in one frame say nothing about
 * which item the photo shows. Never a guess: unreadable is null.
 *
 * The full frame is not read as a whole when the copy shows no code at all: that would be a
 * second decode of all 24 MP (110 ms of CPU for the shots of tests/routing/shots.ts) and a look
 * at it (100 ms) for every photo without a label, four in five of a session, where the whole
 * pipeline takes about 100 ms and reading may add 15 % (bench/routing.ts). The price: a label
 * under 2 cm (300 px of a 24 MP frame) that the copy does not even show as a code is not read;
 * its photo follows the last label, as an unreadable one does.
 */
export async function readLabelInPhoto(photo: PhotoPixels): Promise<LabelRead | null> {
  const { image, full } = photo;
  const downscaled = image.width < full.width || image.height < full.height;
  const look = await lookForLabel(image);
  if (look.label) return { ...look.label, at: downscaled ? 'downscaled' : 'full' };
  if (!downscaled || look.unread.length === 0) return null;

  const scaleX = full.width / image.width;
  const scaleY = full.height / image.height;
  const regions = [...look.unread]
    .sort((a, b) => b.width * b.height - a.width * a.height)
    .slice(0, MAX_CLOSER_LOOKS)
    .map((r) =>
      widen(
        { left: r.left * scaleX, top: r.top * scaleY, width: r.width * scaleX, height: r.height * scaleY },
        full,
      ),
    );
  const references = new Map<string, LabelFormat>();
  for (const region of regions) {
    const closer = await lookForLabel(await photo.decodeRegion(region));
    if (closer.label) addReference(references, closer.label.reference, closer.label.format);
  }
  const one = single(references);
  return one ? { ...one, at: 'full' } : null;
}

/** The region with room around it, in whole pixels, inside the frame. */
function widen(region: Region, frame: { readonly width: number; readonly height: number }): Region {
  const margin = Math.max(region.width, region.height) * CLOSER_LOOK_MARGIN;
  const left = Math.max(0, Math.floor(region.left - margin));
  const top = Math.max(0, Math.floor(region.top - margin));
  const right = Math.min(frame.width, Math.ceil(region.left + region.width + margin));
  const bottom = Math.min(frame.height, Math.ceil(region.top + region.height + margin));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/**
 * Reads `image` as it is (no copy at another size): the label's reference if exactly one is read,
 * and where codes were located but not decoded. Two passes on the same luminance, the second
 * only when the first reads no label. LocalAverage (ZXing's default binarizer), both codes: reads
 * every label from 2 cm wide on a 1600 px copy unless it is also badly out of focus; a 2 cm label
 * blurred by 3 px at 24 MP is a grey smudge to it, located by nothing. FixedThreshold, QR code
 * only: still locates that QR code (as a code it cannot decode), which sends the photo to a
 * closer look at full resolution. Measured on a 1600 px copy, one core: 4.6 ms and 0.9 ms; on
 * the photos without a label of tests/routing/shots.ts the second pass located nothing. (Both
 * codes in the second pass cost 2 ms and located nothing more.)
 */
export async function lookForLabel(image: DecodedImage): Promise<LabelLook> {
  const { module, passes } = await loadReader();
  const pixels = image.width * image.height;
  const pointer = module._malloc(pixels);
  if (!pointer) throw new Error(`Cannot allocate ${pixels} bytes for the barcode reader`);
  const references = new Map<string, LabelFormat>();
  const unread: Region[] = [];
  try {
    // Grey written straight into the reader's memory, once for both passes, and read with the
    // module's own entry point. zxing-wasm's readBarcodes takes RGBA only: an RGB → RGBA copy in
    // JavaScript (8 ms per 1600 px copy, one core) and its own RGBA → grey pass (5 ms) on every
    // call, where this costs 3 ms and a read 5 ms. Those 10 ms were a tenth of the pipeline's time
    // for a 24 MP photo, most of the 15 % that reading may add (bench/routing.ts).
    toLuminance(image, module.HEAPU8.subarray(pointer, pointer + pixels));
    for (const options of passes) {
      const results = module.readBarcodesFromPixmap(pointer, image.width, image.height, options);
      try {
        for (let i = 0; i < results.size(); i++) {
          const result = results.get(i);
          if (!result) continue;
          const format = result.format;
          if (format !== 'Code128' && format !== 'QRCode') continue;
          if (!result.isValid) unread.push(bounds(result.position, image));
          else if (isLabelReference(result.text)) addReference(references, result.text, format);
        }
      } finally {
        results.delete();
      }
      if (references.size > 0) break;
    }
  } finally {
    module._free(pointer);
  }
  return { label: single(references), unread };
}

/**
 * One label carries its reference twice (Code 128 and QR): the QR code, with its error
 * correction, is named when both are read.
 */
function addReference(references: Map<string, LabelFormat>, reference: string, format: LabelFormat): void {
  if (!references.has(reference) || format === 'QRCode') references.set(reference, format);
}

function single(
  references: ReadonlyMap<string, LabelFormat>,
): { reference: string; format: LabelFormat } | null {
  if (references.size !== 1) return null;
  const [reference, format] = [...references][0]!;
  return { reference, format };
}

function bounds(position: ZXing.ZXingPosition, image: DecodedImage): Region {
  const corners = [position.topLeft, position.topRight, position.bottomLeft, position.bottomRight];
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const left = Math.max(0, Math.min(...xs));
  const top = Math.max(0, Math.min(...ys));
  const right = Math.min(image.width, Math.max(...xs));
  const bottom = Math.min(image.height, Math.max(...ys));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/**
 * The grey the reader sees: for colour, the green channel alone. It carries most of the
 * luminance (59 % in ZXing's own weights), black print on white paper is as contrasted in it,
 * and it costs 3 ms per 1600 px copy where the weighted sum costs 5 (measured, one core).
 */
function toLuminance(image: DecodedImage, out: Uint8Array): void {
  const { data, channels } = image;
  const n = image.width * image.height;
  if (channels < 3) {
    if (channels === 1) out.set(data.subarray(0, n));
    else for (let i = 0; i < n; i++) out[i] = data[i * 2]!;
    return;
  }
  for (let i = 0, j = 1; i < n; i++, j += channels) out[i] = data[j]!;
}
