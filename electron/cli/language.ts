import { LANGUAGES, type Language } from '../../shared/domain/status';

/**
 * The language the command line speaks: `--lang`, else the environment's locale as POSIX
 * orders it (LC_ALL, then LC_MESSAGES, then LANG: "fr_FR.UTF-8" is French), else English.
 * Read from the raw arguments so that even an error before any command ran is said in it.
 */
export function cliLanguage(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Language {
  const flag = langFlag(argv);
  if (flag !== null) return isLanguage(flag) ? flag : 'en';
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    // An empty variable does not count; "C" and "POSIX" are the absence of a language.
    if (value === undefined || value === '') continue;
    const language = value.slice(0, 2).toLowerCase();
    return isLanguage(language) ? language : 'en';
  }
  return 'en';
}

function langFlag(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') return null;
    if (arg === '--lang') return argv[i + 1] ?? null;
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return null;
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** `--json` asked: answers and errors stay codes plus the English text, whatever the language. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}
