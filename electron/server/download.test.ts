import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Envelope, ExportDownload } from '../../shared/contract';
import { addItem, addMerchant, addProduct, addProfile } from '../../tests/integration/seed';
import { serveWorkspace } from '../../tests/support/browser';
import { exportsDir } from '../services/exports';

const PASSWORD = 'ledger-and-pencil';

async function serve() {
  const app = await serveWorkspace();
  const ws = app.ws;
  const merchantId = await addMerchant(ws, { name: 'Larkfield' });
  const productId = await addProduct(ws, { merchantId, sku: 'L-1', title: 'Kettle', originalCents: 5000 });
  const itemId = await addItem(ws, { merchantId, productId, reference: 'RB-1', status: 'sold' });
  await ws.kysely
    .insertInto('sales')
    .values({
      item_id: itemId,
      merchant_id: merchantId,
      channel: 'practice',
      order_id: 'PM-1',
      line_id: '1',
      sold_at: '2026-10-02T10:00:00.000Z',
      currency: 'EUR',
      price_cents: 3999,
      created_at: '2026-10-02T10:00:00.000Z',
    })
    .execute();
  await addProfile(ws, { name: 'Bo', role: 'bookkeeper', password: PASSWORD });
  await addProfile(ws, { name: 'Al', role: 'admin', password: PASSWORD });
  const bo = await app.signIn('Bo', PASSWORD);
  const get = (pathname: string, cookie: string | null = bo) =>
    app.request(pathname, cookie ? { headers: { cookie } } : {});
  const exportCsv = async () => {
    const response = await app.call(
      'exports.sales',
      { from: '2026-10-01', to: '2026-10-31', format: 'csv' },
      bo,
    );
    const envelope = (await response.json()) as Envelope<ExportDownload>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  };
  return { ws, get, exportCsv, signIn: app.signIn };
}

describe('browser mode: downloading an export', () => {
  test('the file an export just wrote comes back once, as an attachment, to the session that made it', async () => {
    const { get, exportCsv, signIn } = await serve();
    const result = await exportCsv();
    expect(result.downloadId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const link = `/api/download/${result.downloadId}`;
    // Not without a session, and not to another person's session.
    expect((await get(link, null)).status).toBe(401);
    expect((await get(link, await signIn('Al', PASSWORD))).status).toBe(404);
    const response = await get(link);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${result.fileName}"; filename*=UTF-8''${result.fileName}`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(result.file))).toBe(true);
    expect(bytes.toString('utf8')).toContain('39.99');
    // Single use: the same link a second time opens nothing.
    expect((await get(link)).status).toBe(404);
  });

  test('nothing else: not a file name, not an older file, not a path, not a file gone meanwhile', async () => {
    const { ws, get, exportCsv } = await serve();
    fs.mkdirSync(exportsDir(ws), { recursive: true });
    fs.writeFileSync(path.join(exportsDir(ws), 'old.csv'), 'old');
    fs.writeFileSync(path.join(ws.dataDir, 'secret.txt'), 'secret');
    expect((await get('/api/download/old.csv')).status).toBe(404);
    for (const attempt of ['..%2Fsecret.txt', '%2E%2E%2F%2E%2E%2Fsecret.txt', '..%5Csecret.txt', '%E0%A4%A'])
      expect((await get(`/api/download/${attempt}`)).status, attempt).toBe(404);
    const named = await exportCsv();
    expect((await get(`/api/download/${encodeURIComponent(named.fileName)}`)).status).toBe(404);
    const result = await exportCsv();
    fs.rmSync(result.file);
    expect((await get(`/api/download/${result.downloadId}`)).status).toBe(404);
    // The server is still answering.
    expect((await exportCsv()).rows).toBe(1);
  });
});
