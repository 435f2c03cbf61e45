import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { ServerEvent } from '../../../shared/contract';
import { ExportSalesInput } from '../../../shared/contract/exports';
import { AppError } from '../../../shared/errors';
import { addItem, addMerchant, addProduct } from '../../../tests/integration/seed';
import { tempDir, sqliteWorkspace } from '../../../tests/integration/temp';
import type { SqliteDb } from '../db/connection';
import type { Workspace } from '../workspace';
import { exportSales, exportsDir } from '.';
import type { ExportJob } from './protocol';
import { PAGE_SIZE } from './rows';
import { loadedSqliteBinary, locateExportWorker, runExportJob } from './run';

/** More sales than two pages, all in October 2026, on one item (sales.item_id has no uniqueness). */
const SALES = PAGE_SIZE * 2 + 17;
const OCTOBER = ExportSalesInput.parse({ from: '2026-10-01', to: '2026-10-31', format: 'csv' });

async function seed(ws: Workspace<SqliteDb>): Promise<{ merchantId: number; itemId: number }> {
  const merchantId = await addMerchant(ws, { name: 'Larkfield' });
  const productId = await addProduct(ws, { merchantId, sku: 'K-1', title: 'Kettle', originalCents: 5000 });
  const itemId = await addItem(ws, { merchantId, productId, reference: 'RB-1', status: 'sold' });
  const insert = ws.db.sqlite.prepare(
    `INSERT INTO sales (item_id, merchant_id, channel, order_id, line_id, sold_at, currency, price_cents, created_at)
     VALUES (?, ?, 'practice', ?, '1', ?, 'EUR', ?, ?)`,
  );
  ws.db.sqlite.transaction(() => {
    for (let i = 0; i < SALES; i += 1) {
      const soldAt = `2026-10-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`;
      insert.run(itemId, merchantId, `O-${i}`, soldAt, 1000 + (i % 500), soldAt);
    }
  })();
  return { merchantId, itemId };
}

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

describe('exports run in a worker thread', () => {
  test('the worker reads one snapshot on its own connection while the main connection keeps writing', async () => {
    const ws = sqliteWorkspace();
    const { merchantId, itemId } = await seed(ws);
    expect(loadedSqliteBinary()).toMatch(/better_sqlite3\.node$/);
    const events: ServerEvent[] = [];
    let wrote = false;
    ws.onEvent((event) => {
      events.push(event);
      // The worker has counted (its snapshot is taken) once the first progress arrives: a sale
      // written now, on the main connection, goes through and is not in this export.
      if (event.type === 'progress' && !wrote) {
        wrote = true;
        ws.db.sqlite
          .prepare(
            `INSERT INTO sales (item_id, merchant_id, channel, order_id, line_id, sold_at, currency, price_cents, created_at)
             VALUES (?, ?, 'practice', 'LATE', '1', '2026-10-05T12:00:00.000Z', 'EUR', 100, '2026-10-05T12:00:00.000Z')`,
          )
          .run(itemId, merchantId);
      }
    });
    const result = await exportSales(ws, OCTOBER);
    expect(result).toMatchObject({ rows: SALES, lines: SALES, format: 'csv' });
    expect(fs.statSync(result.file).size).toBe(result.bytes);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.map((e) => e.done)).toEqual([0, PAGE_SIZE, PAGE_SIZE * 2, SALES]);
    expect(progress.every((e) => e.total === SALES)).toBe(true);
    // The CSV has the header and the snapshot's rows; the late sale is in the database.
    const text = fs.readFileSync(result.file, 'utf8');
    expect(text.trimEnd().split(/\r?\n/)).toHaveLength(SALES + 1);
    expect(text).not.toContain('LATE');
    expect((await exportSales(ws, OCTOBER)).rows).toBe(SALES + 1);
  });

  test('an error in the worker comes back as the same error, without a partial file', async () => {
    const ws = sqliteWorkspace();
    await seed(ws);
    const dir = tempDir();
    const job: ExportJob = {
      engine: 'sqlite',
      database: ws.db.sqlite.name,
      nativeBinding: loadedSqliteBinary(),
      file: path.join(dir, 'missing-folder', 'sales.csv'),
      locale: 'en',
      filter: { from: '2026-10-01', to: '2026-10-31' },
      format: 'csv',
    };
    await expect(runExportJob(job, () => {})).rejects.toMatchObject({ code: 'ENOENT' });
    // An unreadable database is SQLite's own error.
    const notThere = { ...job, database: path.join(dir, 'nothing.sqlite'), file: path.join(dir, 'x.csv') };
    await expect(runExportJob(notThere, () => {})).rejects.toMatchObject({ name: 'SqliteError' });
    expect(filesIn(dir)).toEqual([]);
  });

  test('a stop between pages (a signal, or a progress listener that throws) leaves no file', async () => {
    const ws = sqliteWorkspace();
    await seed(ws);
    const controller = new AbortController();
    const stopAfterFirstPage = ws.onEvent((event) => {
      if (event.type === 'progress' && event.done >= PAGE_SIZE) controller.abort(new Error('enough'));
    });
    await expect(exportSales(ws, OCTOBER, { signal: controller.signal })).rejects.toThrow('enough');
    stopAfterFirstPage();
    expect(filesIn(exportsDir(ws))).toEqual([]);

    const broken = new Error('listener broke');
    ws.onEvent((event) => {
      if (event.type === 'progress') throw broken;
    });
    await expect(exportSales(ws, { ...OCTOBER, format: 'xlsx' })).rejects.toBe(broken);
    expect(filesIn(exportsDir(ws))).toEqual([]);
  });

  test('a worker that dies without answering: an internal error, and its partial file removed', async () => {
    const dir = tempDir();
    const entry = path.join(dir, 'dying-worker.mjs');
    fs.writeFileSync(
      entry,
      `import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort.once('message', ({ job }) => {
  fs.writeFileSync(job.file + '.part', 'half');
  process.exit(3);
});
`,
    );
    const job: ExportJob = {
      engine: 'sqlite',
      database: path.join(dir, 'unused.sqlite'),
      nativeBinding: null,
      file: path.join(dir, 'sales.csv'),
      locale: 'en',
      filter: { from: '2026-10-01', to: '2026-10-31' },
      format: 'csv',
    };
    const failure = runExportJob(job, () => {}, { worker: { url: pathToFileURL(entry) } });
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ code: 'internal', message: /exited with code 3/ });
    expect(filesIn(dir)).toEqual(['dying-worker.mjs']);
    expect((await locateExportWorker()).url.pathname).toMatch(/\/exports\/worker-dev\.mjs$/);
  });
});
