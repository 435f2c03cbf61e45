import type { Language } from '../../shared/domain/status';
import { MESSAGES } from '../../shared/i18n';
import { CATALOGUE } from '../../shared/messages/catalogue';

/**
 * Recognises English sentences of the app's own catalogues in a screen's text: every English
 * text (screens' strings and service messages) becomes a pattern, its placeholders matching
 * anything, and a screen in French or German must match none of those whose translation differs.
 * Labels of one word ("Used", "eBay · Live") are left out: they may be the same word in the other
 * language, and a sentence is what the issue asks to catch.
 */

interface EnglishPattern {
  readonly key: string;
  readonly english: string;
  readonly pattern: RegExp;
}

type Tree = { readonly [key: string]: string | Tree };

function strings(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : strings(value, `${prefix}${key}.`),
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Literal words of three letters or more outside the placeholders: what makes a text recognisably English. */
function literalWords(text: string): string[] {
  return text.replace(/\{\{[^}]*\}\}/g, ' ').match(/\p{L}{3,}/gu) ?? [];
}

function patternOf(text: string): RegExp {
  const parts = text.split(/\{\{[^}]*\}\}/g).map((part) => escape(part).replace(/\s+/g, '\\s+'));
  return new RegExp(parts.join('.{1,80}?'), 'u');
}

function patterns(language: Language): EnglishPattern[] {
  const translated = new Map(strings(MESSAGES[language] as unknown as Tree));
  const pairs: [string, string, string][] = strings(MESSAGES.en as unknown as Tree).map(([key, en]) => [
    key,
    en,
    translated.get(key) ?? '',
  ]);
  for (const [code, wordings] of Object.entries(CATALOGUE)) {
    const en = wordings.en;
    const here = wordings[language];
    if (typeof en === 'string') pairs.push([code, en, typeof here === 'string' ? here : here.other]);
    else {
      const local = typeof here === 'string' ? { one: here, other: here } : here;
      pairs.push([`${code}_one`, en.one, local.one], [`${code}_other`, en.other, local.other]);
    }
  }
  return pairs
    .filter(([, en, local]) => en !== local && literalWords(en).length >= 2)
    .map(([key, english]) => ({ key, english, pattern: patternOf(english) }));
}

const cache = new Map<Language, EnglishPattern[]>();

/** The app's English sentences found in `text`, by catalogue key, for a screen meant to be in `language`. */
export function englishSentencesIn(text: string, language: Exclude<Language, 'en'>): string[] {
  let list = cache.get(language);
  if (!list) {
    list = patterns(language);
    cache.set(language, list);
  }
  return list.filter(({ pattern }) => pattern.test(text)).map(({ key, english }) => `${key}: “${english}”`);
}
