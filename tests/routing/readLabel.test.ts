import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import type { LabelSize } from '../../shared/contract/intake';
import { normalizeReference } from '../../electron/services/intake/receive';
import { processImage } from '../../electron/services/photos/process';
import type { LabelFound } from '../../electron/services/photos/protocol';
import { isLabelReference, lookForLabel } from '../../electron/services/routing/readLabel';
import { routeShots, type RoutableItem } from '../../electron/services/routing/route';
import { shoot, type ShotLook } from './shots';

/**
 * Labels as the desk prints them (intake/label.ts), photographed into product shots at the sizes,
 * angles, sharpness and JPEG qualities of a real desk, read and routed as a session. The target
 * of the desk: every photo whose label is at least 2 cm wide in a 24 MP frame — about 400 px of a
 * 6000 px frame 30 cm wide — is routed to its item, and no photo ever goes to a wrong item. Each
 * shot goes through the photo pipeline's own function (photos/process.ts processImage, what a
 * pool worker runs) with `readLabel`: the one path a label is read by.
 */

const FULL = { width: 6000, height: 4000 } as const;

interface Timed {
  readonly read: LabelFound | null;
  readonly millis: number;
}

const timings: { kind: string; millis: number }[] = [];

/** The figures the issue asks for, printed with the test run. */
function report(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function readShot(look: ShotLook): Promise<Timed> {
  const bytes = await shoot(look);
  const started = performance.now();
  const result = await processImage({ source: { kind: 'bytes', bytes }, readLabel: true });
  const millis = performance.now() - started;
  if (result.kind !== 'processed' || result.label === undefined) throw new Error('no answer about the label');
  const read = result.label;
  if (look.width * look.height >= 24e6) {
    const kind = !look.label
      ? 'no label'
      : read === null
        ? 'unreadable label'
        : read.at === 'downscaled'
          ? 'label found on the downscaled copy'
          : 'label found at full resolution';
    timings.push({ kind, millis });
  }
  return { read, millis };
}

afterAll(() => {
  const kinds = [...new Set(timings.map((t) => t.kind))];
  for (const kind of kinds) {
    const ms = timings.filter((t) => t.kind === kind).map((t) => t.millis);
    const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
    report(
      `24 MP photo processed with its label read, ${kind}: ${ms.length} shots, mean ${mean.toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`,
    );
  }
});

const reference = (n: number) => `RB-${String(100 + n).padStart(6, '0')}`;

interface Case {
  readonly stock: LabelSize;
  readonly widthPx: number;
  readonly angle: number;
  readonly blur: number;
  readonly quality: number;
  readonly at: { readonly x: number; readonly y: number };
}

/** Every size, angle, blur and quality of the matrix appears; each case is a different item. */
function cases(count: number, sizes: readonly number[], blurs: readonly number[]): Case[] {
  const stocks: LabelSize[] = ['100x50mm', '62x29mm', '4x6in'];
  const angles = [0, 15, -7, 10, -15, 4, -11];
  const qualities = [60, 75, 90, 68, 82];
  const places = [
    { x: 0.55, y: 0.6 },
    { x: 0.08, y: 0.1 },
    { x: 0.3, y: 0.45 },
    { x: 0.7, y: 0.12 },
  ];
  return Array.from({ length: count }, (_, i) => ({
    stock: stocks[i % stocks.length]!,
    widthPx: sizes[i % sizes.length]!,
    angle: angles[i % angles.length]!,
    blur: blurs[i % blurs.length]!,
    quality: qualities[i % qualities.length]!,
    at: places[i % places.length]!,
  }));
}

function describeCase(c: Case): string {
  return `${c.stock} label ${c.widthPx} px wide at ${c.angle}°, blur ${c.blur}, JPEG ${c.quality}`;
}

describe('reading the label in a photo', () => {
  test('24 MP session: every label from 2 cm wide routes its photos to its item, unlabelled ones follow it', async () => {
    // 400 px is 2 cm in a 30 cm frame; 2000 px is a 100 mm label filling a third of it.
    const matrix = cases(12, [400, 520, 700, 1000, 1500, 2000], [0, 1.5, 3, 0.8]);
    const items = new Map<string, RoutableItem>(
      matrix.map((_, i) => [
        reference(i),
        { id: i + 1, reference: reference(i), merchantId: 1, merchantName: 'Velo Shop' },
      ]),
    );
    const session: { look: ShotLook; expected: string; what: string }[] = [];
    matrix.forEach((c, i) => {
      session.push({
        look: {
          ...FULL,
          quality: c.quality,
          blur: c.blur,
          label: { reference: reference(i), stock: c.stock, widthPx: c.widthPx, angle: c.angle, at: c.at },
        },
        expected: `${reference(i)} label`,
        what: describeCase(c),
      });
      // A few shots of the item without its label (from another side: another backdrop).
      if (i % 4 === 0) {
        session.push({
          look: { ...FULL, seed: 2 + (i % 3), quality: c.quality },
          expected: `${reference(i)} follows_label`,
          what: 'no label',
        });
      }
    });

    const reads: (LabelFound | null)[] = [];
    for (const shot of session) reads.push((await readShot(shot.look)).read);
    const routes = routeShots(
      reads.map((read) => ({ label: read?.reference ?? null })),
      (ref) => items.get(ref),
      { keepLabelShots: true },
    );
    const got = routes.map((routed) =>
      routed.kind === 'label' || routed.kind === 'follows_label'
        ? `${routed.item.reference} ${routed.kind}`
        : routed.kind,
    );
    const wrong = session
      .map((shot, i) => ({ what: shot.what, expected: shot.expected, got: got[i] }))
      .filter((row) => row.got !== row.expected);
    const labelled = session.filter((shot) => shot.look.label).length;
    const at = reads.filter((read) => read !== null).map((read) => read.at);
    report(
      `24 MP accuracy: ${session.length - wrong.length}/${session.length} photos routed right ` +
        `(${labelled} with a label 400–2000 px wide at −15°…15°, blur 0–3 px, JPEG 60–90; ` +
        `read on the downscaled copy ${at.filter((a) => a === 'downscaled').length}, at full resolution ${at.filter((a) => a === 'full').length})`,
    );
    expect(wrong).toEqual([]);
  }, 600_000);

  test('6 MP frames, 60 more labels from 2 cm wide: all read, none misread', async () => {
    // A 3000 px frame 30 cm wide: 2 cm is 200 px, and a blur of 1.5 px is the 24 MP session's 3 px.
    // Cheaper frames, so many more combinations of stock, size, angle, blur and quality.
    const matrix = cases(60, [200, 260, 340, 450, 600, 800, 1000], [0, 0.7, 1.2, 1.5, 0.4]);
    const misses: string[] = [];
    for (const [i, c] of matrix.entries()) {
      const { read } = await readShot({
        width: 3000,
        height: 2000,
        quality: c.quality,
        blur: c.blur,
        label: { reference: reference(i), stock: c.stock, widthPx: c.widthPx, angle: c.angle, at: c.at },
      });
      if (read?.reference !== reference(i))
        misses.push(`${describeCase(c)}: ${read?.reference ?? 'nothing'}`);
    }
    report(`6 MP accuracy: ${matrix.length - misses.length}/${matrix.length} labels read right`);
    expect(misses).toEqual([]);
  }, 600_000);

  test('a label too small or too blurred to read is no label: the photo follows the last label, never another item', async () => {
    const tiny = await readShot({ ...FULL, label: { reference: 'RB-000777', widthPx: 40, angle: 5 } });
    const blurred = await readShot({
      ...FULL,
      blur: 24,
      label: { reference: 'RB-000778', widthPx: 700, angle: -8 },
    });
    expect(tiny.read).toBeNull();
    expect(blurred.read).toBeNull();
    const item: RoutableItem = { id: 1, reference: 'RB-000100', merchantId: 1, merchantName: 'Velo Shop' };
    const routes = routeShots(
      [
        { label: 'RB-000100' },
        { label: tiny.read?.reference ?? null },
        { label: blurred.read?.reference ?? null },
      ],
      (ref) => (ref === item.reference ? item : undefined),
      { keepLabelShots: true },
    );
    expect(routes.map((r) => r.kind)).toEqual(['label', 'follows_label', 'follows_label']);
  }, 300_000);

  test('a 2 cm label too blurred to decode on the downscaled copy is read at full resolution', async () => {
    // Blurred by 3 px at 24 MP, the QR code's modules are a grey smudge of 1.5 px on the 1600 px
    // copy: located there as a code that cannot be decoded, and read in that region of the frame.
    const { read } = await readShot({
      ...FULL,
      quality: 75,
      blur: 3,
      label: { reference: 'RB-000555', stock: '62x29mm', widthPx: 400, angle: 7 },
    });
    expect(read).toEqual({ reference: 'RB-000555', format: 'QRCode', at: 'full' });
  }, 300_000);

  test('barcodes that hold something else than a reference are not labels', async () => {
    const { toBuffer } = await import('bwip-js/node');
    const codes = await Promise.all([
      toBuffer({ bcid: 'code128', text: '4006381333931', scale: 4, height: 10 }),
      toBuffer({ bcid: 'qrcode', text: 'https://example.com/items/RB-000123', scale: 6 }),
      toBuffer({ bcid: 'qrcode', text: 'RB-123', scale: 6 }),
      toBuffer({ bcid: 'code128', text: 'rb-000123', scale: 4, height: 10 }),
    ]);
    for (const code of codes) {
      const { data, info } = await sharp(code)
        .flatten({ background: '#ffffff' })
        .extend({ top: 60, bottom: 60, left: 60, right: 60, background: '#ffffff' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      // Read (nothing left undecoded), and refused for what it says.
      expect(await lookForLabel({ data, width: info.width, height: info.height, channels: 3 })).toEqual({
        label: null,
        unread: [],
      });
    }
    // The same pixels with a reference in them are read: the refusals above are about the text.
    const good = await toBuffer({ bcid: 'code128', text: 'RB-000123', scale: 4, height: 10 });
    const { data, info } = await sharp(good)
      .flatten({ background: '#ffffff' })
      .extend({ top: 60, bottom: 60, left: 60, right: 60, background: '#ffffff' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(await lookForLabel({ data, width: info.width, height: info.height, channels: 3 })).toEqual({
      label: { reference: 'RB-000123', format: 'Code128' },
      unread: [],
    });
  });

  test('a label reference is exactly what intake prints: the canonical form of a reference', () => {
    for (const text of [
      'RB-000001',
      'RB-123456',
      'RB-1234567',
      'RB-000000',
      'RB-12345',
      'RB-0001234',
      'rb-000001',
      'RB000001',
      'RB 000001',
      ' RB-000001',
      'RB-00000a',
    ]) {
      expect([text, isLabelReference(text)]).toEqual([text, normalizeReference(text) === text]);
    }
  });
});
