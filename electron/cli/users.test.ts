import { describe, expect, test } from 'vitest';
import { addMerchant } from '../../tests/integration/seed';
import { tempDir } from '../../tests/integration/temp';
import { signIn } from '../services/accounts/sessions';
import { Workspace } from '../services/workspace';
import { rebound, reboundWithInput } from '../../tests/support/cli';

/** A closed data folder with two merchants and nobody yet. */
async function dataDir(): Promise<string> {
  const data = tempDir('rebound-cli-users-');
  const ws = Workspace.open(data);
  await addMerchant(ws, { name: 'Larkfield Home & Tech' });
  await addMerchant(ws, { name: 'Nordvik' });
  await ws.close();
  return data;
}

describe('rebound users', () => {
  test('the owner of the data folder adds the first admin and an approver for two merchants', async () => {
    const data = await dataDir();
    const empty = await rebound('users', 'list', '--data-dir', data);
    expect(empty.out).toContain('Nobody yet');
    const admin = await reboundWithInput(
      'nadia-at-the-desk\n',
      'users',
      'add',
      'Nadia Okafor',
      '--role',
      'admin',
      '--password-stdin',
      '--data-dir',
      data,
    );
    expect(admin).toMatchObject({ code: 0, out: 'Added Nadia Okafor  admin.\n' });
    const approver = await reboundWithInput(
      'siobhan-approves\n',
      'users',
      'add',
      'Siobhán Kelly',
      '--role',
      'approver',
      '--merchant',
      'Larkfield Home & Tech',
      '--merchant',
      'nordvik',
      '--password-stdin',
      '--data-dir',
      data,
    );
    expect(approver).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Added Siobhán Kelly {2}approver for Larkfield Home & Tech, Nordvik/),
    });
    const listed = await rebound('users', 'list', '--json', '--data-dir', data);
    const people = JSON.parse(listed.out) as { name: string; role: string; merchantIds: number[] }[];
    expect(people.map((p) => [p.name, p.role, p.merchantIds.length])).toEqual([
      ['Nadia Okafor', 'admin', 0],
      ['Siobhán Kelly', 'approver', 2],
    ]);
    // The password given on standard input is the one that signs in.
    const ws = Workspace.open(data);
    try {
      const opened = await signIn(ws, {
        name: 'Siobhán Kelly',
        password: 'siobhan-approves',
        device: 'test',
        address: null,
      });
      expect(opened.person.merchantIds).toHaveLength(2);
    } finally {
      await ws.close();
    }
  });

  test('a password is never an argument, and a bad role or merchant is refused before anything is written', async () => {
    const data = await dataDir();
    const noStdin = await rebound('users', 'add', 'Lea', '--role', 'staff', '--data-dir', data);
    expect(noStdin.code).toBe(2);
    expect(noStdin.err).toContain('--password-stdin');
    const role = await reboundWithInput(
      'lea-password\n',
      'users',
      'add',
      'Lea',
      '--role',
      'boss',
      '--password-stdin',
      '--data-dir',
      data,
    );
    expect(role.err).toContain('Unknown role “boss”');
    const merchant = await reboundWithInput(
      'lea-password\n',
      'users',
      'add',
      'Lea',
      '--role',
      'approver',
      '--merchant',
      'Nowhere',
      '--password-stdin',
      '--data-dir',
      data,
    );
    expect(merchant.code).toBe(1);
    expect(merchant.err).toContain('There is no merchant “Nowhere”');
    const short = await reboundWithInput(
      'short\n',
      'users',
      'add',
      'Lea',
      '--role',
      'staff',
      '--password-stdin',
      '--data-dir',
      data,
    );
    expect(short.code).toBe(2);
    expect(short.err).toContain('use at least 8 characters');
    expect(JSON.parse((await rebound('users', 'list', '--json', '--data-dir', data)).out)).toEqual([]);
  });

  test('disable ends a person’s sessions and keeps them listed; reset-password sets a new one', async () => {
    const data = await dataDir();
    await reboundWithInput(
      'lea-password\n',
      'users',
      'add',
      'Lea',
      '--role',
      'staff',
      '--password-stdin',
      '--data-dir',
      data,
    );
    const disabled = await rebound('users', 'disable', 'lea', '--data-dir', data);
    expect(disabled).toMatchObject({ code: 0, out: 'Lea is disabled.\n' });
    expect((await rebound('users', 'list', '--data-dir', data)).out).toBe('Lea  staff  (disabled)\n');
    await rebound('users', 'enable', 'Lea', '--data-dir', data);
    const reset = await reboundWithInput(
      'a-new-password\n',
      'users',
      'reset-password',
      'Lea',
      '--password-stdin',
      '--data-dir',
      data,
    );
    expect(reset.code).toBe(0);
    const ws = Workspace.open(data);
    try {
      await expect(
        signIn(ws, { name: 'Lea', password: 'lea-password', device: 't', address: null }),
      ).rejects.toThrow('The name or the password is not right.');
      expect(
        (await signIn(ws, { name: 'Lea', password: 'a-new-password', device: 't', address: null })).person
          .name,
      ).toBe('Lea');
    } finally {
      await ws.close();
    }
  });
});

