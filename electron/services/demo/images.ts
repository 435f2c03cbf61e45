import crypto from 'node:crypto';
import type { DefectKind, DefectSeverity } from '../../../shared/domain/grades';
import { darken, drawProduct, mix, type Art } from './art';
import type { DemoProduct, ProductArt } from './catalogue';
import { ean13Modules } from './ean';
import { Random, hashString } from './random';

/**
 * Generated photos for the demo workspace: a product illustration on a light studio sweep with
 * a soft shadow, the way a photo desk shoots returns. Rendered from SVG straight at the listing
 * size (never upscaled) so that the demo builds in a few seconds.
 */

/** What the photographer pointed the camera at. */
export type PhotoView = 'front' | 'angle' | 'detail' | 'box' | 'label';

export interface VisibleDefect {
  readonly kind: DefectKind;
  readonly severity: DefectSeverity;
  readonly sizeMm: number | null;
}

export interface PhotoRequest {
  readonly product: DemoProduct;
  readonly view: PhotoView;
  /** The item's Rebound reference, printed on the label lying beside the product. */
  readonly reference: string;
  /** Varies the angle, light and background per item and per photo. */
  readonly seed: number;
  /** Defects that can be seen, drawn on the product; `detail` zooms on the first. */
  readonly defects: readonly VisibleDefect[];
  /** The box still carries its seal. */
  readonly sealed?: boolean;
  /** The item still has its box: the `angle` view shows it behind the product. */
  readonly boxBeside?: boolean;
  /** That box arrived crushed. */
  readonly boxDamaged?: boolean;
}

export interface RenderedPhoto {
  readonly listing: Buffer;
  readonly thumb: Buffer;
  readonly width: number;
  readonly height: number;
  /** sha256 of the listing JPEG: the photo's content address. */
  readonly hash: string;
}

/** Listing images are 1600 px on the long side (the design's size), thumbnails 400 px. */
export const LISTING_SIZE = { width: 1600, height: 1200 } as const;
export const THUMB_SIZE = { width: 400, height: 300 } as const;

const W = 800;
const H = 600;
const FONT = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/** Illustrations with writing on them (a watch face, button labels) must not be mirrored. */
const HAS_TEXT: ReadonlySet<ProductArt> = new Set(['smartwatch', 'speaker', 'kitchen_scale']);

const BACKDROPS = [
  { top: '#e8ebef', mid: '#f7f8fa', floor: '#dfe3e8' },
  { top: '#ede9e4', mid: '#faf8f5', floor: '#e4dfd8' },
  { top: '#e6ebee', mid: '#f5f8f9', floor: '#dbe2e6' },
  { top: '#ececec', mid: '#f9f9f9', floor: '#e2e2e2' },
] as const;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function backdrop(rng: Random): string {
  const b = rng.pick(BACKDROPS);
  const horizon = rng.range(0.55, 0.66).toFixed(3);
  return `<defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${b.top}"/><stop offset="${horizon}" stop-color="${b.mid}"/>
      <stop offset="1" stop-color="${b.floor}"/></linearGradient>
    <radialGradient id="shadow" cx="0.5" cy="0.5" r="0.5">
      <stop offset="0" stop-color="#1b1f24" stop-opacity="0.34"/><stop offset="0.55" stop-color="#1b1f24" stop-opacity="0.14"/>
      <stop offset="1" stop-color="#1b1f24" stop-opacity="0"/></radialGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#bg)"/>`;
}

function groundShadow(cx: number, groundY: number, halfWidth: number): string {
  return `<ellipse cx="${cx}" cy="${groundY + 4}" rx="${halfWidth * 1.12}" ry="${Math.max(12, halfWidth * 0.12)}" fill="url(#shadow)"/>
    <ellipse cx="${cx}" cy="${groundY + 1}" rx="${halfWidth * 0.86}" ry="${Math.max(5, halfWidth * 0.04)}" fill="url(#shadow)" opacity="0.9"/>`;
}

