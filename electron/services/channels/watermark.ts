import { say } from '../../../shared/messages';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type sharp from 'sharp';
import { z } from 'zod';
import { WATERMARK_POSITIONS, WatermarkInput, type Watermark } from '../../../shared/contract/shops';
import { AppError } from '../../../shared/errors';
import { makePrivateDir } from '../paths';
import { writeSetting } from '../settings';
import type { Workspace } from '../workspace';
import type { ListingPhoto } from './channel';

/**
 * The merchant's optional watermark on shop photos: a line of text ("Larkfield Outlet") and/or a
 * PNG logo, in a corner, half transparent. Only the merchant's own shops get it: eBay forbids
 * watermarks on listing photos, so its photos always go out as they are.
 *
 * Each watermarked copy is written once into `<dataDir>/cache/watermarked/`, named by the photo's
 * bytes and the watermark's settings: publishing the same photo again (a retry, a second shop)
 * reuses it, and changing the watermark makes new copies without touching the old ones.
 */

const StoredWatermark = z.object({
  text: z.string().nullable(),
  logo: z.string().nullable(),
  position: z.enum(WATERMARK_POSITIONS),
  opacity: z.number().min(0).max(1),
});

const settingKey = (merchantId: number) => `shops.watermark.${merchantId}`;
const LOGO_DIR = 'watermarks';
const CACHE_DIR = path.join('cache', 'watermarked');

export async function getWatermark(ws: Workspace, merchantId: number): Promise<Watermark | null> {
  const row = await ws.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', settingKey(merchantId))
    .executeTakeFirst();
  if (!row) return null;
  const parsed = StoredWatermark.safeParse(JSON.parse(row.value));
  if (!parsed.success || (parsed.data.text === null && parsed.data.logo === null)) return null;
  return parsed.data;
}

/** PNG files start with these eight bytes. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Stores the merchant's watermark. A logo is copied into the data folder (the merchant's file
 * may move or vanish later); a watermark with neither text nor logo removes it.
 */
export async function setWatermark(ws: Workspace, raw: unknown): Promise<Watermark | null> {
  const input = WatermarkInput.parse(raw);
  const merchant = await ws.kysely
    .selectFrom('merchants')
    .select('id')
    .where('id', '=', input.merchantId)
    .executeTakeFirst();
  if (!merchant)
    throw new AppError('not_found', say('channels.no_merchant', { id: String(input.merchantId) }));
  const current = await getWatermark(ws, input.merchantId);
  let logo = input.logoPath === undefined ? (current?.logo ?? null) : null;
  if (input.logoPath) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(input.logoPath);
    } catch {
      throw new AppError('bad_input', say('channels.watermark.unreadable', { path: input.logoPath }));
    }
    if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
      throw new AppError('bad_input', say('channels.watermark.not_png'));
    }
    const name = `merchant-${input.merchantId}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.png`;
    makePrivateDir(path.join(ws.dataDir, LOGO_DIR));
    fs.writeFileSync(path.join(ws.dataDir, LOGO_DIR, name), bytes);
    logo = path.join(LOGO_DIR, name);
  }
  const text = input.text === undefined ? (current?.text ?? null) : input.text || null;
  if (text === null && logo === null) {
    await ws.kysely.deleteFrom('settings').where('key', '=', settingKey(input.merchantId)).execute();
    ws.changed('shops');
    return null;
  }
  const watermark: Watermark = {
    text,
    logo,
    position: input.position ?? current?.position ?? 'bottom-right',
    opacity: input.opacity ?? current?.opacity ?? 0.35,
  };
  await writeSetting(ws, settingKey(input.merchantId), watermark);
  ws.changed('shops');
  return watermark;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

type Gravity = 'southeast' | 'southwest' | 'northeast' | 'northwest' | 'centre';
const GRAVITY: Readonly<Record<Watermark['position'], Gravity>> = {
  'bottom-right': 'southeast',
  'bottom-left': 'southwest',
  'top-right': 'northeast',
  'top-left': 'northwest',
  center: 'centre',
};

