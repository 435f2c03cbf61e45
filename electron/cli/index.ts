import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import type { ItemSummary } from '../../shared/contract';
import { GRADES } from '../../shared/domain/grades';
import { formatMoney } from '../../shared/domain/money';
import { ITEM_STATUSES } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import { renderMessage } from '../../shared/messages/render';
import { APP_VERSION } from '../services/version';
import { registerBackupCommands } from './backup';
import {
  type CommonOptions,
  isOneOf,
  openWorkspace,
  toInt,
  usage,
  UsageError,
  withCommon,
  withWorkspace,
} from './common';
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

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: readAllStdin,
};

function pad(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text.padEnd(width);
}

function itemsTable(rows: readonly ItemSummary[]): string {
  const lines = [
    `${pad('REFERENCE', 12)} ${pad('GRADE', 17)} ${pad('STATUS', 20)} ${pad('SKU', 16)} ${pad('PRICE', 12)} TITLE`,
  ];
  for (const row of rows) {
    const price = formatMoney(row.proposedCents ?? row.originalCents, row.currency, 'en');
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
export async function run(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const program = new Command('rebound')
    .description('Rebound: turn customer returns into recovered revenue.')
    .version(APP_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  withCommon(program.command('demo'))
    .description('create the demo workspace (a sample merchant with returned items) in the data folder')
    .action(async (options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const summary = await invoke(ws, 'workspace.createDemo', {});
        print(options, summary, () => {
          const s = summary as { items: number; photos: number };
          return `Demo workspace created in ${ws.dataDir}: ${s.items} items, ${s.photos} photos.\n`;
        });
      });
    });

  withCommon(program.command('status'))
    .description('show the data folder, schema version and counts')
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
          return `Data folder: ${s.dataDir}\nSchema: ${s.schemaVersion}\nMerchants: ${s.merchantCount}\nItems: ${s.itemCount}\n`;
        });
      });
    });

  const items = program.command('items').description('returned items');
  const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];
  withCommon(items.command('list'))
    .description('list items, newest first')
    .addOption(
      new Option('--grade <grade>', `filter by grade (repeatable): ${GRADES.join(', ')}`).argParser(collect),
    )
    .addOption(
      new Option('--status <status>', `filter by status (repeatable): ${ITEM_STATUSES.join(', ')}`).argParser(
        collect,
      ),
    )
    .option('--merchant <id>', 'only this merchant’s items (id)')
    .option('--search <text>', 'reference, SKU, EAN, order reference or title')
    .option('--limit <n>', 'at most this many rows (1–1000)', '200')
    .option('--offset <n>', 'skip this many rows', '0')
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
          if (!isOneOf(GRADES, grade)) throw usage(`Unknown grade “${grade}”. Grades: ${GRADES.join(', ')}.`);
          return grade;
        });
        const statuses = (options.status ?? []).map((status) => {
          if (!isOneOf(ITEM_STATUSES, status))
            throw usage(`Unknown status “${status}”. Statuses: ${ITEM_STATUSES.join(', ')}.`);
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
              `${itemsTable(result.rows)}${result.rows.length} of ${result.totalCapped ? `more than ${result.total}` : result.total} items\n`,
          );
        });
      },
    );

  withCommon(items.command('show'))
    .description('show one item with its history')
    .argument('<reference>', 'the item’s Rebound reference, e.g. RB-000123')
    .action(async (reference: string, options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const item = await invoke(ws, 'items.getByReference', { reference });
        print(options, item, () => `${JSON.stringify(item, null, 2)}\n`);
      });
    });

  const merchants = program.command('merchants').description('merchants whose returns are handled');
  withCommon(merchants.command('list'))
    .description('list merchants')
    .action(async (options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const list = await invoke(ws, 'merchants.list', {});
        print(options, list, () =>
          list.map((m) => `${m.id}\t${m.name}\t${m.currency}\t${m.itemCount} items\n`).join(''),
        );
      });
    });

  withListenOptions(withCommon(program.command('serve')))
    .description(
      'browser mode: serve the app and its API over HTTP(S); everyone signs in with their own name',
    )
    .action(async (options: CommonOptions & ListenOptions) => {
      if (options.database !== undefined) {
        throw usage(
          'A server database is served by `rebound server`, which also works with its other instances.',
        );
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
          : `Rebound is serving ${ws.dataDir}\nOpen ${server.url} and sign in.\nPress Ctrl+C to stop.\n`,
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
      io.err(`rebound: ${error.message}\n`);
      return 2;
    }
    const data = error instanceof AppError ? error.toData() : (await services()).toErrorData(error);
    if (wantsJson(argv)) {
      io.err(`${JSON.stringify({ error: data })}\n`);
    } else {
      // In English the thrower's own text, which may say more than the catalogue (zod's details).
      const language = cliLanguage(argv);
      const text =
        data.text === undefined || language === 'en'
          ? data.message
          : renderMessage(data.text, language, data.message);
      io.err(`rebound: ${text}\n`);
    }
    // The command line is the only input here: a value the contract refuses is bad usage.
    return data.code === 'bad_input' ? 2 : 1;
  }
}
