import type { Command } from 'commander';
import type { PersonView } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import { invoke } from './load';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, merchantOf, passwordFrom, withCommon, withWorkspace } from './common';

/**
 * `rebound users add|list|disable|enable|reset-password`: the people of a workspace, managed
 * from the machine that holds its data folder (whoever owns the folder could edit the file
 * anyway). Passwords come on standard input only, never as an argument: arguments are visible
 * to every user of the machine in the process list and end up in shell histories.
 */

async function personOf(ws: Workspace, name: string): Promise<PersonView> {
  const people = await invoke(ws, 'people.list', {});
  const key = name.trim().toLocaleLowerCase('en');
  const found = people.find((p) => p.name.toLocaleLowerCase('en') === key || String(p.id) === key);
  if (!found) {
    const known = people.map((p) => p.name).join(', ');
    throw new AppError('not_found', `There is nobody called “${name}”.${known ? ` People: ${known}.` : ''}`);
  }
  return found;
}

function describe(person: PersonView, merchants: ReadonlyMap<number, string>): string {
  const forMerchants =
    person.merchantIds.length > 0
      ? ` for ${person.merchantIds.map((id) => merchants.get(id) ?? `#${id}`).join(', ')}`
      : '';
  return `${person.name}  ${person.role}${forMerchants}${person.disabled ? '  (disabled)' : ''}`;
}

export function registerUsersCommands(program: Command, io: CliIo): void {
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };
  const users = program.command('users').description('the people who sign in to this workspace');
  const merchantNames = async (ws: Workspace) =>
    new Map((await invoke(ws, 'merchants.list', {})).map((m) => [m.id, m.name]));

  withCommon(users.command('add'))
    .description('add a person with a role; the password is read from standard input')
    .argument('<name>', 'their name, as they will type it to sign in')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option(
      '--merchant <merchant>',
      'for an approver: a merchant (id or name) they decide for; repeat for several',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--password-stdin', 'read the password from standard input (required)')
    .action(
      async (
        name: string,
        options: CommonOptions & { role: string; merchant?: string[]; passwordStdin?: boolean },
      ) => {
        if (!(ROLES as readonly string[]).includes(options.role)) {
          throw new AppError('bad_input', `Unknown role “${options.role}”. Roles: ${ROLES.join(', ')}.`);
        }
        if (!options.passwordStdin) {
          throw new AppError('bad_input', 'Pass --password-stdin and give the password on standard input.');
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
          print(options, person, () => `Added ${describe(person, new Map())}.\n`);
        });
      },
    );

  withCommon(users.command('list'))
    .description('everybody, with their role, merchants and whether they are disabled')
    .action(async (options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const people = await invoke(ws, 'people.list', {});
        const merchants = await merchantNames(ws);
        print(options, people, () =>
          people.length === 0
            ? 'Nobody yet: `rebound users add NAME --role admin --password-stdin` creates the first admin.\n'
            : people.map((p) => `${describe(p, merchants)}\n`).join(''),
        );
      });
    });

  for (const [command, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    withCommon(users.command(command))
      .description(
        disabled
          ? 'disable a person: their sessions end and they cannot sign in (history keeps their name)'
          : 'let a disabled person sign in again',
      )
      .argument('<name>', 'their name or id')
      .action(async (name: string, options: CommonOptions) => {
        await withWorkspace(options, async (ws) => {
          const person = await personOf(ws, name);
          const changed = await invoke(ws, 'people.setDisabled', {
            id: person.id,
            disabled,
          });
          print(options, changed, () => `${changed.name} is ${disabled ? 'disabled' : 'enabled'}.\n`);
        });
      });
  }

  withCommon(users.command('reset-password'))
    .description('set a new password for a person (read from standard input); their sessions end')
    .argument('<name>', 'their name or id')
    .option('--password-stdin', 'read the password from standard input (required)')
    .action(async (name: string, options: CommonOptions & { passwordStdin?: boolean }) => {
      if (!options.passwordStdin) {
        throw new AppError('bad_input', 'Pass --password-stdin and give the password on standard input.');
      }
      const password = await passwordFrom(io);
      await withWorkspace(options, async (ws) => {
        const person = await personOf(ws, name);
        const changed = await invoke(ws, 'people.resetPassword', {
          id: person.id,
          password,
        });
        print(options, changed, () => `Password of ${changed.name} reset; their sessions have ended.\n`);
      });
    });
}
