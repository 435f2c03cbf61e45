import type { Language } from '../domain/status';
import { MESSAGES } from '../i18n';
import type { VatScheme } from './vat';

/**
 * The words the generated files (exports, journal, statement) share with the screens. Sale kinds,
 * grades and channel names come from the interface's catalogues, so a file calls a thing by the
 * name the screen gives it; the VAT schemes are named here, as tax law names them in each
 * language, because only the files speak of them.
 */

export const VAT_SCHEME_NAMES: Readonly<Record<Language, Readonly<Record<VatScheme, string>>>> = {
  en: { standard: 'standard scheme', margin: 'margin scheme' },
  fr: { standard: 'régime normal', margin: 'régime de la marge' },
  // "Regelbesteuerung" and "Differenzbesteuerung" (§ 25a UStG) are the terms German invoices use.
  de: { standard: 'Regelbesteuerung', margin: 'Differenzbesteuerung' },
};

/** The first letter in upper case, for a word that opens a cell or a line. */
export function capitalise(text: string, language: Language): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

export function saleKindName(kind: 'sale' | 'cancellation' | 'refund', language: Language): string {
  return MESSAGES[language].saleKinds[kind];
}

/** A grade's name; a code no catalogue knows (a grade from a newer version) is shown as it is. */
export function gradeName(grade: string, language: Language): string {
  const names: Readonly<Record<string, string>> = MESSAGES[language].grades;
  return Object.hasOwn(names, grade) ? names[grade]! : grade;
}

/**
 * A channel's name; `short` where the space is a narrow column. A channel no catalogue knows
 * keeps its code.
 */
export function channelName(channel: string, language: Language, short = false): string {
  const names: Readonly<Record<string, string>> = short
    ? MESSAGES[language].channelsShort
    : MESSAGES[language].channels;
  return Object.hasOwn(names, channel) ? names[channel]! : channel;
}

/**
 * A calendar day (YYYY-MM-DD) as a French or German spreadsheet writes it: 07/12/2026,
 * 07.12.2026. Built from the digits rather than with Intl, whose output varies with the ICU
 * version between Node and Electron; a file must not.
 */
export function localDay(isoDay: string, language: Exclude<Language, 'en'>): string {
  const [year, month, day] = isoDay.split('-');
  return language === 'fr' ? `${day}/${month}/${year}` : `${day}.${month}.${year}`;
}

/** The Excel number format of a date column, matching localDay (ISO in English). */
export const DATE_FORMAT: Readonly<Record<Language, string>> = {
  en: 'yyyy-mm-dd',
  fr: 'dd/mm/yyyy',
  de: 'dd.mm.yyyy',
};
