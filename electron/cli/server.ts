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
import { wordsIn, type Words } from './texts';
import { SERVER_TEXTS } from './texts/server';

type T = Words<keyof typeof SERVER_TEXTS & string>;

/** English for `--json`, whose error message is data for a program (`ErrorData.message`). */
const ENGLISH: T = wordsIn(SERVER_TEXTS, 'en');

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

function withServerOptions(command: Command, t: T): Command {
  return command
    .addOption(new Option('--database <url>', t('option.database')).env('REBOUND_DATABASE'))
    .addOption(new Option('--photos <dir>', t('option.photos')).env('REBOUND_PHOTOS'))
    .option('--json', t('option.json'));
}

function required(options: ServerOptions, t: T): { database: string; photos: string } {
  if (!options.database) throw usage(t('error.noDatabase'));
  if (!isPostgresUrl(options.database)) {
    throw usage(t('error.notPostgres', { url: redactUrl(options.database) }));
  }
  if (!options.photos) throw usage(t('error.noPhotos'));
  return { database: options.database, photos: path.resolve(options.photos) };
}

export function registerServerCommands(program: Command, io: CliIo, packageRoot: string): void {
  const t = wordsIn(SERVER_TEXTS, io.language);
  const server = withListenOptions(withServerOptions(program.command('server'), t), '5178')
    .description(t('server.description'))
    .action(async (options: ServerOptions & ListenOptions) => {
      const { database, photos } = required(options, t);
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
          : `${t('running', { instance: instance.id, database: info.database, url: http.url })}\n`,
      );
      const reason = await ended;
      await http.close();
      await jobs.stop();
      await instance.close();
      await ws.close();
      if (reason) {
        throw new AppError(
          'internal',
          (options.json ? ENGLISH : t)('error.lost', { reason: reason.message }),
        );
      }
    });

  withServerOptions(server.command('init'), t)
    .description(t('init.description'))
    .requiredOption('--admin <name>', t('init.admin'))
    .option('--password-stdin', t('init.passwordStdin'))
    .action(async (options: ServerOptions & { admin: string; passwordStdin?: boolean }, command: Command) => {
      // Options shared with `server` may be given before or after `init`.
      const all = { ...command.optsWithGlobals<ServerOptions>(), ...options };
      const { database, photos } = required(all, t);
      if (!options.passwordStdin) throw usage(t('error.passwordStdin'));
      const input = FirstAdminInput.safeParse({ name: options.admin, password: await passwordFrom(io) });
      if (!input.success) throw new AppError('bad_input', input.error.issues.map((i) => i.message).join(' '));
      const { createFirstAdmin, hasPeople, SYSTEM_ACTOR, Workspace } = await services();
      const ws = await Workspace.connect(database, photos);
      try {
        if (await hasPeople(ws.kysely)) {
          throw new AppError(
            'conflict',
            (all.json ? ENGLISH : t)('error.initialisedBefore', { database: redactUrl(database) }),
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
            : `${t('init.done', { database: result.database, schema: result.schemaVersion, admin: admin.name })}\n`,
        );
      } finally {
        await ws.close();
      }
    });
}
