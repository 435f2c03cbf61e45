import path from 'node:path';
import readline from 'node:readline/promises';
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import type { MigrationPlan } from '../services/db/migration';
import { APP_VERSION } from '../services/version';
import type { CliIo } from './index';
import { type CommonOptions, withCommon, YES_HELP } from './common';
import { services } from './load';

/**
 * `rebound backup --out FILE` and `rebound restore FILE`, and the rule that a command line never
 * migrates a workspace without saying so: a `rebound` from a newer checkout that would migrate an
 * existing data folder to its schema asks first on a terminal and otherwise refuses unless given
 * `--yes` (the backup before migrating is taken either way, by the open itself).
 */

/** Asks one question on the terminal; null when there is no terminal to ask on. */
export type Ask = ((question: string) => Promise<string>) | null;

function terminalAsk(): Ask {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  return async (question) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}

/**
 * Whether a command may migrate the data folder from `plan.from` to `plan.to`: with `--yes`, or
 * when the person at the terminal says yes; refused (exit 1, nothing changed) otherwise.
 */
export async function confirmMigration(
  dataDir: string,
  plan: MigrationPlan,
  consent: { readonly yes: boolean; readonly ask: Ask },
  io: CliIo,
): Promise<void> {
  const where = (await services()).backupsDir(dataDir);
  if (consent.yes) {
    io.err(`Migrating ${dataDir} from schema ${plan.from} to ${plan.to}; a backup is kept in ${where}.\n`);
    return;
  }
  const what = `The data folder ${dataDir} is at schema ${plan.from}; this Rebound (${APP_VERSION}) would migrate it to schema ${plan.to}, which older versions of Rebound cannot open (a backup is kept in ${where} first).`;
  if (consent.ask) {
    const answer = await consent.ask(`${what}\nMigrate it now? [y/N] `);
    if (/^\s*y(es)?\s*$/i.test(answer)) return;
    throw new AppError(
      'conflict',
      `Not migrated: ${dataDir} stays at schema ${plan.from}. Nothing was changed.`,
    );
  }
  throw new AppError(
    'conflict',
    `${what} Nothing was changed: run the command again with --yes to migrate it.`,
    { from: plan.from, to: plan.to },
  );
}

/** The commands that never migrate: they copy the database file as it is. */
const COPIES_ONLY: ReadonlySet<string> = new Set(['backup', 'restore']);

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function registerBackupCommands(program: Command, io: CliIo): void {
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  // On the program, so every command takes it, before or after its name.
  program.option('--yes', YES_HELP);
  program.hook('preAction', async (_program, command) => {
    if (command.parent === program && COPIES_ONLY.has(command.name())) return;
    const options = command.optsWithGlobals<Partial<CommonOptions> & { yes?: boolean }>();
    // A server's database is migrated by its instances and `rebound server init`, never asked here.
    if (typeof options.dataDir !== 'string' || options.database !== undefined) return;
    const dataDir = path.resolve(options.dataDir);
    const { pendingMigration, DATABASE_FILE } = await services();
    let plan: MigrationPlan | null;
    try {
      plan = pendingMigration(path.join(dataDir, DATABASE_FILE));
    } catch {
      // Unreadable: opening it says what is wrong (damaged, not a database).
      return;
    }
    if (plan) await confirmMigration(dataDir, plan, { yes: options.yes === true, ask: terminalAsk() }, io);
  });

  withCommon(program.command('backup'))
    .description(
      'copy the workspace database to a file: a consistent copy, also while Rebound runs; never over an existing file',
    )
    .requiredOption('--out <file>', 'the file to write (must not exist)')
    .action(async (options: CommonOptions & { out: string }) => {
      const result = (await services()).backupTo(options.dataDir, options.out);
      print(
        options,
        result,
        () =>
          `Backed up ${path.resolve(options.dataDir)} (schema ${result.schemaVersion}) to ${result.file}, ${megabytes(result.sizeBytes)}.\n`,
      );
    });

  withCommon(program.command('restore'))
    .description(
      'replace the workspace database with a backup (checked first); refused while the workspace is open; the database it replaces is kept in backups/',
    )
    .argument('<file>', 'the backup: a file `rebound backup` wrote, or one of the data folder’s backups/')
    .action(async (file: string, options: CommonOptions) => {
      const result = (await services()).restoreBackup(options.dataDir, file);
      print(options, result, () => {
        const lines = [`Restored ${result.restored} (schema ${result.schemaVersion}) as ${result.database}.`];
        if (result.previous) lines.push(`The database it replaced is kept as ${result.previous.file}.`);
        if (result.migratesTo !== null) {
          lines.push(
            `It is at an older schema: Rebound migrates it to schema ${result.migratesTo} when it next opens it (commands ask first, or take --yes).`,
          );
        }
        return `${lines.join('\n')}\n`;
      });
    });
}
