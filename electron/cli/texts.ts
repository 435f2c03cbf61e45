import { LANGUAGES, type Language } from '../../shared/domain/status';
import { LOCALES } from '../../shared/i18n';

/**
 * The command line's own words (help, tables, what a command printed, its usage errors) in the
 * three languages, beside the services' messages that it draws the same way. One file per command
 * module under `texts/`, each a `defineCliTexts` table; a module takes its words with
 * `wordsIn(TEXTS, io.language)`. Placeholders are `{{name}}`, the same in every language
 * (`texts.test.ts`); a pair `{ one, other }` is chosen by the `count` value with the language's
 * plural rules.
 */

export type CliWording = string | { readonly one: string; readonly other: string };
export type CliTexts = Readonly<Record<string, Readonly<Record<Language, CliWording>>>>;

export function defineCliTexts<const T extends CliTexts>(texts: T): T {
  return texts;
}

export type CliValue = string | number;

/** A module's words in one language. */
export interface Words<K extends string> {
  (key: K, values?: Readonly<Record<string, CliValue>>): string;
  readonly language: Language;
  /** The language's locale ("fr-FR"), for amounts and dates. */
  readonly locale: string;
  /** A count as the language writes it: "1 500" in French, "1.500" in German. */
  readonly number: (value: number) => string;
}

const plurals = new Map<Language, Intl.PluralRules>();
const numbers = new Map<Language, Intl.NumberFormat>();

function once<T>(cache: Map<Language, T>, language: Language, make: () => T): T {
  let value = cache.get(language);
  if (value === undefined) {
    value = make();
    cache.set(language, value);
  }
  return value;
}

export function wordsIn<T extends CliTexts>(texts: T, language: Language): Words<keyof T & string> {
  const locale = LOCALES[language];
  const say = (key: keyof T & string, values: Readonly<Record<string, CliValue>> = {}) => {
    const wording = texts[key]![language];
    const count = values.count;
    const text =
      typeof wording === 'string'
        ? wording
        : typeof count === 'number' &&
            once(plurals, language, () => new Intl.PluralRules(locale)).select(count) === 'one'
          ? wording.one
          : wording.other;
    // Numbers go in as written (ids, years); a count to be grouped goes through `number` first.
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : String(value);
    });
  };
  const number = (value: number) =>
    once(numbers, language, () => new Intl.NumberFormat(locale)).format(value);
  return Object.assign(say, { language, locale, number });
}

/** Every language a table must have, for the tests. */
export const CLI_LANGUAGES: readonly Language[] = LANGUAGES;
