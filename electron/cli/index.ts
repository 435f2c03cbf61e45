import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import type { ItemSummary } from '../../shared/contract';
import { GRADES } from '../../shared/domain/grades';
import { formatMoney } from '../../shared/domain/money';
import { ITEM_STATUSES, type Language } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import { renderMessage } from '../../shared/messages/render';
import { APP_VERSION } from '../services/version';
import { registerBackupCommands } from './backup';
import {
  CliFailure,
  type CommonOptions,
  isOneOf,
  openWorkspace,
  toInt,
  usage,
  speak,
  UsageError,
  withCommon,
  withWorkspace,
} from './common';
import { speakCommander } from './commanderWords';
import { wordsIn, type Words } from './texts';
import { COMMANDER_TEXTS } from './texts/commander';
import { PROGRAM_TEXTS } from './texts/program';
import { cliLanguage, wantsJson } from './language';
import { listenPlan, withListenOptions, type ListenOptions } from './listen';
import { invoke, services } from './load';
import { registerChannelsCommands } from './channels';
import { registerDescribeCommands } from './describe';
import { registerEbayCommands } from './ebay';
import { registerExportsCommands } from './exports';
import { registerIntakeCommands } from './intake';
import { registerMigrateCommand } from './migrate';
import { registerPhotosCommands } from './photos';
import { registerPricingCommands } from './pricing';
import { registerServerCommands } from './server';
import { registerShopCommands } from './shop';
import { registerUnitsCommands } from './units';
import { registerUsersCommands } from './users';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliIo {
  /** The language the command line speaks in this run (cli/language.ts). */
  readonly language: Language;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** All of standard input, for secrets that must not be arguments (`--password-stdin`). */
  readonly readStdin: () => Promise<string>;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What a run writes to and reads from; its language comes from the arguments and environment. */
export type CliStreams = Omit<CliIo, 'language'>;

const defaultIo: CliStreams = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: readAllStdin,
};

function pad(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text.padEnd(width);
}

