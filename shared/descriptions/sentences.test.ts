import { describe, expect, it } from 'vitest';
import { DEFECT_KINDS, DEFECT_SEVERITIES } from '../domain/grades';
import { LANGUAGES, type Language } from '../domain/status';
import type { DraftDefect, DraftItem } from './facts';
import { sampleFacts } from './sample';
import {
  describeLocation,
  fitConditionSentences,
  formatSize,
  joinSentences,
  NOTE_MAX_IN_CONDITION,
  orderDefects,
  whySentences,
} from './sentences';
import { DEFAULT_TEMPLATES } from './templates';
import { codePointLength } from './title';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const item = (patch: Partial<DraftItem>): DraftItem => sampleFacts(patch).item;
const why = (i: DraftItem, lang: Language = 'en') =>
  joinSentences(whySentences(i, lang, DEFAULT_TEMPLATES[lang]));
const fitted = (i: DraftItem, lang: Language = 'en') =>
  fitConditionSentences(i, lang, DEFAULT_TEMPLATES[lang]);

const defect = (id: number, patch: Partial<DraftDefect> = {}): DraftDefect => ({
  id,
  position: id,
  kind: 'scratch',
  location: 'lid',
  sizeMm: 2,
  severity: 'minor',
  note: '',
  photoPosition: null,
  ...patch,
});

const openBox: Partial<DraftItem> = {
  grade: 'opened_packaging',
  packaging: 'opened_intact',
  accessoriesExpected: ['charger', 'manual', 'case'],
  accessoriesMissing: ['case'],
  functionalTest: 'passed',
  factoryReset: true,
  cleaned: false,
  repackaged: false,
  defects: [],
};

describe('the example of the design, in three languages', () => {
  const i = item({
    ...openBox,
    defects: [defect(12, { photoPosition: 3 })],
  });

  it('reads naturally in English', () => {
    expect(why(i, 'en')).toBe(
      'The box has been opened; the product itself is unused. Included: charger, manual. Missing: case. ' +
        'Small scratch (about 2 mm) on the lid — see photo 3. Tested and reset to factory settings.',
    );
  });

  it('reads naturally in French, with French spacing', () => {
    expect(why(i, 'fr')).toBe(
      `La boîte a été ouverte${NNBSP}; le produit lui-même n’a jamais servi. Inclus${NBSP}: charger, manual. ` +
        `Non fourni${NBSP}: case. Petite rayure (environ 2${NBSP}mm) sur le couvercle — voir photo 3. ` +
        'Produit testé et réinitialisé aux paramètres d’usine.',
    );
  });

  it('reads naturally in German, nouns capitalised', () => {
    expect(why(i, 'de')).toBe(
      'Die Verpackung wurde geöffnet, der Artikel selbst ist unbenutzt. Enthalten: charger, manual. ' +
        'Nicht enthalten: case. Kleiner Kratzer (ca. 2 mm) am Deckel – siehe Foto 3. ' +
        'Getestet und auf Werkseinstellungen zurückgesetzt.',
    );
  });

  it('names the facts behind every sentence', () => {
    expect(whySentences(i, 'en', DEFAULT_TEMPLATES.en).map((s) => s.facts)).toEqual([
      ['packaging', 'grade'],
      ['accessory:charger', 'accessory:manual'],
      ['accessory:case'],
      ['defect:12'],
      ['functionalTest', 'factoryReset'],
    ]);
  });
});

