import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PRODUCT_ART, DEMO_PRODUCTS, demoProduct } from './catalogue';
import { LISTING_SIZE, THUMB_SIZE, boxName, buildPhotoSvg, renderPhoto, type PhotoRequest } from './images';

const base: PhotoRequest = {
  product: demoProduct('bello'),
  view: 'front',
  reference: 'RB-000042',
  seed: 7,
  defects: [{ kind: 'crack', severity: 'major', sizeMm: 45 }],
};

describe('demo photos', () => {
  it('draws every kind of product the catalogue uses', () => {
    const used = new Set(DEMO_PRODUCTS.map((p) => p.art));
    expect(used).toEqual(new Set(PRODUCT_ART));
  });

  it('builds the same picture for the same request and a different one per item and view', () => {
    expect(buildPhotoSvg(base)).toBe(buildPhotoSvg(base));
    expect(buildPhotoSvg({ ...base, reference: 'RB-000043' })).not.toBe(buildPhotoSvg(base));
    expect(buildPhotoSvg({ ...base, view: 'detail' })).not.toBe(buildPhotoSvg(base));
  });

  it('escapes text it prints', () => {
    expect(buildPhotoSvg({ ...base, reference: 'RB-<&>' })).toContain('RB-&#60;&#38;&#62;');
  });

  it('renders a listing JPEG at 1600 px and a 400 px thumbnail, addressed by content', async () => {
    for (const view of ['front', 'angle', 'detail', 'box', 'label'] as const) {
      const photo = await renderPhoto({
        ...base,
        view,
        sealed: view === 'box',
        boxBeside: true,
        boxDamaged: true,
      });
      const listing = await sharp(photo.listing).metadata();
      const thumb = await sharp(photo.thumb).metadata();
      expect([listing.format, listing.width, listing.height]).toEqual([
        'jpeg',
        LISTING_SIZE.width,
        LISTING_SIZE.height,
      ]);
      expect([thumb.format, thumb.width, thumb.height]).toEqual([
        'jpeg',
        THUMB_SIZE.width,
        THUMB_SIZE.height,
      ]);
      expect(photo.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('is a real picture, not a blank canvas: a light background with a darker product', async () => {
    const photo = await renderPhoto(base);
    const { channels } = await sharp(photo.listing).stats();
    const mean = channels.slice(0, 3).map((c) => c.mean);
    const spread = channels.slice(0, 3).map((c) => c.stdev);
    for (const m of mean) expect(m).toBeGreaterThan(150);
    for (const s of spread) expect(s).toBeGreaterThan(20);
  });
});

describe('boxName', () => {
  it('prints the product name without brand, colour or the "with …" tail', () => {
    expect(boxName(demoProduct('tidywise-r8'))).toBe('R8 robot vacuum and mop');
    expect(boxName(demoProduct('bello'))).toBe('Bello 2 bean-to-cup coffee machine');
    expect(boxName(demoProduct('drift-black'))).toBe('Drift ANC wireless over-ear headphones');
  });
});