/** A defect mark in the product's own coordinates; size in millimetres drives its extent. */
function defectMark(defect: VisibleDefect, x: number, y: number, rng: Random): string {
  const size = Math.min(60, Math.max(8, (defect.sizeMm ?? 10) * 1.3));
  const angle = rng.range(-35, 35).toFixed(1);
  const at = `transform="translate(${x} ${y}) rotate(${angle})"`;
  switch (defect.kind) {
    case 'scratch': {
      const lines = defect.severity === 'minor' ? 1 : 2;
      return `<g ${at}>${[...Array(lines).keys()]
        .map((i) => {
          const dy = i * 4;
          return `<path d="M ${-size / 2} ${dy} q ${size / 2} ${-2 - i} ${size} ${1 + i}" stroke="#000000" stroke-opacity="0.4" stroke-width="2" fill="none"/>
            <path d="M ${-size / 2} ${dy - 1.4} q ${size / 2} ${-2 - i} ${size} ${1 + i}" stroke="#ffffff" stroke-opacity="0.9" stroke-width="1.4" fill="none"/>`;
        })
        .join('')}</g>`;
    }
    case 'dent':
      return `<g ${at}><ellipse rx="${size / 2}" ry="${size / 3}" fill="#000000" opacity="0.22"/>
        <ellipse cx="${-size / 10}" cy="${-size / 12}" rx="${size / 3}" ry="${size / 5}" fill="#ffffff" opacity="0.3"/>
        <path d="M ${-size / 2} 0 a ${size / 2} ${size / 3} 0 0 0 ${size} 0" stroke="#000000" stroke-opacity="0.3" stroke-width="1.5" fill="none"/></g>`;
    case 'stain':
    case 'discolouration':
      return `<g ${at}><ellipse rx="${size / 2}" ry="${size / 2.6}" fill="#7a5a2a" opacity="0.2"/>
        <ellipse cx="${size / 8}" cy="${size / 10}" rx="${size / 3.2}" ry="${size / 4}" fill="#6b4c22" opacity="0.18"/></g>`;
    case 'crack': {
      const s = size / 2;
      return `<g ${at}><path d="M ${-s} 0 l ${s * 0.3} ${-s * 0.12} l ${s * 0.25} ${s * 0.18} l ${s * 0.35} ${-s * 0.2} l ${s * 0.4} ${s * 0.1} l ${s * 0.3} ${-s * 0.15} l ${s * 0.4} ${s * 0.12} M ${-s * 0.15} ${s * 0.06} l ${s * 0.1} ${s * 0.35}"
        stroke="#15171a" stroke-width="2.2" fill="none" stroke-linejoin="round"/>
        <path d="M ${-s} -1.5 l ${s * 0.3} ${-s * 0.12} l ${s * 0.25} ${s * 0.18} l ${s * 0.35} ${-s * 0.2}" stroke="#ffffff" stroke-opacity="0.6" stroke-width="1" fill="none"/></g>`;
    }
    case 'tear':
      return `<g ${at}><path d="M ${-size / 2} 0 l ${size / 5} -3 l ${size / 5} 4 l ${size / 5} -4 l ${size / 5} 3 l ${size / 5} -2 l 0 4 l ${-size} 1 z" fill="#101214" opacity="0.65"/></g>`;
    case 'missing_part':
      return `<g ${at}><rect x="${-size / 2}" y="${-size / 4}" width="${size}" height="${size / 2}" rx="3" fill="#000000" opacity="0.25" stroke="#000000" stroke-opacity="0.4" stroke-dasharray="3 2"/></g>`;
    case 'not_working':
    case 'other':
      return '';
  }
}

function productGroup(req: PhotoRequest, art: Art, rng: Random): string {
  const marks = req.defects
    .map((d, i) => {
      const spot = art.hotspots[i % art.hotspots.length]!;
      return defectMark(d, spot[0], spot[1], rng);
    })
    .join('');
  return `${art.svg}${marks}`;
}

/** The item's Rebound label lying on the table: makes every item's photos its own. */
function itemLabel(reference: string, rng: Random): string {
  const x = rng.range(612, 660);
  const y = rng.range(520, 538);
  const bars: string[] = [];
  let cursor = 0;
  const bits = hashString(reference);
  const barRng = new Random(bits);
  while (cursor < 104) {
    const width = barRng.pick([1.2, 1.2, 2.4, 3.6]);
    if (cursor + width > 104) break;
    bars.push(`<rect x="${(10 + cursor).toFixed(1)}" y="8" width="${width}" height="22" fill="#1d2024"/>`);
    cursor += width + barRng.pick([1.2, 2.4, 1.2]);
  }
  return `<g transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${rng.range(-7, 5).toFixed(1)})">
    <rect x="1.5" y="2.5" width="124" height="52" rx="5" fill="#000000" opacity="0.1"/>
    <rect width="124" height="52" rx="5" fill="#fdfdfb"/>${bars.join('')}
    <text x="62" y="46" text-anchor="middle" font-family="${FONT}" font-size="12.5" font-weight="700" letter-spacing="1" fill="#1d2024">${escapeXml(reference)}</text></g>`;
}

