import { describe, expect, it } from 'vitest';
import { measureQuality, qualityWarnings, THRESHOLDS, type GreyImage } from './quality';

function image(width: number, height: number, pixel: (x: number, y: number) => number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data[y * width + x] = pixel(x, y);
  }
  return { data, width, height };
}

describe('measureQuality', () => {
  it('measures luminance: mean and the 10th/90th percentiles', () => {
    // Left fifth black, the rest at 200.
    const m = measureQuality(image(100, 80, (x) => (x < 20 ? 0 : 200)));
    expect(m.meanLuma).toBe(160);
    expect(m.p10Luma).toBe(0);
    expect(m.p90Luma).toBe(200);
  });

  it('finds no detail in a flat image and much in a fine checkerboard', () => {
    expect(measureQuality(image(200, 150, () => 128)).sharpness).toBe(0);
    const checker = measureQuality(image(200, 150, (x, y) => ((x + y) % 2 ? 40 : 220)));
    expect(checker.sharpness).toBeGreaterThan(100_000);
  });

  it('judges sharpness by the sharpest tiles, so a small sharp subject on a plain backdrop counts', () => {
    const subject = measureQuality(
      image(800, 600, (x, y) => (x > 350 && x < 450 && y > 250 && y < 350 && (x + y) % 2 ? 30 : 230)),
    );
    expect(subject.sharpness).toBeGreaterThan(THRESHOLDS.blurredBelow);
  });
});

describe('qualityWarnings', () => {
  const ok = { meanLuma: 120, p10Luma: 40, p90Luma: 200, sharpness: 1000 };

  it('warns about nothing for a good photo', () => {
    expect(qualityWarnings(ok)).toEqual([]);
  });

  it('warns about blur under the threshold', () => {
    expect(qualityWarnings({ ...ok, sharpness: THRESHOLDS.blurredBelow - 1 })).toEqual(['blurred']);
  });

  it('needs both a low mean and no bright parts to call a photo too dark', () => {
    expect(qualityWarnings({ ...ok, meanLuma: 30, p90Luma: 60 })).toEqual(['too_dark']);
    // A bright product on a black background.
    expect(qualityWarnings({ ...ok, meanLuma: 40, p10Luma: 2, p90Luma: 170 })).toEqual([]);
  });

  it('needs both a high mean and no dark parts to call a photo too bright', () => {
    expect(qualityWarnings({ ...ok, meanLuma: 240, p10Luma: 210, p90Luma: 255 })).toEqual(['too_bright']);
    // A product on a white backdrop.
    expect(qualityWarnings({ ...ok, meanLuma: 212, p10Luma: 88, p90Luma: 244 })).toEqual([]);
  });
});
