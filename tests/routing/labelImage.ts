import { decodePDFRawStream, PDFDocument, PDFName, type PDFRawStream, type PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import type { LabelSize } from '../../shared/contract/intake';
import { renderLabel, type LabelData } from '../../electron/services/intake/label';

/**
 * The label the desk prints (intake/label.ts renderLabel), as the camera sees it: the PDF drawn
 * to pixels, without a PDF renderer (sharp's libvips has none). pdf-lib writes a small, regular
 * content stream — images placed with `cm … Do`, filled or outlined rectangles, single-line text
 * — so this draws exactly those operations into an SVG that sharp renders: the barcodes are the
 * very images the label embeds, at the places the label puts them.
 */

export function labelData(reference: string): LabelData {
  return {
    reference,
    sku: `SKU-${reference.slice(-4)}`,
    ean: '4006381333931',
    title: 'Cordless drill 18 V with two batteries and a case',
    brand: 'Makita',
    model: 'DHP482',
    grade: 'opened_packaging',
    merchantName: 'Velo Shop',
    receivedAt: '2026-12-01T09:30:00.000Z',
    orderReference: 'ORD-20931',
  };
}

/** The label of `reference` as an RGBA PNG `widthPx` wide (transparent nowhere: paper is white). */
export async function labelPng(reference: string, size: LabelSize, widthPx: number): Promise<Buffer> {
  const pdf = await PDFDocument.load(await renderLabel(labelData(reference), size, 'en'));
  const page = pdf.getPage(0);
  const { width, height } = page.getSize();
  const scale = widthPx / width;

  const resources = page.node.Resources();
  const xobjects = resources?.lookup(PDFName.of('XObject'));
  const images = new Map<string, string>();
  if (xobjects && 'entries' in xobjects) {
    for (const [name, ref] of (xobjects as { entries(): [PDFName, PDFRef][] }).entries()) {
      images.set(name.asString(), await imageHref(pdf, ref));
    }
  }

  const contents = page.node.Contents();
  const refs = contents && 'asArray' in contents ? contents.asArray() : [contents];
  let program = '';
  for (const ref of refs) {
    const stream = pdf.context.lookup(ref as PDFRef) as PDFRawStream;
    program += `${Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')}\n`;
  }
  const svg = drawProgram(program, images, width, height);
  return sharp(Buffer.from(svg), { density: 72 * scale })
    .resize({ width: widthPx })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .png()
    .toBuffer();
}

/** One embedded image (pixels + soft mask) as a data: URL. */
async function imageHref(pdf: PDFDocument, ref: PDFRef): Promise<string> {
  const stream = pdf.context.lookup(ref) as PDFRawStream;
  const w = Number(stream.dict.get(PDFName.of('Width'))?.toString());
  const h = Number(stream.dict.get(PDFName.of('Height'))?.toString());
  const space = stream.dict.get(PDFName.of('ColorSpace'))?.toString();
  const channels = space === '/DeviceGray' ? 1 : 3;
  const pixels = Buffer.from(decodePDFRawStream(stream).decode());
  const maskRef = stream.dict.get(PDFName.of('SMask')) as PDFRef | undefined;
  let rgba: Buffer;
  if (maskRef) {
    const mask = Buffer.from(decodePDFRawStream(pdf.context.lookup(maskRef) as PDFRawStream).decode());
    rgba = Buffer.alloc(w * h * 4);
    for (let i = 0; i < w * h; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = pixels[i * channels + (channels === 1 ? 0 : c)]!;
      rgba[i * 4 + 3] = mask[i]!;
    }
  } else {
    rgba = await sharp(pixels, { raw: { width: w, height: h, channels } })
      .ensureAlpha()
      .raw()
      .toBuffer();
  }
  const png = await sharp(rgba, { raw: { width: w, height: h, channels: 4 } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF's row-vector convention: cm pre-multiplies the CTM).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The operations pdf-lib writes for a label, drawn as SVG in page units (y flipped). */
function drawProgram(program: string, images: Map<string, string>, width: number, height: number): string {
  const tokens = program.match(/<[0-9A-Fa-f]*>|\[[^\]]*\]|\/[^\s/[\]<>()]+|[^\s/[\]<>()]+/g) ?? [];
  const out: string[] = [];
  const stack: { ctm: Matrix; fill: string; stroke: string; lineWidth: number }[] = [];
  let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, fill: '#000', stroke: '#000', lineWidth: 1 };
  let operands: string[] = [];
  let path: [number, number][][] = [];
  let font = { bold: false, size: 12 };
  let textMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  const num = (i: number) => Number(operands[operands.length - i]);
  const flip = ([x, y]: [number, number]) => `${x.toFixed(3)},${(height - y).toFixed(3)}`;
  const colour = () => {
    const [r, g, b] = [num(3), num(2), num(1)].map((v) => Math.round(v * 255));
    return `rgb(${r},${g},${b})`;
  };
  const pathSvg = (fill: string, stroke: string) =>
    path
      .map(
        (points) =>
          `<polygon points="${points.map(flip).join(' ')}" fill="${fill}" stroke="${stroke}" stroke-width="${state.lineWidth}"/>`,
      )
      .join('');
  for (const token of tokens) {
    if (/^[-+.\d]/.test(token) || token.startsWith('/') || token.startsWith('<') || token.startsWith('[')) {
      operands.push(token);
      continue;
    }
    switch (token) {
      case 'q':
        stack.push({ ...state });
        break;
      case 'Q':
        state = stack.pop() ?? state;
        break;
      case 'cm':
        state = { ...state, ctm: multiply([num(6), num(5), num(4), num(3), num(2), num(1)], state.ctm) };
        break;
      case 'rg':
        state = { ...state, fill: colour() };
        break;
      case 'RG':
        state = { ...state, stroke: colour() };
        break;
      case 'w':
        state = { ...state, lineWidth: num(1) };
        break;
      case 'm':
        path.push([apply(state.ctm, num(2), num(1))]);
        break;
      case 'l':
        path[path.length - 1]?.push(apply(state.ctm, num(2), num(1)));
        break;
      case 're': {
        const [x, y, w, h] = [num(4), num(3), num(2), num(1)];
        path.push([
          apply(state.ctm, x, y),
          apply(state.ctm, x + w, y),
          apply(state.ctm, x + w, y + h),
          apply(state.ctm, x, y + h),
        ]);
        break;
      }
      case 'f':
      case 'F':
        out.push(pathSvg(state.fill, 'none'));
        path = [];
        break;
      case 'S':
        out.push(pathSvg('none', state.stroke));
        path = [];
        break;
      case 'B':
        out.push(pathSvg(state.fill, state.stroke));
        path = [];
        break;
      case 'n':
        path = [];
        break;
      case 'Do': {
        const href = images.get(operands[operands.length - 1]!);
        if (href) {
          const [x0, y0] = apply(state.ctm, 0, 0);
          const [x1, y1] = apply(state.ctm, 1, 1);
          out.push(
            `<image href="${href}" x="${x0}" y="${height - y1}" width="${x1 - x0}" height="${y1 - y0}" preserveAspectRatio="none" image-rendering="optimizeSpeed"/>`,
          );
        }
        break;
      }
      case 'Tf':
        font = { bold: operands[operands.length - 2]!.includes('Bold'), size: num(1) };
        break;
      case 'Tm':
        textMatrix = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], state.ctm);
        break;
      case 'Tj': {
        const hex = operands[operands.length - 1]!.slice(1, -1);
        const text = Buffer.from(hex, 'hex').toString('latin1');
        const [x, y] = apply(textMatrix, 0, 0);
        const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
        out.push(
          `<text x="${x}" y="${height - y}" font-family="Helvetica, Arial, sans-serif" font-weight="${font.bold ? 'bold' : 'normal'}" font-size="${font.size}" fill="${state.fill}">${escaped}</text>`,
        );
        break;
      }
      default:
        break;
    }
    operands = [];
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${out.join('')}</svg>`;
}
