/**
 * No data is lost: copies before every migration and once a day, a damaged database refused at
 * open with the backup to restore named, and a restore that keeps what it replaces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { addItem, addMerchant, addProduct, addProfile } from '../../../tests/integration/seed';
import { fileHash, openRawDatabase, tempDir, sqliteWorkspace } from '../../../tests/integration/temp';
import { dispatch, invoke } from '../api';
import { migrate, schemaVersion, type Migration } from '../db/migration';
import { MIGRATIONS } from '../db/migrations';
import { Workspace } from '../workspace';
import { dailyBackupDue, startDailyBackups, takeDailyBackupIfDue } from './daily';
import { backupDate, backupName, KEEP, listBackups, parseBackupName, takeBackup } from './files';
import { backupTo, inspectBackup, restoreBackup } from './restore';

const LATEST = MIGRATIONS.at(-1)!.version;
const POSIX = process.platform !== 'win32';
const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

function database(dir: string): string {
  return path.join(dir, 'rebound.sqlite');
}

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A workspace with a merchant and `count` returned items, closed again. Returns the references. */
async function deskWithItems(dir: string, count: number, merchant = 'Larkfield'): Promise<string[]> {
  const ws = Workspace.open(dir);
  try {
    return await addItems(ws, count, merchant);
  } finally {
    await ws.close();
  }
}

async function addItems(ws: Workspace, count: number, merchant: string): Promise<string[]> {
  const merchantId = await addMerchant(ws, { name: merchant });
  const productId = await addProduct(ws, { merchantId, sku: `${merchant}-KETTLE`, title: 'Kettle' });
  const references: string[] = [];
  for (let i = 1; i <= count; i++) {
    const reference = `RB-${merchant.slice(0, 2).toUpperCase()}${String(i).padStart(4, '0')}`;
    await addItem(ws, { merchantId, productId, reference, grade: 'used', status: 'graded' });
    references.push(reference);
  }
  return references;
}

/** The item references a database file holds, read below the app. */
function referencesIn(file: string): string[] {
  const raw = openRawDatabase(file);
  try {
    return (
      raw.prepare('SELECT reference FROM items ORDER BY reference').all() as { reference: string }[]
    ).map((r) => r.reference);
  } finally {
    raw.close();
  }
}

function merchantsIn(file: string): string[] {
  const raw = openRawDatabase(file);
  try {
    return (raw.prepare('SELECT name FROM merchants ORDER BY name').all() as { name: string }[]).map(
      (r) => r.name,
    );
  } finally {
    raw.close();
  }
}

