import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { DEFAULT_TEMPLATES, TITLE_CONDITION_KEYS } from '../descriptions/templates';
import { GRADES } from '../domain/grades';
import { LANGUAGES, type Language } from '../domain/status';
import { CATALOGUE } from '../messages/catalogue';
import { labelFor } from '../pricing/labels';
import { PRICED_GRADES } from '../pricing/policy';
import {
  ALLOWED_USES,
  CONDITION_WORD_DIFFERENCES,
  GLOSSARY,
  GRADE_TERMS,
  type AvoidedWord,
  type Term,
} from './glossary';
import { MESSAGES } from './index';

/** One text a person may read, with where it comes from ("file#key" or "file:line"). */
interface Text {
  readonly lang: Language;
  readonly where: string;
  readonly text: string;
}

type Tree = { readonly [key: string]: unknown };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.push([path, value]);
    else if (typeof value === 'object' && value !== null) out.push(...flatten(value as Tree, path));
  }
  return out;
}

const isLanguage = (name: string): name is Language => (LANGUAGES as readonly string[]).includes(name);

/**
 * The string literals of a source file whose texts are not exported (the statement's WORDS, the
 * pricing labels written inline), each attributed to the language of the nearest `en:` / `fr:` /
 * `de:` property or `EN` / `FR` / `DE` constant around it. Strings under no language are code.
 */
