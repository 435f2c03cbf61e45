import path from 'node:path';
import readline from 'node:readline/promises';
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import type { MigrationPlan } from '../services/db/migration';
import { APP_VERSION } from '../services/version';
import type { CliIo } from './index';
import { type CommonOptions, withCommon } from './common';
import { services } from './load';
import { wordsIn, type Words } from './texts';
import { BACKUP_TEXTS } from './texts/backup';
import { COMMON_TEXTS } from './texts/common';

type T = Words<keyof typeof BACKUP_TEXTS & string>;

/** The answers that say yes to the question, by language: "y"/"yes" always, "o"/"oui", "j"/"ja". */
const YES_ANSWERS = {
  en: /^\s*y(es)?\s*$/i,
  fr: /^\s*(y(es)?|o(ui)?)\s*$/i,
  de: /^\s*(y(es)?|ja?)\s*$/i,
} as const;

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
  consent: { readonly yes: boolean; readonly ask: Ask; readonly json?: boolean },
  io: CliIo,
): Promise<void> {
  const t = wordsIn(BACKUP_TEXTS, io.language);
  // With --json, errors stay English whatever the language (cli/language.ts).
  const e: T = consent.json ? wordsIn(BACKUP_TEXTS, 'en') : t;
  const where = (await services()).backupsDir(dataDir);
  if (consent.yes) {
    io.err(`${t('migrate.announce', { dir: dataDir, from: plan.from, to: plan.to, where })}\n`);
    return;
  }
  const what = (words: T) =>
    words('migrate.what', { dir: dataDir, from: plan.from, to: plan.to, version: APP_VERSION, where });
  if (consent.ask) {
    const answer = await consent.ask(`${what(t)}\n${t('migrate.question')}`);
    if (YES_ANSWERS[io.language].test(answer)) return;
    throw new AppError('conflict', e('migrate.declined', { dir: dataDir, from: plan.from }));
  }
  throw new AppError('conflict', e('migrate.refused', { what: what(e) }), {
    from: plan.from,
    to: plan.to,
  });
}

/** The commands that never migrate: they copy the database file as it is. */
const COPIES_ONLY: ReadonlySet<string> = new Set(['backup', 'restore']);

function megabytes(t: T, bytes: number): string {
  if (bytes < 1024 * 1024) return t('size.kb', { size: t.number(Math.ceil(bytes / 1024)) });
  const mb = bytes / (1024 * 1024);
  const size =
    t.language === 'en'
      ? mb.toFixed(1)
      : new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mb);
  return t('size.mb', { size });
}

export function registerBackupCommands(program: Command, io: CliIo): void {
  const t = wordsIn(BACKUP_TEXTS, io.language);
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  // On the program, so every command takes it, before or after its name.
  program.option('--yes', wordsIn(COMMON_TEXTS, io.language)('option.yes'));
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
    if (plan) {
      const consent = { yes: options.yes === true, ask: terminalAsk(), json: options.json === true };
      await confirmMigration(dataDir, plan, consent, io);
    }
  });

  withCommon(program.command('backup'))
    .description(t('backup.description'))
    .requiredOption('--out <file>', t('backup.out'))
    .action(async (options: CommonOptions & { out: string }) => {
      const result = (await services()).backupTo(options.dataDir, options.out);
      print(
        options,
        result,
        () =>
          `${t('backup.done', {
            dir: path.resolve(options.dataDir),
            schema: result.schemaVersion,
            file: result.file,
            size: megabytes(t, result.sizeBytes),
          })}\n`,
      );
    });

  withCommon(program.command('restore'))
    .description(t('restore.description'))
    .argument('<file>', t('restore.file'))
    .action(async (file: string, options: CommonOptions) => {
      const result = (await services()).restoreBackup(options.dataDir, file);
      print(options, result, () => {
        const lines = [
          t('restore.done', {
            file: result.restored,
            schema: result.schemaVersion,
            database: result.database,
          }),
        ];
        if (result.previous) lines.push(t('restore.previous', { file: result.previous.file }));
        if (result.migratesTo !== null) lines.push(t('restore.migrates', { to: result.migratesTo }));
        return `${lines.join('\n')}\n`;
      });
    });
}
