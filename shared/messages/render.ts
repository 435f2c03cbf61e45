import { createInstance, type i18n as I18n } from 'i18next';
import { formatMoney } from '../domain/money';
import { LANGUAGES, type Language } from '../domain/status';
import { LOCALES, MESSAGES, type Messages } from '../i18n';
import { CATALOGUE } from './catalogue';
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

let engine: I18n | null = null;

/**
 * The catalogue as i18next resources. A plural pair becomes one key per plural category of the
 * language (French has "many" for large round numbers): "one" where the language says one, the
 * other form everywhere else.
 */
function resources(language: Language): Record<string, string> {
  const categories = new Intl.PluralRules(LOCALES[language]).resolvedOptions().pluralCategories;
  const out: Record<string, string> = {};
  for (const [code, wordings] of Object.entries(CATALOGUE)) {
    const wording = wordings[language];
    if (typeof wording === 'string') {
      out[code] = wording;
      continue;
    }
    for (const category of categories)
      out[`${code}_${category}`] = category === 'one' ? wording.one : wording.other;
  }
  return out;
}

/** One i18next instance for messages, made on first use so a CLI command that says nothing never builds it. */
function messageEngine(): I18n {
  if (engine) return engine;
  const made = createInstance();
  void made.init({
    resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { msg: resources(lng) }])),
    ns: ['msg'],
    defaultNS: 'msg',
    lng: 'en',
    fallbackLng: 'en',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  engine = made;
  return made;
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
 * A message in the reader's language. `count` stays a number so i18next picks the plural form;
 * every other value is drawn first (amounts, dates, codes as words). A code this version does
 * not know (a newer server) shows the English text that came with it.
 */
export function renderMessage(message: StoredMessage, language: Language, fallback?: string): string {
  if (!(message.code in CATALOGUE)) return fallback ?? message.code;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    values[name] = name === 'count' && typeof value === 'number' ? value : drawParam(value, language);
  }
  // The window's i18next types its own catalogue's keys; this instance holds the message codes.
  const t = messageEngine().t as unknown as (key: string, options: Record<string, unknown>) => string;
  return t(message.code, { ...values, lng: language });
}

/** The English drawing, kept beside the code for logs, `--json` and older readers. */
export function englishText(message: StoredMessage): string {
  return renderMessage(message, 'en');
}
