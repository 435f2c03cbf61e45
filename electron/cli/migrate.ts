import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { LANGUAGES } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import type { CopyResult } from '../services/db/postgres/copy';
import { isPostgresUrl, redactUrl } from '../services/db/postgres/address';
import { usage } from './common';
import { services } from './load';
import type { CliIo } from './index';
import { wordsIn, type Words } from './texts';
import { COMMON_TEXTS } from './texts/common';
import { MIGRATE_TEXTS } from './texts/migrate';

type T = Words<keyof typeof MIGRATE_TEXTS & string>;

/**
 * `rebound migrate`: moves a desk's workspace (its data folder) to a server, once, when a
 * warehouse grows from one desk to several. The server database must be new and empty; the
 * desk is left as it was, so it stays a fallback until the server is in use.
 */

interface MigrateOptions {
  from?: string;
  to?: string;
  photos?: string;
  json?: boolean;
}

function required(t: T, options: MigrateOptions): { from: string; to: string; photos: string } {
  if (!options.from) throw usage(t('usage.from'));
  if (!options.to) throw usage(t('usage.to'));
  if (!isPostgresUrl(options.to)) {
    throw usage(t('usage.notPostgres', { url: redactUrl(options.to) }));
  }
  if (!options.photos) throw usage(t('usage.photos'));
  return { from: path.resolve(options.from), to: options.to, photos: path.resolve(options.photos) };
}

function humanReport(t: T, result: CopyResult): string {
  const width = Math.max(...result.tables.map((table) => table.table.length));
  const rows = result.tables.map((table) =>
    t('report.rows', { count: table.rows, rows: String(table.rows).padStart(8) }),
  );
  // "1 ligne" is shorter than "2 lignes": the checksums stay in one column.
  const rowsWidth = t.language === 'en' ? 0 : Math.max(0, ...rows.map((text) => text.length));
  const lines = result.tables.map(
    (table, i) =>
      `${table.table.padEnd(width)}  ${rows[i]!.padEnd(rowsWidth)}  ${table.sourceChecksum.slice(0, 12)}  ${table.targetChecksum.slice(0, 12)}`,
  );
  lines.push(
    t('report.photos', {
      count: result.photos.files,
      files: result.photos.files,
      bytes: result.photos.bytes,
    }),
  );
  lines.push(t('report.verified'));
  return `${lines.join('\n')}\n`;
}

export function registerMigrateCommand(program: Command, io: CliIo): void {
  const t = wordsIn(MIGRATE_TEXTS, io.language);
  program
    .command('migrate')
    .description(t('description'))
    .option('--from <dir>', t('option.from'))
    .option('--to <url>', t('option.to'))
    .option('--photos <dir>', t('option.photos'))
    .option('--json', wordsIn(COMMON_TEXTS, io.language)('option.json'))
    // Read before any command runs (cli/language.ts); declared so that it is documented and checked.
    .addOption(
      new Option('--lang <language>', wordsIn(COMMON_TEXTS, io.language)('option.lang')).choices(LANGUAGES),
    )
    .action(async (options: MigrateOptions) => {
      const { from, to, photos } = required(t, options);
      // Opening a folder without a database would create an empty workspace there.
      if (!fs.existsSync(path.join(from, 'rebound.sqlite'))) {
        // With --json, errors stay English whatever the language (cli/language.ts).
        const e = options.json ? wordsIn(MIGRATE_TEXTS, 'en') : t;
        throw new AppError('not_found', e('noWorkspace', { dir: from }));
      }
      const { copyWorkspace, Workspace } = await services();
      const desk = Workspace.open(from);
      try {
        const server = await Workspace.connect(to, photos);
        try {
          const result = await copyWorkspace(desk, server);
          io.out(
            options.json
              ? `${JSON.stringify({ from, to: redactUrl(to), photosDir: photos, ...result }, null, 2)}\n`
              : humanReport(t, result),
          );
        } finally {
          await server.close();
        }
      } finally {
        await desk.close();
      }
    });
}
