import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { ItemSummary, Paged } from '../shared/contract';
import type { ItemListInput } from '../shared/contract/items';
import { RETURN_REASONS, type Grade } from '../shared/domain/grades';
import type { ItemStatus } from '../shared/domain/status';
import { dispatch } from '../electron/services/api';
import { Workspace } from '../electron/services/workspace';
import type { z } from 'zod';

/**
 * How fast is the items list — the screen staff live in — with a realistic 100,000 items?
 *
 * A temporary workspace is filled with a plausible returns history (three merchants of very
 * different sizes, 5,000 products, two years of returns weighted towards recent weeks, photos,
 * defects and prices on the items that reached those steps), then every list query the UI makes
 * is timed twice in the same run: through the real service (`dispatch(ws, 'items.list', …)`,
 * i.e. zod validation + Kysely + row mapping) and as hand-written SQL through better-sqlite3.
 * The raw figure is the floor the service can hope for; the ratio is what the layers cost.
 * Both must return the same rows, which is checked, so the comparison is of equal work.
 */

const ITEM_COUNT = 100_000;
const PRODUCT_COUNT = 5_000;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 30;
const TARGET_MS = 50;
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 730;

type ListInput = z.input<typeof ItemListInput>;

// ─── Deterministic data ──────────────────────────────────────────────────────────────────────

/** mulberry32: a tiny seeded PRNG, so every run measures the same database. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20_260_101);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

/** Picks by weight: [[value, weight], …]. */
function weighted<T>(table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table.at(-1)![0];
}

function hex64(): string {
  let out = '';
  for (let i = 0; i < 8; i += 1)
    out += Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return out;
}