/** The text as an SVG the size of the photo, anchored in the chosen corner with a margin. */
function textOverlay(text: string, watermark: Watermark, width: number, height: number): Buffer {
  // About a twentieth of the photo's short side, smaller for a long text so it stays inside
  // (a bold sans glyph is about 0.62 em wide on average).
  const fitting = (width * 0.8) / Math.max(1, [...text].length * 0.62);
  const fontSize = Math.max(10, Math.round(Math.min(Math.min(width, height) * 0.05, fitting)));
  const margin = Math.round(fontSize * 0.8);
  const [x, anchor] = watermark.position.endsWith('left')
    ? [margin, 'start']
    : watermark.position === 'center'
      ? [width / 2, 'middle']
      : [width - margin, 'end'];
  const y = watermark.position.startsWith('top')
    ? margin + fontSize
    : watermark.position === 'center'
      ? height / 2 + fontSize / 3
      : height - margin;
  const o = watermark.opacity;
  // White text with a dark outline reads on light and dark photos alike.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<text x="${x}" y="${y}" text-anchor="${anchor}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif"
 font-size="${fontSize}" font-weight="bold" fill="#ffffff" fill-opacity="${o}" stroke="#000000"
 stroke-opacity="${(o * 0.6).toFixed(3)}" stroke-width="${Math.max(1, fontSize * 0.06).toFixed(2)}"
 paint-order="stroke">${escapeXml(text)}</text></svg>`;
  return Buffer.from(svg);
}

/** The logo scaled to a fifth of the photo's width, its alpha multiplied by the opacity. */
async function logoOverlay(file: string, watermark: Watermark, width: number, height: number) {
  const { default: sharp } = await import('sharp'); // lazy: see watermarkedCopy
  const target = Math.max(16, Math.round(Math.min(width, height) * 0.2));
  const { data, info } = await sharp(file)
    .resize({ width: target, height: target, fit: 'inside', withoutEnlargement: false })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let i = 3; i < data.length; i += 4) data[i] = Math.round(data[i]! * watermark.opacity);
  const input = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
    .png()
    .toBuffer();
  // A margin from the edges: extend with transparent pixels on the sides facing them.
  const margin = Math.round(Math.min(width, height) * 0.04);
  const padded = await sharp(input)
    .extend({
      top: watermark.position.startsWith('top') ? margin : 0,
      bottom: watermark.position.startsWith('bottom') ? margin : 0,
      left: watermark.position.endsWith('left') ? margin : 0,
      right: watermark.position.endsWith('right') ? margin : 0,
      background: { r: 0, g: 0, b: 0, alpha: 0 },
    })
    .png()
    .toBuffer();
  return { input: padded, gravity: GRAVITY[watermark.position] };
}

/** Where the copy of `photoBytes` with this watermark lives (made on first use). */
async function watermarkedCopy(ws: Workspace, photo: string, watermark: Watermark): Promise<string> {
  const bytes = fs.readFileSync(photo);
  const logoPath = watermark.logo ? path.join(ws.dataDir, watermark.logo) : null;
  const logoHash = logoPath && fs.existsSync(logoPath) ? sha256(fs.readFileSync(logoPath)) : null;
  const settingsHash = sha256(JSON.stringify({ ...watermark, logoHash, v: 1 })).slice(0, 16);
  const out = path.join(ws.dataDir, CACHE_DIR, `${sha256(bytes).slice(0, 32)}-${settingsHash}.jpg`);
  if (fs.existsSync(out)) return out;

  // Loaded here, not at the top, to keep the CLI's start-up time down.
  const { default: sharp } = await import('sharp');
  const image = sharp(bytes).rotate();
  const meta = await image.metadata();
  const oriented = (meta.orientation ?? 1) >= 5;
  const width = (oriented ? meta.height : meta.width) ?? 0;
  const height = (oriented ? meta.width : meta.height) ?? 0;
  const layers: sharp.OverlayOptions[] = [];
  if (logoHash !== null && logoPath) layers.push(await logoOverlay(logoPath, watermark, width, height));
  if (watermark.text) {
    // With a logo in the same corner, the text goes to the opposite side of the photo's bottom/top.
    const textMark =
      layers.length > 0 && watermark.position !== 'center'
        ? {
            ...watermark,
            position: (watermark.position.endsWith('right')
              ? watermark.position.replace('right', 'left')
              : watermark.position.replace('left', 'right')) as Watermark['position'],
          }
        : watermark;
    layers.push({ input: textOverlay(watermark.text, textMark, width, height), top: 0, left: 0 });
  }
  const jpeg = await image.composite(layers).jpeg({ quality: 88, mozjpeg: true }).toBuffer();
  makePrivateDir(path.dirname(out));
  // Written aside and renamed: a concurrent job never uploads a half-written file.
  const temp = `${out}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, jpeg);
  fs.renameSync(temp, out);
  return out;
}

/**
 * The shop's photos: the watermarked copies when the merchant has a watermark, else the listing
 * photos themselves. A photo that cannot be read is left as it is: the channel then reports the
 * missing file like for any other listing.
 */
export async function watermarkPhotos(
  ws: Workspace,
  merchantId: number,
  photos: readonly ListingPhoto[] | undefined,
): Promise<readonly ListingPhoto[] | undefined> {
  if (!photos || photos.length === 0) return photos;
  const watermark = await getWatermark(ws, merchantId);
  if (!watermark) return photos;
  const out: ListingPhoto[] = [];
  for (const photo of photos) {
    if (!fs.existsSync(photo.file)) {
      out.push(photo);
      continue;
    }
    out.push({ ...photo, file: await watermarkedCopy(ws, photo.file, watermark) });
  }
  return out;
}
