import fs from 'node:fs';
import { Option, type Command } from 'commander';
import type { Merchant } from '../../shared/contract';
import { LANGUAGES, type Language } from '../../shared/domain/status';
import { AppError, type ErrorCode } from '../../shared/errors';
import { defaultDataDir } from '../services/paths';
import { isPostgresUrl } from '../services/db/postgres/address';
import type { Workspace } from '../services/workspace';
import { invoke, services } from './load';
import type { CliIo } from './index';
import { wordsIn, type CliValue } from './texts';
import { COMMON_TEXTS } from './texts/common';

/**
 * What every `rebound` command shares: `--data-dir` and `--json`, a workspace opened for the
 * command and always closed, and `--merchant` given as an id or a name.
 */

export interface CommonOptions extends WorkspaceOptions {
  json?: boolean;
}

/** Where a command finds its workspace: a desk's data folder, or a server's database and folder. */
export interface WorkspaceOptions {
  dataDir: string;
  database?: string;
  photos?: string;
}

/** `--yes`: the program itself reads it before any command opens the workspace (cli/backup.ts). */
export const YES_HELP = wordsIn(COMMON_TEXTS, 'en')('option.yes');

/** The language each run's program speaks, found from any of its commands (set by cli/index.ts). */
const spoken = new WeakMap<Command, Language>();

export function speak(program: Command, language: Language): void {
  spoken.set(program, language);
}

/** The words of `command`'s run: its program's language. */
export function languageOf(command: Command): Language {
  let root = command;
  while (root.parent) root = root.parent;
  return spoken.get(root) ?? 'en';
}

/**
 * `--data-dir`, or `--database` with `--photos` for a server's workspace: every command works on
 * either (`rebound users add … --database postgres://…`), as the app's services do.
 */
export function withWorkspaceOptions(command: Command): Command {
  const t = wordsIn(COMMON_TEXTS, languageOf(command));
  const withDirs = command
    .option('--data-dir <dir>', t('option.dataDir'), defaultDataDir())
    .addOption(new Option('--database <url>', t('option.database')).env('REBOUND_DATABASE'))
    .addOption(new Option('--photos <dir>', t('option.photos')).env('REBOUND_PHOTOS'));
  // Read before any command runs (cli/language.ts); declared here so it is documented and checked.
  // A command whose --lang already chooses a language of its own (describe) keeps its meaning.
  if (withDirs.options.some((option) => option.long === '--lang')) return withDirs;
  return withDirs.addOption(new Option('--lang <language>', t('option.lang')).choices(LANGUAGES));
}

export function withCommon(command: Command): Command {
  const t = wordsIn(COMMON_TEXTS, languageOf(command));
  return withWorkspaceOptions(command).option('--json', t('option.json')).option('--yes', t('option.yes'));
}

/** Opens the workspace the options name; the caller closes it. */
export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const { Workspace } = await services();
  if (options.database === undefined) return Workspace.open(options.dataDir);
  if (!isPostgresUrl(options.database)) {
    throw commonUsage('error.databaseUrl');
  }
  if (options.photos === undefined) throw commonUsage('error.databaseNeedsPhotos');
  return Workspace.connect(options.database, options.photos);
}

export async function withWorkspace<T>(
  options: WorkspaceOptions,
  work: (ws: Workspace) => Promise<T>,
): Promise<T> {
  const ws = await openWorkspace(options);
  try {
    return await work(ws);
  } finally {
    await ws.close();
  }
}

/** `--merchant` takes an id or a name (any case); an unknown one lists the merchants there are. */
export async function merchantOf(ws: Workspace, value: string): Promise<Merchant> {
  const merchants = await invoke(ws, 'merchants.list', {});
  const found = /^\d+$/.test(value.trim())
    ? merchants.find((m) => m.id === Number(value.trim()))
    : merchants.find((m) => m.name.toLocaleLowerCase('en') === value.trim().toLocaleLowerCase('en'));
  if (!found) {
    const known = merchants.map((m) => `${m.id} ${m.name}`).join(', ');
    const said = (language: Language) => {
      const t = wordsIn(COMMON_TEXTS, language);
      return `${t('error.noMerchant', { value })}${known ? t('error.merchants', { list: known }) : ''}`;
    };
    throw new CliFailure('not_found', said);
  }
  return found;
}

/**
 * A mistake in the command line itself: said on stderr with exit code 2 (cli/index.ts), in the
 * run's language when the thrower gave the words for each (`said`).
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly said: (language: Language) => string = () => message,
  ) {
    super(message);
  }
}

export function usage(message: string): UsageError {
  return new UsageError(message);
}

/** A failure the command line itself finds (exit code 1), said in the run's language. */
export class CliFailure extends AppError {
  constructor(
    code: ErrorCode,
    readonly said: (language: Language) => string,
  ) {
    super(code, said('en'));
  }
}

function commonUsage(
  key: keyof typeof COMMON_TEXTS,
  values?: Readonly<Record<string, CliValue>>,
): UsageError {
  const said = (language: Language) => wordsIn(COMMON_TEXTS, language)(key, values);
  return new UsageError(said('en'), said);
}

export function readFileOrSay(file: string, option: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw commonUsage('error.cannotRead', { option, file, reason });
  }
}

/** Narrows a command-line word to one of a list of names. */
export function isOneOf<T extends string>(names: readonly T[], value: string): value is T {
  return (names as readonly string[]).includes(value);
}

export function toInt(value: string, name: string): number {
  if (!/^-?\d+$/.test(value)) throw commonUsage('error.wholeNumber', { name, value });
  return Number(value);
}

/** A password given on standard input (its first line), never as an argument others could read. */
export async function passwordFrom(io: CliIo): Promise<string> {
  const text = await io.readStdin();
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '')
    throw new CliFailure('bad_input', (language) => wordsIn(COMMON_TEXTS, language)('error.passwordStdin'));
  return password;
}