/** A valid EAN-13 (the check digit is right, so it looks like what a scanner reads). */
function ean13(body12: string): string {
  const sum = [...body12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}

const BRANDS = [
  'Sony',
  'Bosch',
  'Philips',
  'Samsung',
  'Logitech',
  'Braun',
  'Tefal',
  'Anker',
  'JBL',
  'Garmin',
];
const KINDS = [
  'Wireless Headphones',
  'Coffee Machine',
  'Cordless Drill',
  'Electric Toothbrush',
  'Bluetooth Speaker',
  'Smart Watch',
  'Hair Dryer',
  'Power Bank',
  'Running Shoes',
  'Rain Jacket',
  'Desk Lamp',
  'Blender',
  'Vacuum Cleaner',
  'Gaming Mouse',
  'Mechanical Keyboard',
];
const COLOURS = ['Black', 'White', 'Silver', 'Blue', 'Red', 'Graphite', 'Sand', 'Green'];

const MERCHANTS = [
  { name: 'Nordlicht Elektro GmbH', currency: 'EUR', language: 'de', share: 0.7 },
  { name: 'Maison Lumière', currency: 'EUR', language: 'fr', share: 0.2 },
  { name: 'Harbour Outdoor Ltd', currency: 'GBP', language: 'en', share: 0.1 },
] as const;

/** Where an item of a given age has got to: older items have mostly left the pipeline. */
function statusFor(ageDays: number, grade: Grade | null): ItemStatus {
  if (grade === null) return 'received';
  if (grade === 'defective') return ageDays < 7 ? 'graded' : pick(['destroyed', 'returned_to_merchant']);
  if (grade === 'new_sealed' && ageDays > 3) return 'restocked';
  if (ageDays < 2) return pick(['graded', 'photographed', 'priced']);
  if (ageDays < 14) {
    return weighted([
      ['photographed', 1],
      ['priced', 2],
      ['awaiting_approval', 3],
      ['approved', 2],
      ['listed', 4],
      ['rejected', 0.5],
    ]);
  }
  if (ageDays < 60) {
    return weighted([
      ['awaiting_approval', 0.5],
      ['listed', 5],
      ['sold', 5],
      ['rejected', 0.3],
      ['returned_to_merchant', 0.5],
    ]);
  }
  return weighted([
    ['listed', 1],
    ['sold', 12],
    ['returned_to_merchant', 1],
    ['destroyed', 0.3],
  ]);
}

const PRICED: ReadonlySet<ItemStatus> = new Set([
  'priced',
  'awaiting_approval',
  'approved',
  'listed',
  'sold',
  'rejected',
]);
const PHOTOGRAPHED: ReadonlySet<ItemStatus> = new Set([...PRICED, 'photographed']);

interface Seeded {
  readonly merchantIds: readonly number[];
  readonly sampleReference: string;
  readonly sampleEan: string;
  readonly newest: Date;
  readonly counts: Readonly<Record<'products' | 'items' | 'photos' | 'defects' | 'prices', number>>;
}

/**
 * Fills the database the way years of use would, in one transaction with prepared statements:
 * a bench that took minutes to seed would not be run. The FTS triggers of migration 0020 fire
 * for every item, exactly as they would for real intake.
 */
function seed(db: BetterSqlite3.Database): Seeded {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const created = new Date(today - HISTORY_DAYS * DAY_MS).toISOString();
  const insertMerchant = db.prepare(
    'INSERT INTO merchants (name, currency, language, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertProduct = db.prepare(
    `INSERT INTO products (merchant_id, sku, ean, brand, model, title, original_cents, accessories,
                           created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO items (reference, merchant_id, product_id, order_reference, order_line, return_reason,
                        delivered_at, received_at, window_result, grade, packaging, functional_test,
                        status, graded_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPhoto = db.prepare(
    `INSERT INTO photos (item_id, hash, position, is_main, width, height, bytes, source, created_at)
     VALUES (?, ?, ?, ?, 1600, 1200, ?, 'hot_folder', ?)`,
  );
  const insertDefect = db.prepare(
    'INSERT INTO defects (item_id, position, kind, location, size_mm, severity) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertPrice = db.prepare(
    `INSERT INTO prices (item_id, currency, original_cents, proposed_cents, floor_cents, net_cents, steps,
                         decision, created_at)
     VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?)`,
  );

  const counts = { products: 0, items: 0, photos: 0, defects: 0, prices: 0 };
  let sampleEan = '';
  let sampleReference = '';
  let newest = 0;
  let merchantIds: number[] = [];

  db.transaction(() => {
    merchantIds = MERCHANTS.map((m) =>
      Number(insertMerchant.run(m.name, m.currency, m.language, created).lastInsertRowid),
    );
    const products: { id: number; merchant: number; cents: number; currency: string }[][] = MERCHANTS.map(
      () => [],
    );
    for (let p = 0; p < PRODUCT_COUNT; p += 1) {
      const m = weighted(MERCHANTS.map((merchant, index) => [index, merchant.share] as const));
      const brand = pick(BRANDS);
      const model = `${brand.slice(0, 2).toUpperCase()}-${100 + Math.floor(random() * 9000)}`;
      const title = `${brand} ${pick(KINDS)} ${model} ${pick(COLOURS)}`;
      const ean = ean13(`40${String(1_000_000_000 + p * 7919).slice(0, 10)}`);
      const cents = 999 + Math.floor(random() * 60_000);
      const id = Number(
        insertProduct.run(
          merchantIds[m]!,
          `SKU-${m}-${String(p).padStart(5, '0')}`,
          ean,
          brand,
          model,
          title,
          cents,
          '["manual","charger"]',
          created,
          created,
        ).lastInsertRowid,
      );
      products[m]!.push({ id, merchant: m, cents, currency: MERCHANTS[m]!.currency });
      if (p === 1234) sampleEan = ean;
      counts.products += 1;
    }

    // Items come in chronologically, as they do at a real desk; the skew puts about half of
    // them in the last eight months, which is what a growing returns service looks like.
    const times = Array.from({ length: ITEM_COUNT }, () => {
      const ageDays = HISTORY_DAYS * random() ** 1.6;
      return today + DAY_MS - ageDays * DAY_MS - Math.floor(random() * 10 * 3_600_000);
    }).sort((a, b) => a - b);

    for (let n = 0; n < ITEM_COUNT; n += 1) {
      const at = times[n]!;
      const ageDays = (today + DAY_MS - at) / DAY_MS;
      const m = weighted(MERCHANTS.map((merchant, index) => [index, merchant.share] as const));
      const product = pick(products[m]!.length > 0 ? products[m]! : products[0]!);
      const grade: Grade | null =
        ageDays < 1 && random() < 0.5
          ? null
          : weighted<Grade>([
              ['new_sealed', 12],
              ['opened_packaging', 30],
              ['used', 25],
              ['lightly_damaged', 15],
              ['heavily_damaged', 8],
              ['defective', 10],
            ]);
      const status = statusFor(ageDays, grade);
      const receivedAt = new Date(at).toISOString();
      const reference = `RB-${String(n + 1).padStart(6, '0')}`;
      if (n === 43_209) sampleReference = reference;
      newest = Math.max(newest, at);
      const itemId = Number(
        insertItem.run(
          reference,
          merchantIds[product.merchant]!,
          product.id,
          `ORD-${String(5_000_000 + n * 3)}`,
          pick(RETURN_REASONS),
          new Date(at - (3 + Math.floor(random() * 20)) * DAY_MS).toISOString().slice(0, 10),
          receivedAt,
          weighted([
            ['within_legal', 80],
            ['within_merchant', 12],
            ['outside', 5],
            ['unknown', 3],
          ]),
          grade,
          grade === null ? null : grade === 'new_sealed' ? 'sealed' : pick(['opened_intact', 'damaged']),
          grade === null ? 'not_done' : pick(['passed', 'passed', 'passed', 'failed', 'not_testable']),
          status,
          grade === null ? null : new Date(at + 3_600_000).toISOString(),
          receivedAt,
          receivedAt,
        ).lastInsertRowid,
      );
      counts.items += 1;

      if (PHOTOGRAPHED.has(status)) {
        const photos = 2 + Math.floor(random() * 4);
        for (let k = 0; k < photos; k += 1) {
          insertPhoto.run(
            itemId,
            hex64(),
            k,
            k === 0 ? 1 : 0,
            150_000 + Math.floor(random() * 400_000),
            receivedAt,
          );
          counts.photos += 1;
        }
      }
      if (grade !== null && grade !== 'new_sealed' && grade !== 'opened_packaging' && random() < 0.8) {
        const defects = 1 + Math.floor(random() * 3);
        for (let k = 0; k < defects; k += 1) {
          insertDefect.run(
            itemId,
            k,
            pick(['scratch', 'dent', 'stain', 'crack', 'missing_part']),
            pick(['lid', 'base', 'screen', 'left side', 'strap']),
            1 + Math.floor(random() * 30),
            pick(['minor', 'moderate', 'major']),
          );
          counts.defects += 1;
        }
      }
      if (PRICED.has(status)) {
        // A rejected or adjusted price leaves a second row: the list must show the latest one.
        const rounds = status === 'rejected' || random() < 0.15 ? 2 : 1;
        for (let k = 0; k < rounds; k += 1) {
          const proposed = Math.round(product.cents * (0.45 + random() * 0.45));
          insertPrice.run(
            itemId,
            product.currency,
            product.cents,
            proposed,
            Math.round(product.cents * 0.3),
            Math.round(proposed * 0.85),
            k === rounds - 1 && status !== 'priced' && status !== 'awaiting_approval'
              ? 'approved'
              : 'pending',
            receivedAt,
          );
          counts.prices += 1;
        }
      }
    }
  })();

  return {
    merchantIds,
    sampleReference,
    sampleEan,
    newest: new Date(newest),
    counts,
  };
}

// ─── Raw SQL: the same queries, written by hand ──────────────────────────────────────────────

const RAW_COLUMNS = `
  i.id, i.reference, i.merchant_id, m.name AS merchant_name, m.currency, p.sku, p.title, p.brand,
  i.grade, i.status, i.return_reason, i.received_at, p.original_cents, i.window_result,
  (SELECT pr.proposed_cents FROM prices pr WHERE pr.item_id = i.id ORDER BY pr.id DESC LIMIT 1)
    AS proposed_cents,
  (SELECT count(*) FROM defects d WHERE d.item_id = i.id) AS defect_count,
  (SELECT ph.hash FROM photos ph WHERE ph.item_id = i.id AND ph.deleted_at IS NULL
    ORDER BY ph.is_main DESC, ph.position LIMIT 1) AS main_photo_hash`;

const RAW_ORDER: Readonly<Record<NonNullable<ListInput['sort']>, string>> = {
  received_desc: 'i.received_at DESC, i.id DESC',
  received_asc: 'i.received_at ASC, i.id ASC',
  reference: 'i.reference',
  title: 'p.title, p.id, i.id',
  price_desc: 'p.original_cents DESC, p.id DESC, i.id DESC',
};

interface RawQuery {
  readonly page: BetterSqlite3.Statement;
  readonly count: BetterSqlite3.Statement;
  readonly params: readonly unknown[];
  readonly pageParams: readonly unknown[];
}

/**
 * What an engineer would write by hand for the same screen: the page's ids first (filters on
 * `items` alone, products joined only when the sort reads them), then those rows with their
 * product, merchant and three per-row subqueries; and a count over `items` alone. Statements
 * are prepared once, as a hand-tuned data layer would cache them, so the service's figure also
 * carries zod, Kysely's compile-and-prepare and the row mapping: that is what the ratio shows.
 */
function rawQuery(db: BetterSqlite3.Database, input: ListInput): RawQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const search = input.search?.trim();
  if (search) {
    if (search.split(/\s+/).every((word) => [...word].length >= 3)) {
      where.push('i.id IN (SELECT rowid FROM item_search WHERE item_search MATCH ?)');
      params.push(
        search
          .split(/\s+/)
          .map((w) => `"${w.replaceAll('"', '""')}"`)
          .join(' '),
      );
    } else {
      const prefix = `${search.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(
        "(i.reference LIKE ? ESCAPE '\\' OR i.product_id IN (SELECT id FROM products WHERE sku LIKE ? ESCAPE '\\'))",
      );
      params.push(prefix, prefix);
    }
  }
  if (input.grades?.length) {
    where.push(`i.grade IN (${input.grades.map(() => '?').join(', ')})`);
    params.push(...input.grades);
  }
  if (input.statuses?.length) {
    where.push(`i.status IN (${input.statuses.map(() => '?').join(', ')})`);
    params.push(...input.statuses);
  }
  if (input.merchantId !== undefined) {
    where.push('i.merchant_id = ?');
    params.push(input.merchantId);
  }
  if (input.receivedFrom) {
    where.push('i.received_at >= ?');
    params.push(input.receivedFrom);
  }
  if (input.receivedTo) {
    where.push('i.received_at < ?');
    params.push(`${input.receivedTo}T99`);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const sort = input.sort ?? 'received_desc';
  const joinForSort =
    sort === 'title' || sort === 'price_desc' ? 'JOIN products p ON p.id = i.product_id' : '';
  return {
    page: db.prepare(
      `SELECT ${RAW_COLUMNS}
       FROM items i JOIN products p ON p.id = i.product_id JOIN merchants m ON m.id = i.merchant_id
       WHERE i.id IN (SELECT i.id FROM items i ${joinForSort} ${clause}
                      ORDER BY ${RAW_ORDER[sort]} LIMIT ? OFFSET ?)
       ORDER BY ${RAW_ORDER[sort]}`,
    ),
    count: db.prepare(`SELECT count(*) AS n FROM items i ${clause}`),
    params,
    pageParams: [...params, input.limit ?? 200, input.offset ?? 0],
  };
}

// ─── Timing ──────────────────────────────────────────────────────────────────────────────────

interface Timing {
  readonly median: number;
  readonly p95: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function time(fn: () => unknown): Promise<Timing> {
  for (let i = 0; i < WARMUP_RUNS; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

// ─── Report ──────────────────────────────────────────────────────────────────────────────────

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const ms = (value: number): string => value.toFixed(2);

function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAlign: number,
): string[] {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c >= rightAlign ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

interface Case {
  readonly name: string;
  readonly input: ListInput;
}

export async function benchItems(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-items-'));
  const ws = Workspace.open(dir);
  try {
    const seedStart = performance.now();
    const data = seed(ws.db.sqlite);
    const seedMs = performance.now() - seedStart;
    const sqliteVersion = ws.db.sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    const dbBytes = fs.statSync(path.join(dir, 'rebound.sqlite')).size;
    write(
      `Seeded ${data.counts.items.toLocaleString('en')} items, ${data.counts.products.toLocaleString('en')} products, ` +
        `${data.counts.photos.toLocaleString('en')} photos, ${data.counts.defects.toLocaleString('en')} defects, ` +
        `${data.counts.prices.toLocaleString('en')} prices in ${(seedMs / 1000).toFixed(1)} s ` +
        `(SQLite ${sqliteVersion.v}, ${(dbBytes / 1_048_576).toFixed(0)} MB + WAL).`,
    );
    write(
      `Each query: ${WARMUP_RUNS} warm-up runs, then median and p95 of ${TIMED_RUNS}. ` +
        `Target: under ${TARGET_MS} ms per query (service p95) with ${ITEM_COUNT.toLocaleString('en')} items.`,
    );
    write();

    const [big, small] = [data.merchantIds[0]!, data.merchantIds[2]!];
    const day = (offsetDays: number) =>
      new Date(data.newest.getTime() - offsetDays * DAY_MS).toISOString().slice(0, 10);
    const cases: Case[] = [
      { name: 'default page (newest 200)', input: {} },
      { name: 'page 20 (offset 3,800)', input: { offset: 3_800 } },
      { name: 'grade = used', input: { grades: ['used'] } },
      { name: 'grade = new_sealed, opened', input: { grades: ['new_sealed', 'opened_packaging'] } },
      { name: 'status = awaiting_approval', input: { statuses: ['awaiting_approval'] } },
      { name: 'status = listed, sold', input: { statuses: ['listed', 'sold'] } },
      { name: 'merchant (70 % of items)', input: { merchantId: big } },
      { name: 'merchant (10 % of items)', input: { merchantId: small } },
      { name: 'received in the last 30 days', input: { receivedFrom: day(30), receivedTo: day(0) } },
      { name: 'received a year ago, one month', input: { receivedFrom: day(395), receivedTo: day(365) } },
      { name: 'search reference substring', input: { search: data.sampleReference.slice(-5) } },
      { name: 'search full reference', input: { search: data.sampleReference } },
      { name: 'search short prefix "RB"', input: { search: 'RB' } },
      { name: 'search EAN', input: { search: data.sampleEan } },
      { name: 'search title word "headphones"', input: { search: 'headphones' } },
      { name: 'search two words "sony black"', input: { search: 'sony black' } },
      {
        name: 'combined: merchant+grades+status+30 d',
        input: {
          merchantId: big,
          grades: ['used', 'lightly_damaged'],
          statuses: ['awaiting_approval', 'listed'],
          receivedFrom: day(30),
          receivedTo: day(0),
        },
      },
      {
        name: 'combined: merchant+search+grade',
        input: { merchantId: big, search: 'coffee', grades: ['opened_packaging', 'used'] },
      },
      { name: 'sort by title', input: { sort: 'title' } },
      { name: 'sort by original price', input: { sort: 'price_desc' } },
      { name: 'sort by title, awaiting approval', input: { sort: 'title', statuses: ['awaiting_approval'] } },
      { name: 'sort by price, merchant (10 %)', input: { sort: 'price_desc', merchantId: small } },
      { name: 'sort by reference', input: { sort: 'reference' } },
      { name: 'sort oldest first, status = listed', input: { sort: 'received_asc', statuses: ['listed'] } },
    ];

    const results: {
      name: string;
      input: ListInput;
      rows: number;
      total: number;
      service: Timing;
      raw: Timing;
      same: boolean;
    }[] = [];
    for (const c of cases) {
      const callService = () => dispatch(ws, 'items.list', c.input) as Promise<Paged<ItemSummary>>;
      const raw = rawQuery(ws.db.sqlite, c.input);
      const callRaw = () => ({
        rows: raw.page.all(...raw.pageParams) as { id: number }[],
        total: (raw.count.get(...raw.params) as { n: number }).n,
      });
      const fromService = await callService();
      const fromRaw = callRaw();
      // Ties in the sort key may come back in any order, so compare the sets of ids and totals.
      const ids = (rows: readonly { id: number }[]) =>
        JSON.stringify(rows.map((r) => r.id).sort((a, b) => a - b));
      const same = fromService.total === fromRaw.total && ids(fromService.rows) === ids(fromRaw.rows);
      const service = await time(callService);
      const rawTiming = await time(callRaw);
      results.push({
        name: c.name,
        input: c.input,
        rows: fromService.rows.length,
        total: fromService.total,
        service,
        raw: rawTiming,
        same,
      });
    }

    const lines = table(
      [
        'query',
        'rows',
        'total',
        'service med',
        'p95',
        'raw med',
        'p95',
        'ratio',
        'same',
        `< ${TARGET_MS} ms`,
      ],
      results.map((r) => [
        r.name,
        String(r.rows),
        r.total.toLocaleString('en'),
        ms(r.service.median),
        ms(r.service.p95),
        ms(r.raw.median),
        ms(r.raw.p95),
        `${(r.service.median / Math.max(r.raw.median, 0.001)).toFixed(2)}×`,
        r.same ? 'yes' : 'NO',
        r.service.p95 < TARGET_MS ? 'ok' : 'OVER',
      ]),
      1,
    );
    for (const line of lines) write(line);
    write('(times in ms; ratio = service median ÷ raw median; same = identical rows and total)');

    const over = results.filter((r) => r.service.p95 >= TARGET_MS);
    const differ = results.filter((r) => !r.same);
    write();
    write(
      over.length === 0
        ? `All ${results.length} queries under ${TARGET_MS} ms.`
        : `${over.length} of ${results.length} queries over ${TARGET_MS} ms: ${over.map((r) => r.name).join('; ')}.`,
    );
    if (differ.length > 0) {
      write(`Service and raw SQL disagree on: ${differ.map((r) => r.name).join('; ')} — look at both.`);
    }

    // Kept for comparing runs over time; bench-results/ is git-ignored.
    const resultsDir = path.resolve('bench-results');
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `items-${new Date().toISOString().replaceAll(/[:.]/g, '-')}.json`);
    fs.writeFileSync(
      file,
      `${JSON.stringify({ at: new Date().toISOString(), node: process.versions.node, sqlite: sqliteVersion.v, itemCount: ITEM_COUNT, seedMs, results }, null, 2)}\n`,
    );
    write(`Figures saved to ${path.relative(process.cwd(), file)}.`);
  } finally {
    await ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Exported for EXPLAIN QUERY PLAN sessions and for a later test that wants the same data.
export { seed as seedItems, rawQuery as rawItemsQuery };
