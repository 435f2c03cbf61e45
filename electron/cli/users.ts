import type { Command } from 'commander';
import type { PersonView } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import { invoke } from './load';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, merchantOf, passwordFrom, withCommon, withWorkspace } from './common';
import { wordsIn, type Words } from './texts';
import { USERS_TEXTS } from './texts/users';

type T = Words<keyof typeof USERS_TEXTS & string>;

/** English for `--json`, whose error message is data for a program (`ErrorData.message`). */
const ENGLISH: T = wordsIn(USERS_TEXTS, 'en');

/**
 * `rebound users add|list|disable|enable|reset-password`: the people of a workspace, managed
 * from the machine that holds its data folder (whoever owns the folder could edit the file
 * anyway). Passwords come on standard input only, never as an argument: arguments are visible
 * to every user of the machine in the process list and end up in shell histories.
 */

async function personOf(ws: Workspace, name: string, t: T): Promise<PersonView> {
  const people = await invoke(ws, 'people.list', {});
  const key = name.trim().toLocaleLowerCase('en');
  const found = people.find((p) => p.name.toLocaleLowerCase('en') === key || String(p.id) === key);
  if (!found) {
    const known = people.map((p) => p.name).join(', ');
    throw new AppError(
      'not_found',
      `${t('error.nobody', { name })}${known ? t('error.people', { list: known }) : ''}`,
    );
  }
  return found;
}

function describe(person: PersonView, merchants: ReadonlyMap<number, string>, t: T): string {
  const forMerchants =
    person.merchantIds.length > 0
      ? t('person.for', {
          merchants: person.merchantIds.map((id) => merchants.get(id) ?? `#${id}`).join(', '),
        })
      : '';
  return `${person.name}  ${person.role}${forMerchants}${person.disabled ? `  ${t('person.disabled')}` : ''}`;
}

export function registerUsersCommands(program: Command, io: CliIo): void {
  const t = wordsIn(USERS_TEXTS, io.language);
  /** The words of an error: the run's language, or English under --json. */
  const sayError = (options: CommonOptions) => (options.json ? ENGLISH : t);
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };
  const users = program.command('users').description(t('users.description'));
  const merchantNames = async (ws: Workspace) =>
    new Map((await invoke(ws, 'merchants.list', {})).map((m) => [m.id, m.name]));

  withCommon(users.command('add'))
    .description(t('add.description'))
    .argument('<name>', t('add.name'))
    .requiredOption('--role <role>', t('add.role', { roles: ROLES.join(', ') }))
    .option('--merchant <merchant>', t('add.merchant'), (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .option('--password-stdin', t('option.passwordStdin'))
    .action(
      async (
        name: string,
        options: CommonOptions & { role: string; merchant?: string[]; passwordStdin?: boolean },
      ) => {
        if (!(ROLES as readonly string[]).includes(options.role)) {
          throw new AppError(
            'bad_input',
            sayError(options)('error.unknownRole', { role: options.role, roles: ROLES.join(', ') }),
          );
        }
        if (!options.passwordStdin) {
          throw new AppError('bad_input', sayError(options)('error.passwordStdin'));
        }
        const password = await passwordFrom(io);
        await withWorkspace(options, async (ws) => {
          const merchantIds = [];
          for (const m of options.merchant ?? []) merchantIds.push((await merchantOf(ws, m)).id);
          const person = await invoke(ws, 'people.add', {
            name,
            role: options.role as Role,
            merchantIds,
            password,
          });
          // The merchants by name, as `users list` says them (not their ids).
          const names = merchantIds.length > 0 ? await merchantNames(ws) : new Map<number, string>();
          print(options, person, () => `${t('add.done', { person: describe(person, names, t) })}\n`);
        });
      },
    );

  withCommon(users.command('list'))
    .description(t('list.description'))
    .action(async (options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const people = await invoke(ws, 'people.list', {});
        const merchants = await merchantNames(ws);
        print(options, people, () =>
          people.length === 0
            ? `${t('list.nobody')}\n`
            : people.map((p) => `${describe(p, merchants, t)}\n`).join(''),
        );
      });
    });

  for (const [command, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    withCommon(users.command(command))
      .description(t(disabled ? 'disable.description' : 'enable.description'))
      .argument('<name>', t('nameOrId'))
      .action(async (name: string, options: CommonOptions) => {
        await withWorkspace(options, async (ws) => {
          const person = await personOf(ws, name, sayError(options));
          const changed = await invoke(ws, 'people.setDisabled', {
            id: person.id,
            disabled,
          });
          print(
            options,
            changed,
            () => `${t(disabled ? 'disable.done' : 'enable.done', { name: changed.name })}\n`,
          );
        });
      });
  }

  withCommon(users.command('reset-password'))
    .description(t('reset.description'))
    .argument('<name>', t('nameOrId'))
    .option('--password-stdin', t('option.passwordStdin'))
    .action(async (name: string, options: CommonOptions & { passwordStdin?: boolean }) => {
      if (!options.passwordStdin) {
        throw new AppError('bad_input', sayError(options)('error.passwordStdin'));
      }
      const password = await passwordFrom(io);
      await withWorkspace(options, async (ws) => {
        const person = await personOf(ws, name, sayError(options));
        const changed = await invoke(ws, 'people.resetPassword', {
          id: person.id,
          password,
        });
        print(options, changed, () => `${t('reset.done', { name: changed.name })}\n`);
      });
    });
}