function itemsTable(rows: readonly ItemSummary[], t: Words<keyof typeof PROGRAM_TEXTS>): string {
  const lines = [
    `${pad(t('items.table.reference'), 12)} ${pad(t('items.table.grade'), 17)} ${pad(t('items.table.status'), 20)} ${pad(t('items.table.sku'), 16)} ${pad(t('items.table.price'), 12)} ${t('items.table.title')}`,
  ];
  for (const row of rows) {
    const price = formatMoney(row.proposedCents ?? row.originalCents, row.currency, t.locale);
    lines.push(
      `${pad(row.reference, 12)} ${pad(row.grade ?? '—', 17)} ${pad(row.status, 20)} ${pad(row.sku, 16)} ${pad(price, 12)} ${row.title}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs one command line. Returns the exit code: 0 success, 1 a failure explained on stderr,
 * 2 bad usage (unknown command or option, invalid value).
 */
export async function run(argv: readonly string[], streams: CliStreams = defaultIo): Promise<number> {
  const language = cliLanguage(argv);
  const io: CliIo = { ...streams, language };
  const t = wordsIn(PROGRAM_TEXTS, language);
  const program = new Command('rebound');
  speak(program, language);
  // Before any command is added: each copies its parent's help and output settings.
  speakCommander(program, language, io);
  program
    .description(t('description'))
    .version(APP_VERSION, '-V, --version', wordsIn(COMMANDER_TEXTS, language)('version'))
    .exitOverride();

  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  withCommon(program.command('demo'))
    .description(t('demo.description'))
    .action(async (options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const summary = await invoke(ws, 'workspace.createDemo', {});
        print(options, summary, () => {
          const s = summary as { items: number; photos: number };
          return `${t('demo.done', { dir: ws.dataDir, items: s.items, photos: s.photos })}\n`;
        });
      });
    });

  withCommon(program.command('status'))
    .description(t('status.description'))
    .action(async (options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const status = await invoke(ws, 'workspace.status', {});
        print(options, status, () => {
          const s = status as {
            dataDir: string;
            schemaVersion: number;
            merchantCount: number;
            itemCount: number;
          };
          return [
            [t('status.dataDir'), s.dataDir],
            [t('status.schema'), s.schemaVersion],
            [t('status.merchants'), s.merchantCount],
            [t('status.items'), s.itemCount],
          ]
            .map(([name, value]) => `${name}: ${value}\n`)
            .join('');
        });
      });
    });

  const items = program.command('items').description(t('items.description'));
  const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];
  withCommon(items.command('list'))
    .description(t('items.list.description'))
    .addOption(
      new Option('--grade <grade>', t('items.list.grade', { grades: GRADES.join(', ') })).argParser(collect),
    )
    .addOption(
      new Option(
        '--status <status>',
        t('items.list.status', { statuses: ITEM_STATUSES.join(', ') }),
      ).argParser(collect),
    )
    .option('--merchant <id>', t('items.list.merchant'))
    .option('--search <text>', t('items.list.search'))
    .option('--limit <n>', t('items.list.limit'), '200')
    .option('--offset <n>', t('items.list.offset'), '0')
    .action(
      async (
        options: CommonOptions & {
          grade?: string[];
          status?: string[];
          merchant?: string;
          search?: string;
          limit: string;
          offset: string;
        },
      ) => {
        const grades = (options.grade ?? []).map((grade) => {
          if (!isOneOf(GRADES, grade))
            throw usage(t('items.list.unknownGrade', { grade, grades: GRADES.join(', ') }));
          return grade;
        });
        const statuses = (options.status ?? []).map((status) => {
          if (!isOneOf(ITEM_STATUSES, status))
            throw usage(t('items.list.unknownStatus', { status, statuses: ITEM_STATUSES.join(', ') }));
          return status;
        });
        await withWorkspace(options, async (ws) => {
          const result = await invoke(ws, 'items.list', {
            ...(grades.length > 0 ? { grades } : {}),
            ...(statuses.length > 0 ? { statuses } : {}),
            merchantId: options.merchant === undefined ? undefined : toInt(options.merchant, '--merchant'),
            search: options.search,
            limit: toInt(options.limit, '--limit'),
            offset: toInt(options.offset, '--offset'),
          });
          print(
            options,
            result,
            () =>
              `${itemsTable(result.rows, t)}${t('items.list.count', {
                shown: result.rows.length,
                total: result.totalCapped ? t('items.list.moreThan', { total: result.total }) : result.total,
              })}\n`,
          );
        });
      },
    );

  withCommon(items.command('show'))
    .description(t('items.show.description'))
    .argument('<reference>', t('items.show.reference'))
    .action(async (reference: string, options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const item = await invoke(ws, 'items.getByReference', { reference });
        print(options, item, () => `${JSON.stringify(item, null, 2)}\n`);
      });
    });

  const merchants = program.command('merchants').description(t('merchants.description'));
  withCommon(merchants.command('list'))
    .description(t('merchants.list.description'))
    .action(async (options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const list = await invoke(ws, 'merchants.list', {});
        print(options, list, () =>
          list
            .map(
              (m) =>
                `${m.id}\t${m.name}\t${m.currency}\t${t('merchants.list.items', { count: m.itemCount })}\n`,
            )
            .join(''),
        );
      });
    });

  withListenOptions(withCommon(program.command('serve')))
    .description(t('serve.description'))
    .action(async (options: CommonOptions & ListenOptions) => {
      if (options.database !== undefined) {
        throw usage(t('serve.notADatabase'));
      }
      const listen = listenPlan(options);
      const { startBackgroundWork, startServer } = await services();
      const ws = await openWorkspace(options);
      const background = await startBackgroundWork(ws);
      const server = await startServer({
        ws,
        ...listen,
        rendererDir: path.join(PACKAGE_ROOT, 'out', 'renderer'),
      });
      // One line of JSON with --json, so a script can read the URL as soon as it is printed.
      const info = { url: server.url, origin: server.origin, dataDir: ws.dataDir };
      io.out(
        options.json
          ? `${JSON.stringify(info)}\n`
          : `${t('serve.serving', { dir: ws.dataDir, url: server.url })}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await background.stop();
      await ws.close();
    });

  registerIntakeCommands(program, io);
  registerPhotosCommands(program, io);
  registerPricingCommands(program, io);
  registerExportsCommands(program, io);
  registerDescribeCommands(program, io);
  registerChannelsCommands(program, io);
  registerEbayCommands(program, io);
  registerShopCommands(program, io);
  registerUnitsCommands(program, io);
  registerUsersCommands(program, io);
  registerBackupCommands(program, io);
  registerServerCommands(program, io, PACKAGE_ROOT);
  registerMigrateCommand(program, io);

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.err(`rebound: ${error.said(language)}\n`);
      return 2;
    }
    const data = error instanceof AppError ? error.toData() : (await services()).toErrorData(error);
    if (wantsJson(argv)) {
      io.err(`${JSON.stringify({ error: data })}\n`);
    } else {
      // In English the thrower's own text, which may say more than the catalogue (zod's details).
      const text =
        error instanceof CliFailure
          ? error.said(language)
          : data.text === undefined || language === 'en'
            ? data.message
            : renderMessage(data.text, language, data.message);
      io.err(`rebound: ${text}\n`);
    }
    // The command line is the only input here: a value the contract refuses is bad usage.
    return data.code === 'bad_input' ? 2 : 1;
  }
}
