import { Help, type Argument, type Command, type Option } from 'commander';
import type { Language } from '../../shared/domain/status';
import type { CliIo } from './index';
import { wordsIn } from './texts';
import { COMMANDER_TEXTS } from './texts/commander';

/**
 * Commander writes its help headings, its own options' help and its usage errors in English.
 * This gives a run's program (and every command added after, which copies these settings) the
 * run's language: headings and the "(default: …)" notes through its Help hooks, the errors by
 * matching commander's English sentences, which are part of its stable interface (its own tests
 * match them too). An error no pattern knows is written as commander wrote it.
 */
export function speakCommander(program: Command, language: Language, io: CliIo): void {
  const t = wordsIn(COMMANDER_TEXTS, language);
  // "(default: …, env: …)" after an option's help: the notes' names in the language.
  const colon = language === 'fr' ? '\u202f: ' : ': ';
  const notes = (text: string) =>
    language === 'en'
      ? text
      : text.replace(
          /(\(|, )(choices|default|env): /g,
          (_, before: string, name: 'choices' | 'default' | 'env') => `${before}${t(name)}${colon}`,
        );
  program
    .configureHelp({
      styleTitle: (title: string) => {
        const key = `title.${title}`;
        return key in COMMANDER_TEXTS ? t(key as keyof typeof COMMANDER_TEXTS) : title;
      },
      optionDescription: (option: Option) => notes(PLAIN.optionDescription(option)),
      argumentDescription: (argument: Argument) => notes(PLAIN.argumentDescription(argument)),
      // French puts no-break spaces before « : » and inside « »; a line must not break there.
      boxWrap: (text: string, width: number) =>
        PLAIN.boxWrap(
          text.replace(/[\u00a0\u202f]/g, (space) => KEPT[space]!),
          width,
        ).replace(/[\ue000\ue001]/g, (kept) => (kept === '\ue000' ? '\u00a0' : '\u202f')),
    })
    .helpOption('-h, --help', t('help'))
    .helpCommand('help [command]', t('help'))
    .showHelpAfterError(t('afterError'))
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(language === 'en' ? text : commanderError(text, t)),
    });
}

/** Commander's own help formatting, which the hooks above wrap. */
const PLAIN = new Help();

/** No-break spaces stand in as private-use letters while commander wraps (same width). */
const KEPT: Readonly<Record<string, string>> = { '\u00a0': '\ue000', '\u202f': '\ue001' };

type Say = ReturnType<typeof wordsIn<typeof COMMANDER_TEXTS>>;

const ERRORS: readonly [RegExp, (match: RegExpMatchArray, t: Say) => string][] = [
  [/^error: unknown command '(.+?)'/, (m, t) => t('error.unknownCommand', { name: m[1]! })],
  [/^error: unknown option '(.+?)'/, (m, t) => t('error.unknownOption', { name: m[1]! })],
  [/^error: missing required argument '(.+?)'/, (m, t) => t('error.missingArgument', { name: m[1]! })],
  [/^error: option '(.+?)' argument missing/, (m, t) => t('error.optionArgumentMissing', { name: m[1]! })],
  [/^error: required option '(.+?)' not specified/, (m, t) => t('error.requiredOption', { name: m[1]! })],
  [
    /^error: option '(.+?)' argument '(.+?)' is invalid\. Allowed choices are (.+?)\./,
    (m, t) => t('error.invalidChoice', { name: m[1]!, value: m[2]!, choices: m[3]! }),
  ],
  [/^error: too many arguments/, (_m, t) => t('error.tooManyArguments')],
];

function commanderError(text: string, t: Say): string {
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  const known = ERRORS.find(([pattern]) => pattern.test(first));
  if (!known) return text;
  const said = known[1](first.match(known[0])!, t);
  const hint = rest.join('\n').match(/^\(Did you mean (?:one of )?(.+)\?\)$/);
  return `${said}${hint ? `\n${t('didYouMean', { names: hint[1]! })}` : ''}\n`;
}
