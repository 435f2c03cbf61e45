import { formatMoney } from '../domain/money';
import type { Language } from '../domain/status';
import { LOCALES, MESSAGES, type Messages } from '../i18n';
import { CATALOGUE } from './catalogue';
import type { Wording } from './define';
import type { StoredMessage } from './message';
import type { MessageParam, Term } from './params';

/** Where each kind of code finds the reader's word for it: the screens' own lists, one word per thing. */
const TERM_GROUPS: Readonly<Record<Term, keyof Messages>> = {
  grade: 'grades',
  status: 'statuses',
  reason: 'reasons',
  defect: 'defectKinds',
  severity: 'severities',
  packaging: 'packaging',
  window: 'windows',
  channel: 'channels',
  listingStatus: 'listingStatuses',
  saleKind: 'saleKinds',
  decision: 'decisions',
  role: 'roles',
  language: 'languages',
};

/**
 * Drawing a message needs two things: its placeholders filled and, for a plural pair, the form
 * the language's plural rules choose for `count`. Both come from the platform: Intl.PluralRules
 * is CLDR's rules, the ones i18next itself asks for on the screens (French says "0 photo",
 * English "0 photos"). The main process and the command line draw messages without loading
 * i18next, which keeps every command's start within its target (`npm run bench -- startup`).
 */
const pluralRules = new Map<Language, Intl.PluralRules>();

/** The sentence of a wording for `count`: its one text, or the plural form the language's rules choose. */
export function chooseWording(wording: Wording, language: Language, count: unknown): string {
  if (typeof wording === 'string') return wording;
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  return typeof count === 'number' && rules.select(count) === 'one' ? wording.one : wording.other;
}

function wordingFor(code: string, language: Language, count: unknown): string {
  return chooseWording(CATALOGUE[code as keyof typeof CATALOGUE][language], language, count);
}

/** `{{name}}` (and `{{name, format}}`) replaced by its drawn value; an unknown name is left as written. */
export function interpolate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g, (whole, name: string) => values[name] ?? whole);
}

function drawParam(value: MessageParam, language: Language): string | number {
  const locale = LOCALES[language];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if ('money' in value) return formatMoney(value.money, value.currency, locale);
  if ('date' in value) return drawDate(value.date, locale);
  if ('list' in value) return new Intl.ListFormat(locale, { type: 'conjunction' }).format(value.list);
  if ('message' in value) return renderMessage(value.message, language);
  const words = MESSAGES[language][TERM_GROUPS[value.term]] as Readonly<Record<string, unknown>>;
  const word = words[value.code];
  return typeof word === 'string' ? word : value.code;
}

function drawDate(iso: string, locale: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const when = new Date(day ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(
    locale,
    day ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(when);
}

/**
 * A message in the reader's language: every value drawn first (amounts, dates, codes as words,
 * numbers with the language's grouping), `count` also choosing the plural form. A code this
 * version does not know (a newer server) shows the English text that came with it.
 */
export function renderMessage(message: StoredMessage, language: Language, fallback?: string): string {
  if (!(message.code in CATALOGUE)) return fallback ?? message.code;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params ?? {}))
    values[name] = String(drawParam(value, language));
  return interpolate(wordingFor(message.code, language, message.params?.count), values);
}

/** The English drawing, kept beside the code for logs, `--json` and older readers. */
export function englishText(message: StoredMessage): string {
  return renderMessage(message, 'en');
}