/** Colours of the retail box: white carton, the brand's colour band. */
function boxColours(product: DemoProduct) {
  const band = darken(mix(product.colours.body, product.colours.accent, 0.55), 0.3);
  return { face: '#fbfbf9', band };
}

interface BoxSpec {
  readonly x: number;
  readonly ground: number;
  readonly frontW: number;
  readonly sideW: number;
  readonly height: number;
  /** How far the side and top recede, in px. */
  readonly depth: number;
  readonly front: string;
  readonly side: string;
  readonly sealed: boolean;
  readonly damaged: boolean;
}

/** A carton in two-point-ish perspective; `front` and `side` are drawn in flat face coordinates. */
function carton(spec: BoxSpec, id: string): string {
  const left = spec.x;
  const top = spec.ground - spec.height;
  const right = left + spec.frontW;
  const skew = (-Math.atan2(spec.depth, spec.sideW) * 180) / Math.PI;
  const seal = spec.sealed
    ? `<circle cx="${left + spec.frontW / 2}" cy="${top + 2}" r="15" fill="#ffffff" opacity="0.55" stroke="#c9ced3" stroke-width="1"/>
       <circle cx="${left + spec.frontW / 2}" cy="${top + 2}" r="9" fill="none" stroke="#c9ced3" stroke-width="0.8"/>`
    : '';
  return `<defs><linearGradient id="${id}s" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000000" stop-opacity="0.07"/><stop offset="1" stop-color="#000000" stop-opacity="0.15"/></linearGradient>
    <linearGradient id="${id}f" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.06"/></linearGradient></defs>
    <path d="M ${left} ${top} L ${left + spec.sideW} ${top - spec.depth} L ${right + spec.sideW} ${top - spec.depth} L ${right} ${top} Z" fill="#f6f6f3" stroke="#dcdedf" stroke-width="1"/>
    <g transform="translate(${right} ${top}) skewY(${skew.toFixed(3)})">
      <rect width="${spec.sideW}" height="${spec.height}" fill="#f1f1ee"/>${spec.side}
      <rect width="${spec.sideW}" height="${spec.height}" fill="url(#${id}s)"/></g>
    <g transform="translate(${left} ${top})">
      <rect width="${spec.frontW}" height="${spec.height}" fill="#fbfbf9"/>${spec.front}
      <rect width="${spec.frontW}" height="${spec.height}" fill="url(#${id}f)"/></g>
    <path d="M ${right} ${top} L ${right} ${spec.ground}" stroke="#ffffff" stroke-width="1.5" opacity="0.8"/>${seal}${spec.damaged ? crushedCorner(right, top) : ''}`;
}

/** A corner pushed in by the courier, on the front face's top right. */
function crushedCorner(right: number, top: number): string {
  return `<path d="M ${right - 62} ${top} L ${right} ${top} L ${right} ${top + 52} Q ${right - 26} ${top + 20} ${right - 62} ${top} Z" fill="#000000" opacity="0.2"/>
    <path d="M ${right - 62} ${top} Q ${right - 26} ${top + 20} ${right} ${top + 52}" fill="none" stroke="#ffffff" stroke-width="1.5" opacity="0.8"/>
    <path d="M ${right - 40} ${top + 6} l 9 13 M ${right - 18} ${top + 16} l 6 15" stroke="#000000" stroke-opacity="0.28" stroke-width="1.2"/>`;
}

/** The product's name as its box would print it: no brand, no colour, no "with …" tail. */
export function boxName(product: DemoProduct): string {
  return product.title.replace(`${product.brand} `, '').split(',')[0]!.split(' with ')[0]!;
}