/** Overwrites one whole page of the items table, in the middle of the file, with garbage. */
function corruptItemsPage(file: string): void {
  const raw = openRawDatabase(file);
  const { rootpage } = raw.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'items'`).get() as {
    rootpage: number;
  };
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const pages = raw.pragma('page_count', { simple: true }) as number;
  raw.close();
  expect(rootpage).toBeGreaterThan(1);
  expect(rootpage).toBeLessThan(pages);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

describe('backup files', () => {
  test('are named by schema, UTC time and kind, and read back from the name', () => {
    const at = new Date('2026-03-02T09:00:00.000Z');
    const name = backupName('pre-migration', 80, at);
    expect(name).toBe('rebound-80-20260302T090000.000Z-pre-migration.sqlite');
    expect(parseBackupName(name)).toEqual({
      kind: 'pre-migration',
      schemaVersion: 80,
      takenAt: '2026-03-02T09:00:00.000Z',
    });
    expect(parseBackupName('rebound-80-20260302T090000.000Z-weekly.sqlite')).toBeNull();
    expect(parseBackupName('notes.txt')).toBeNull();
    expect(backupDate({ takenAt: '2026-03-02T09:00:00.000Z' })).toBe('2026-03-02 09:00 UTC');
  });

  test.skipIf(!POSIX)('are owner-only (0600) in an owner-only folder (0700), even one widened since', () => {
    const ws = sqliteWorkspace();
    const first = takeBackup(ws.db.sqlite, ws.dataDir, 'manual');
    expect(modeOf(path.dirname(first.file))).toBe(0o700);
    expect(modeOf(first.file)).toBe(0o600);
    fs.chmodSync(path.dirname(first.file), 0o755);
    const second = takeBackup(ws.db.sqlite, ws.dataDir, 'manual', new Date(Date.now() + 1000));
    expect(modeOf(path.dirname(second.file))).toBe(0o700);
    expect(modeOf(second.file)).toBe(0o600);
  });
});

describe('before a migration', () => {
  test('a workspace at an older schema is copied, as it was, before it is migrated', async () => {
    const dir = tempDir();
    const references = await deskWithItems(dir, 3);
    // Back to the schema before the newest migration, as a desk that has not updated yet.
    const older = path.join(tempDir(), 'older.sqlite');
    const raw = openRawDatabase(older);
    migrate(raw, MIGRATIONS.slice(0, -1));
    raw.exec(`
      INSERT INTO merchants (id, name, currency, language, created_at) VALUES (1, 'Velo Shop', 'EUR', 'en', '2026-03-01T08:00:00Z');
      INSERT INTO products (id, merchant_id, sku, title, original_cents, created_at, updated_at)
        VALUES (1, 1, 'VS-HELM-01', 'Bike helmet', 5999, '2026-03-01T08:00:00Z', '2026-03-01T08:00:00Z');
      INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at)
        VALUES ('RB-000042', 1, 1, '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z');
    `);
    raw.close();
    const previous = MIGRATIONS.at(-2)!.version;
    const oldDir = tempDir();
    fs.copyFileSync(older, database(oldDir));

    const ws = Workspace.open(oldDir);
    onTestFinished(() => ws.close());
    expect(ws.db.schemaVersion).toBe(LATEST);
    const [backup, ...more] = listBackups(oldDir);
    expect(more).toEqual([]);
    expect(backup).toMatchObject({ kind: 'pre-migration', schemaVersion: previous });
    expect(path.basename(backup!.file)).toMatch(
      new RegExp(`^rebound-${previous}-\\d{8}T\\d{6}\\.\\d{3}Z-pre-migration\\.sqlite$`),
    );
    const copy = openRawDatabase(backup!.file);
    expect(schemaVersion(copy)).toBe(previous);
    expect(copy.prepare('SELECT reference FROM items').all()).toEqual([{ reference: 'RB-000042' }]);
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');

    // A workspace at the newest schema, and a new one, are not copied on open.
    await Workspace.open(dir).close();
    expect(listBackups(dir)).toEqual([]);
    expect(referencesIn(database(dir))).toEqual(references);
  });

  test('a migration that fails half-way leaves the last whole version, and the copy taken before opens', async () => {
    const dir = tempDir();
    const references = await deskWithItems(dir, 3);
    const added: Migration = {
      version: LATEST + 10,
      name: 'added',
      up(db) {
        db.exec('CREATE TABLE added_later (id INTEGER PRIMARY KEY)');
      },
    };
    const broken: Migration = {
      version: LATEST + 20,
      name: 'broken',
      up(db) {
        db.exec('ALTER TABLE items ADD COLUMN half_done INTEGER');
        db.exec('DELETE FROM items');
        throw new Error('disk full while copying rows');
      },
    };

    expect(() => Workspace.open(dir, { migrations: [...MIGRATIONS, added, broken] })).toThrow(/disk full/);

    const raw = openRawDatabase(database(dir));
    expect(schemaVersion(raw)).toBe(LATEST + 10);
    expect(raw.prepare(`SELECT name FROM sqlite_master WHERE name = 'added_later'`).get()).toBeDefined();
    const columns = (raw.pragma('table_info(items)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('half_done');
    expect(raw.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 3 });
    raw.close();

    const [backup, ...more] = listBackups(dir);
    expect(more).toEqual([]);
    expect(backup).toMatchObject({ kind: 'pre-migration', schemaVersion: LATEST });
    expect(inspectBackup(backup!.file)).toBe(LATEST);
    const elsewhere = tempDir();
    restoreBackup(elsewhere, backup!.file);
    const ws = Workspace.open(elsewhere);
    onTestFinished(() => ws.close());
    const rows = await ws.kysely.selectFrom('items').select('reference').orderBy('reference').execute();
    expect(rows.map((r) => r.reference)).toEqual(references);
  });

  test('a copy that cannot be made stops the migration: nothing is changed', async () => {
    const dir = tempDir();
    await deskWithItems(dir, 1);
    // A file where the backups folder should be.
    fs.writeFileSync(path.join(dir, 'backups'), 'in the way');
    const next: Migration = {
      version: LATEST + 10,
      name: 'next',
      up(db) {
        db.exec('CREATE TABLE next_table (id INTEGER PRIMARY KEY)');
      },
    };
    const error = refusal(() => Workspace.open(dir, { migrations: [...MIGRATIONS, next] }));
    expect(error.message).toMatch(/could not back up the database .* so it did not migrate it/);
    const raw = openRawDatabase(database(dir));
    expect(schemaVersion(raw)).toBe(LATEST);
  });
});

describe('a damaged database', () => {
  test('is refused at open with the latest backup named; restoring it loses nothing it held', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    const held = await addItems(ws, 200, 'Larkfield');
    const backup = takeDailyBackupIfDue(ws)!;
    // Work after the backup: what a damaged file costs is what came after its last backup.
    await addItems(ws, 2, 'Nordvik');
    await ws.close();
    corruptItemsPage(database(dir));
    const damaged = fileHash(database(dir));

    const error = refusal(() => Workspace.open(dir));
    expect(error.code).toBe('damaged_database');
    expect(error.message).toContain(`The database ${database(dir)} is damaged`);
    expect(error.message).toContain(backup.file);
    expect(error.message).toContain(backupDate(backup));
    expect(error.message).toContain('rebound restore');
    // Not opened for writing: the file is exactly as it was.
    expect(fileHash(database(dir))).toBe(damaged);

    const result = restoreBackup(dir, backup.file);
    expect(result.schemaVersion).toBe(LATEST);
    // The damaged file is kept, byte for byte.
    expect(fileHash(result.previous!.file)).toBe(damaged);
    expect(referencesIn(database(dir))).toEqual(held);
    const reopened = Workspace.open(dir);
    onTestFinished(() => reopened.close());
    expect(reopened.db.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
  });

  test('without a backup, the message says there is none and how to restore a copy kept elsewhere', async () => {
    const dir = tempDir();
    await deskWithItems(dir, 200);
    corruptItemsPage(database(dir));
    const error = refusal(() => Workspace.open(dir));
    expect(error.code).toBe('damaged_database');
    expect(error.message).toContain('There is no backup in');
  });

  test('a file that is not a database at all is refused the same way', () => {
    const dir = tempDir();
    fs.writeFileSync(database(dir), 'This is a shopping list, not a database. '.repeat(200));
    expect(refusal(() => Workspace.open(dir)).code).toBe('damaged_database');
  });
});

describe('restore', () => {
  test('a round trip: the data is as it was at backup time, and the database it replaced is kept', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Larkfield' });
    const out = path.join(tempDir(), 'monday.sqlite');
    const copy = backupTo(dir, out);
    expect(copy).toMatchObject({ file: out, schemaVersion: LATEST });
    if (POSIX) expect(modeOf(out)).toBe(0o600);
    await addMerchant(ws, { name: 'Nordvik' });
    await ws.close();

    const result = restoreBackup(dir, out);

    expect(merchantsIn(database(dir))).toEqual(['Larkfield']);
    expect(result.previous).toMatchObject({ kind: 'before-restore', schemaVersion: LATEST });
    expect(merchantsIn(result.previous!.file)).toEqual(['Larkfield', 'Nordvik']);
    expect(result.migratesTo).toBeNull();
    if (POSIX) expect(modeOf(database(dir))).toBe(0o600);
    // The backup itself is left as it was.
    expect(merchantsIn(out)).toEqual(['Larkfield']);
  });

  test('a write-ahead log left by a crash is kept with the old database and never meets the new one', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Larkfield' });
    const out = path.join(tempDir(), 'backup.sqlite');
    backupTo(dir, out);
    await addMerchant(ws, { name: 'Nordvik' });
    // The folder as a crash would leave it: the last transactions only in rebound.sqlite-wal.
    const crashed = tempDir();
    for (const name of fs.readdirSync(dir).filter((f) => f.startsWith('rebound.sqlite'))) {
      fs.copyFileSync(path.join(dir, name), path.join(crashed, name));
    }
    await ws.close();
    expect(fs.statSync(path.join(crashed, 'rebound.sqlite-wal')).size).toBeGreaterThan(0);

    const result = restoreBackup(crashed, out);

    expect(merchantsIn(result.previous!.file)).toEqual(['Larkfield', 'Nordvik']);
    expect(merchantsIn(database(crashed))).toEqual(['Larkfield']);
    const reopened = Workspace.open(crashed);
    onTestFinished(() => reopened.close());
    const rows = await reopened.kysely.selectFrom('merchants').select('name').execute();
    expect(rows.map((r) => r.name)).toEqual(['Larkfield']);
  });

  test('is refused while the workspace is open, and nothing is changed', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Larkfield' });
    const out = path.join(tempDir(), 'backup.sqlite');
    backupTo(dir, out);
    await addMerchant(ws, { name: 'Nordvik' });

    const error = refusal(() => restoreBackup(dir, out));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/is open .* close it, then restore/);
    expect(listBackups(dir)).toEqual([]);
    expect((await ws.kysely.selectFrom('merchants').select('name').execute()).length).toBe(2);
    await ws.close();

    restoreBackup(dir, out);
    expect(merchantsIn(database(dir))).toEqual(['Larkfield']);
  });

  test('takes only a sound Rebound database, not newer than this version', async () => {
    const folder = tempDir();
    const dir = tempDir();
    await deskWithItems(dir, 200);

    const text = path.join(folder, 'notes.sqlite');
    fs.writeFileSync(text, 'This is not a database. '.repeat(100));
    expect(refusal(() => restoreBackup(dir, text)).message).toMatch(/is not a SQLite database/);

    const other = path.join(folder, 'other.sqlite');
    const raw = openRawDatabase(other);
    raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    raw.pragma('user_version = 3');
    raw.close();
    expect(refusal(() => restoreBackup(dir, other)).message).toMatch(/is not a Rebound database/);

    const newer = path.join(folder, 'newer.sqlite');
    backupTo(dir, newer);
    const bump = openRawDatabase(newer);
    bump.pragma(`user_version = ${LATEST + 10}`);
    bump.close();
    expect(refusal(() => restoreBackup(dir, newer)).code).toBe('newer_database');

    const damaged = path.join(folder, 'damaged.sqlite');
    backupTo(dir, damaged);
    corruptItemsPage(damaged);
    expect(refusal(() => restoreBackup(dir, damaged)).code).toBe('damaged_database');

    expect(refusal(() => restoreBackup(dir, path.join(folder, 'missing.sqlite'))).code).toBe('not_found');
    expect(refusal(() => restoreBackup(dir, database(dir))).code).toBe('bad_input');
    // None of it touched the workspace.
    expect(listBackups(dir)).toEqual([]);
    expect(referencesIn(database(dir))).toHaveLength(200);
  });

  test('an older backup is restored as it is, and said to be migrated at the next open', async () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const raw = openRawDatabase(file);
    migrate(raw, MIGRATIONS.slice(0, -1));
    raw.close();
    const dir = tempDir();
    const result = restoreBackup(dir, file);
    expect(result).toMatchObject({
      schemaVersion: MIGRATIONS.at(-2)!.version,
      migratesTo: LATEST,
      previous: null,
    });
  });
});

describe('backup --out', () => {
  test('never overwrites a file, and needs a workspace', async () => {
    const dir = tempDir();
    await deskWithItems(dir, 1);
    const out = path.join(tempDir(), 'copy.sqlite');
    fs.writeFileSync(out, 'precious');
    expect(refusal(() => backupTo(dir, out)).code).toBe('conflict');
    expect(fs.readFileSync(out, 'utf8')).toBe('precious');
    expect(refusal(() => backupTo(tempDir(), path.join(tempDir(), 'x.sqlite'))).code).toBe('not_found');
  });
});

describe('daily backups', () => {
  test('one a day; the seven newest daily ones are kept, and the other kinds by their own count', () => {
    const ws = sqliteWorkspace();
    const day = (n: number, hour = 9) => new Date(Date.UTC(2026, 2, n, hour));
    for (let n = 1; n <= 10; n++) {
      expect(dailyBackupDue(ws.dataDir, day(n))).toBe(true);
      expect(takeDailyBackupIfDue(ws, day(n))).not.toBeNull();
      expect(takeDailyBackupIfDue(ws, day(n, 17))).toBeNull();
    }
    for (let n = 1; n <= 5; n++) takeBackup(ws.db.sqlite, ws.dataDir, 'pre-migration', day(n, 8));

    const all = listBackups(ws.dataDir);
    const daily = all.filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(KEEP.daily);
    expect(KEEP.daily).toBe(7);
    expect(daily.map((b) => b.takenAt.slice(0, 10))).toEqual([
      '2026-03-10',
      '2026-03-09',
      '2026-03-08',
      '2026-03-07',
      '2026-03-06',
      '2026-03-05',
      '2026-03-04',
    ]);
    const before = all.filter((b) => b.kind === 'pre-migration');
    expect(before.map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-03-05', '2026-03-04', '2026-03-03']);
    expect(fs.readdirSync(path.join(ws.dataDir, 'backups'))).toHaveLength(KEEP.daily + KEEP['pre-migration']);
  });

  test('run on a timer while the workspace is open, and stop with it', async () => {
    const ws = sqliteWorkspace();
    const changed = vi.fn();
    ws.onEvent(changed);
    const timer = startDailyBackups(ws, { firstAfterMs: 0, everyMs: 60_000 });
    onTestFinished(() => timer.stop());
    await vi.waitFor(() => expect(listBackups(ws.dataDir).map((b) => b.kind)).toEqual(['daily']));
    expect(changed).toHaveBeenCalledWith({ type: 'changed', domains: ['backups'] });
    timer.stop();
  });
});

describe('backups.list and backups.create', () => {
  test('an admin backs up now and sees it listed, newest first', async () => {
    const ws = sqliteWorkspace();
    const admin = await addProfile(ws, { name: 'Nadia', role: 'admin' });
    const as = { via: 'person', personId: admin } as const;
    expect(await dispatch(ws, 'backups.list', {}, as)).toEqual({
      dir: path.join(ws.dataDir, 'backups'),
      backups: [],
    });
    const made = await invoke(ws, 'backups.create', {}, as);
    expect(made.kind).toBe('manual');
    expect(fs.existsSync(made.file)).toBe(true);
    const list = await invoke(ws, 'backups.list', {}, as);
    expect(list.backups.map((b) => b.file)).toEqual([made.file]);

    const staff = await addProfile(ws, { name: 'Lea', role: 'staff' });
    await expect(
      dispatch(ws, 'backups.create', {}, { via: 'person', personId: staff }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
