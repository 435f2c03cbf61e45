import type { Language } from '../domain/status';
import de from './de';
import en, { type Messages } from './en';
import fr from './fr';

export type { Messages };

/** Every UI language with its strings. fr and de are typed `Messages`: a missing key does not compile. */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, fr, de };

/**
 * The locale used for numbers, amounts and dates in each UI language. English uses the British
 * conventions (day before month, 24-hour clock) that the European merchants expect.
 */
export const LOCALES: Readonly<Record<Language, string>> = {
  en: 'en-GB',
  fr: 'fr-FR',
  de: 'de-DE',
};
