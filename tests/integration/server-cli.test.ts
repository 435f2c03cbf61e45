import { describe, expect, test } from 'vitest';
import { listPeople } from '../../electron/services/accounts/people';
import { Workspace } from '../../electron/services/workspace';
import { rebound, reboundWithInput } from '../support/cli';
import { onPostgres, tempPostgresDatabase } from '../support/workspace';
import { POSTGRES_MIGRATIONS } from '../../electron/services/db/postgres/migrations';
import { tempDir } from './temp';

describe('rebound server init', () => {
  test('says what is missing or wrong before it touches any database', async () => {
    const noDatabase = await reboundWithInput(
      'pw-123456789\n',
      'server',
      'init',
      '--photos',
      tempDir(),
      '--admin',
      'Nadia',
      '--password-stdin',
    );
    expect(noDatabase.code).toBe(2);
    expect(noDatabase.err).toContain('--database');
    const notPostgres = await rebound(
      'server',
      'init',
      '--database',
      'mysql://root:secret@db/x',
      '--photos',
      tempDir(),
      '--admin',
      'Nadia',
    );
    expect(notPostgres.code).toBe(2);
    expect(notPostgres.err).toContain('postgres://');
    expect(notPostgres.err).not.toContain('secret');
  });

  test.skipIf(!onPostgres)(
    'creates the schema and the first admin in an empty database, and refuses to do it twice (needs PostgreSQL)',
    async () => {
      const files = tempDir();
      let ws: Workspace | null = null;
      const url = await tempPostgresDatabase(async () => {
        await ws?.close();
      });
      const first = await reboundWithInput(
        'a long admin password\n',
        'server',
        'init',
        '--database',
        url,
        '--photos',
        files,
        '--admin',
        'Nadia Okafor',
        '--password-stdin',
        '--json',
      );
      expect(first.err).toBe('');
      expect(JSON.parse(first.out)).toMatchObject({
        schemaVersion: POSTGRES_MIGRATIONS.at(-1)!.version,
        admin: 'Nadia Okafor',
      });

      const again = await reboundWithInput(
        'another password 1\n',
        'server',
        'init',
        '--database',
        url,
        '--photos',
        files,
        '--admin',
        'Mallory',
        '--password-stdin',
      );
      expect(again.code).toBe(1);
      expect(again.err).toContain('already has people');

      ws = await Workspace.connect(url, files);
      expect((await listPeople(ws)).map((p) => [p.name, p.role])).toEqual([['Nadia Okafor', 'admin']]);
    },
  );
});
