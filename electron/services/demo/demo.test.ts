import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemSummary } from '../../../shared/contract';
import { GRADES, type Grade } from '../../../shared/domain/grades';
import { ITEM_STATUSES, ROLES, type ItemStatus } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import { PricingPolicy } from '../../../shared/pricing';
import { SYSTEM_ACTOR } from '../actor';
import { getItemByReference } from '../items';
import { createMerchant } from '../merchants';
import { isDemoWorkspace } from '../settings';
import type { SqliteDb } from '../db/connection';
import { Workspace } from '../workspace';
import { createDemoWorkspace } from './index';
import { isValidEan13 } from './ean';
import { buildDemoPlan } from './plan';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin', 'rebound.mjs');

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-demo-'));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file under the workspace's photo folder, relative, sorted. */
function photoFiles(ws: Workspace): string[] {
  if (!fs.existsSync(ws.photosDir)) return [];
  return (fs.readdirSync(ws.photosDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.jpg'))
    .sort();
}

const TABLES = [
  'merchants',
  'profiles',
  'products',
  'items',
  'photos',
  'defects',
  'prices',
  'listings',
  'sales',
  'events',
  'settings',
] as const;

function tableCounts(ws: Workspace<SqliteDb>): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((t) => [t, (ws.db.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

describe('createDemoWorkspace', () => {
  let ws: Workspace<SqliteDb>;
  let summary: Awaited<ReturnType<typeof createDemoWorkspace>>;
  let startedAt: Date;
  const all = <T>(sql: string, ...params: unknown[]) => ws.db.sqlite.prepare(sql).all(...params) as T[];

  beforeAll(async () => {
    ws = Workspace.open(tempDir());
    startedAt = new Date();
    summary = await createDemoWorkspace(ws, SYSTEM_ACTOR);
  });

  afterAll(async () => {
    await ws.close();
  });

  it('creates one EUR merchant with an address and a return window longer than 14 days', () => {
    const merchants = all<{
      id: number;
      currency: string;
      return_window_days: number;
      address: string;
      pricing_policy: string;
    }>('SELECT * FROM merchants');
    expect(merchants).toHaveLength(1);
    const merchant = merchants[0]!;
    expect(merchant.id).toBe(summary.merchantId);
    expect(merchant.currency).toBe('EUR');
    expect(merchant.return_window_days).toBeGreaterThan(14);
    expect(merchant.address.length).toBeGreaterThan(20);
    // The stored policy is one the pricing engine accepts as it is.
    expect(() => PricingPolicy.parse(JSON.parse(merchant.pricing_policy))).not.toThrow();
  });

  it('returns counts that match the database', () => {
    const counts = tableCounts(ws);
    expect(summary.items).toBe(counts.items);
    expect(summary.photos).toBe(counts.photos);
    expect(summary.items).toBeGreaterThanOrEqual(25);
  });

  it('has items in all six grades and in every status', () => {
    const items = all<{ grade: Grade | null; status: ItemStatus }>('SELECT grade, status FROM items');
    expect(new Set(items.map((i) => i.grade).filter((g) => g !== null))).toEqual(new Set(GRADES));
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(ITEM_STATUSES));
  });

  it('keeps statuses consistent with grades', () => {
    const items = all<{
      id: number;
      grade: Grade | null;
      status: ItemStatus;
      packaging: string | null;
      functional_test: string;
      graded_at: string | null;
      prices: number;
      listings: number;
      sales: number;
    }>(`SELECT i.*, (SELECT count(*) FROM prices p WHERE p.item_id = i.id) AS prices,
          (SELECT count(*) FROM listings l WHERE l.item_id = i.id) AS listings,
          (SELECT count(*) FROM sales s WHERE s.item_id = i.id) AS sales
        FROM items i`);
    for (const item of items) {
      if (item.status === 'received') {
        expect(item.grade).toBeNull();
        expect(item.packaging).toBeNull();
        expect(item.graded_at).toBeNull();
      } else {
        expect(item.grade).not.toBeNull();
        expect(item.graded_at).not.toBeNull();
      }
      if (item.grade === 'defective') {
        expect(['graded', 'returned_to_merchant', 'destroyed']).toContain(item.status);
        expect(item.functional_test).toBe('failed');
        expect(item.prices + item.listings + item.sales).toBe(0);
      }
      if (item.grade === 'new_sealed') {
        expect(item.status).toBe('restocked');
        expect(item.packaging).toBe('sealed');
      }
      if (item.status === 'restocked') expect(item.grade).toBe('new_sealed');
      if (item.status === 'destroyed') expect(item.grade).toBe('defective');
      const priced = ['priced', 'awaiting_approval', 'approved', 'listed', 'sold', 'rejected'];
      expect(item.prices).toBe(priced.includes(item.status) ? 1 : 0);
      expect(item.listings).toBe(['listed', 'sold'].includes(item.status) ? 1 : 0);
      expect(item.sales).toBe(item.status === 'sold' ? 1 : 0);
    }
  });

  it('varies the return-window result', () => {
    const results = all<{ window_result: string }>('SELECT DISTINCT window_result FROM items').map(
      (r) => r.window_result,
    );
    expect(new Set(results)).toEqual(new Set(['within_legal', 'within_merchant', 'outside']));
  });

  it('gives every item at least one photo, and graded items two or more, whose files decode at the right size', async () => {
    const items = all<{ id: number; status: string }>('SELECT id, status FROM items');
    const photos = all<{
      item_id: number;
      hash: string;
      position: number;
      is_main: number;
      width: number;
      height: number;
      bytes: number;
      source: string;
      warnings: string;
    }>('SELECT * FROM photos ORDER BY item_id, position');
    for (const item of items) {
      const own = photos.filter((p) => p.item_id === item.id);
      expect(own.length).toBeGreaterThanOrEqual(item.status === 'received' ? 1 : 2);
      expect(own.map((p) => p.position)).toEqual(own.map((_, i) => i));
      expect(own.filter((p) => p.is_main === 1).map((p) => p.position)).toEqual([0]);
    }
    for (const photo of photos) {
      expect(photo.source).toBe('demo');
      expect(photo.warnings).toBe('[]');
      const listing = fs.readFileSync(ws.photoPath(photo.hash, 'listing'));
      expect(crypto.createHash('sha256').update(listing).digest('hex')).toBe(photo.hash);
      expect(listing.length).toBe(photo.bytes);
      const meta = await sharp(listing).metadata();
      expect(meta.format).toBe('jpeg');
      expect([meta.width, meta.height]).toEqual([photo.width, photo.height]);
      expect(Math.max(meta.width, meta.height)).toBe(1600);
      const thumb = await sharp(ws.photoPath(photo.hash, 'thumb')).metadata();
      expect(thumb.format).toBe('jpeg');
      expect(Math.max(thumb.width, thumb.height)).toBe(400);
    }
    // Photos of different items are different pictures (each carries its item's label).
    expect(new Set(photos.map((p) => p.hash)).size).toBe(photos.length);
  });

  it('links each photographed defect to the photo that shows it', () => {
    const linked = all<{ item_id: number; photo_item: number | null }>(
      'SELECT d.item_id, p.item_id AS photo_item FROM defects d JOIN photos p ON p.id = d.photo_id',
    );
    expect(linked.length).toBeGreaterThan(5);
    for (const row of linked) expect(row.photo_item).toBe(row.item_id);
  });

  it('writes price traces that add up to the cent, with decisions that match the status', () => {
    const prices = all<{
      status: ItemStatus;
      original_cents: number;
      proposed_cents: number;
      floor_cents: number;
      net_cents: number;
      steps: string;
      decision: string;
      decided_by: number | null;
      decided_at: string | null;
      reason: string | null;
      product_cents: number;
    }>(`SELECT p.*, i.status, pr.original_cents AS product_cents
        FROM prices p JOIN items i ON i.id = p.item_id JOIN products pr ON pr.id = i.product_id`);
    const approver = all<{ id: number }>("SELECT id FROM profiles WHERE role = 'approver'")[0]!.id;
    for (const price of prices) {
      const steps = JSON.parse(price.steps) as { code: string; label: string; deltaCents: number }[];
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        expect(Number.isSafeInteger(step.deltaCents)).toBe(true);
        expect(step.label.length).toBeGreaterThan(3);
      }
      expect(price.original_cents + steps.reduce((sum, s) => sum + s.deltaCents, 0)).toBe(
        price.proposed_cents,
      );
      expect(price.original_cents).toBe(price.product_cents);
      expect(price.proposed_cents).toBeLessThan(price.original_cents);
      expect(price.proposed_cents).toBeGreaterThanOrEqual(price.floor_cents);
      expect(price.net_cents).toBeLessThan(price.proposed_cents);
      switch (price.status) {
        case 'priced':
        case 'awaiting_approval':
          expect(price.decision).toBe('pending');
          expect(price.decided_by).toBeNull();
          break;
        case 'approved':
        case 'listed':
        case 'sold':
          expect(['approved', 'auto_approved']).toContain(price.decision);
          expect(price.decided_by).toBe(price.decision === 'approved' ? approver : null);
          expect(price.decided_at).not.toBeNull();
          break;
        case 'rejected':
          expect(price.decision).toBe('rejected');
          expect(price.decided_by).toBe(approver);
          expect(price.reason?.length).toBeGreaterThan(10);
          break;
        default:
          throw new Error(`A ${price.status} item has a price`);
      }
    }
    expect(new Set(prices.map((p) => p.decision))).toEqual(
      new Set(['pending', 'approved', 'auto_approved', 'rejected']),
    );
  });

  it('stores every amount as an integer', () => {
    const columns: Record<string, string[]> = {
      products: ['original_cents'],
      prices: ['original_cents', 'proposed_cents', 'floor_cents', 'net_cents'],
      listings: ['price_cents'],
      sales: ['price_cents', 'shipping_cents', 'fees_cents', 'vat_cents', 'vat_rate_bp'],
    };
    for (const [table, cols] of Object.entries(columns)) {
      for (const col of cols) {
        const types = all<{ t: string }>(`SELECT DISTINCT typeof(${col}) AS t FROM ${table}`).map((r) => r.t);
        expect(types, `${table}.${col}`).toEqual(['integer']);
      }
    }
  });

  it('lists listed and sold items on the practice marketplace and records the sales', () => {
    const listings = all<{
      status: string;
      item_status: string;
      channel: string;
      url: string;
      price_cents: number;
      proposed: number;
    }>(`SELECT l.*, i.status AS item_status,
          (SELECT proposed_cents FROM prices p WHERE p.item_id = i.id) AS proposed
        FROM listings l JOIN items i ON i.id = l.item_id`);
    for (const l of listings) {
      expect(l.channel).toBe('practice');
      expect(l.status).toBe(l.item_status === 'sold' ? 'ended' : 'live');
      expect(l.url).toMatch(/^rebound-practice:\/\/listing\/\d+$/);
      expect(l.price_cents).toBe(l.proposed);
    }
    const sales = all<{
      channel: string;
      order_id: string;
      sold_at: string;
      price_cents: number;
      fees_cents: number;
      fees_estimated: number;
      buyer_country: string;
      currency: string;
    }>('SELECT * FROM sales');
    expect(sales.length).toBeGreaterThanOrEqual(3);
    for (const sale of sales) {
      expect(sale.channel).toBe('practice');
      expect(sale.currency).toBe('EUR');
      expect(sale.fees_estimated).toBe(1);
      expect(sale.fees_cents).toBeGreaterThan(0);
      expect(sale.buyer_country).toMatch(/^[A-Z]{2}$/);
      expect(Date.parse(sale.sold_at)).toBeLessThanOrEqual(Date.now());
    }
  });

  it('has a realistic catalogue with valid EAN-13 codes', () => {
    const products = all<{
      sku: string;
      ean: string;
      brand: string;
      model: string;
      title: string;
      description: string;
      original_cents: number;
      accessories: string;
    }>('SELECT * FROM products');
    expect(products.length).toBeGreaterThanOrEqual(15);
    expect(products.length).toBeLessThanOrEqual(20);
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    expect(new Set(products.map((p) => p.ean)).size).toBe(products.length);
    for (const product of products) {
      expect(isValidEan13(product.ean), product.ean).toBe(true);
      expect(product.original_cents).toBeGreaterThan(0);
      expect(product.title).toContain(product.brand);
      expect(product.description.length).toBeGreaterThan(60);
      expect((JSON.parse(product.accessories) as string[]).length).toBeGreaterThan(0);
    }
  });

  it('creates one profile per role, the approver acting for the merchant', () => {
    const profiles = all<{ role: string; merchant_id: number | null; name: string }>(
      'SELECT * FROM profiles',
    );
    expect(profiles.map((p) => p.role).sort()).toEqual([...ROLES].sort());
    expect(profiles.find((p) => p.role === 'approver')!.merchant_id).toBe(summary.merchantId);
  });

  it('records a history for every item, in order, by named profiles', () => {
    const profiles = new Map(
      all<{ id: number; name: string }>('SELECT id, name FROM profiles').map((p) => [p.id, p.name]),
    );
    const items = all<{
      id: number;
      status: string;
      received_at: string;
      updated_at: string;
      version: number;
    }>('SELECT * FROM items');
    const approver = all<{ name: string }>("SELECT name FROM profiles WHERE role = 'approver'")[0]!.name;
    for (const item of items) {
      const events = all<{
        at: string;
        actor: string;
        profile_id: number | null;
        kind: string;
        data: string;
      }>('SELECT * FROM events WHERE item_id = ? ORDER BY id', item.id);
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(events[0]!.kind).toBe('item.received');
      expect(events[0]!.at).toBe(item.received_at);
      expect(events.at(-1)!.at).toBe(item.updated_at);
      expect(item.version).toBe(events.length);
      const times = events.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times.at(-1)!).toBeLessThanOrEqual(Date.now());
      for (const event of events) {
        expect(event.profile_id).not.toBeNull();
        expect(event.actor).toBe(profiles.get(event.profile_id!));
        expect(() => JSON.parse(event.data) as unknown).not.toThrow();
      }
      // The last status the history mentions is the item's status.
      const statuses = events
        .map((e) => (JSON.parse(e.data) as { status?: string }).status)
        .filter((s): s is string => s !== undefined);
      expect(statuses.at(-1)).toBe(item.status);
      if (item.status === 'approved' || item.status === 'rejected') {
        const decision = events.find((e) => e.kind === 'price.approved' || e.kind === 'price.rejected');
        if (decision) expect(decision.actor).toBe(approver);
      }
    }
  });

  it('spreads arrivals over the last two months and dates deliveries before arrivals', () => {
    const items = all<{ delivered_at: string; received_at: string }>('SELECT * FROM items');
    const days = items.map((i) => (startedAt.getTime() - Date.parse(i.received_at)) / 86_400_000);
    expect(Math.min(...days)).toBeLessThan(1);
    expect(Math.max(...days)).toBeGreaterThan(40);
    expect(Math.max(...days)).toBeLessThan(70);
    for (const item of items) {
      expect(item.delivered_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.delivered_at < item.received_at.slice(0, 10)).toBe(true);
    }
  });

  it('gives items uppercase references the item page can find', async () => {
    const refs = all<{ reference: string }>('SELECT reference FROM items ORDER BY id').map(
      (r) => r.reference,
    );
    refs.forEach((ref, i) => expect(ref).toBe(`RB-${String(i + 1).padStart(6, '0')}`));
    const item = await getItemByReference(ws, 'rb-000001');
    expect(item.reference).toBe('RB-000001');
    expect(item.events.length).toBeGreaterThan(0);
  });

  it('reads like real data, not placeholder text', () => {
    const texts = [
      ...all<{ t: string }>("SELECT return_note AS t FROM items WHERE return_note <> ''"),
      ...all<{ t: string }>('SELECT note AS t FROM defects'),
      ...all<{ t: string }>('SELECT location AS t FROM defects'),
      ...all<{ t: string }>('SELECT summary AS t FROM events'),
      ...all<{ t: string }>('SELECT title AS t FROM products'),
      ...all<{ t: string }>('SELECT description AS t FROM products'),
    ].map((r) => r.t);
    for (const text of texts) {
      expect(text).not.toMatch(
        /lorem|ipsum|\b(todo|fixme|xxx|foo|baz|asdf|undefined|null|NaN)\b|test item|sample text|\[object/i,
      );
      expect(text.trim()).toBe(text);
      expect(text.length).toBeGreaterThan(1);
    }
  });

  it('marks the workspace as a demo', async () => {
    expect(await isDemoWorkspace(ws)).toBe(true);
  });

  it('refuses a second run and changes nothing', async () => {
    const before = tableCounts(ws);
    const files = photoFiles(ws);
    const error = await createDemoWorkspace(ws, SYSTEM_ACTOR).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect((error as AppError).message).toMatch(/already has merchants, items or people/);
    expect(tableCounts(ws)).toEqual(before);
    expect(photoFiles(ws)).toEqual(files);
  });
});

describe('createDemoWorkspace refusals and failures', () => {
  it('refuses a workspace that already holds a real merchant', async () => {
    const ws = Workspace.open(tempDir());
    try {
      await createMerchant(ws, SYSTEM_ACTOR, {
        name: 'Real Shop',
        currency: 'EUR',
        language: 'en',
        returnWindowDays: 14,
        address: '',
      });
      await expect(createDemoWorkspace(ws, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'conflict' });
      expect(tableCounts(ws)).toMatchObject({ merchants: 1, items: 0, profiles: 0, products: 0 });
      expect(await isDemoWorkspace(ws)).toBe(false);
      expect(photoFiles(ws)).toEqual([]);
    } finally {
      await ws.close();
    }
  });

  it('writes nothing, neither rows nor photo files, when the transaction fails half-way', async () => {
    const ws = Workspace.open(tempDir());
    try {
      // The sales come late in the transaction: by then merchant, items and photos are written.
      ws.db.sqlite.exec(`CREATE TRIGGER fail_sales BEFORE INSERT ON sales
        BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
      await expect(createDemoWorkspace(ws, SYSTEM_ACTOR)).rejects.toThrow(/disk full/);
      const counts = tableCounts(ws);
      for (const table of TABLES) expect(counts[table], table).toBe(0);
      expect(photoFiles(ws)).toEqual([]);
    } finally {
      await ws.close();
    }
  }, 120_000);
});

describe('buildDemoPlan', () => {
  it('is deterministic for the same moment', () => {
    const now = new Date('2025-03-12T10:30:00Z');
    expect(buildDemoPlan(now)).toEqual(buildDemoPlan(now));
  });

  it('gives the same references to the same returns at any time of day', () => {
    const story = (moment: string) =>
      buildDemoPlan(new Date(moment)).map(
        (i) => `${i.reference} ${i.product.sku} ${i.status} ${i.grade} ${i.orderReference}`,
      );
    const morning = story('2025-03-12T00:10:00Z');
    expect(story('2025-03-12T13:00:00Z')).toEqual(morning);
    expect(story('2025-08-30T23:50:00Z')).toEqual(morning);
  });

  it('tells a plausible story whatever the time of day', () => {
    // Just after midnight the day's arrivals must still be in the past.
    for (const moment of ['2025-03-12T00:10:00Z', '2025-06-01T23:55:00Z', '2025-01-05T07:00:00Z']) {
      const now = new Date(moment);
      for (const item of buildDemoPlan(now)) {
        const times = item.events.map((e) => Date.parse(e.at));
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        expect(times.at(-1)!).toBeLessThan(now.getTime());
        expect(Date.parse(item.receivedAt)).toBe(times[0]);
      }
    }
  });
});

describe('rebound demo (command line)', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });

  it('creates the demo, lists items of all six grades, and refuses to run twice', () => {
    const dir = tempDir();
    const created = run('demo', '--data-dir', dir, '--json');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const summary = JSON.parse(created.stdout) as { items: number; photos: number };
    expect(summary.items).toBeGreaterThanOrEqual(25);

    const listed = run('items', 'list', '--data-dir', dir, '--json');
    expect(listed.status).toBe(0);
    const list = JSON.parse(listed.stdout) as { rows: ItemSummary[]; total: number };
    expect(list.total).toBe(summary.items);
    expect(new Set(list.rows.map((r) => r.grade).filter((g) => g !== null))).toEqual(new Set(GRADES));
    expect(list.rows.every((r) => r.mainPhotoHash !== null)).toBe(true);

    const again = run('demo', '--data-dir', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already has merchants, items or people/);
  }, 120_000);
});
