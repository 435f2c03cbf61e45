import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { AppError } from '../../shared/errors';
import { addItem, addMerchant, addProduct } from '../../tests/integration/seed';
import { fileHash, openRawDatabase, tempDir } from '../../tests/integration/temp';
import { listBackups, takeBackup } from '../services/backup/files';
import { migrate, schemaVersion } from '../services/db/migration';
import { MIGRATIONS } from '../services/db/migrations';
import { Workspace } from '../services/workspace';
import { confirmMigration } from './backup';
import { rebound } from '../../tests/support/cli';

const LATEST = MIGRATIONS.at(-1)!.version;
const PREVIOUS = MIGRATIONS.at(-2)!.version;

function database(dir: string): string {
  return path.join(dir, 'rebound.sqlite');
}

/** A data folder with these merchants, closed again so the CLI opens it as a user would. */
async function folderWith(...merchants: string[]): Promise<string> {
  const dir = tempDir();
  const ws = Workspace.open(dir);
  for (const name of merchants) await addMerchant(ws, { name });
  await ws.close();
  return dir;
}

async function merchantsOf(dir: string): Promise<string[]> {
  const result = await rebound('merchants', 'list', '--data-dir', dir, '--json');
  expect(result.code, result.err).toBe(0);
  return (JSON.parse(result.out) as { name: string }[]).map((m) => m.name).sort();
}

/** A data folder at the schema before the newest one, as a desk that has not updated yet. */
function olderFolder(): string {
  const dir = tempDir();
  const raw = openRawDatabase(database(dir));
  migrate(raw, MIGRATIONS.slice(0, -1));
  raw.exec(
    `INSERT INTO merchants (name, currency, language, created_at) VALUES ('Velo Shop', 'EUR', 'en', '2026-03-01T08:00:00Z')`,
  );
  raw.close();
  return dir;
}