function boxFront(product: DemoProduct, w: number, h: number, band: string): string {
  const art = drawProduct(product.art, 'bx', product.colours);
  const scale = Math.min((w * 0.62) / art.width, (h * 0.5) / art.height);
  const short = boxName(product);
  // Long names get a smaller type so they stay on the box (about 0.55 em per character).
  const nameSize = Math.min(w * 0.05, (w * 0.84) / (short.length * 0.55));
  return `<text x="${w * 0.08}" y="${h * 0.12}" font-family="${FONT}" font-size="${(w * 0.085).toFixed(1)}" font-weight="700" letter-spacing="1.5" fill="${band}">${escapeXml(product.brand.toUpperCase())}</text>
    <g transform="translate(${w / 2} ${h * 0.74}) scale(${scale.toFixed(4)})">${art.svg}</g>
    <rect y="${h * 0.8}" width="${w}" height="${h * 0.2}" fill="${band}"/>
    <text x="${w * 0.08}" y="${h * 0.89}" font-family="${FONT}" font-size="${nameSize.toFixed(1)}" font-weight="600" fill="#ffffff">${escapeXml(short)}</text>
    <text x="${w * 0.08}" y="${h * 0.95}" font-family="${FONT}" font-size="${(w * 0.034).toFixed(1)}" fill="#ffffff" opacity="0.8">${escapeXml(product.model)}</text>`;
}

function barcode(ean: string, x: number, y: number, moduleW: number, height: number): string {
  const modules = ean13Modules(ean);
  const bars: string[] = [];
  const guard = new Set([0, 1, 2, 45, 46, 47, 48, 49, 92, 93, 94]);
  for (let i = 0; i < modules.length; i++) {
    if (modules[i] !== '1') continue;
    const h = guard.has(i) ? height + moduleW * 5 : height;
    bars.push(
      `<rect x="${(x + i * moduleW).toFixed(2)}" y="${y}" width="${moduleW.toFixed(2)}" height="${h.toFixed(2)}" fill="#111111"/>`,
    );
  }
  const fs = moduleW * 8.5;
  const text = (t: string, tx: number) =>
    `<text x="${tx.toFixed(1)}" y="${(y + height + fs * 0.95).toFixed(1)}" font-family="'DejaVu Sans Mono', 'Courier New', monospace" font-size="${fs.toFixed(1)}" fill="#111111" text-anchor="middle">${t}</text>`;
  return `<rect x="${x - moduleW * 11}" y="${y - moduleW * 4}" width="${moduleW * 117}" height="${height + fs * 1.6}" fill="#ffffff"/>
    ${bars.join('')}${text(ean[0]!, x - moduleW * 6)}${text(ean.slice(1, 7), x + moduleW * 24)}${text(ean.slice(7), x + moduleW * 70)}`;
}

function boxSide(product: DemoProduct, w: number, h: number, band: string, detailed: boolean): string {
  const features = product.description
    .split(/, | and |\. /)
    .slice(0, 4)
    .map((f) => `${f.charAt(0).toUpperCase()}${f.slice(1)}`);
  const lines = detailed
    ? features
        .map(
          (f, i) =>
            `<text x="${w * 0.09}" y="${h * 0.27 + i * h * 0.062}" font-family="${FONT}" font-size="${(w * 0.042).toFixed(1)}" fill="#3a3d42">• ${escapeXml(f.length > 38 ? `${f.slice(0, f.lastIndexOf(' ', 36))}…` : f)}</text>`,
        )
        .join('')
    : '';
  const code = detailed ? barcode(product.ean, w * 0.14, h * 0.64, w * 0.0062, h * 0.13) : '';
  return `<rect width="${w}" height="${h * 0.06}" fill="${band}"/>
    <text x="${w * 0.09}" y="${h * 0.17}" font-family="${FONT}" font-size="${(w * 0.07).toFixed(1)}" font-weight="700" fill="${band}">${escapeXml(product.brand.toUpperCase())} ${escapeXml(product.model)}</text>
    ${lines}${code}
    <text x="${w * 0.09}" y="${h * 0.95}" font-family="${FONT}" font-size="${(w * 0.03).toFixed(1)}" fill="#6b7077">${escapeXml(product.sku)} · Designed in Europe</text>`;
}

