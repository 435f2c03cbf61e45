import type { PDFDocument, PDFFont, PDFImage, PDFPage, RGB } from 'pdf-lib';
import type { LabelPdf, LabelSize } from '../../../shared/contract/intake';
import type { Grade } from '../../../shared/domain/grades';
import type { Language } from '../../../shared/domain/status';
import { getItem } from '../items';
import { getSettings } from '../settings';
import type { Workspace } from '../workspace';

/**
 * The item's own label: its Rebound reference as a Code 128 barcode (what the desk's scanners
 * read) and a QR code (what phone cameras read), the reference in large type for people, the SKU,
 * a short title and the grade. One layout per label stock, measured in points on a page of
 * exactly the stock's size, so that label printers print it 1:1 without scaling or rotation.
 *
 * Text uses the PDF standard fonts (Helvetica), which every printer and viewer has, so nothing
 * is embedded; they only know the Windows-1252 ("WinAnsi") characters, so other characters are
 * transliterated (ő → o, ł → l), dropped (emoji) or replaced by "?" (CJK, Cyrillic) rather than
 * failing the print.
 */

export const MM = 72 / 25.4;

export const LABEL_PAGE: Readonly<Record<LabelSize, { readonly width: number; readonly height: number }>> = {
  // Brother DK-11209/DK-22205 small address label, landscape.
  '62x29mm': { width: 62 * MM, height: 29 * MM },
  // 4 × 6 inch shipping label (Zebra, Dymo 4XL), portrait.
  '4x6in': { width: 4 * 72, height: 6 * 72 },
  // 100 × 50 mm thermal label, landscape.
  '100x50mm': { width: 100 * MM, height: 50 * MM },
};

export interface LabelData {
  readonly reference: string;
  readonly sku: string;
  readonly ean: string | null;
  readonly title: string;
  readonly brand: string | null;
  readonly model: string | null;
  readonly grade: Grade | null;
  readonly merchantName: string;
  readonly receivedAt: string;
  readonly orderReference: string | null;
}

const WORDS: Readonly<
  Record<
    Language,
    { grades: Readonly<Record<Grade | 'none', string>>; received: string; order: string; brand: string }
  >
> = {
  en: {
    grades: {
      new_sealed: 'NEW, SEALED',
      opened_packaging: 'OPENED',
      used: 'USED',
      lightly_damaged: 'LIGHT DAMAGE',
      heavily_damaged: 'HEAVY DAMAGE',
      defective: 'DEFECTIVE',
      none: 'NOT GRADED',
    },
    received: 'Received',
    order: 'Order',
    brand: 'Brand',
  },
  fr: {
    grades: {
      new_sealed: 'NEUF, SCELLÉ',
      opened_packaging: 'OUVERT',
      used: 'OCCASION',
      lightly_damaged: 'LÉGERS DÉFAUTS',
      heavily_damaged: 'GROS DÉFAUTS',
      defective: 'DÉFECTUEUX',
      none: 'NON ÉVALUÉ',
    },
    received: 'Reçu le',
    order: 'Commande',
    brand: 'Marque',
  },
  de: {
    grades: {
      new_sealed: 'NEU, VERSIEGELT',
      opened_packaging: 'GEÖFFNET',
      used: 'GEBRAUCHT',
      lightly_damaged: 'LEICHT BESCHÄDIGT',
      heavily_damaged: 'STARK BESCHÄDIGT',
      defective: 'DEFEKT',
      none: 'NICHT BEWERTET',
    },
    received: 'Eingang',
    order: 'Bestellung',
    brand: 'Marke',
  },
};

/** Letters that have no decomposition into a WinAnsi letter plus accents. */
const TRANSLITERATION: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŋ: 'n',
  Ŋ: 'N',
  ŧ: 't',
  Ŧ: 'T',
  ſ: 's',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
};

/**
 * `text` with only characters `font` can encode: kept as they are when possible, else without
 * their accents (ő → o), else transliterated (ł → l), else "?". Line breaks and tabs become
 * spaces; emoji and invisible characters vanish.
 */
