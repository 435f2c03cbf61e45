import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhotoPool } from './pool';
import type { Capabilities, PhotoRejectCode, ProcessResult } from './protocol';
import {
  heicHeader,
  jpegClaiming,
  photograph,
  pipeline,
  plainObjectSvg,
  pngClaiming,
  productSvg,
  sceneJpeg,
  sceneSvg,
} from '../../../tests/support/images';
import { shoot } from '../../../tests/routing/shots';

/**
 * The pipeline, end to end through the worker pool, on real files made here by sharp: what a
 * desk camera, a phone, a scanner or a broken copy would hand over.
 */

type Processed = Extract<ProcessResult, { kind: 'processed' }>;

let pool: PhotoPool;
let dir: string;
let caps: Capabilities;

beforeAll(async () => {
  pool = new PhotoPool({ size: 2 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-photos-process-'));
  const answer = await pool.call('capabilities', {});
  if (!answer.ok) throw new Error(answer.error.message);
  caps = answer.value;
});

afterAll(async () => {
  await pool.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function save(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function processFile(file: string): Promise<Processed> {
  const answer = await pool.call('process', { source: { kind: 'path', path: file } });
  if (!answer.ok) throw new Error(`${file}: ${answer.error.code} ${answer.error.message}`);
  if (answer.value.kind !== 'processed') throw new Error(`${file}: not processed`);
  return answer.value;
}

async function processBytes(bytes: Buffer): Promise<Processed> {
  const answer = await pool.call('process', { source: { kind: 'bytes', bytes } });
  if (!answer.ok) throw new Error(`${answer.error.code} ${answer.error.message}`);
  if (answer.value.kind !== 'processed') throw new Error('not processed');
  return answer.value;
}

async function rejection(file: string): Promise<{ code: PhotoRejectCode; message: string }> {
  const answer = await pool.call('process', { source: { kind: 'path', path: file } });
  if (answer.ok) throw new Error(`${file} was accepted`);
  return answer.error;
}

async function pixel(jpeg: Uint8Array, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

/** The EXIF tag that points at the GPS directory (0x8825), in either byte order. */
function hasGpsPointer(exif: Buffer): boolean {
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

describe('orientation and metadata', () => {
  it('turns a portrait phone photo (EXIF orientation 6, with GPS) upright and strips everything', async () => {
    // The sensor stores it landscape, 1200×900, with a red marker at its top-left corner;
    // orientation 6 says "rotate 90° clockwise to view", which puts the marker top-right.
    const stored = await pipeline(await photograph(sceneSvg(1200, 900, 3)))
      .composite([
        {
          input: { create: { width: 120, height: 120, channels: 3, background: '#ff0000' } },
          left: 0,
          top: 0,
        },
      ])
      .jpeg({ quality: 92 })
      .withExif({
        IFD0: { Make: 'Phone', Model: 'Desk 1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(stored).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif && hasGpsPointer(before.exif)).toBe(true);

    const result = await processFile(save('portrait.jpg', stored));
    expect(result.original).toEqual({ width: 900, height: 1200 });
    expect(result.listing.width).toBe(900);
    expect(result.listing.height).toBe(1200);
    expect(result.listing.width).toBeLessThan(result.listing.height);

    const [r, g, b] = await pixel(result.listing.data, 900 - 30, 30);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
    const [tlR] = await pixel(result.listing.data, 30, 30);
    expect(tlR).toBeLessThan(200);

    for (const image of [result.listing, result.thumb]) {
      const after = await sharp(image.data).metadata();
      expect(after.format).toBe('jpeg');
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.iptc).toBeUndefined();
      expect(after.icc).toBeUndefined();
      expect(after.orientation).toBeUndefined();
    }
  });

  it('converts a wide-gamut (Display P3) photo to sRGB and drops its profile and XMP', async () => {
    // A flat sRGB red saved with a P3 profile: the stored numbers are P3 numbers; decoded
    // through the profile they must come back as the same sRGB red.
    const red = { r: 200, g: 60, b: 40 };
    const p3 = await sharp({ create: { width: 800, height: 600, channels: 3, background: red } })
      .jpeg({ quality: 95 })
      .withIccProfile('p3')
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>')
      .toBuffer();
    const before = await sharp(p3).metadata();
    expect(before.icc).toBeDefined();
    expect(before.xmp).toBeDefined();
    const { data: stored } = await sharp(p3, { ignoreIcc: true }).raw().toBuffer({ resolveWithObject: true });
    expect(Math.abs(stored[0]! - red.r) + Math.abs(stored[1]! - red.g)).toBeGreaterThan(10);

    const result = await processBytes(p3);
    const after = await sharp(result.listing.data).metadata();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.space).toBe('srgb');
    const [r, g, b] = await pixel(result.listing.data, 400, 300);
    expect(Math.abs(r - red.r)).toBeLessThanOrEqual(4);
    expect(Math.abs(g - red.g)).toBeLessThanOrEqual(4);
    expect(Math.abs(b - red.b)).toBeLessThanOrEqual(4);
  });
});

describe('colour', () => {
  it('converts a CMYK JPEG to 8-bit sRGB', async () => {
    const cmyk = await pipeline(await photograph(sceneSvg(1200, 900, 5)))
      .toColourspace('cmyk')
      .jpeg()
      .toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const result = await processFile(save('cmyk.jpg', cmyk));
    const after = await sharp(result.listing.data).metadata();
    expect(after).toMatchObject({ space: 'srgb', channels: 3, depth: 'uchar' });
  });

  it('converts a 16-bit PNG to 8-bit sRGB', async () => {
    const png16 = await pipeline(await photograph(sceneSvg(1200, 900, 6)))
      .toColourspace('rgb16')
      .png()
      .toBuffer();
    expect((await sharp(png16).metadata()).depth).toBe('ushort');
    const result = await processFile(save('deep.png', png16));
    const after = await sharp(result.listing.data).metadata();
    expect(after).toMatchObject({ space: 'srgb', channels: 3, depth: 'uchar' });
  });

  it('flattens transparency onto white', async () => {
    const cutout = await sharp({
      create: { width: 800, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: { create: { width: 200, height: 200, channels: 4, background: '#1040c0ff' } },
          left: 300,
          top: 200,
        },
      ])
      .png()
      .toBuffer();
    const result = await processFile(save('cutout.png', cutout));
    expect((await sharp(result.listing.data).metadata()).channels).toBe(3);
    for (const [x, y] of [
      [5, 5],
      [795, 595],
    ] as const) {
      const [r, g, b] = await pixel(result.listing.data, x, y);
      expect(Math.min(r, g, b)).toBeGreaterThanOrEqual(250);
    }
    const [r, , b] = await pixel(result.listing.data, 400, 300);
    expect(b).toBeGreaterThan(150);
    expect(r).toBeLessThan(60);
  });
});

describe('sizes', () => {
  it('makes a 1600 px listing and a 400 px thumbnail from a 4000×3000 photo', async () => {
    const result = await processFile(save('big.jpg', await sceneJpeg(4000, 3000, 7, { noise: 0 })));
    expect(result.original).toEqual({ width: 4000, height: 3000 });
    expect([result.listing.width, result.listing.height]).toEqual([1600, 1200]);
    expect([result.thumb.width, result.thumb.height]).toEqual([400, 300]);
    const listing = await sharp(result.listing.data).metadata();
    expect([listing.width, listing.height]).toEqual([1600, 1200]);
  });

  it('never upscales: a 1000 px photo stays 1000 px', async () => {
    const result = await processFile(save('medium.jpg', await sceneJpeg(1000, 750, 8)));
    expect([result.listing.width, result.listing.height]).toEqual([1000, 750]);
    expect([result.thumb.width, result.thumb.height]).toEqual([400, 300]);
  });

  it('accepts exactly 500 px on the long side and rejects 400 px', async () => {
    const ok = await processFile(save('min.jpg', await sceneJpeg(500, 320, 9)));
    expect(ok.listing.width).toBe(500);
    const small = await rejection(save('small.jpg', await sceneJpeg(400, 300, 9)));
    expect(small.code).toBe('too_small');
    expect(small.message).toContain('400 × 300');
    const strip = await rejection(save('strip.jpg', await sceneJpeg(2000, 60, 9)));
    expect(strip.code).toBe('too_small');
  });
});

describe('quality warnings', () => {
  it('gives a sharp, well-exposed photo no warning', async () => {
    const result = await processBytes(await sceneJpeg(2000, 1500, 10));
    expect(result.warnings).toEqual([]);
  });

  it('does not call a product on a white backdrop too bright, nor a plain object blurred', async () => {
    const product = await pipeline(await photograph(productSvg(2000, 1500, 2)))
      .jpeg()
      .toBuffer();
    expect((await processBytes(product)).warnings).toEqual([]);
    const plain = await pipeline(await photograph(plainObjectSvg(2000, 1500)))
      .jpeg()
      .toBuffer();
    expect((await processBytes(plain)).warnings).toEqual([]);
  });

  it('flags a blurred photo', async () => {
    const blurred = await sceneJpeg(2000, 1500, 11, { blurAt1600: 4 });
    const result = await processBytes(blurred);
    expect(result.warnings).toEqual(['blurred']);
    expect(result.metrics.sharpness).toBeLessThan(120);
  });

  it('flags a dark photo', async () => {
    const dark = await pipeline(await photograph(sceneSvg(2000, 1500, 12)))
      .linear(0.3, 0)
      .jpeg()
      .toBuffer();
    const result = await processBytes(dark);
    expect(result.warnings).toContain('too_dark');
    expect(result.warnings).not.toContain('too_bright');
  });

  it('flags an overexposed photo', async () => {
    const bright = await pipeline(await photograph(sceneSvg(2000, 1500, 13)))
      .linear(1.2, 110)
      .jpeg()
      .toBuffer();
    const result = await processBytes(bright);
    expect(result.warnings).toContain('too_bright');
    expect(result.warnings).not.toContain('too_dark');
  });
});

describe('bad input is refused with a reason, quickly', () => {
  it('refuses a text file named .jpg', async () => {
    const error = await rejection(save('notes.jpg', Buffer.from('Return RB-001: box opened\n')));
    expect(error.code).toBe('not_an_image');
  });

  it('refuses an empty file', async () => {
    expect((await rejection(save('empty.jpg', Buffer.alloc(0)))).code).toBe('empty');
  });

  it('refuses a truncated JPEG and a truncated PNG', async () => {
    const jpeg = await sceneJpeg(1600, 1200, 14);
    const cut = await rejection(save('cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2))));
    expect(cut.code).toBe('corrupt');
    expect(cut.message).toMatch(/incomplete/);
    const png = await pipeline(await photograph(sceneSvg(1200, 900, 14)))
      .png()
      .toBuffer();
    const cutPng = await rejection(save('cut.png', png.subarray(0, Math.floor(png.length / 2))));
    expect(cutPng.code).toBe('corrupt');
  });

  it('refuses a PNG decompression bomb (100000 × 100000 in 70 bytes) from its header', async () => {
    const bomb = pngClaiming(100_000, 100_000);
    expect(bomb.length).toBeLessThan(100);
    const started = performance.now();
    const error = await rejection(save('bomb.png', bomb));
    expect(error.code).toBe('too_many_pixels');
    expect(error.message).toContain('100,000 × 100,000');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a JPEG whose header claims 60000 × 60000', async () => {
    const bomb = jpegClaiming(await sceneJpeg(800, 600, 15), 60_000, 60_000);
    const error = await rejection(save('bomb.jpg', bomb));
    expect(error.code).toBe('too_many_pixels');
  });

  it('refuses a file over 80 MB without reading it', async () => {
    const file = path.join(dir, 'huge.tif');
    // Sparse: no disk space, no time, but stat() says 81 MB.
    fs.writeFileSync(file, Buffer.alloc(0));
    fs.truncateSync(file, 81 * 1024 * 1024);
    const started = performance.now();
    expect((await rejection(file)).code).toBe('file_too_large');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a missing file and a folder', async () => {
    const missing = await rejection(path.join(dir, 'gone.jpg'));
    expect(missing).toMatchObject({ code: 'unreadable', message: 'The file no longer exists.' });
    expect((await rejection(dir)).code).toBe('unreadable');
  });

  it('refuses formats that are not photographs (GIF, SVG)', async () => {
    const gif = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#888' } })
      .gif()
      .toBuffer();
    expect((await rejection(save('anim.gif', gif))).code).toBe('unsupported_format');
    const svg = Buffer.from(sceneSvg(800, 600, 1));
    expect((await rejection(save('drawing.svg', svg))).code).toBe('unsupported_format');
  });

  it('keeps going after bad files: the next photo is processed normally', async () => {
    const answers = await Promise.all([
      pool.call('process', { source: { kind: 'bytes', bytes: Buffer.from('nope') } }),
      pool.call('process', { source: { kind: 'bytes', bytes: pngClaiming(90_000, 90_000) } }),
      pool.call('process', { source: { kind: 'bytes', bytes: await sceneJpeg(800, 600, 16) } }),
    ]);
    expect(answers.map((a) => a.ok)).toEqual([false, false, true]);
  });
});

describe('formats', () => {
  it.each([
    ['webp', (s: sharp.Sharp) => s.webp({ quality: 85 })],
    ['tiff', (s: sharp.Sharp) => s.tiff()],
    ['avif', (s: sharp.Sharp) => s.avif({ quality: 60, effort: 0 })],
    ['png', (s: sharp.Sharp) => s.png()],
  ] as const)('accepts %s', async (format, encode) => {
    const bytes = await encode(pipeline(await photograph(sceneSvg(900, 700, 17)))).toBuffer();
    const result = await processFile(save(`photo.${format}`, bytes));
    expect(result.format).toBe(format === 'avif' ? 'heif' : format);
    expect([result.listing.width, result.listing.height]).toEqual([900, 700]);
  });

  it('reports HEIC as undecodable when libvips has no HEVC decoder', async () => {
    const heic = heicHeader();
    const answer = await pool.call('process', { source: { kind: 'bytes', bytes: heic } });
    if (caps.heic) {
      // This libvips decodes HEIC, so the fake file is refused for what it is: not a real image.
      expect(answer.ok).toBe(false);
      expect(answer.ok ? null : answer.error.code).not.toBe('heic_unsupported');
    } else {
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'heic_unsupported',
          message: expect.stringContaining('HEIC cannot be decoded by this installation'),
        },
      });
    }
  });
});

describe('hashing', () => {
  it('hashes the original bytes, and answers a known hash without decoding', async () => {
    const bytes = await sceneJpeg(1200, 900, 18);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const result = await processBytes(bytes);
    expect(result.hash).toBe(sha);
    expect(result.originalBytes).toBe(bytes.length);

    const again = await pool.call('process', {
      source: { kind: 'bytes', bytes },
      knownHashes: ['0'.repeat(64), sha],
    });
    expect(again).toEqual({ ok: true, value: { kind: 'known', hash: sha, originalBytes: bytes.length } });
  });
});

describe('reading the label (shooting by label)', () => {
  async function processShot(bytes: Buffer, readLabel?: boolean): Promise<Processed> {
    const answer = await pool.call('process', {
      source: { kind: 'bytes', bytes },
      ...(readLabel === undefined ? {} : { readLabel }),
    });
    if (!answer.ok) throw new Error(`${answer.error.code} ${answer.error.message}`);
    if (answer.value.kind !== 'processed') throw new Error('not processed');
    return answer.value;
  }

  const frame = { width: 6000, height: 4000 } as const;

  it('reads the label of a 24 MP label shot in the worker, on the listing-sized copy', async () => {
    const shot = await shoot({
      ...frame,
      quality: 80,
      label: { reference: 'RB-004711', widthPx: 700, angle: 8 },
    });
    const result = await processShot(shot, true);
    expect(result.label).toEqual({ reference: 'RB-004711', format: 'QRCode', at: 'downscaled' });
    // The photo itself went through the pipeline as any other.
    expect([result.listing.width, result.listing.height]).toEqual([1600, 1067]);
    expect(result.original).toEqual(frame);
  }, 120_000);

  it('looks closer at full resolution when the copy shows a code too small to decode', async () => {
    // 2 cm wide and out of focus: on the 1600 px copy the QR code's modules are a blurred pixel.
    const shot = await shoot({
      ...frame,
      quality: 75,
      blur: 3,
      label: { reference: 'RB-004712', widthPx: 400, angle: -11 },
    });
    expect((await processShot(shot, true)).label).toEqual({
      reference: 'RB-004712',
      format: 'QRCode',
      at: 'full',
    });
    // The same shot as a camera held sideways stores it (EXIF orientation 6): the region looked
    // at closer is taken from the upright frame, where the copy showed the code.
    const sideways = await sharp(shot)
      .rotate(270)
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(sideways).metadata()).width).toBe(4000);
    expect((await processShot(sideways, true)).label).toEqual({
      reference: 'RB-004712',
      format: 'QRCode',
      at: 'full',
    });
  }, 120_000);

  it('answers null for a photo without a label, and nothing at all when not asked', async () => {
    const shot = await shoot({ ...frame, quality: 85, seed: 2 });
    expect((await processShot(shot, true)).label).toBeNull();
    const plain = await processShot(shot);
    expect('label' in plain).toBe(false);
    const labelled = await shoot({ ...frame, label: { reference: 'RB-004713', widthPx: 900 } });
    expect('label' in (await processShot(labelled))).toBe(false);
    expect('label' in (await processShot(labelled, false))).toBe(false);
  }, 120_000);
});