describe('rebound backup --out', () => {
  test('writes a consistent copy, and refuses to overwrite a file', async () => {
    const dir = await folderWith('Larkfield');
    const out = path.join(tempDir(), 'monday.sqlite');

    const made = await rebound('backup', '--out', out, '--data-dir', dir, '--json');
    expect(made.code, made.err).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ file: out, schemaVersion: LATEST });
    const copy = openRawDatabase(out);
    expect(copy.prepare('SELECT name FROM merchants').all()).toEqual([{ name: 'Larkfield' }]);
    copy.close();

    const before = fileHash(out);
    const again = await rebound('backup', '--out', out, '--data-dir', dir);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^rebound: .*monday\.sqlite already exists: a backup never overwrites a file/);
    expect(fileHash(out)).toBe(before);

    const human = await rebound(
      'backup',
      '--out',
      path.join(path.dirname(out), 'tuesday.sqlite'),
      '--data-dir',
      dir,
    );
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^Backed up .* \(schema \d+\) to .*tuesday\.sqlite, \d+ KB\.\n$/);
  });

  test('without --out is bad usage (2); while the app has the workspace open it still works', async () => {
    const dir = await folderWith('Larkfield');
    expect((await rebound('backup', '--data-dir', dir)).code).toBe(2);
    const ws = Workspace.open(dir);
    onTestFinished(() => ws.close());
    const out = path.join(tempDir(), 'live.sqlite');
    expect((await rebound('backup', '--out', out, '--data-dir', dir)).code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe('rebound restore', () => {
  test('a round trip: the data is as it was at backup time; the replaced database is kept', async () => {
    const dir = await folderWith('Larkfield');
    const out = path.join(tempDir(), 'backup.sqlite');
    expect((await rebound('backup', '--out', out, '--data-dir', dir)).code).toBe(0);
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Nordvik' });
    await ws.close();
    expect(await merchantsOf(dir)).toEqual(['Larkfield', 'Nordvik']);

    const restored = await rebound('restore', out, '--data-dir', dir, '--json');
    expect(restored.code, restored.err).toBe(0);
    const result = JSON.parse(restored.out) as {
      previous: { file: string; kind: string };
      schemaVersion: number;
    };
    expect(result.schemaVersion).toBe(LATEST);
    expect(result.previous.kind).toBe('before-restore');

    expect(await merchantsOf(dir)).toEqual(['Larkfield']);
    const kept = openRawDatabase(result.previous.file);
    expect(kept.prepare('SELECT name FROM merchants ORDER BY name').all()).toEqual([
      { name: 'Larkfield' },
      { name: 'Nordvik' },
    ]);
  });

  test('is refused (1) while the workspace is open elsewhere, changing nothing', async () => {
    const dir = await folderWith('Larkfield');
    const out = path.join(tempDir(), 'backup.sqlite');
    expect((await rebound('backup', '--out', out, '--data-dir', dir)).code).toBe(0);
    const ws = Workspace.open(dir);
    onTestFinished(() => ws.close());

    const refused = await rebound('restore', out, '--data-dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^rebound: The workspace in .* is open \(the Rebound app, rebound serve or another command\): close it, then restore\. Nothing was changed\.\n$/,
    );
    expect(listBackups(dir)).toEqual([]);
  });

  test('refuses (1) a file that is not a Rebound database; without a file it is bad usage (2)', async () => {
    const dir = await folderWith('Larkfield');
    const text = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(text, 'Not a database at all. '.repeat(100));
    const refused = await rebound('restore', text, '--data-dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is not a SQLite database/);
    expect((await rebound('restore', '--data-dir', dir)).code).toBe(2);
    expect(await merchantsOf(dir)).toEqual(['Larkfield']);
  });

  test('a damaged database is refused with the backup to restore named, and that command brings it back', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    const merchantId = await addMerchant(ws, { name: 'Larkfield' });
    const productId = await addProduct(ws, { merchantId, sku: 'KETTLE', title: 'Kettle' });
    for (let i = 1; i <= 200; i++) {
      await addItem(ws, { merchantId, productId, reference: `RB-${String(i).padStart(6, '0')}` });
    }
    // As Settings → Back up now takes it: into the data folder's backups/.
    const kept = takeBackup(ws.db.sqlite, dir, 'manual');
    await ws.close();

    // A page of the items table overwritten, in the middle of the file.
    const raw = openRawDatabase(database(dir));
    const { rootpage } = raw.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'items'`).get() as {
      rootpage: number;
    };
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(database(dir), 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
    fs.closeSync(fd);

    const refused = await rebound('items', 'list', '--data-dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('is damaged');
    expect(refused.err).toContain(kept.file);
    const command = /“(rebound restore [^”]+)”/.exec(refused.err)![1]!;
    const args = command
      .split(' ')
      .slice(1)
      .map((word) => word.replace(/^"|"$/g, ''));

    const restored = await rebound(...args);
    expect(restored.code, restored.err).toBe(0);
    const listed = await rebound('items', 'list', '--data-dir', dir, '--json');
    expect(listed.code, listed.err).toBe(0);
    expect((JSON.parse(listed.out) as { total: number }).total).toBe(200);
  });
});

describe('a command line newer than the data folder', () => {
  test('refuses to migrate it without --yes, saying from which schema to which, and changes nothing', async () => {
    const dir = olderFolder();
    const before = fileHash(database(dir));

    const refused = await rebound('status', '--data-dir', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`is at schema ${PREVIOUS}`);
    expect(refused.err).toContain(`would migrate it to schema ${LATEST}`);
    expect(refused.err).toContain('run the command again with --yes');
    expect(fileHash(database(dir))).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);

    // The commands of every module are held back the same way.
    expect((await rebound('users', 'list', '--data-dir', dir)).code).toBe(1);
    const raw = openRawDatabase(database(dir));
    expect(schemaVersion(raw)).toBe(PREVIOUS);
    raw.close();
  });

  test('with --yes (before or after the command) migrates it, after a backup, and says so', async () => {
    const dir = olderFolder();
    const migrated = await rebound('status', '--data-dir', dir, '--yes', '--json');
    expect(migrated.code, migrated.err).toBe(0);
    expect(migrated.err).toContain(`Migrating ${dir} from schema ${PREVIOUS} to ${LATEST}`);
    expect(JSON.parse(migrated.out)).toMatchObject({ schemaVersion: LATEST, merchantCount: 1 });
    const [backup, ...more] = listBackups(dir);
    expect(more).toEqual([]);
    expect(backup).toMatchObject({ kind: 'pre-migration', schemaVersion: PREVIOUS });

    const other = olderFolder();
    expect((await rebound('--yes', 'users', 'list', '--data-dir', other)).code).toBe(0);
    // At the newest schema nothing is asked.
    expect((await rebound('status', '--data-dir', other)).code).toBe(0);
  });

  test('backup and restore never migrate: they copy the file as it is', async () => {
    const dir = olderFolder();
    const out = path.join(tempDir(), 'old.sqlite');
    const made = await rebound('backup', '--out', out, '--data-dir', dir, '--json');
    expect(made.code, made.err).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ schemaVersion: PREVIOUS });

    const fresh = tempDir();
    const restored = await rebound('restore', out, '--data-dir', fresh);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain(`migrates it to schema ${LATEST} when it next opens it`);
  });

  test('on a terminal, the person is asked', async () => {
    const plan = { from: PREVIOUS, to: LATEST };
    const io = {
      language: 'en' as const,
      out: () => undefined,
      err: () => undefined,
      readStdin: async () => '',
    };
    const questions: string[] = [];
    const answer = (text: string) => async (question: string) => {
      questions.push(question);
      return text;
    };
    await expect(
      confirmMigration('/data', plan, { yes: false, ask: answer('y') }, io),
    ).resolves.toBeUndefined();
    expect(questions[0]).toMatch(
      new RegExp(`at schema ${PREVIOUS}; .* to schema ${LATEST}.*\\nMigrate it now\\? \\[y/N\\] $`, 's'),
    );
    const no = confirmMigration('/data', plan, { yes: false, ask: answer('') }, io);
    await expect(no).rejects.toBeInstanceOf(AppError);
    await expect(no).rejects.toThrow(/Not migrated: \/data stays at schema/);
  });
});

describe('backups and migrations in French and German', () => {
  test('a French warehouse lead backs up the desk and reads why an older folder is not migrated', async () => {
    const dir = await folderWith('Velo Shop');
    const out = path.join(tempDir(), 'sauvegarde.sqlite');
    const made = await rebound('backup', '--out', out, '--data-dir', dir, '--lang', 'fr');
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/^.* \(schéma \d+\) sauvegardé dans .*sauvegarde\.sqlite, \d+ Ko\.\n$/);

    const older = olderFolder();
    const refused = await rebound('status', '--data-dir', older, '--lang', 'fr');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`est au schéma ${PREVIOUS}\u202f; ce Rebound`);
    expect(refused.err).toContain('relancez la commande avec --yes');
    const migrated = await rebound('status', '--data-dir', older, '--yes', '--json', '--lang', 'fr');
    expect(migrated.err).toContain(`du schéma ${PREVIOUS} vers le schéma ${LATEST}`);

    const help = await rebound('restore', '--help', '--lang', 'fr');
    expect(help.out).toContain('remplace la base de données de l’espace de travail par une sauvegarde');
  });

  test('on a terminal, the question is asked in the person’s language and answered in it', async () => {
    const plan = { from: PREVIOUS, to: LATEST };
    const quiet = { out: () => undefined, err: () => undefined, readStdin: async () => '' };
    const questions: string[] = [];
    const answer = (text: string) => async (question: string) => {
      questions.push(question);
      return text;
    };
    const fr = { ...quiet, language: 'fr' as const };
    for (const yes of ['oui', 'o', 'Y', 'yes']) {
      await expect(
        confirmMigration('/data', plan, { yes: false, ask: answer(yes) }, fr),
      ).resolves.toBeUndefined();
    }
    expect(questions[0]).toMatch(/\nLe migrer maintenant\u202f\? \[o\/N\] $/);
    const de = { ...quiet, language: 'de' as const };
    for (const yes of ['ja', 'J', 'y']) {
      await expect(
        confirmMigration('/data', plan, { yes: false, ask: answer(yes) }, de),
      ).resolves.toBeUndefined();
    }
    expect(questions.at(-1)).toMatch(/\nJetzt migrieren\? \[j\/N\] $/);
    await expect(confirmMigration('/data', plan, { yes: false, ask: answer('nein') }, de)).rejects.toThrow(
      /^Nicht migriert: \/data bleibt bei Schema/,
    );
    // "oui" is French only: in German it is no answer to say yes with.
    await expect(confirmMigration('/data', plan, { yes: false, ask: answer('oui') }, de)).rejects.toThrow(
      /Nicht migriert/,
    );
  });

  test('a German admin moving a desk to a server is told what migrate needs, in German', async () => {
    const missing = await rebound('migrate', '--to', 'postgres://rebound@db/rebound', '--lang', 'de');
    expect(missing).toMatchObject({
      code: 2,
      err: 'rebound: --from gibt den zu kopierenden Datenordner des Arbeitsplatzes an.\n',
    });
    const notPostgres = await rebound('migrate', '--from', tempDir(), '--to', 'mysql://db', '--lang', 'de');
    expect(notPostgres.err).toContain('--to muss eine postgres://-Adresse sein');
    const empty = await rebound(
      'migrate',
      '--from',
      tempDir(),
      '--to',
      'postgres://rebound@db/rebound',
      '--photos',
      tempDir(),
      '--lang',
      'de',
    );
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('gibt es keinen Rebound-Arbeitsbereich');

    const help = await rebound('migrate', '--help', '--lang', 'de');
    expect(help.out).toContain('kopiert den Arbeitsbereich eines Arbeitsplatzes');
    expect((await rebound('migrate', '--help', '--lang', 'fr')).out).toContain(
      'copie l’espace de travail d’un poste',
    );
  });
});