export function toFontText(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (supported.has(code)) {
      out += char;
    } else if (/[\n\r\t\v\f]/.test(char)) {
      out += ' ';
    } else if (
      /[\u200b-\u200d\u2060\ufeff]|\p{M}|\p{Emoji_Modifier}|\p{Extended_Pictographic}|\p{Cc}/u.test(char)
    ) {
      // Zero-width characters, variation selectors, emoji and their skin tones, control characters:
      // decoration that carries nothing a label needs, so dropped rather than shown as "?".
    } else {
      const bare = char.normalize('NFD').replaceAll(/\p{M}/gu, '');
      if (bare.length > 0 && [...bare].every((c) => supported.has(c.codePointAt(0)!))) out += bare;
      else out += TRANSLITERATION[char] ?? '?';
    }
  }
  return out.replaceAll(/ {2,}/g, ' ').trim();
}

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

interface Ink {
  readonly black: RGB;
  readonly white: RGB;
}

const ELLIPSIS = '…';

/** How many of `chars` fit `width` when followed by `suffix`. */
function fittingCount(
  chars: readonly string[],
  suffix: string,
  font: PDFFont,
  size: number,
  width: number,
): number {
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (font.widthOfTextAtSize(`${chars.slice(0, mid).join('').trimEnd()}${suffix}`, size) <= width)
      low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The longest start of `text` that fits `width` with an ellipsis, or the text itself if it fits. */
export function ellipsise(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  const chars = [...text];
  return `${chars
    .slice(0, fittingCount(chars, ELLIPSIS, font, size, width))
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}

/**
 * Up to `maxLines` lines cut between words; the last line ends with an ellipsis if text remains.
 * A word wider than a line (a long model number) is cut where the line ends.
 */
export function wrapLines(
  text: string,
  font: PDFFont,
  size: number,
  width: number,
  maxLines: number,
): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    if (lines.length === maxLines - 1) {
      lines.push(ellipsise(words.slice(i).join(' '), font, size, width));
      break;
    }
    const first = words[i]!;
    if (!fits(first)) {
      const chars = [...first];
      const count = Math.max(1, fittingCount(chars, '', font, size, width));
      lines.push(chars.slice(0, count).join(''));
      words[i] = chars.slice(count).join('');
      continue;
    }
    let line = first;
    i++;
    while (i < words.length && fits(`${line} ${words[i]!}`)) {
      line = `${line} ${words[i]!}`;
      i++;
    }
    lines.push(line);
  }
  return lines;
}

/** The largest size up to `max` at which `text` fits `width` (never below `min`). */
function fitSize(text: string, font: PDFFont, width: number, max: number, min: number): number {
  const natural = font.widthOfTextAtSize(text, max);
  if (natural <= width) return max;
  return Math.max(min, Math.floor(((max * width) / natural) * 4) / 4);
}

/** Drawing in a top-left coordinate system, the way layouts are measured. */
class Canvas {
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
    readonly ink: Ink,
  ) {}

  get width() {
    return this.page.getWidth();
  }

  get height() {
    return this.page.getHeight();
  }

  /** Text whose cap height starts at `top`; returns the y of its baseline (from the top). */
  text(
    value: string,
    x: number,
    top: number,
    size: number,
    options: { bold?: boolean; color?: 'white' } = {},
  ) {
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const baseline = top + capHeight(size);
    this.page.drawText(value, {
      x,
      y: this.height - baseline,
      size,
      font,
      color: options.color === 'white' ? this.ink.white : this.ink.black,
    });
    return baseline;
  }

  box(x: number, top: number, width: number, height: number, filled: boolean) {
    this.page.drawRectangle({
      x,
      y: this.height - top - height,
      width,
      height,
      ...(filled ? { color: this.ink.black } : { borderColor: this.ink.black, borderWidth: 0.75 }),
    });
  }

  rule(x: number, top: number, width: number, thickness = 0.5) {
    this.page.drawRectangle({
      x,
      y: this.height - top - thickness,
      width,
      height: thickness,
      color: this.ink.black,
    });
  }

  image(image: PDFImage, x: number, top: number, width: number, height: number) {
    this.page.drawImage(image, { x, y: this.height - top - height, width, height });
  }
}

/** Helvetica's cap height is 718/1000 of the size. */
function capHeight(size: number): number {
  return size * 0.718;
}

interface Barcodes {
  readonly code128: PDFImage;
  /** Modules of the Code 128 symbol (without quiet zones). */
  readonly modules: number;
  readonly qr: PDFImage;
}

const BARCODE_SCALE = 4;
/** Code 128 needs ten modules of blank space on each side to be read. */
const QUIET_MODULES = 10;

async function makeBarcodes(doc: PDFDocument, reference: string): Promise<Barcodes> {
  // Loaded here, not at the top: bwip-js takes ~0.05 s to load, which every CLI start would pay.
  const { toBuffer } = await import('bwip-js/node');
  // Rendered at several pixels per module; PDF viewers and printers scale images without
  // smoothing by default, so bars stay sharp at any print resolution.
  // Error correction M (15 %): survives a scuffed label. `eclevel` is a BWIPP option that the
  // bwip-js typings do not list, hence a plain object rather than a typed literal.
  const qrOptions = { bcid: 'qrcode', text: reference, scale: BARCODE_SCALE, eclevel: 'M' };
  const [code128Png, qrPng] = await Promise.all([
    toBuffer({ bcid: 'code128', text: reference, scale: BARCODE_SCALE, height: 10, includetext: false }),
    toBuffer(qrOptions),
  ]);
  const code128 = await doc.embedPng(code128Png);
  const qr = await doc.embedPng(qrPng);
  return { code128, modules: code128.width / BARCODE_SCALE, qr };
}

/** The Code 128 symbol across `width` (quiet zones included), as wide as the space allows. */
function drawCode128(canvas: Canvas, codes: Barcodes, x: number, top: number, width: number, height: number) {
  const module = width / (codes.modules + 2 * QUIET_MODULES);
  canvas.image(codes.code128, x + QUIET_MODULES * module, top, codes.modules * module, height);
}

function gradeText(data: LabelData, language: Language): string {
  return WORDS[language].grades[data.grade ?? 'none'];
}

/** The grade as a black band with white text; an outlined band when the item is not graded yet. */
function drawGrade(
  canvas: Canvas,
  label: string,
  graded: boolean,
  x: number,
  top: number,
  width: number,
  height: number,
  maxSize: number,
) {
  canvas.box(x, top, width, height, graded);
  const padding = Math.min(height * 0.2, 6);
  const font = canvas.fonts.bold;
  // One line if it fits at a readable size, else two lines (LIGHT / DAMAGE).
  let size = Math.min(maxSize, (height - 2 * padding) / 0.718);
  size = fitSize(label, font, width - 2 * padding, size, 4);
  let lines = [label];
  const words = label.split(' ');
  if (size < maxSize * 0.6 && words.length > 1) {
    const half = Math.ceil(words.length / 2);
    const two = [words.slice(0, half).join(' '), words.slice(half).join(' ')];
    const twoSize = Math.min(
      (height - 2 * padding) / (0.718 * 2 + 0.3),
      ...two.map((l) => fitSize(l, font, width - 2 * padding, maxSize, 4)),
    );
    if (twoSize > size) {
      size = twoSize;
      lines = two;
    }
  }
  const lineGap = capHeight(size) * 0.45;
  const blockHeight = lines.length * capHeight(size) + (lines.length - 1) * lineGap;
  let lineTop = top + (height - blockHeight) / 2;
  for (const line of lines) {
    const lineWidth = font.widthOfTextAtSize(line, size);
    canvas.text(line, x + (width - lineWidth) / 2, lineTop, size, {
      bold: true,
      ...(graded ? { color: 'white' } : {}),
    });
    lineTop += capHeight(size) + lineGap;
  }
}

function layout62x29(canvas: Canvas, data: LabelData, codes: Barcodes, language: Language) {
  const { regular, bold } = canvas.fonts;
  const m = 2 * MM;
  const qr = 19 * MM;
  const gap = 2 * MM;
  const left = canvas.width - 2 * m - qr - gap;
  const qrX = canvas.width - m - qr;
  canvas.image(codes.qr, qrX, m, qr, qr);
  drawGrade(
    canvas,
    gradeText(data, language),
    data.grade !== null,
    qrX,
    m + qr + 1.2 * MM,
    qr,
    canvas.height - 2 * m - qr - 1.2 * MM,
    8,
  );

  const refSize = fitSize(data.reference, bold, left, 17, 8);
  let y = canvas.text(data.reference, m, m, refSize, { bold: true });
  y += 3;
  const barHeight = 8.5 * MM;
  drawCode128(canvas, codes, m, y, left, barHeight);
  y += barHeight + 2.4;
  const skuSize = 7;
  y = canvas.text(ellipsise(data.sku, bold, skuSize, left), m, y, skuSize, { bold: true });
  const titleSize = 6.2;
  for (const line of wrapLines(data.title, regular, titleSize, left, 2)) {
    y = canvas.text(line, m, y + 2.6, titleSize);
  }
}

function layout100x50(canvas: Canvas, data: LabelData, codes: Barcodes, language: Language) {
  const { regular, bold } = canvas.fonts;
  const words = WORDS[language];
  const m = 3 * MM;
  const qr = 30 * MM;
  const gap = 4 * MM;
  const left = canvas.width - 2 * m - qr - gap;
  const qrX = canvas.width - m - qr;
  canvas.image(codes.qr, qrX, m, qr, qr);
  const gradeTop = m + qr + 2 * MM;
  drawGrade(
    canvas,
    gradeText(data, language),
    data.grade !== null,
    qrX,
    gradeTop,
    qr,
    canvas.height - m - gradeTop,
    14,
  );

  const refSize = fitSize(data.reference, bold, left, 26, 10);
  let y = canvas.text(data.reference, m, m, refSize, { bold: true });
  y += 6;
  const barHeight = 13 * MM;
  drawCode128(canvas, codes, m, y, left, barHeight);
  y += barHeight + 4;
  const skuSize = 9.5;
  const skuLine = data.ean ? `${data.sku}  ·  ${data.ean}` : data.sku;
  y = canvas.text(ellipsise(skuLine, bold, skuSize, left), m, y, skuSize, { bold: true });
  const titleSize = 8.5;
  for (const line of wrapLines(data.title, regular, titleSize, left, 3)) {
    y = canvas.text(line, m, y + 3.6, titleSize);
  }
  const footSize = 6.5;
  const foot = `${data.merchantName}  ·  ${words.received} ${data.receivedAt.slice(0, 10)}`;
  canvas.text(ellipsise(foot, regular, footSize, left), m, canvas.height - m - capHeight(footSize), footSize);
}

function layout4x6(canvas: Canvas, data: LabelData, codes: Barcodes, language: Language) {
  const { regular, bold } = canvas.fonts;
  const words = WORDS[language];
  const m = 18;
  const inner = canvas.width - 2 * m;

  // Header band: brand of the service on the left, the merchant on the right.
  const headSize = 9;
  canvas.text('REBOUND', m, m, headSize, { bold: true });
  const merchant = ellipsise(data.merchantName, regular, headSize, inner * 0.65);
  canvas.text(merchant, canvas.width - m - regular.widthOfTextAtSize(merchant, headSize), m, headSize);
  canvas.rule(m, m + capHeight(headSize) + 6, inner, 1);

  let y = m + capHeight(headSize) + 20;
  const refSize = fitSize(data.reference, bold, inner, 46, 16);
  const refWidth = bold.widthOfTextAtSize(data.reference, refSize);
  y = canvas.text(data.reference, m + (inner - refWidth) / 2, y, refSize, { bold: true });
  y += 12;
  const barHeight = 78;
  drawCode128(canvas, codes, m, y, inner, barHeight);
  y += barHeight + 14;
  const gradeHeight = 40;
  drawGrade(canvas, gradeText(data, language), data.grade !== null, m, y, inner, gradeHeight, 24);
  y += gradeHeight + 16;

  const titleSize = 13;
  for (const line of wrapLines(data.title, bold, titleSize, inner, 3)) {
    y = canvas.text(line, m, y, titleSize, { bold: true }) + 5;
  }
  y += 12;

  // The facts and the QR code share the bottom of the label, aligned on the bottom margin.
  const factSize = 10;
  const captionSize = 7;
  const factStep = capHeight(captionSize) + 3 + capHeight(factSize) + 7;
  const facts: [string, string | null][] = [
    ['SKU', data.sku],
    ['EAN', data.ean],
    [words.brand, [data.brand, data.model].filter(Boolean).join(' ') || null],
    [words.order, data.orderReference],
    [words.received, data.receivedAt.slice(0, 10)],
  ];
  const shown = facts.filter((fact): fact is [string, string] => Boolean(fact[1]));
  const qr = 100;
  const blockHeight = Math.max(qr, shown.length * factStep - 7);
  const blockTop = Math.max(y, canvas.height - m - blockHeight);
  const qrSize = Math.min(qr, canvas.height - m - blockTop);
  canvas.image(codes.qr, canvas.width - m - qrSize, canvas.height - m - qrSize, qrSize, qrSize);
  const factsWidth = inner - qrSize - 14;
  let factTop = blockTop;
  for (const [caption, value] of shown) {
    if (factTop + factStep - 7 > canvas.height - m + 0.5) break;
    canvas.text(caption.toUpperCase(), m, factTop, captionSize, { bold: true });
    canvas.text(
      ellipsise(value, regular, factSize, factsWidth),
      m,
      factTop + capHeight(captionSize) + 3,
      factSize,
    );
    factTop += factStep;
  }
}

/** The label as PDF bytes, one page of exactly the stock's size. */
export async function renderLabel(
  data: LabelData,
  size: LabelSize,
  language: Language = 'en',
): Promise<Uint8Array> {
  // Loaded here, not at the top: pdf-lib takes ~0.12 s to load, which every CLI start would pay.
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const clean = (text: string) => toFontText(text, fonts.bold);
  const safe: LabelData = {
    ...data,
    reference: clean(data.reference),
    sku: clean(data.sku),
    ean: data.ean === null ? null : clean(data.ean),
    title: clean(data.title),
    brand: data.brand === null ? null : clean(data.brand),
    model: data.model === null ? null : clean(data.model),
    merchantName: clean(data.merchantName),
    orderReference: data.orderReference === null ? null : clean(data.orderReference),
  };
  const { width, height } = LABEL_PAGE[size];
  const page = doc.addPage([width, height]);
  const canvas = new Canvas(page, fonts, { black: rgb(0, 0, 0), white: rgb(1, 1, 1) });
  // The barcodes carry the reference as stored (it is always ASCII: RB- and digits).
  const codes = await makeBarcodes(doc, data.reference);
  switch (size) {
    case '62x29mm':
      layout62x29(canvas, safe, codes, language);
      break;
    case '100x50mm':
      layout100x50(canvas, safe, codes, language);
      break;
    case '4x6in':
      layout4x6(canvas, safe, codes, language);
      break;
  }
  doc.setTitle(`${data.reference} label`);
  doc.setCreator('Rebound');
  doc.setProducer('Rebound');
  return doc.save();
}

export async function itemLabel(ws: Workspace, itemId: number, size: LabelSize): Promise<LabelPdf> {
  const item = await getItem(ws, itemId);
  // The workspace's language, or English where nobody chose one (the label is printed by the server side).
  const language = (await getSettings(ws)).language ?? 'en';
  const bytes = await renderLabel(
    {
      reference: item.reference,
      sku: item.sku,
      ean: item.ean,
      title: item.title,
      brand: item.brand,
      model: item.model,
      grade: item.grade,
      merchantName: item.merchantName,
      receivedAt: item.receivedAt,
      orderReference: item.orderReference,
    },
    size,
    language,
  );
  const { width, height } = LABEL_PAGE[size];
  return {
    fileName: `${item.reference}-${size}.pdf`,
    mimeType: 'application/pdf',
    base64: Buffer.from(bytes).toString('base64'),
    widthPt: width,
    heightPt: height,
  };
}