describe('packaging, accessories and work done', () => {
  it('lists a missing box among the missing things, and says an unused product is unused', () => {
    const s = whySentences(item({ ...openBox, packaging: 'missing' }), 'en', DEFAULT_TEMPLATES.en);
    expect(s.map((x) => x.text)).toContain('Missing: original box, case.');
    expect(s.find((x) => x.text === 'Missing: original box, case.')?.facts).toEqual([
      'packaging',
      'accessory:case',
    ]);
    expect(s.map((x) => x.text)).toContain('The product itself is unused.');
  });

  it('does not call a used product unused', () => {
    const text = why(item({ ...openBox, grade: 'used' }));
    expect(text).toContain('The box has been opened but is in good condition.');
    expect(text).not.toContain('unused');
  });

  it('says nothing about what was not recorded', () => {
    const bare = item({
      grade: 'used',
      packaging: null,
      accessoriesExpected: [],
      accessoriesMissing: [],
      functionalTest: 'passed',
      factoryReset: false,
      cleaned: false,
      repackaged: false,
      defects: [],
    });
    expect(whySentences(bare, 'en', DEFAULT_TEMPLATES.en)).toEqual([
      { text: 'The product has been used.', facts: ['grade'] },
      { text: 'Tested.', facts: ['functionalTest'] },
    ]);
  });

  it('joins the work done into one sentence', () => {
    const all = item({ ...openBox, cleaned: true, repackaged: true });
    expect(why(all, 'en')).toMatch(/Tested, reset to factory settings, cleaned and repackaged\.$/u);
    expect(why(all, 'de')).toMatch(
      /Getestet, auf Werkseinstellungen zurückgesetzt, gereinigt und erneut verpackt\.$/u,
    );
  });

  it('says when the test failed or was not done, and still lists the work done', () => {
    expect(why(item({ ...openBox, functionalTest: 'failed', cleaned: true }))).toMatch(
      /The functional test failed\. Reset to factory settings and cleaned\.$/u,
    );
    expect(why(item({ ...openBox, functionalTest: 'not_done', factoryReset: false }), 'fr')).toMatch(
      /Son fonctionnement n’a pas été testé\.$/u,
    );
  });

  it('keeps accessory names as the merchant wrote them, once each', () => {
    const i = item({
      ...openBox,
      accessoriesExpected: ['Ladegerät', ' Ladegerät ', 'USB-C-Kabel'],
      accessoriesMissing: ['usb-c-kabel'],
    });
    expect(why(i, 'de')).toContain('Enthalten: Ladegerät. Nicht enthalten: usb-c-kabel.');
  });
});

describe('the condition sentence', () => {
  it('names a used or damaged condition, not an unused one (the packaging sentence says that)', () => {
    expect(why(item({ ...openBox, grade: 'used' }), 'de')).toMatch(/^Der Artikel wurde bereits benutzt\. /u);
    expect(why(item({ ...openBox, grade: 'heavily_damaged' }), 'fr')).toMatch(
      /^Le produit est très abîmé\. /u,
    );
    expect(why(item({ ...openBox, grade: 'opened_packaging' }))).toMatch(/^The box has been opened; /u);
  });

  it('says an item does not work from the facts that show it', () => {
    const broken = item({
      ...openBox,
      grade: 'used',
      functionalTest: 'failed',
      defects: [defect(7, { kind: 'not_working', location: 'screen' }), defect(8)],
    });
    expect(whySentences(broken, 'en', DEFAULT_TEMPLATES.en)[0]).toEqual({
      text: 'The product does not fully work: for parts or repair.',
      facts: ['functionalTest', 'defect:7'],
    });
  });
});

