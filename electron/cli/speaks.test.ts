import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Language } from '../../shared/domain/status';
import { rebound } from '../../tests/support/cli';
import { tempDir } from '../../tests/integration/temp';
import type { CliTexts, CliWording } from './texts';

/**
 * A French or German administrator reads the whole command line in her language: every command's
 * help, the command line's own refusals, and commander's. The walk goes through every command
 * and fails on any English sentence of the command line's own tables, and on English words that
 * no French or German help text would hold.
 */

const HEADINGS: Readonly<Record<Exclude<Language, 'en'>, RegExp>> = {
  fr: /^Utilisation\u202f: rebound/,
  de: /^Aufruf: rebound/,
};
const COMMANDS: Readonly<Record<Exclude<Language, 'en'>, RegExp>> = {
  fr: /^Commandes\u202f:\n/m,
  de: /^Befehle:\n/m,
};

/** Words that mark an English sentence, never a French or German one. */
const ENGLISH = /\b(the|and|with|from|this|which|into|without|only|when|every|each|its|their|your)\b/i;

/** The English sentences (three words or more) of every table whose translation differs. */
async function englishSentences(language: Exclude<Language, 'en'>): Promise<string[]> {
  const dir = path.join(import.meta.dirname, 'texts');
  const sentences: string[] = [];
  const forms = (wording: CliWording) =>
    typeof wording === 'string' ? [wording] : [wording.one, wording.other];
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const module = (await import(path.join(dir, file))) as Record<string, CliTexts>;
    for (const table of Object.values(module)) {
      for (const wordings of Object.values(table)) {
        const local = forms(wordings[language]);
        forms(wordings.en).forEach((english, i) => {
          const fixed = english.split(/\{\{[^}]*\}\}/)[0]!.trim();
          if (english !== local[i] && (fixed.match(/\p{L}{3,}/gu) ?? []).length >= 3) sentences.push(fixed);
        });
      }
    }
  }
  return sentences;
}

/** Every command's help, by command line, in `language`. */
async function helps(language: Exclude<Language, 'en'>): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  const visit = async (command: string[]) => {
    const help = await rebound(...command, '--help', '--lang', language);
    expect(help.code, command.join(' ')).toBe(0);
    all.set(`rebound ${command.join(' ')}`, help.out);
    const section = help.out.split(COMMANDS[language])[1] ?? '';
    const children = [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)]
      .map((m) => m[1]!)
      .filter((name) => name !== 'help');
    for (const child of children) await visit([...command, child]);
  };
  await visit([]);
  return all;
}

describe.each(['fr', 'de'] as const)('the command line in %s', (language) => {
  test('every command explains itself in the language, with no English sentence left', async () => {
    const sentences = await englishSentences(language);
    const found: string[] = [];
    const all = await helps(language);
    expect(all.size).toBeGreaterThan(40);
    for (const [command, help] of all) {
      expect(help, command).toMatch(HEADINGS[language]);
      // Option names, placeholders and values are the same in every language: leave them out.
      const prose = help
        .replace(/--?[\w-]+( <[^>]+>)?/g, ' ')
        .replace(/"[^"]*"/g, ' ')
        .replace(/\s+/g, ' ');
      for (const sentence of sentences) {
        if (prose.includes(sentence.replace(/\s+/g, ' '))) found.push(`${command}: “${sentence}”`);
      }
      const english = prose.match(ENGLISH);
      if (english)
        found.push(
          `${command}: “${english[0]}” in …${prose.slice(Math.max(0, english.index! - 60), english.index! + 40)}…`,
        );
    }
    expect(found).toEqual([]);
  });

  test('a mistyped command and a bad number are refused in the language', async () => {
    const typo = await rebound('itmes', '--lang', language);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(
      language === 'fr'
        ? /^erreur\u202f: commande inconnue «\u202fitmes\u202f»/
        : /^Fehler: unbekannter Befehl „itmes“/,
    );
    const limit = await rebound(
      'items',
      'list',
      '--limit',
      'ten',
      '--lang',
      language,
      '--data-dir',
      tempDir(),
    );
    expect(limit.code).toBe(2);
    expect(limit.err).toBe(
      language === 'fr'
        ? 'rebound: --limit doit être un nombre entier, pas «\u202ften\u202f».\n'
        : 'rebound: --limit muss eine ganze Zahl sein, nicht „ten“.\n',
    );
  });
});
