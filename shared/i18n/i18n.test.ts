import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '../domain/status';
import en from './en';
import { MESSAGES } from './index';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const reference = flatten(en);

describe.each(LANGUAGES.filter((lng) => lng !== 'en'))('the %s strings', (lng) => {
  const strings = flatten(MESSAGES[lng]);

  test('have exactly the English keys', () => {
    expect([...strings.keys()].sort()).toEqual([...reference.keys()].sort());
  });

  test('are never empty and keep every {{placeholder}} of the English text', () => {
    for (const [key, text] of reference) {
      const translated = strings.get(key) ?? '';
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});
