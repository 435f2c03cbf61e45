import sharp from 'sharp';
import type { LabelSize } from '../../shared/contract/intake';
import { addNoise, productSvg, render, type RawImage } from '../support/images';
import { labelPng } from './labelImage';

/**
 * Desk shots made on the spot: a product photographed on a backdrop, with or without the item's
 * printed label lying in the frame at some size, angle and sharpness, saved as a camera would
 * (JPEG at some quality). The routing code never sees how a shot was made: it gets the file.
 */

export interface LabelPlacement {
  readonly reference: string;
  readonly stock?: LabelSize;
  /** Width of the label in the frame, in pixels (24 MP frame, ~30 cm wide: 2 cm ≈ 400 px). */
  readonly widthPx: number;
  /** Degrees, clockwise. */
  readonly angle?: number;
  /** Where its top-left corner goes, as a fraction of the frame. */
  readonly at?: { readonly x: number; readonly y: number };
}

export interface ShotLook {
  readonly width: number;
  readonly height: number;
  readonly label?: LabelPlacement;
  /** Gaussian blur sigma in pixels of the full frame (out of focus, shake). */
  readonly blur?: number;
  readonly quality?: number;
  readonly seed?: number;
}

const backdrops = new Map<string, Promise<RawImage>>();

/** A product on a backdrop with sensor noise: rendered once per size and seed, then reused. */
function backdrop(width: number, height: number, seed: number): Promise<RawImage> {
  const key = `${width}x${height}#${seed}`;
  let image = backdrops.get(key);
  if (!image) {
    image = render(productSvg(width, height, seed)).then((raw) => addNoise(raw, 4));
    backdrops.set(key, image);
  }
  return image;
}

/** The shot as a JPEG file's bytes. */
export async function shoot(look: ShotLook): Promise<Buffer> {
  const base = await backdrop(look.width, look.height, look.seed ?? 1);
  let frame = sharp(base.data, { raw: { width: base.width, height: base.height, channels: 3 } });
  if (look.label) {
    const { reference, stock = '100x50mm', widthPx, angle = 0, at = { x: 0.55, y: 0.6 } } = look.label;
    const label = await sharp(await labelPng(reference, stock, widthPx))
      .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png()
      .toBuffer();
    const { width = 0, height = 0 } = await sharp(label).metadata();
    frame = sharp(
      await frame
        .composite([
          {
            input: label,
            left: Math.max(0, Math.min(look.width - width, Math.round(at.x * look.width))),
            top: Math.max(0, Math.min(look.height - height, Math.round(at.y * look.height))),
          },
        ])
        // Compositing an image with alpha gives the frame an alpha channel; the camera has none.
        .removeAlpha()
        .raw()
        .toBuffer(),
      { raw: { width: base.width, height: base.height, channels: 3 } },
    );
  }
  if (look.blur && look.blur > 0) frame = frame.blur(look.blur);
  return frame.jpeg({ quality: look.quality ?? 85 }).toBuffer();
}