describe('rebound users, in French and German', () => {
  test('a French admin adds a colleague, finds her listed, and is told in French when a role is wrong', async () => {
    const data = await dataDir();
    const help = await rebound('users', 'add', '--help', '--lang', 'fr');
    expect(help.out).toContain('ajoute une personne avec un rôle');
    expect(help.out).toContain('lit le mot de passe sur l’entrée standard (obligatoire)');
    const empty = await rebound('users', 'list', '--data-dir', data, '--lang', 'fr');
    expect(empty.out).toContain('Personne pour l’instant');
    const added = await reboundWithInput(
      'camille-approuve\n',
      'users',
      'add',
      'Camille Roux',
      '--role',
      'approver',
      '--merchant',
      'Nordvik',
      '--password-stdin',
      '--data-dir',
      data,
      '--lang',
      'fr',
    );
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^Personne ajoutée\u202f: Camille Roux {2}approver pour /);
    await rebound('users', 'disable', 'Camille Roux', '--data-dir', data, '--lang', 'fr');
    expect((await rebound('users', 'list', '--data-dir', data, '--lang', 'fr')).out).toBe(
      'Camille Roux  approver pour Nordvik  (compte désactivé)\n',
    );
    const role = await reboundWithInput(
      'lea-password\n',
      'users',
      'add',
      'Léa',
      '--role',
      'chef',
      '--password-stdin',
      '--data-dir',
      data,
      '--lang',
      'fr',
    );
    expect(role).toMatchObject({ code: 2 });
    expect(role.err).toContain('Rôle inconnu\u202f: «\u202fchef\u202f»');
    // Under --json the error stays the English data a script reads.
    const json = await reboundWithInput(
      'lea-password\n',
      'users',
      'add',
      'Léa',
      '--role',
      'chef',
      '--password-stdin',
      '--json',
      '--data-dir',
      data,
      '--lang',
      'fr',
    );
    expect(json.err).toContain('Unknown role “chef”');
  });

  test('a German admin disables and re-enables a colleague and resets her password', async () => {
    const data = await dataDir();
    expect((await rebound('users', 'disable', '--help', '--lang', 'de')).out).toContain(
      'deaktiviert eine Person',
    );
    await reboundWithInput(
      'jana-password\n',
      'users',
      'add',
      'Jana',
      '--role',
      'staff',
      '--password-stdin',
      '--data-dir',
      data,
    );
    expect(await rebound('users', 'disable', 'jana', '--data-dir', data, '--lang', 'de')).toMatchObject({
      code: 0,
      out: 'Jana ist deaktiviert.\n',
    });
    expect((await rebound('users', 'list', '--data-dir', data, '--lang', 'de')).out).toBe(
      'Jana  staff  (deaktiviert)\n',
    );
    expect((await rebound('users', 'enable', 'Jana', '--data-dir', data, '--lang', 'de')).out).toBe(
      'Jana ist wieder aktiviert.\n',
    );
    const reset = await reboundWithInput(
      'ein-neues-passwort\n',
      'users',
      'reset-password',
      'Jana',
      '--password-stdin',
      '--data-dir',
      data,
      '--lang',
      'de',
    );
    expect(reset.out).toBe(
      'Das Passwort von Jana wurde zurückgesetzt; die Sitzungen der Person wurden beendet.\n',
    );
    const nobody = await rebound('users', 'disable', 'Ute', '--data-dir', data, '--lang', 'de');
    expect(nobody).toMatchObject({ code: 1 });
    expect(nobody.err).toContain('Es gibt niemanden namens „Ute“. Personen: Jana.');
  });
});
