import fs from 'node:fs';
import { Option, type Command } from 'commander';
import type { Merchant } from '../../shared/contract';
import { LANGUAGES } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import { defaultDataDir } from '../services/paths';
import { isPostgresUrl } from '../services/db/postgres/address';
import type { Workspace } from '../services/workspace';
import { invoke, services } from './load';
import type { CliIo } from './index';

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
export const YES_HELP =
  'migrate an older data folder to this version’s schema without asking (a backup is taken first)';

/**
 * `--data-dir`, or `--database` with `--photos` for a server's workspace: every command works on
 * either (`rebound users add … --database postgres://…`), as the app's services do.
 */
export function withWorkspaceOptions(command: Command): Command {
  const withDirs = command
    .option(
      '--data-dir <dir>',
      'data folder (default: the desktop app’s, or $REBOUND_DATA_DIR)',
      defaultDataDir(),
    )
    .addOption(
      new Option(
        '--database <url>',
        'a server’s PostgreSQL database instead of a data folder (postgres://…)',
      ).env('REBOUND_DATABASE'),
    )
    .addOption(
      new Option('--photos <dir>', 'with --database: the folder the server’s instances share').env(
        'REBOUND_PHOTOS',
      ),
    );
  // Read before any command runs (cli/language.ts); declared here so it is documented and checked.
  // A command whose --lang already chooses a language of its own (describe) keeps its meaning.
  if (withDirs.options.some((option) => option.long === '--lang')) return withDirs;
  return withDirs.addOption(
    new Option('--lang <language>', 'language of messages (default: from LANG, else English)').choices(
      LANGUAGES,
    ),
  );
}

export function withCommon(command: Command): Command {
  return withWorkspaceOptions(command)
    .option('--json', 'print machine-readable JSON')
    .option('--yes', YES_HELP);
}

/** Opens the workspace the options name; the caller closes it. */
export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const { Workspace } = await services();
  if (options.database === undefined) return Workspace.open(options.dataDir);
  if (!isPostgresUrl(options.database)) {
    throw usage('--database must be a postgres:// address.');
  }
  if (options.photos === undefined)
    throw usage('--database needs --photos: the folder the server’s instances share.');
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
    throw new AppError(
      'not_found',
      `There is no merchant “${value}”.${known ? ` Merchants: ${known}.` : ''}`,
    );
  }
  return found;
}

/** A mistake in the command line itself: said on stderr with exit code 2 (cli/index.ts). */
export class UsageError extends Error {}

export function usage(message: string): UsageError {
  return new UsageError(message);
}

export function readFileOrSay(file: string, option: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw usage(
      `${option}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
    );
  }
}

/** Narrows a command-line word to one of a list of names. */
export function isOneOf<T extends string>(names: readonly T[], value: string): value is T {
  return (names as readonly string[]).includes(value);
}

export function toInt(value: string, name: string): number {
  if (!/^-?\d+$/.test(value)) throw usage(`${name} must be a whole number, got “${value}”.`);
  return Number(value);
}

/** A password given on standard input (its first line), never as an argument others could read. */
export async function passwordFrom(io: CliIo): Promise<string> {
  const text = await io.readStdin();
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') throw new AppError('bad_input', 'Give the password on standard input (one line).');
  return password;
}
