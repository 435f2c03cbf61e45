import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import type { CopyResult } from '../services/db/postgres/copy';
import { isPostgresUrl, redactUrl } from '../services/db/postgres/address';
import { usage } from './common';
import { services } from './load';
import type { CliIo } from './index';

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

function required(options: MigrateOptions): { from: string; to: string; photos: string } {
  if (!options.from) throw usage('--from names the desk’s data folder to copy.');
  if (!options.to) throw usage('--to names the server’s PostgreSQL database: postgres://…');
  if (!isPostgresUrl(options.to)) {
    throw usage(`--to must be a postgres:// address, got ${redactUrl(options.to)}.`);
  }
  if (!options.photos) throw usage('--photos names the folder every server instance shares.');
  return { from: path.resolve(options.from), to: options.to, photos: path.resolve(options.photos) };
}

function humanReport(result: CopyResult): string {
  const width = Math.max(...result.tables.map((t) => t.table.length));
  const lines = result.tables.map(
    (t) =>
      `${t.table.padEnd(width)}  ${String(t.rows).padStart(8)} rows  ${t.sourceChecksum.slice(0, 12)}  ${t.targetChecksum.slice(0, 12)}`,
  );
  lines.push(`photos: ${result.photos.files} files, ${result.photos.bytes} bytes`);
  lines.push('verified');
  return `${lines.join('\n')}\n`;
}

export function registerMigrateCommand(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('copy a desk’s workspace into a new, empty server database and its shared folder')
    .option('--from <dir>', 'the desk’s data folder (the one holding rebound.sqlite)')
    .option('--to <url>', 'the server’s PostgreSQL database: postgres://USER:PASSWORD@HOST:PORT/DB')
    .option('--photos <dir>', 'the folder every server instance shares: photos and the secrets key')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: MigrateOptions) => {
      const { from, to, photos } = required(options);
      // Opening a folder without a database would create an empty workspace there.
      if (!fs.existsSync(path.join(from, 'rebound.sqlite'))) {
        throw new AppError('not_found', `There is no Rebound workspace in ${from} (no rebound.sqlite).`);
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
              : humanReport(result),
          );
        } finally {
          await server.close();
        }
      } finally {
        await desk.close();
      }
    });
}
