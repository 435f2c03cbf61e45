import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { Envelope, ExportResult } from '../../shared/contract';
import { addItem, addMerchant, addProduct, addProfile } from '../../tests/integration/seed';
import { tempDir, tempWorkspace } from '../../tests/integration/temp';
import { exportsDir } from '../services/exports';
import { startServer } from './http';

const TOKEN = 'test-token-0123456789abcdef';

async function serve() {
  const ws = tempWorkspace();
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
  const bookkeeper = await addProfile(ws, { name: 'Bo', role: 'bookkeeper' });
  const server = await startServer({ ws, host: '127.0.0.1', port: 0, rendererDir: tempDir(), token: TOKEN });
  onTestFinished(() => server.close());
  const get = (pathname: string, auth = true) =>
    fetch(`${server.origin}${pathname}`, { headers: auth ? { authorization: `Bearer ${TOKEN}` } : {} });
  const exportCsv = async () => {
    const response = await fetch(`${server.origin}/api/call/exports.sales`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'x-rebound-profile': String(bookkeeper),
      },
      body: JSON.stringify({ from: '2026-10-01', to: '2026-10-31', format: 'csv' }),
    });
    const envelope = (await response.json()) as Envelope<ExportResult>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  };
  return { ws, get, exportCsv };
}

describe('browser mode: downloading an export', () => {
  test('the file an export just wrote comes back as an attachment, with the token only', async () => {
    const { get, exportCsv } = await serve();
    const result = await exportCsv();
    const response = await get(`/api/download/${encodeURIComponent(result.fileName)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${result.fileName}"; filename*=UTF-8''${result.fileName}`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(result.file))).toBe(true);
    expect(bytes.toString('utf8')).toContain('39.99');
    expect((await get(`/api/download/${encodeURIComponent(result.fileName)}`, false)).status).toBe(401);
  });

  test('nothing else: not an older file in the exports folder, not a path, not a missing file', async () => {
    const { ws, get, exportCsv } = await serve();
    fs.mkdirSync(exportsDir(ws), { recursive: true });
    fs.writeFileSync(path.join(exportsDir(ws), 'old.csv'), 'old');
    fs.writeFileSync(path.join(ws.dataDir, 'secret.txt'), 'secret');
    expect((await get('/api/download/old.csv')).status).toBe(404);
    for (const attempt of ['..%2Fsecret.txt', '%2E%2E%2F%2E%2E%2Fsecret.txt', '..%5Csecret.txt', '%E0%A4%A'])
      expect((await get(`/api/download/${attempt}`)).status, attempt).toBe(404);
    const result = await exportCsv();
    fs.rmSync(result.file);
    expect((await get(`/api/download/${encodeURIComponent(result.fileName)}`)).status).toBe(404);
  });
});