export function buildPhotoSvg(req: PhotoRequest): string {
  const rng = new Random(req.seed ^ hashString(req.view));
  const product = req.product;
  const art = drawProduct(product.art, 'pr', product.colours);
  const parts: string[] = [backdrop(rng)];
  const ground = rng.range(500, 515);

  const fit = (maxW: number, maxH: number) => Math.min(maxW / art.width, maxH / art.height);
  const placeProduct = (cx: number, scale: number, mirror: boolean, tilt: number) => {
    parts.push(groundShadow(cx, ground, (art.width * scale) / 2));
    parts.push(
      `<g transform="translate(${cx.toFixed(1)} ${ground.toFixed(1)}) rotate(${tilt.toFixed(2)}) scale(${(mirror ? -scale : scale).toFixed(4)} ${scale.toFixed(4)})">${productGroup(req, art, rng.fork('marks'))}</g>`,
    );
  };
  const { band } = boxColours(product);

  switch (req.view) {
    case 'front': {
      const scale = fit(540, 420) * rng.range(0.9, 0.98);
      placeProduct(400 + rng.range(-24, 24), scale, false, rng.range(-1.5, 1.5));
      break;
    }
    case 'angle': {
      // The product turned the other way, a little smaller, with its box behind when there is one.
      if (req.boxBeside === true) {
        const frontW = 200;
        const height = 220;
        parts.push(groundShadow(560, ground - 30, 150));
        parts.push(
          carton(
            {
              x: 470,
              ground: ground - 30,
              frontW,
              sideW: 70,
              height,
              depth: 36,
              front: boxFront(product, frontW, height, band),
              side: boxSide(product, 70, height, band, false),
              sealed: false,
              damaged: req.boxDamaged === true,
            },
            'cb',
          ),
        );
      }
      const alone = req.boxBeside !== true;
      const scale = (alone ? fit(500, 400) : fit(400, 360)) * rng.range(0.88, 0.95);
      const cx = alone ? 400 + rng.range(-40, 40) : 320 + rng.range(-20, 10);
      placeProduct(cx, scale, !HAS_TEXT.has(product.art), rng.range(-3, 3));
      break;
    }
    case 'detail': {
      // Close-up on the first defect, ringed the way staff mark it before the photo goes out.
      const spot = art.hotspots[0]!;
      const scale = fit(540, 420) * 2.2;
      const cx = 400 + rng.range(-30, 30);
      const cy = 300 + rng.range(-20, 20);
      const tx = cx - spot[0] * scale;
      const ty = cy - spot[1] * scale;
      parts.push(groundShadow(tx, ty, (art.width * scale) / 2));
      parts.push(
        `<g transform="translate(${tx.toFixed(1)} ${ty.toFixed(1)}) scale(${scale.toFixed(4)})">${productGroup(req, art, rng.fork('marks'))}</g>`,
      );
      const first = req.defects[0];
      if (first) {
        const r = Math.min(150, Math.max(48, (first.sizeMm ?? 10) * 1.3 * scale * 0.7));
        parts.push(
          `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" fill="none" stroke="#f08c00" stroke-width="5" stroke-dasharray="22 9"/>`,
        );
      }
      break;
    }
    case 'box':
    case 'label': {
      const detailed = req.view === 'label';
      const frontW = detailed ? 120 : 300;
      const sideW = detailed ? 330 : 110;
      const height = detailed ? 340 : 330;
      const depth = detailed ? 60 : 44;
      const x = 400 - (frontW + sideW) / 2 + rng.range(-20, 20);
      parts.push(groundShadow(x + (frontW + sideW) / 2, ground, (frontW + sideW) / 2));
      parts.push(
        carton(
          {
            x,
            ground,
            frontW,
            sideW,
            height,
            depth,
            front: detailed
              ? boxSide(product, frontW, height, band, false)
              : boxFront(product, frontW, height, band),
            side: boxSide(product, sideW, height, band, detailed),
            sealed: req.sealed === true,
            damaged: req.boxDamaged === true,
          },
          'cb',
        ),
      );
      break;
    }
  }
  parts.push(itemLabel(req.reference, rng));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${LISTING_SIZE.width}" height="${LISTING_SIZE.height}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

export async function renderPhoto(req: PhotoRequest): Promise<RenderedPhoto> {
  // Loaded here, not at the top, to keep the CLI's start-up time down.
  const { default: sharp } = await import('sharp');
  const svg = buildPhotoSvg(req);
  const listing = await sharp(Buffer.from(svg))
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 84 })
    .toBuffer();
  const thumb = await sharp(listing)
    .resize(THUMB_SIZE.width, THUMB_SIZE.height, { fit: 'inside' })
    .jpeg({ quality: 80 })
    .toBuffer();
  return {
    listing,
    thumb,
    width: LISTING_SIZE.width,
    height: LISTING_SIZE.height,
    hash: crypto.createHash('sha256').update(listing).digest('hex'),
  };
}
