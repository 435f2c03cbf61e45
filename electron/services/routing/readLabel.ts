import fs from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type * as ZXing from 'zxing-wasm/reader';

/**
 * Finds the item's own label (intake/label.ts prints its reference as a Code 128 and a QR code)
 * in a photograph, with ZXing's C++ reader compiled to WebAssembly (zxing-wasm). The caller hands
 * over pixels it has already decoded: reading never decodes the file a second time.
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

/**
 * The long side of the first look. A 24 MP frame shrunk to 1600 px still shows a label that fills
 * a tenth of the frame's width with QR modules of about two pixels, which ZXing reads; a smaller
 * label is looked for again in the full frame. Same size as the listing image (photos/process.ts).
 */
export const DOWNSCALED_LONG_SIDE = 1600;

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

type Reader = typeof ZXing;

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
    await zxing.prepareZXingModule({
      overrides: {
        wasmBinary: binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.byteLength),
        locateFile: (file: string) => (file.endsWith('.wasm') ? wasmPath : file),
      },
      fireImmediately: true,
    });
    return zxing;
  })().catch((error: unknown) => {
    reader = null;
    throw error;
  });
  return reader;
}

/**
 * Reads the label in `image`: on a copy at most {@link DOWNSCALED_LONG_SIDE} px long first, and
 * on the full frame only when that finds none. Null when no label is read, and also when what is
 * read is not one reference: a barcode that holds something else (the product's EAN, a shipping
 * label) is not a label, and two different references in one frame say nothing about which item
 * the photo shows. Never a guess: unreadable is null.
 */
export async function readLabel(image: DecodedImage): Promise<LabelRead | null> {
  const zxing = await loadReader();
  const longSide = Math.max(image.width, image.height);
  if (longSide > DOWNSCALED_LONG_SIDE) {
    const small = await toRgba(image, DOWNSCALED_LONG_SIDE);
    const found = await readIn(zxing, small);
    if (found) return { ...found, at: 'downscaled' };
  }
  const found = await readIn(zxing, await toRgba(image, null));
  return found ? { ...found, at: 'full' } : null;
}

interface Rgba {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/**
 * The pixels as ZXing's ImageData (RGBA), shrunk to at most `longSide` when given. The full frame
 * is read as it is: sharpening it first reads a few more small, blurred labels, but costs seconds
 * per 24 MP frame (measured with libvips and in plain JS), paid by every photo without a label.
 */
async function toRgba(image: DecodedImage, longSide: number | null): Promise<Rgba> {
  if (longSide === null && image.channels === 4) {
    return { data: clamped(image.data), width: image.width, height: image.height };
  }
  let pipeline = sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
  if (longSide !== null) {
    pipeline = pipeline.resize({
      width: longSide,
      height: longSide,
      fit: 'inside',
      withoutEnlargement: true,
    });
  }
  const { data, info } = await pipeline
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: clamped(data), width: info.width, height: info.height };
}

function clamped(data: Uint8Array): Uint8ClampedArray {
  return new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
}

async function readIn(
  zxing: Reader,
  image: Rgba,
): Promise<{ reference: string; format: LabelFormat } | null> {
  // Node has no DOM ImageData; ZXing only reads its data, width and height (its README says so).
  const input = image as unknown as Parameters<Reader['readBarcodes']>[0];
  const results = await zxing.readBarcodes(input, {
    formats: ['Code128', 'QRCode'],
    tryHarder: true,
    tryRotate: true,
    // Labels are printed black on white; looking for white-on-black codes would only cost time.
    tryInvert: false,
    tryDownscale: true,
  });
  const references = new Map<string, LabelFormat>();
  for (const result of results) {
    if (!result.isValid) continue;
    const format = result.symbology;
    if (format !== 'Code128' && format !== 'QRCode') continue;
    if (!isLabelReference(result.text)) continue;
    // One label carries its reference twice (Code 128 and QR): the QR code, with its error
    // correction, is named when both are read.
    if (!references.has(result.text) || format === 'QRCode') references.set(result.text, format);
  }
  if (references.size !== 1) return null;
  const [reference, format] = [...references][0]!;
  return { reference, format };
}
