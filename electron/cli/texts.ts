import { LANGUAGES, type Language } from '../../shared/domain/status';
import { LOCALES } from '../../shared/i18n';
import type { Wording } from '../../shared/messages/define';
import { chooseWording, interpolate } from '../../shared/messages/render';

/**
 * The command line's own words (help, tables, what a command printed, its usage errors) in the
 * three languages, beside the services' messages that it draws the same way. One file per command
 * module under `texts/`, each a `defineCliTexts` table; a module takes its words with
 * `wordsIn(TEXTS, io.language)`. Placeholders are `{{name}}`, the same in every language
 * (`texts.test.ts`); a pair `{ one, other }` is chosen by the `count` value with the language's
 * plural rules.
 */

/** Worded as the services' messages are: one sentence, or a plural pair (shared/messages/define.ts). */
export type CliWording = Wording;
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

const numbers = new Map<Language, Intl.NumberFormat>();

export function wordsIn<T extends CliTexts>(texts: T, language: Language): Words<keyof T & string> {
  const locale = LOCALES[language];
  const say = (key: keyof T & string, values: Readonly<Record<string, CliValue>> = {}) =>
    // Numbers go in as written (ids, years); a count to be grouped goes through `number` first.
    interpolate(
      chooseWording(texts[key]![language], language, values.count),
      Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)])),
    );
  const number = (value: number) => {
    let format = numbers.get(language);
    if (!format) {
      format = new Intl.NumberFormat(locale);
      numbers.set(language, format);
    }
    return format.format(value);
  };
  return Object.assign(say, { language, locale, number });
}

/** Every language a table must have, for the tests. */
export const CLI_LANGUAGES: readonly Language[] = LANGUAGES;