describe('defects', () => {
  it('phrases every kind and severity in every language', () => {
    for (const lang of LANGUAGES) {
      for (const kind of DEFECT_KINDS) {
        for (const severity of DEFECT_SEVERITIES) {
          const sentence = whySentences(
            item({
              ...openBox,
              accessoriesExpected: [],
              accessoriesMissing: [],
              packaging: null,
              defects: [defect(1, { kind, severity, sizeMm: null, location: '' })],
              functionalTest: 'not_testable',
              factoryReset: false,
            }),
            lang,
            DEFAULT_TEMPLATES[lang],
          )
            // A fault also makes the opening "does not fully work" sentence; the defect's own comes after.
            .filter((x) => x.facts.includes('defect:1'))
            .at(-1);
          expect(sentence?.text).toBe(`${DEFAULT_TEMPLATES[lang].defects[kind][severity]}.`);
        }
      }
    }
  });

  it('gives sizes in each language’s way', () => {
    expect(formatSize(2, 'en')).toBe('2 mm');
    expect(formatSize(2.5, 'fr')).toBe(`2,5${NBSP}mm`);
    expect(formatSize(2.54, 'de')).toBe('2,5 mm');
    expect(formatSize(35, 'en')).toBe('35 mm');
    expect(formatSize(150, 'de')).toBe('15 cm');
    expect(formatSize(1234, 'en')).toBe('123 cm');
  });

  it('says where, translating common places and keeping the others as typed', () => {
    const t = DEFAULT_TEMPLATES;
    expect(describeLocation('Deckel', 'en', t.en)).toBe(' on the lid');
    expect(describeLocation('the lid', 'fr', t.fr)).toBe(' sur le couvercle');
    expect(describeLocation("l'écran", 'de', t.de)).toBe(' auf dem Bildschirm');
    expect(describeLocation('am Deckel', 'en', t.en)).toBe(' on the lid');
    expect(describeLocation('the left hinge', 'en', t.en)).toBe(' on the left hinge');
    expect(describeLocation('inside the battery door', 'en', t.en)).toBe(' inside the battery door');
    expect(describeLocation('charnière gauche', 'fr', t.fr)).toBe(`, emplacement${NBSP}: charnière gauche`);
    expect(describeLocation('im Batteriefach', 'de', t.de)).toBe(' im Batteriefach');
    expect(describeLocation('linkes Scharnier', 'de', t.de)).toBe(', Stelle: linkes Scharnier');
    expect(describeLocation('  ', 'en', t.en)).toBe('');
  });

  it('puts the most important first: major, moderate, minor; faults before marks; then as recorded', () => {
    const order = orderDefects([
      defect(1),
      defect(2, { severity: 'major' }),
      defect(3, { severity: 'moderate' }),
      defect(4, { severity: 'major', kind: 'missing_part' }),
      defect(5),
    ]).map((d) => d.id);
    expect(order).toEqual([4, 2, 3, 1, 5]);
  });

  it('adds the note as staff wrote it, one line, and the photo that shows it', () => {
    const text = why(
      item({ ...openBox, defects: [defect(1, { note: 'barely visible\nunder light.', photoPosition: 2 })] }),
    );
    expect(text).toContain(
      'Small scratch (about 2 mm) on the lid: barely visible under light — see photo 2.',
    );
  });

  it('keeps spreadsheet formulas and markup in notes as plain text', () => {
    const note = '=HYPERLINK("http://evil.example","click") <img src=x onerror=alert(1)>';
    const text = joinSentences(fitted(item({ ...openBox, grade: 'used', defects: [defect(1, { note })] })));
    expect(text).toContain(note);
  });
});

