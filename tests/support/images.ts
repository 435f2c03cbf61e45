import sharp from 'sharp';

/**
 * Photographs made on the spot for the tests and the bench: real encoded files, with the kind of
 * content the quality checks have to judge (edges, text, gradients, sensor noise), never a flat
 * colour that any threshold would pass or fail for the wrong reason. Deterministic per seed
 * except for the noise, which sharp draws itself.
 */

export interface RawImage {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 3;
}

/** Small, fast, deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function colour(next: () => number): string {
  const c = () => Math.floor(next() * 256);
  return `rgb(${c()},${c()},${c()})`;
}

/** A busy scene: gradient, overlapping shapes with outlines, lines and text at several sizes. */
export function sceneSvg(width: number, height: number, seed = 1): string {
  const next = random(seed);
  const unit = Math.max(width, height) / 100;
  const parts: string[] = [];
  for (let i = 0; i < 40; i++) {
    const x = next() * width;
    const y = next() * height;
    const size = (2 + next() * 18) * unit;
    const fill = colour(next);
    const stroke = colour(next);
    parts.push(
      next() < 0.5
        ? `<rect x="${x}" y="${y}" width="${size}" height="${size * (0.4 + next())}" fill="${fill}" stroke="${stroke}" stroke-width="${unit / 3}"/>`
        : `<circle cx="${x}" cy="${y}" r="${size / 2}" fill="${fill}" stroke="${stroke}" stroke-width="${unit / 3}"/>`,
    );
  }
  for (let i = 0; i < 30; i++) {
    parts.push(
      `<line x1="${next() * width}" y1="${next() * height}" x2="${next() * width}" y2="${next() * height}" stroke="${colour(next)}" stroke-width="${unit / 6}"/>`,
    );
  }
  for (let i = 0; i < 12; i++) {
    parts.push(
      `<text x="${next() * width * 0.7}" y="${next() * height}" font-family="sans-serif" font-size="${(1 + next() * 4) * unit}" fill="${colour(next)}">Rebound ${seed}-${i} 0123456789</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${colour(next)}"/><stop offset="1" stop-color="${colour(next)}"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>${parts.join('')}</svg>`;
}

/** A product shot on a white backdrop: one object with a printed label, about a third of the frame. */
export function productSvg(width: number, height: number, seed = 1): string {
  const next = random(seed);
  const w = width * 0.45;
  const h = height * 0.55;
  const x = (width - w) / 2;
  const y = (height - h) / 2;
  const unit = Math.max(width, height) / 100;
  const label: string[] = [];
  for (let i = 0; i < 4; i++) {
    label.push(
      `<text x="${x + w * 0.25}" y="${y + h * (0.45 + i * 0.1)}" font-family="sans-serif" font-size="${unit * (1 + next())}" fill="#222">Model RB-${seed}${i} 230 V</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#f4f4f4"/>
  <rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${unit * 2}" fill="rgb(70,90,120)" stroke="#333" stroke-width="${unit / 4}"/>
  <rect x="${x + w * 0.2}" y="${y + h * 0.35}" width="${w * 0.6}" height="${h * 0.4}" rx="${unit}" fill="#e8e8e8"/>
  ${label.join('')}</svg>`;
}

/** A plain object with no print at all (a mug, a kettle): only its outline and shading show focus. */
export function plainObjectSvg(width: number, height: number): string {
  const cx = width / 2;
  const cy = height / 2;
  const r = Math.min(width, height) * 0.25;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="s" x1="0" y1="0" x2="1" y2="0">
    <stop offset="0" stop-color="rgb(150,40,40)"/><stop offset="1" stop-color="rgb(220,90,90)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="rgb(235,235,235)"/>
  <rect x="${cx - r}" y="${cy - r}" width="${2 * r}" height="${2.2 * r}" rx="${r / 6}" fill="url(#s)"/>
  <ellipse cx="${cx + r * 1.1}" cy="${cy + r * 0.1}" rx="${r * 0.45}" ry="${r * 0.6}" fill="none" stroke="rgb(170,60,60)" stroke-width="${r / 6}"/>
  </svg>`;
}

/** Renders SVG to raw sRGB pixels. */
export async function render(svg: string): Promise<RawImage> {
  const { data, info } = await sharp(Buffer.from(svg))
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

/** Adds Gaussian sensor noise (sigma in 8-bit levels), as a camera at moderate ISO would. */
export async function addNoise(image: RawImage, sigma: number): Promise<RawImage> {
  if (sigma <= 0) return image;
  const noise = await sharp({
    create: {
      width: image.width,
      height: image.height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma },
    },
  })
    .raw()
    .toBuffer();
  const data = Buffer.allocUnsafe(image.data.length);
  for (let i = 0; i < data.length; i++) {
    const value = image.data[i]! + noise[i]! - 128;
    data[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return { ...image, data };
}

export function pipeline(image: RawImage): sharp.Sharp {
  return sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
}

export interface PhotoLook {
  /** Out of focus or shaken: Gaussian sigma in pixels of a 1600 px listing image. */
  readonly blurAt1600?: number;
  /** Sensor noise (sigma in 8-bit levels), added after the blur as a camera would. */
  readonly noise?: number;
}

/** Renders an SVG "photograph": optics first (blur), then the sensor (noise). */
export async function photograph(svg: string, look: PhotoLook = {}): Promise<RawImage> {
  let image = await render(svg);
  if (look.blurAt1600 && look.blurAt1600 > 0) {
    const scale = Math.max(image.width, image.height) / 1600;
    const { data } = await pipeline(image)
      .blur(Math.max(0.3, look.blurAt1600 * scale))
      .raw()
      .toBuffer({ resolveWithObject: true });
    image = { ...image, data };
  }
  return addNoise(image, look.noise ?? 4);
}

export async function sceneJpeg(
  width: number,
  height: number,
  seed = 1,
  look: PhotoLook = {},
): Promise<Buffer> {
  return pipeline(await photograph(sceneSvg(width, height, seed), look))
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * A PNG that is a few dozen bytes but claims `width × height` pixels: a valid signature and
 * IHDR (with a correct CRC, so decoders believe it), then a token IDAT and IEND.
 */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    // zlib stream of a few zero bytes: far too little data for the claimed size.
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rewrites the frame size in a baseline JPEG's SOF0 marker (a JPEG "bomb" header). */
export function jpegClaiming(jpeg: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(jpeg);
  for (let i = 2; i + 9 < copy.length;) {
    if (copy[i] !== 0xff) break;
    const marker = copy[i + 1]!;
    const length = copy.readUInt16BE(i + 2);
    if (marker === 0xc0 || marker === 0xc2) {
      copy.writeUInt16BE(height, i + 5);
      copy.writeUInt16BE(width, i + 7);
      return copy;
    }
    i += 2 + length;
  }
  throw new Error('no SOF marker found');
}

/** A minimal ISO-BMFF header with HEIC brands, as an iPhone's .heic file starts. */
export function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(2000, 0)]);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
