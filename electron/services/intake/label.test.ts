import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { LABEL_SIZES, type LabelSize } from '../../../shared/contract/intake';
import { LABEL_PAGE, MM, renderLabel, toFontText, wrapLines, ellipsise, type LabelData } from './label';
import { addMerchant, addProduct, call, tempWorkspace } from '../../../tests/support/intake';

const SAMPLE: LabelData = {
  reference: 'RB-000123',
  sku: 'VS-HELM-01',
  ean: '4006381333931',
  title:
    'Fahrradhelm Aduro 2.1 „Größe M“ — mattschwarz, mit Visier und Insektenschutznetz 🚲 (Őrség edition)',
  brand: 'Abus',
  model: 'Aduro 2.1',
  grade: 'lightly_damaged',
  merchantName: 'Velo Shop Łódź',
  receivedAt: '2025-03-10',
  orderReference: 'WEB-10023',
};

/** Folder for rendered PNGs when REBOUND_LABEL_PNG_DIR is set (to look at them), else a temp one. */
function outputDir(): string {
  const wanted = process.env.REBOUND_LABEL_PNG_DIR;
  if (wanted) {
    fs.mkdirSync(wanted, { recursive: true });
    return wanted;
  }
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-label-'));
}

const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;
// zbarimg (zbar-tools), when present, proves that both symbols scan back to the reference.
const hasZbarimg = spawnSync('zbarimg', ['--version']).error === undefined;

describe('item labels', () => {
  test.each(LABEL_SIZES.map((size) => [size]))('%s: one page of exactly the label size', async (size) => {
    const pdf = await renderLabel(SAMPLE, size as LabelSize, 'de');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(LABEL_PAGE[size as LabelSize].width, 3);
    expect(height).toBeCloseTo(LABEL_PAGE[size as LabelSize].height, 3);
    expect(doc.getTitle()).toBe('RB-000123 label');
  });

  test('page sizes in points: 1 mm = 72/25.4 pt', () => {
    expect(LABEL_PAGE['62x29mm'].width).toBeCloseTo(175.748, 2);
    expect(LABEL_PAGE['62x29mm'].height).toBeCloseTo(82.205, 2);
    expect(LABEL_PAGE['100x50mm'].width).toBeCloseTo(100 * MM, 6);
    expect(LABEL_PAGE['4x6in']).toEqual({ width: 288, height: 432 });
  });

  test('text outside Windows-1252 is transliterated or replaced, never a crash', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    expect(toFontText('Őrség Łódź naïve café — 12 €', font)).toBe('Orség Lódz naïve café — 12 €');
    expect(toFontText('Bike 🚲 👍🏽 ok ❤️', font)).toBe('Bike ok');
    expect(toFontText('Line\none\ttab\u200b', font)).toBe('Line one tab');
    expect(toFontText('日本語', font)).toBe('???');
    for (const size of LABEL_SIZES) {
      await expect(
        renderLabel({ ...SAMPLE, title: '😀'.repeat(50), sku: 'ŐŰ-1' }, size),
      ).resolves.toBeInstanceOf(Uint8Array);
    }
  });

  test('titles are cut on words and ellipsised to fit', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const lines = wrapLines('Bike helmet Aduro with visor and insect net, matt black', font, 10, 100, 2);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(100);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(ellipsise('short', font, 10, 100)).toBe('short');
    expect(wrapLines('Supercalifragilisticexpialidocious', font, 10, 50, 3).every((l) => l.length > 0)).toBe(
      true,
    );
  });

  test('intake.label returns the PDF of a real item, and it renders', async () => {
    const ws = await tempWorkspace();
    const merchant = await addMerchant(ws, { name: 'Velo Shop' });
    const product = await addProduct(ws, {
      merchantId: merchant,
      sku: 'VS-HELM-01',
      title: SAMPLE.title,
      ean: '4006381333931',
    });
    const item = await call(ws, 'intake.receive', { productId: product, orderReference: 'WEB-10023' });
    const dir = outputDir();
    for (const size of LABEL_SIZES) {
      const label = await call(ws, 'intake.label', { itemId: item.id, size });
      expect(label).toMatchObject({ fileName: `RB-000001-${size}.pdf`, mimeType: 'application/pdf' });
      const bytes = Buffer.from(label.base64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(dir, label.fileName);
      fs.writeFileSync(file, bytes);
      if (!hasPdftoppm) {
        console.warn('pdftoppm (poppler-utils) is not installed: the label was not rendered to PNG.');
        continue;
      }
      const png = path.join(dir, `RB-000001-${size}`);
      execFileSync('pdftoppm', ['-png', '-r', '300', '-singlefile', file, png]);
      const image = fs.readFileSync(`${png}.png`);
      // PNG width and height from the IHDR chunk: the page size at 300 dpi.
      expect(image.readUInt32BE(16)).toBeCloseTo((LABEL_PAGE[size].width / 72) * 300, -1);
      expect(image.readUInt32BE(20)).toBeCloseTo((LABEL_PAGE[size].height / 72) * 300, -1);
      if (hasZbarimg) {
        // A 203 dpi black-and-white rendering, as a thermal label printer prints it.
        execFileSync('pdftoppm', ['-png', '-r', '203', '-mono', '-singlefile', file, `${png}-203`]);
        const decoded = spawnSync('zbarimg', ['--quiet', `${png}-203.png`], { encoding: 'utf8' }).stdout;
        expect(decoded.split('\n').filter(Boolean).sort()).toEqual([
          'CODE-128:RB-000001',
          'QR-Code:RB-000001',
        ]);
      }
    }
    // Also the sample with a grade, in German, for looking at.
    for (const size of LABEL_SIZES) {
      const file = path.join(dir, `sample-${size}.pdf`);
      fs.writeFileSync(file, await renderLabel(SAMPLE, size, 'de'));
      if (hasPdftoppm)
        execFileSync('pdftoppm', ['-png', '-r', '300', '-singlefile', file, file.replace(/\.pdf$/, '')]);
    }
    if (!process.env.REBOUND_LABEL_PNG_DIR) fs.rmSync(dir, { recursive: true, force: true });
  });
});