function sourceTexts(relative: string): Text[] {
  const path = decodeURIComponent(new URL(`../../${relative}`, import.meta.url).pathname);
  const source = ts.sys.readFile(path);
  if (source === undefined) throw new Error(`cannot read ${relative}`);
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const out: Text[] = [];
  const languageOf = (node: ts.Node): Language | null => {
    // The export columns are written col(key, type, width, en, fr, de).
    const call = node.parent;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'col') {
      return LANGUAGES[call.arguments.indexOf(node as ts.Expression) - 3] ?? null;
    }
    for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
      if ((ts.isPropertyAssignment(at) || ts.isVariableDeclaration(at)) && ts.isIdentifier(at.name)) {
        const name = at.name.text.toLowerCase();
        if (isLanguage(name)) return name;
      }
    }
    return null;
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const lang = languageOf(node);
      // A property name in quotes ('pre-migration': …) is a key, not a text.
      const isKey = ts.isPropertyAssignment(node.parent) && node.parent.name === node;
      if (lang && !isKey) {
        const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        out.push({ lang, where: `${relative}:${line}`, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function descriptionSources(): string[] {
  const dir = decodeURIComponent(new URL('../descriptions', import.meta.url).pathname);
  return (
    ts.sys
      .readDirectory(dir, ['.ts'])
      // templates.ts is read as data (DEFAULT_TEMPLATES) below.
      .filter((file) => !file.endsWith('.test.ts') && !file.endsWith('/templates.ts'))
      .map((file) => `shared/descriptions/${file.slice(dir.length + 1)}`)
      .sort()
  );
}

/** Every text of every catalogue the app shows or writes, in all three languages. */
function allTexts(): Text[] {
  const texts: Text[] = [];
  for (const lang of LANGUAGES) {
    for (const [key, text] of flatten(MESSAGES[lang])) {
      texts.push({ lang, where: `shared/i18n/${lang}.ts#${key}`, text });
    }
    // What the services say (history, refusals, errors), by message code.
    for (const [code, wordings] of Object.entries(CATALOGUE)) {
      const wording = wordings[lang];
      const forms =
        typeof wording === 'string'
          ? { [code]: wording }
          : { [`${code}.one`]: wording.one, [`${code}.other`]: wording.other };
      for (const [key, text] of Object.entries(forms))
        texts.push({ lang, where: `shared/messages#${key}`, text });
    }
    for (const [key, text] of flatten(DEFAULT_TEMPLATES[lang])) {
      texts.push({ lang, where: `shared/descriptions/templates.ts#${lang}.${key}`, text });
    }
  }
  // Not exported as data, or not importable from shared/ (the exports and the statement are
  // main-process code): read as source.
  for (const file of [
    'shared/pricing/labels.ts',
    'electron/services/statements/pdf.ts',
    'electron/services/exports/columns.ts',
    'shared/accounting/words.ts',
    ...descriptionSources(),
  ]) {
    texts.push(...sourceTexts(file));
  }
  return texts;
}

const TEXTS = allTexts();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** At the start of a word (or anywhere in one, for compounds), case-insensitively. */
const pattern = (avoided: AvoidedWord) =>
  new RegExp(`${avoided.inCompounds ? '' : '(?<![\\p{L}\\p{N}])'}${escape(avoided.word)}`, 'iu');

const TERMS: readonly [string, Term][] = [
  ...Object.entries(GLOSSARY),
  ...Object.entries(GRADE_TERMS).map(([grade, t]): [string, Term] => [`grade ${grade}`, t]),
];

function lookUp(lang: Language, key: string): unknown {
  let at: unknown = MESSAGES[lang];
  for (const part of key.split('.')) at = (at as Tree | undefined)?.[part];
  return at;
}

describe('the glossary', () => {
  test('reads every catalogue: screens, pricing labels, listing texts, statement, exports', () => {
    const sources = new Set(TEXTS.map((t) => t.where.split(/[#:]/)[0]));
    for (const file of [
      'shared/i18n/fr.ts',
      'shared/i18n/de.ts',
      'shared/messages',
      'shared/pricing/labels.ts',
      'shared/descriptions/templates.ts',
      'shared/descriptions/sentences.ts',
      'electron/services/statements/pdf.ts',
      'electron/services/exports/columns.ts',
    ]) {
      expect(sources, file).toContain(file);
    }
    // The statement's words and the export headers are found per language, not lost as code.
    for (const lang of LANGUAGES) {
      const headers = TEXTS.filter(
        (t) => t.lang === lang && t.where.startsWith('electron/services/exports/columns.ts'),
      );
      expect(headers.map((t) => t.text)).toContain(
        { en: 'VAT scheme', fr: 'Régime TVA', de: 'USt-Regelung' }[lang],
      );
      expect(
        TEXTS.filter((t) => t.lang === lang && t.where.startsWith('electron/services/statements/pdf.ts'))
          .length,
      ).toBeGreaterThan(10);
    }
  });

  test('names each term the way its own catalogue key says it', () => {
    for (const [name, t] of TERMS) {
      for (const key of t.keys ?? []) {
        for (const lang of LANGUAGES) {
          const text = lookUp(lang, key);
          expect(typeof text, `${lang} ${key}`).toBe('string');
          expect((text as string).toLocaleLowerCase(lang), `${name}: ${lang} ${key}`).toBe(
            t.words[lang].toLocaleLowerCase(lang),
          );
        }
      }
    }
  });

  test('keeps every avoided word out of every text of its language', () => {
    const found: string[] = [];
    for (const [name, t] of TERMS) {
      for (const lang of LANGUAGES) {
        for (const avoided of t.avoid?.[lang] ?? []) {
          const re = pattern(avoided);
          // The chosen word itself is never avoided.
          expect(re.test(t.words[lang]), `${name}: ${lang} avoids its own word`).toBe(false);
          const allowed = ALLOWED_USES.filter((a) => a.lang === lang && a.word === avoided.word);
          for (const text of TEXTS) {
            if (text.lang !== lang) continue;
            // Placeholders are names for code ({{grade}}), not words a person reads; an allowed
            // phrase quotes another product.
            let words = text.text.replace(/\{\{\w+\}\}/g, '');
            for (const a of allowed) words = words.split(a.phrase).join('');
            if (re.test(words)) {
              found.push(
                `${text.where} (${lang}) says “${avoided.word}”: ${avoided.reason}\n    ${text.text}`,
              );
            }
          }
        }
      }
    }
    expect(found, found.join('\n')).toEqual([]);
    // An allowed phrase no text uses any more is stale: remove it rather than let it hide a new use.
    for (const a of ALLOWED_USES) {
      expect(
        TEXTS.some((t) => t.lang === a.lang && t.text.includes(a.phrase)),
        `${a.phrase}: unused exception`,
      ).toBe(true);
    }
  });

  test('finds an avoided word when a text uses it, in any ending and inside compounds', () => {
    const first = (t: Term, lang: Language): AvoidedWord => {
      const avoided = t.avoid?.[lang]?.[0];
      if (!avoided) throw new Error(`${t.meaning}: nothing avoided in ${lang}`);
      return avoided;
    };
    const repackaged = first(GLOSSARY.repackaged, 'fr');
    expect(pattern(repackaged).test('Article reconditionné')).toBe(true);
    expect(pattern(repackaged).test('Produits reconditionnés')).toBe(true);
    expect(pattern(repackaged).test('Réemballé')).toBe(false);
    const floor = first(GLOSSARY.floorPrice, 'de');
    expect(pattern(floor).test('unter der Preisuntergrenze')).toBe(true);
    const grading = first(GLOSSARY.grading, 'fr');
    expect(pattern(grading).test('réévaluez-le')).toBe(false);
  });
});

describe('plurals', () => {
  // "photo(s)", "inchangé(s)", "Artikel(n)", "Mitarbeiter(in)": i18next's _one/_other say it properly.
  const PSEUDO_PLURAL = /\p{L}\((?:s|e|es|n|en|x|r|er|in|innen|nen)\)/iu;

  test.each(LANGUAGES)('no %s text writes a plural as “(s)”', (lang) => {
    const found = TEXTS.filter((t) => t.lang === lang && PSEUDO_PLURAL.test(t.text)).map(
      (t) => `${t.where}: ${t.text}`,
    );
    expect(found, found.join('\n')).toEqual([]);
  });

  test('the pattern catches the forms a hurried translation uses', () => {
    for (const text of ['2 photo(s) ajoutée(s)', 'Artikel(n)', 'Händler(in)', 'unit(s)']) {
      expect(PSEUDO_PLURAL.test(text), text).toBe(true);
    }
    expect(PSEUDO_PLURAL.test('Excel (XLSX)')).toBe(false);
  });

  test.each(LANGUAGES)('every %s plural has its _one and its _other form', (lang) => {
    const keys = new Set(flatten(MESSAGES[lang]).map(([key]) => key));
    for (const key of keys) {
      const plural = /^(.*)_(one|other)$/.exec(key);
      if (!plural) continue;
      expect(keys, key).toContain(`${plural[1]}_one`);
      expect(keys, key).toContain(`${plural[1]}_other`);
    }
  });
});

describe('condition words', () => {
  const listable = GRADES.filter((g) => (TITLE_CONDITION_KEYS as readonly string[]).includes(g));

  test.each(LANGUAGES)('%s listing titles name each grade as the grading screen does', (lang) => {
    expect(listable.length).toBe(5);
    for (const grade of listable) {
      const title = DEFAULT_TEMPLATES[lang].titleCondition[grade as (typeof TITLE_CONDITION_KEYS)[number]];
      const desk = MESSAGES[lang].grades[grade];
      const documented = CONDITION_WORD_DIFFERENCES.some((d) => d.lang === lang && d.grade === grade);
      if (documented)
        expect(title.toLocaleLowerCase(lang), `${grade}: documented as different`).not.toBe(
          desk.toLocaleLowerCase(lang),
        );
      else expect(title.toLocaleLowerCase(lang), grade).toBe(desk.toLocaleLowerCase(lang));
    }
  });

  test.each(LANGUAGES)('%s price traces name each grade as the grading screen does', (lang) => {
    for (const grade of PRICED_GRADES) {
      const label = labelFor({ code: 'grade', params: { grade, bp: 1500 } }, lang);
      expect(label.toLocaleLowerCase(lang), grade).toContain(
        MESSAGES[lang].grades[grade].toLocaleLowerCase(lang),
      );
    }
  });

  test.each(LANGUAGES)('%s descriptions say a damaged product is damaged in the grade’s words', (lang) => {
    for (const grade of ['lightly_damaged', 'heavily_damaged'] as const) {
      expect(DEFAULT_TEMPLATES[lang].gradeSentence[grade].toLocaleLowerCase(lang), grade).toContain(
        MESSAGES[lang].grades[grade].toLocaleLowerCase(lang),
      );
    }
  });
});