describe('the 1000-character condition description', () => {
  const many = (count: number, patch: (i: number) => Partial<DraftDefect> = () => ({})) =>
    Array.from({ length: count }, (_, k) =>
      defect(k + 1, {
        severity: DEFECT_SEVERITIES[k % 3],
        kind: DEFECT_KINDS[k % 6],
        location: ['lid', 'front', 'base', 'the left hinge'][k % 4] ?? '',
        note: k % 2 === 0 ? 'visible from arm’s length in daylight, does not affect use' : '',
        photoPosition: (k % 20) + 1,
        ...patch(k),
      }),
    );

  it('keeps everything when it fits', () => {
    const i = item({ ...openBox, grade: 'used', defects: many(3) });
    expect(fitted(i)).toEqual(whySentences(i, 'en', DEFAULT_TEMPLATES.en));
  });

  for (const lang of LANGUAGES) {
    it(`holds with 60 defects, most important first, and says what was left out (${lang})`, () => {
      const i = item({ ...openBox, grade: 'used', defects: many(60) });
      const sentences = fitted(i, lang);
      const text = joinSentences(sentences);
      expect(codePointLength(text)).toBeLessThanOrEqual(1000);
      expect(codePointLength(text)).toBeGreaterThan(800);

      const defectSentences = sentences.filter(
        (s) => s.facts.length === 1 && s.facts[0]?.startsWith('defect:'),
      );
      const kept = defectSentences.map((s) => Number(s.facts[0]?.slice('defect:'.length)));
      const expected = orderDefects(i.defects).map((d) => d.id);
      expect(kept).toEqual(expected.slice(0, kept.length));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(60);

      const last = sentences.at(-1);
      expect(last?.facts).toHaveLength(60 - kept.length);
      expect(last?.text).toBe(
        DEFAULT_TEMPLATES[lang].more.anyPhotos.other.replace('{count}', String(60 - kept.length)),
      );
      // The work done stays, just before the closing sentence.
      expect(sentences.at(-2)?.facts).toEqual(['functionalTest', 'factoryReset']);
    });
  }

  it('calls left-out minor marks "minor marks", in the photos or in the description', () => {
    const minor = item({
      ...openBox,
      grade: 'used',
      defects: many(60, () => ({ severity: 'minor', kind: 'scratch' })),
    });
    expect(fitted(minor).at(-1)?.text).toMatch(/^\d+ more minor marks are shown in the photos\.$/u);
    expect(fitted(minor, 'fr').at(-1)?.text).toMatch(
      /^\d+ autres petites marques sont visibles sur les photos\.$/u,
    );
    expect(fitted(minor, 'de').at(-1)?.text).toMatch(
      /^\d+ weitere kleine Makel sind auf den Fotos zu sehen\.$/u,
    );
    const unphotographed = item({
      ...openBox,
      grade: 'used',
      defects: many(60, (k) => ({
        severity: 'minor',
        kind: 'scratch',
        photoPosition: k % 2 === 0 ? 1 : null,
      })),
    });
    expect(fitted(unphotographed).at(-1)?.text).toMatch(
      /^\d+ more minor marks are listed in the item description\.$/u,
    );
  });

  it('says "listed in the description" when some left-out defects have no photo', () => {
    const i = item({ ...openBox, grade: 'used', defects: many(60, () => ({ photoPosition: null })) });
    expect(fitted(i).at(-1)?.text).toMatch(/^\d+ more flaws are listed in the item description\.$/u);
  });

  it('uses the singular for one left-out defect, and a neutral word when they are not all minor marks', () => {
    const notes = 'x'.repeat(150);
    const i = item({
      ...openBox,
      grade: 'used',
      defects: Array.from({ length: 6 }, (_, k) =>
        defect(k + 1, { severity: 'major', note: `${notes} ${k}`, location: 'front', photoPosition: 1 }),
      ),
    });
    const sentences = fitted(i);
    expect(codePointLength(joinSentences(sentences))).toBeLessThanOrEqual(1000);
    expect(sentences.at(-1)?.text).toMatch(/^(1 more flaw is|\d+ more flaws are) shown in the photos\.$/u);
  });

  it('shortens long notes in the condition description only', () => {
    const note = 'word '.repeat(100).trim();
    const i = item({ ...openBox, grade: 'used', defects: [defect(1, { note })] });
    const short = fitted(i).find((s) => s.facts[0] === 'defect:1')?.text ?? '';
    expect(short).toMatch(/\w…$/u);
    expect(codePointLength(short)).toBeLessThan(NOTE_MAX_IN_CONDITION + 60);
    expect(why(i)).toContain(note);
  });

  it('still holds when the fixed sentences alone would overflow', () => {
    const accessories = Array.from({ length: 100 }, (_, k) => `accessory number ${k + 1}`);
    const i = item({
      ...openBox,
      accessoriesExpected: accessories,
      accessoriesMissing: [],
      defects: many(5),
    });
    const text = joinSentences(fitted(i));
    expect(codePointLength(text)).toBeLessThanOrEqual(1000);
    expect(text.endsWith('…')).toBe(true);
  });

  it('gives every sentence at least one fact', () => {
    for (const lang of LANGUAGES) {
      const i = item({ ...openBox, packaging: 'missing', grade: 'used', defects: many(40), cleaned: true });
      for (const s of [...fitted(i, lang), ...whySentences(i, lang, DEFAULT_TEMPLATES[lang])]) {
        expect(s.facts.length, s.text).toBeGreaterThan(0);
      }
    }
  });
});
