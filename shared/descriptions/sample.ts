import type { DraftFacts } from './facts';

/**
 * A typical used item, for the Settings editor's live preview of a template and for tests:
 * it touches every part of a description (packaging, accessories, defects with and without a
 * photo, the work done, a discount).
 */
export const SAMPLE_FACTS: DraftFacts = {
  product: {
    brand: 'Lenovo',
    model: 'ThinkPad X1 Carbon Gen 11',
    title:
      'Lenovo ThinkPad X1 Carbon Gen 11 Laptop, 14" WUXGA IPS, Intel Core i7-1355U, 16 GB RAM, 512 GB SSD, Windows 11 Pro (Deep Black)',
    description:
      'Ultralight 14-inch business laptop, 1.12 kg.\nIntel Core i7-1355U, 16 GB LPDDR5 RAM, 512 GB SSD.\n\nUp to 15 hours of battery life. Two Thunderbolt 4 ports, HDMI 2.0b, Wi-Fi 6E.',
    originalCents: 189_900,
    currency: 'EUR',
  },
  item: {
    grade: 'used',
    packaging: 'missing',
    accessoriesExpected: ['USB-C charger', 'quick start guide'],
    accessoriesMissing: ['quick start guide'],
    functionalTest: 'passed',
    factoryReset: true,
    cleaned: true,
    repackaged: false,
    defects: [
      {
        id: 41,
        position: 1,
        kind: 'scratch',
        location: 'lid',
        sizeMm: 2,
        severity: 'minor',
        note: '',
        photoPosition: 3,
      },
      {
        id: 42,
        position: 2,
        kind: 'dent',
        location: 'corner',
        sizeMm: 4,
        severity: 'moderate',
        note: 'front left, the hinge is not affected',
        photoPosition: 4,
      },
    ],
  },
  proposedCents: 139_900,
};

/** The sample with some facts changed: a preview per grade, or a test's own case. */
export function sampleFacts(
  item: Partial<DraftFacts['item']> = {},
  product: Partial<DraftFacts['product']> = {},
  proposedCents: number | null = SAMPLE_FACTS.proposedCents,
): DraftFacts {
  return {
    product: { ...SAMPLE_FACTS.product, ...product },
    item: { ...SAMPLE_FACTS.item, ...item },
    proposedCents,
  };
}
