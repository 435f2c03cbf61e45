import { describe, expect, test } from 'vitest';
import { cliLanguage, wantsJson } from './language';

describe('the language the command line speaks', () => {
  test('--lang wins over the environment, in either spelling', () => {
    expect(cliLanguage(['items', 'list', '--lang', 'de'], { LANG: 'fr_FR.UTF-8' })).toBe('de');
    expect(cliLanguage(['items', 'list', '--lang=fr'], {})).toBe('fr');
  });

  test('else the locale as POSIX orders it: LC_ALL, LC_MESSAGES, then LANG', () => {
    expect(cliLanguage([], { LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(cliLanguage([], { LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'de_DE.UTF-8' })).toBe('de');
    expect(cliLanguage([], { LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'de_DE', LC_ALL: 'en_GB.UTF-8' })).toBe('en');
    expect(cliLanguage([], { LC_ALL: '', LANG: 'de_AT.UTF-8' })).toBe('de');
  });

  test('English for a locale Rebound does not speak, for C, and for none', () => {
    expect(cliLanguage([], { LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(cliLanguage([], { LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage([], {})).toBe('en');
    expect(cliLanguage(['--lang', 'xx'], { LANG: 'fr_FR' })).toBe('en');
  });

  test('a --lang after -- is a value for the command, not the language', () => {
    expect(cliLanguage(['photos', 'add', '--', '--lang', 'fr'], {})).toBe('en');
    expect(wantsJson(['photos', 'add', '--', '--json'])).toBe(false);
    expect(wantsJson(['items', 'list', '--json'])).toBe(true);
  });
});
