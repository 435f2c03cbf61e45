import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI_LANGUAGES, wordsIn, type CliTexts, type CliWording } from './texts';

/** Every table of the command line's words (`texts/*.ts`), by file. */
async function allTexts(): Promise<[string, CliTexts][]> {
  const dir = path.join(import.meta.dirname, 'texts');
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  const tables: [string, CliTexts][] = [];
  for (const file of files) {
    const module = (await import(path.join(dir, file))) as Record<string, CliTexts>;
    for (const [name, table] of Object.entries(module)) tables.push([`${file} ${name}`, table]);
  }
  return tables;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const forms = (wording: CliWording) =>
  typeof wording === 'string' ? [wording] : [wording.one, wording.other];
/** Words of three letters or more outside placeholders and option names: what makes a text a sentence. */
const words = (text: string) =>
  text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/--[\w-]+/g, ' ')
    .match(/\p{L}{3,}/gu) ?? [];

describe('the command line’s own words', () => {
  test('every text is in every language, with the same placeholders, and translated', async () => {
    const tables = await allTexts();
    expect(tables.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const [where, table] of tables) {
      for (const [key, wordings] of Object.entries(table)) {
        const english = forms(wordings.en);
        for (const language of CLI_LANGUAGES) {
          const wording = wordings[language];
          if (wording === undefined) {
            problems.push(`${where} ${key}: no ${language}`);
            continue;
          }
          const local = forms(wording);
          if (local.length !== english.length) problems.push(`${where} ${key}: ${language} plural shape`);
          local.forEach((text, i) => {
            if (placeholders(text).join() !== placeholders(english[i]!).join())
              problems.push(`${where} ${key}: ${language} placeholders differ`);
            if (language !== 'en' && text === english[i] && words(text).length >= 3)
              problems.push(`${where} ${key}: ${language} is the English text`);
          });
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('a plural pair follows the count, and counts are grouped as the language writes them', () => {
    const texts = {
      rows: {
        en: { one: '{{count}} row', other: '{{count}} rows' },
        fr: { one: '{{count}} ligne', other: '{{count}} lignes' },
        de: { one: '{{count}} Zeile', other: '{{count}} Zeilen' },
      },
    } as const;
    const fr = wordsIn(texts, 'fr');
    expect(fr('rows', { count: 0 })).toBe('0 ligne');
    expect(fr('rows', { count: 2 })).toBe('2 lignes');
    expect(wordsIn(texts, 'en')('rows', { count: 1 })).toBe('1 row');
    expect(wordsIn(texts, 'de')('rows', { count: 1500, n: 1 })).toBe('1500 Zeilen');
    expect(wordsIn(texts, 'de').number(1500)).toBe('1.500');
  });
});
