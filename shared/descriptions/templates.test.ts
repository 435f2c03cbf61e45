import { describe, expect, it } from 'vitest';
import { DEFECT_KINDS, DEFECT_SEVERITIES } from '../domain/grades';
import { LANGUAGES } from '../domain/status';
import {
  DEFAULT_TEMPLATES,
  DescriptionTemplateSchema,
  fillTemplate,
  resolveTemplate,
  TITLE_CONDITION_KEYS,
  validateTemplate,
} from './templates';

/** Every string of a template with its dotted path. */
function strings(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === 'string') return [[path.join('.'), value]];
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  }
  return [];
}

describe('default templates', () => {
  for (const lang of LANGUAGES) {
    it(`validates in ${lang}: schema, placeholders`, () => {
      expect(DescriptionTemplateSchema.safeParse(DEFAULT_TEMPLATES[lang]).success).toBe(true);
      expect(validateTemplate(DEFAULT_TEMPLATES[lang])).toEqual({ ok: true, issues: [] });
    });
  }

  it('has a title condition for every listable grade and for "not working"', () => {
    for (const lang of LANGUAGES) {
      for (const key of TITLE_CONDITION_KEYS)
        expect(DEFAULT_TEMPLATES[lang].titleCondition[key]).not.toBe('');
    }
    expect(DEFAULT_TEMPLATES.en.titleCondition.opened_packaging).toBe('Open box');
    expect(DEFAULT_TEMPLATES.fr.titleCondition.opened_packaging).toBe('Emballage ouvert');
    expect(DEFAULT_TEMPLATES.de.titleCondition.opened_packaging).toBe('Verpackung geöffnet');
  });

  it('writes French with no-break spaces before : ; ? ! and never a plain space there', () => {
    for (const [path, text] of strings(DEFAULT_TEMPLATES.fr)) {
      expect(text, path).not.toMatch(/ [:;?!]/u);
      expect(text, path).not.toMatch(/[^\s\u00a0\u202f][:;?!]/u);
    }
    expect(DEFAULT_TEMPLATES.fr.included).toBe('Inclus\u00a0: {list}.');
  });

  it('capitalises German nouns where a phrase starts with one', () => {
    expect(DEFAULT_TEMPLATES.de.originalBox).toBe('Originalverpackung');
    for (const kind of DEFECT_KINDS) {
      for (const severity of DEFECT_SEVERITIES) {
        expect(DEFAULT_TEMPLATES.de.defects[kind][severity]).toMatch(/^\p{Lu}/u);
      }
    }
  });

  it('is not a word-for-word copy of another language', () => {
    const en = new Map(strings(DEFAULT_TEMPLATES.en));
    for (const lang of ['fr', 'de'] as const) {
      const same = strings(DEFAULT_TEMPLATES[lang]).filter(
        // Punctuation-only pieces (": {note}", "{list}.") are rightly the same.
        ([path, text]) => en.get(path) === text && /\p{L}/u.test(text.replace(/\{\w+\}/gu, '')),
      );
      expect(same, lang).toEqual([]);
    }
  });
});

describe('validateTemplate', () => {
  it('accepts a merchant’s partial changes', () => {
    expect(
      validateTemplate({ heading: 'Why the lower price?', defects: { scratch: { minor: 'Tiny scratch' } } })
        .ok,
    ).toBe(true);
  });

  it('reports unknown and missing placeholders with their field', () => {
    const { ok, issues } = validateTemplate({
      intro: 'Hello {customer}, this {brand} is great.',
      included: 'In the box: {items}.',
      heading: 'Why? {',
      titleCondition: { used: 'Used {grade}' },
    });
    expect(ok).toBe(false);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'intro', code: 'unknown_placeholder', placeholder: 'customer' }),
        expect.objectContaining({ path: 'included', code: 'unknown_placeholder', placeholder: 'items' }),
        expect.objectContaining({ path: 'included', code: 'missing_placeholder', placeholder: 'list' }),
        expect.objectContaining({ path: 'heading', code: 'stray_brace' }),
        expect.objectContaining({
          path: 'titleCondition.used',
          code: 'unknown_placeholder',
          placeholder: 'grade',
        }),
      ]),
    );
    expect(issues.filter((i) => i.path === 'intro')).toHaveLength(1);
  });

  it('needs {count} only where the number is not spelt out', () => {
    expect(validateTemplate({ more: { anyPhotos: { one: 'One more flaw is in the photos.' } } }).ok).toBe(
      true,
    );
    expect(
      validateTemplate({ more: { anyPhotos: { other: 'More flaws are in the photos.' } } }).issues,
    ).toEqual([
      expect.objectContaining({
        path: 'more.anyPhotos.other',
        code: 'missing_placeholder',
        placeholder: 'count',
      }),
    ]);
  });

  it('reports schema problems: unknown fields, too long, empty where words are needed', () => {
    const { issues } = validateTemplate({
      heading: 'x'.repeat(121),
      signature: 'x',
      titleCondition: { used: ' ' },
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['heading', 'invalid'],
        ['titleCondition.used', 'invalid'],
        ['', 'invalid'],
      ]),
    );
  });

  it('never throws on junk', () => {
    for (const junk of [null, 42, 'text', [], { defects: 'no' }])
      expect(validateTemplate(junk).ok).toBe(false);
  });
});

describe('resolveTemplate', () => {
  it('lays a merchant’s changes over the defaults, deeply', () => {
    const t = resolveTemplate('en', {
      heading: 'Why the lower price?',
      defects: { dent: { major: 'Big dent' } },
    });
    expect(t.heading).toBe('Why the lower price?');
    expect(t.defects.dent).toEqual({ minor: 'Small dent', moderate: 'Noticeable dent', major: 'Big dent' });
    expect(t.intro).toBe(DEFAULT_TEMPLATES.en.intro);
    expect(resolveTemplate('de')).toBe(DEFAULT_TEMPLATES.de);
  });
});

describe('fillTemplate', () => {
  it('fills in one pass: a value is never read as a template', () => {
    expect(fillTemplate('Now {price}', { price: '{saving}', saving: 'x' }, 'text')).toBe('Now {saving}');
  });

  it('escapes the template’s own text and every value in HTML; markup values pass through', () => {
    expect(
      fillTemplate(
        '<b>{brand}</b> {price}',
        { brand: '<script>', price: { text: '€1', html: '<strong>€1</strong>' } },
        'html',
      ),
    ).toBe('&lt;b&gt;&lt;script&gt;&lt;/b&gt; <strong>€1</strong>');
  });

  it('leaves unknown placeholders visible', () => {
    expect(fillTemplate('Hi {who}', {}, 'text')).toBe('Hi {who}');
    expect(fillTemplate('Hi {toString}', {}, 'text')).toBe('Hi {toString}');
  });
});
