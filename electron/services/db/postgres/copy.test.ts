import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../../../tests/integration/temp';
import { addMerchant } from '../../../../tests/support/intake';
import { onPostgres, sqliteWorkspace, tempPostgresDatabase } from '../../../../tests/support/workspace';
import { AppError } from '../../../../shared/errors';
import { invoke } from '../../api';
import { loadEbayAccount } from '../../channels/ebay/config';
import { secretBoxFor } from '../../channels/ebay/service';
import { Workspace } from '../../workspace';
import type { PostgresDb } from './connect';
import { copyWorkspace } from './copy';

/** A fresh, empty server workspace (database and shared folder), closed when the test ends. */
async function emptyServer(): Promise<Workspace<PostgresDb>> {
  let server: Workspace<PostgresDb> | null = null;
  const url = await tempPostgresDatabase(async () => {
    await server?.close();
  });
  server = await Workspace.connect(url, tempDir('rebound-server-files-'), { poolSize: 2 });
  return server;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function rowCounts(ws: Workspace, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await ws.kysely
      .selectFrom(table as 'items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

describe.skipIf(!onPostgres)(
  'rebound migrate: a desk moves to a server (needs PostgreSQL (REBOUND_TEST_DATABASE=postgres))',
  () => {
    test('the demo desk arrives whole on the server, photos and all, and is checked row by row', async () => {
      const desk = sqliteWorkspace();
      await invoke(desk, 'workspace.createDemo', {});
      // Text keys that a server's language collation (en_US, say) would order unlike SQLite's
      // bytes, read in small pages (most tables span several), so the keyset paging and the
      // checksum's order are exercised across page boundaries.
      const keys = ['Zeta', 'alpha', '_under', 'a-b', 'a_b', 'B', 'b', 'é', 'e', 'Émile'];
      await desk.kysely
        .insertInto('settings')
        .values(keys.map((key) => ({ key, value: `v ${key}` })))
        .execute();
      const server = await emptyServer();

      const result = await copyWorkspace(desk, server, undefined, { batchSize: 7 });

      const byTable = new Map(result.tables.map((t) => [t.table, t]));
      for (const t of result.tables) {
        expect(t.targetChecksum, t.table).toBe(t.sourceChecksum);
        expect(t.sourceChecksum, t.table).toMatch(/^[0-9a-f]{64}$/);
      }
      for (const table of ['merchants', 'items', 'photos', 'prices', 'sales', 'events']) {
        expect(byTable.get(table)?.rows, table).toBeGreaterThan(0);
      }
      expect([...byTable.keys()]).not.toContain('item_search');
      // The counts the copy reports are the server's own.
      expect(await rowCounts(server, [...byTable.keys()])).toEqual(
        Object.fromEntries(result.tables.map((t) => [t.table, t.rows])),
      );

      // Every photo file made the trip, byte for byte in size.
      const deskFiles = filesUnder(desk.photosDir);
      expect(deskFiles.length).toBeGreaterThan(0);
      expect(filesUnder(server.photosDir)).toEqual(deskFiles);
      expect(result.photos.files).toBe(deskFiles.length);
      const photo = await server.kysely.selectFrom('photos').select('hash').executeTakeFirstOrThrow();
      expect(fs.existsSync(server.photoPath(photo.hash, 'listing'))).toBe(true);
      expect(fs.existsSync(server.photoPath(photo.hash, 'thumb'))).toBe(true);

      // The desk's listed items read the same through the server, its search included.
      const input = { statuses: ['listed' as const], sort: 'reference' as const, limit: 1000 };
      const onDesk = await invoke(desk, 'items.list', input);
      const onServer = await invoke(server, 'items.list', input);
      expect(onDesk.total).toBeGreaterThan(0);
      expect(onServer.rows.map((r) => r.reference)).toEqual(onDesk.rows.map((r) => r.reference));
      expect(onServer.rows).toEqual(onDesk.rows);
      const first = onDesk.rows[0]!;
      const found = await invoke(server, 'items.list', { search: first.reference, limit: 10 });
      expect(found.rows.map((r) => r.reference)).toContain(first.reference);

      // The server hands out new ids after the copied ones.
      const merchant = await addMerchant(server, { name: 'After the move' });
      expect(merchant).toBeGreaterThan(byTable.get('merchants')!.rows);

      // A second copy into the now non-empty server is refused and changes nothing.
      const before = await rowCounts(server, [...byTable.keys()]);
      const refused = await copyWorkspace(desk, server).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('conflict');
      expect((refused as AppError).message).toMatch(/not empty/);
      expect(await rowCounts(server, [...byTable.keys()])).toEqual(before);
    });

    test('an eBay account’s sealed secret can still be opened on the server', async () => {
      const desk = sqliteWorkspace();
      const merchantId = await addMerchant(desk, { name: 'Sealed Goods' });
      await invoke(desk, 'ebay.configure', {
        merchantId,
        appId: 'app-1',
        certId: 'cert-secret-1',
        ruName: 'ru-1',
        marketplace: 'EBAY_GB',
      });
      const server = await emptyServer();

      const result = await copyWorkspace(desk, server);

      const accounts = result.tables.find((t) => t.table === 'channel_accounts')!;
      expect(accounts.rows).toBe(1);
      expect(accounts.targetChecksum).toBe(accounts.sourceChecksum);
      // Sealed again with the server folder's own key: the stored bytes differ, the secret does not.
      const deskRow = await desk.kysely
        .selectFrom('channel_accounts')
        .select('secret')
        .executeTakeFirstOrThrow();
      const serverRow = await server.kysely
        .selectFrom('channel_accounts')
        .select('secret')
        .executeTakeFirstOrThrow();
      expect(Buffer.compare(deskRow.secret!, serverRow.secret!)).not.toBe(0);
      expect(fs.existsSync(path.join(server.dataDir, 'secret.key'))).toBe(true);
      const account = await loadEbayAccount(server.kysely, secretBoxFor(server), merchantId);
      expect(account?.secrets.certId).toBe('cert-secret-1');
      const status = await invoke(server, 'ebay.status', { merchantId });
      expect(status.configured).toBe(true);
    });
  },
);
