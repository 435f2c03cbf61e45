import { describe, expect, test } from 'vitest';
import type { ItemDetail, ItemSummary, Paged, ServerEvent } from '../../shared/contract';
import { run } from '../../electron/cli/index';
import { startServer } from '../../electron/server/http';
import { Workspace } from '../../electron/services/workspace';
import { addItem, addProduct, addProfile } from './seed';
import { tempDir } from './temp';

/**
 * One day at the returns desk, through the same doors people use: the browser mode's HTTP API
 * for the admin and the desk, the event stream for the open screens, and the command line for
 * the evening check, all on one real data folder that outlives the server.
 */
describe('a day at the returns desk', () => {
  test('sign up a merchant, find a scanned return, open it, and find it all again after a restart', async () => {
    const dataDir = tempDir();
    const ws = Workspace.open(dataDir);
    const server = await startServer({ ws, host: '127.0.0.1', port: 0, rendererDir: tempDir() });
    const signIn = async (name: string, password: string): Promise<string> => {
      const response = await fetch(`${server.origin}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
      return response.headers.getSetCookie()[0]!.split(';')[0]!;
    };
    const api = async <T>(method: string, input: unknown, cookie: string): Promise<T> => {
      const response = await fetch(`${server.origin}/api/call/${method}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message);
      return envelope.value as T;
    };
    const announced: ServerEvent[] = [];
    ws.onEvent((event) => announced.push(event));

    try {
      // Morning: the admin signs up a new merchant.
      await addProfile(ws, { name: 'Sam', role: 'admin', password: 'sam-at-the-desk' });
      await addProfile(ws, { name: 'Kim', role: 'staff', password: 'kim-at-the-desk' });
      const admin = await signIn('Sam', 'sam-at-the-desk');
      const desk = await signIn('Kim', 'kim-at-the-desk');
      const merchant = await api<{ id: number }>(
        'merchants.create',
        { name: 'Velo Shop', currency: 'EUR', language: 'en', returnWindowDays: 30 },
        admin,
      );
      expect(announced).toContainEqual({ type: 'changed', domains: ['merchants'] });

      // The first parcels are in (intake is not an API yet: written as the intake would).
      const helmet = await addProduct(ws, {
        merchantId: merchant.id,
        sku: 'VS-HELM-01',
        ean: '4006381333931',
        title: 'Bike helmet Aduro',
        originalCents: 5999,
      });
      await addItem(ws, {
        merchantId: merchant.id,
        productId: helmet,
        reference: 'RB-000001',
        grade: 'used',
      });
      await addItem(ws, { merchantId: merchant.id, productId: helmet, reference: 'RB-000002' });

      // Kim scans the EAN on a box: both helmets come up; she opens the graded one.
      const found = await api<Paged<ItemSummary>>('items.list', { search: '4006381333931' }, desk);
      expect(found.total).toBe(2);
      const graded = found.rows.find((row) => row.grade === 'used')!;
      const page = await api<ItemDetail>('items.get', { id: graded.id }, desk);
      expect(page).toMatchObject({ reference: 'RB-000001', ean: '4006381333931', merchantName: 'Velo Shop' });

      // Kim may not sign up merchants.
      await expect(
        api(
          'merchants.create',
          { name: 'Other', currency: 'EUR', language: 'en', returnWindowDays: 14 },
          desk,
        ),
      ).rejects.toThrow('Kim is resale staff and may not do this (merchants.create).');
    } finally {
      await server.close();
      await ws.close();
    }

    // Evening: the data is still there for the command line.
    let out = '';
    const code = await run(['node', 'rebound', 'items', 'list', '--json', '--data-dir', dataDir], {
      out: (text) => (out += text),
      err: () => undefined,
      readStdin: async () => '',
    });
    expect(code).toBe(0);
    const evening = JSON.parse(out) as Paged<ItemSummary>;
    expect(evening.rows.map((row) => row.reference).sort()).toEqual(['RB-000001', 'RB-000002']);
    const history = Workspace.open(dataDir);
    try {
      const events = await history.kysely.selectFrom('events').select(['kind', 'actor']).execute();
      expect(events).toEqual([
        { kind: 'session.signed_in', actor: 'Sam' },
        { kind: 'session.signed_in', actor: 'Kim' },
        { kind: 'merchant.created', actor: 'Sam' },
      ]);
    } finally {
      await history.close();
    }
  });
});
