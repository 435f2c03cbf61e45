import path from 'node:path';
import { Option, type Command } from 'commander';
import { FirstAdminInput } from '../../shared/contract/people';
import { AppError } from '../../shared/errors';
import { isPostgresUrl, redactUrl } from '../services/db/postgres/address';
import type { ServerInstance } from '../services/db/postgres/instance';
import type { CliIo } from './index';
import { passwordFrom, usage } from './common';
import { services } from './load';
import { listenPlan, withListenOptions, type ListenOptions } from './listen';

/**
 * `rebound server`: one workspace for a whole warehouse. The services and the contract over HTTP
 * are browser mode's (`rebound serve`); the workspace is a PostgreSQL database and a folder every
 * instance shares (photos, the watermark cache, exports, the key that seals channel secrets).
 * Any number of instances may run on the same two: they hold nothing of their own, claim jobs so
 * each runs once, and pass each other's changes on to the windows they serve
 * (services/db/postgres/instance.ts).
 */

interface ServerOptions {
  database?: string;
  photos?: string;
  json?: boolean;
}

function withServerOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--database <url>', 'the PostgreSQL database: postgres://USER:PASSWORD@HOST:PORT/DB').env(
        'REBOUND_DATABASE',
      ),
    )
    .addOption(
      new Option(
        '--photos <dir>',
        'the folder every instance shares (a network share): photos, exports, the secrets key',
      ).env('REBOUND_PHOTOS'),
    )
    .option('--json', 'print machine-readable JSON');
}

function required(options: ServerOptions): { database: string; photos: string } {
  if (!options.database) throw usage('--database (or REBOUND_DATABASE) names the PostgreSQL database.');
  if (!isPostgresUrl(options.database)) {
    throw usage(`--database must be a postgres:// address, got ${redactUrl(options.database)}.`);
  }
  if (!options.photos) throw usage('--photos (or REBOUND_PHOTOS) names the folder every instance shares.');
  return { database: options.database, photos: path.resolve(options.photos) };
}

export function registerServerCommands(program: Command, io: CliIo, packageRoot: string): void {
  const server = withListenOptions(withServerOptions(program.command('server')), '5178')
    .description(
      'run an instance of the Rebound server on PostgreSQL (start as many as you like on one database)',
    )
    .action(async (options: ServerOptions & ListenOptions) => {
      const { database, photos } = required(options);
      const listen = listenPlan(options);
      const { JobRunner, ServerInstance, startServer, Workspace } = await services();
      const ws = await Workspace.connect(database, photos);
      let instance: ServerInstance;
      let lost: (error: Error) => void = () => undefined;
      const ended = new Promise<Error | null>((resolve) => {
        lost = resolve;
        process.once('SIGINT', () => resolve(null));
        process.once('SIGTERM', () => resolve(null));
      });
      try {
        instance = await ServerInstance.join(ws, lost);
      } catch (error) {
        await ws.close();
        throw error;
      }
      const jobs = new JobRunner(ws);
      jobs.start();
      const http = await startServer({
        ws,
        ...listen,
        rendererDir: path.join(packageRoot, 'out', 'renderer'),
      });
      const info = {
        url: http.url,
        origin: http.origin,
        instance: instance.id,
        database: redactUrl(database),
      };
      io.out(
        options.json
          ? `${JSON.stringify(info)}\n`
          : `Rebound server instance ${instance.id} on ${info.database}\nOpen ${http.url} and sign in.\nPress Ctrl+C to stop.\n`,
      );
      const reason = await ended;
      await http.close();
      await jobs.stop();
      await instance.close();
      await ws.close();
      if (reason) {
        throw new AppError(
          'internal',
          `Stopped: this instance lost its connection to the database (${reason.message}), so it can no longer prove it is alive and another instance may take its work over. Start it again.`,
        );
      }
    });

  withServerOptions(server.command('init'))
    .description('create the schema in an empty database, and its first admin')
    .requiredOption('--admin <name>', 'the first admin’s name')
    .option('--password-stdin', 'read the admin’s password from standard input (required)')
    .action(async (options: ServerOptions & { admin: string; passwordStdin?: boolean }, command: Command) => {
      // Options shared with `server` may be given before or after `init`.
      const all = { ...command.optsWithGlobals<ServerOptions>(), ...options };
      const { database, photos } = required(all);
      if (!options.passwordStdin)
        throw usage('Pass --password-stdin and give the password on standard input.');
      const input = FirstAdminInput.safeParse({ name: options.admin, password: await passwordFrom(io) });
      if (!input.success) throw new AppError('bad_input', input.error.issues.map((i) => i.message).join(' '));
      const { createFirstAdmin, hasPeople, SYSTEM_ACTOR, Workspace } = await services();
      const ws = await Workspace.connect(database, photos);
      try {
        if (await hasPeople(ws.kysely)) {
          throw new AppError(
            'conflict',
            `${redactUrl(database)} already has people: it was initialised before. Start it with \`rebound server\`.`,
          );
        }
        const admin = await createFirstAdmin(ws, SYSTEM_ACTOR, input.data);
        const result = {
          database: redactUrl(database),
          schemaVersion: ws.db.schemaVersion,
          admin: admin.name,
        };
        io.out(
          all.json
            ? `${JSON.stringify(result)}\n`
            : `Initialised ${result.database} (schema ${result.schemaVersion}); ${admin.name} can sign in as its admin.\n`,
        );
      } finally {
        await ws.close();
      }
    });
}
