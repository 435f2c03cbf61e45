import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { ITEM_LIST_COUNT_LIMIT, type ItemListInput } from '../shared/contract/items';
import { RETURN_REASONS, type Grade } from '../shared/domain/grades';
import type { ItemStatus } from '../shared/domain/status';
import { invoke } from '../electron/services/api';
import { Workspace } from '../electron/services/workspace';
import type { z } from 'zod';
import { saveFigures, tableLines } from './figures';
import { RAW_COLUMNS, RAW_ORDER } from './itemsRaw';
import {
  bulkLoad,
  explainPostgres,
  openServer,
  rawPostgresQuery,
  type LoadReport,
  type ServerOrSkip,
} from './itemsServer';

/**
 * How fast is the items list — the screen staff live in — with a realistic 1,000,000 items, on a
 * desk's SQLite and on a server's PostgreSQL?
 *
 * A temporary workspace is filled with a plausible returns history (three merchants of very
 * different sizes, one product per 20 items, two years of returns weighted towards recent weeks,
 * photos, defects and prices on the items that reached those steps), then every list query the UI
 * makes is timed twice in the same run: through the real service (`invoke(ws, 'items.list', …)`,
 * i.e. zod validation + Kysely + row mapping) and as hand-written SQL through better-sqlite3.
 * The same rows are then loaded into a fresh PostgreSQL database (bench/itemsServer.ts) and the
 * same cases timed there, through the service on that server workspace and as hand-written SQL
 * for PostgreSQL. The raw SQL is what one writes first, one plan for every case; the ratio is
 * what the layers cost, or, below 1, what the service's choice of plan for the case saves
 * (electron/services/items.ts, SearchPlan). Both count up to the list's limit (ITEM_LIST_COUNT_LIMIT). Service and raw SQL must return the same rows on each engine, and both engines the
 * same rows as each other, which is checked, so every comparison is of equal work.
 *
 *   npm run bench -- items                              1,000,000 items
 *   REBOUND_BENCH_ITEMS=100000 npm run bench -- items   a quicker run
 *   REBOUND_BENCH_POSTGRES=postgres://…/postgres        that server instead of a throwaway cluster
 *   REBOUND_BENCH_EXPLAIN=1                             EXPLAIN ANALYZE of PostgreSQL's slow cases
 */

function itemCount(): number {
  const text = process.env.REBOUND_BENCH_ITEMS?.replaceAll(/[_,]/g, '');
  if (!text) return 1_000_000;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1_000) {
    throw new Error(`REBOUND_BENCH_ITEMS must be a whole number of at least 1000, not ${text}.`);
  }
  return value;
}

const ITEM_COUNT = itemCount();
/** As many products per item as the 100,000-item seed always had (5,000). */
const PRODUCT_COUNT = Math.max(1, Math.round(ITEM_COUNT / 20));
const WARMUP_RUNS = 5;
const TIMED_RUNS = 30;
/** A query slower than this gets fewer timed runs (at least MIN_RUNS), so one bad case cannot take minutes. */
const TIME_BUDGET_MS = 10_000;
const MIN_RUNS = 5;
const TARGET_MS = 50;
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 730;
const SEED = 20_260_101;

export type ListInput = z.input<typeof ItemListInput>;
export interface RawResult {
  readonly rows: readonly { readonly id: number }[];
  readonly total: number;
}

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

let random = prng(SEED);
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
  // The same database on every call, whatever ran before in this process.
  random = prng(SEED);
  // Wide enough for every reference and SKU: RB-0000001 sorts before RB-1000000 as text too.
  const referenceDigits = Math.max(6, String(ITEM_COUNT).length);
  const skuDigits = Math.max(5, String(PRODUCT_COUNT - 1).length);
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
          `SKU-${m}-${String(p).padStart(skuDigits, '0')}`,
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
      if (p === Math.min(1234, PRODUCT_COUNT - 1)) sampleEan = ean;
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
      const reference = `RB-${String(n + 1).padStart(referenceDigits, '0')}`;
      if (n === Math.min(43_209, ITEM_COUNT - 1)) sampleReference = reference;
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
    // Counting stops where the service's does (ITEM_LIST_COUNT_LIMIT), so both count the same rows.
    count: db.prepare(
      `SELECT min(count(*), ${ITEM_LIST_COUNT_LIMIT}) AS n FROM (SELECT 1 FROM items i ${clause} LIMIT ${ITEM_LIST_COUNT_LIMIT + 1})`,
    ),
    params,
    pageParams: [...params, input.limit ?? 200, input.offset ?? 0],
  };
}

// ─── Timing ──────────────────────────────────────────────────────────────────────────────────

interface Timing {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function time(fn: () => unknown): Promise<Timing> {
  const started = performance.now();
  for (let i = 0; i < WARMUP_RUNS; i += 1) {
    await fn();
    if (i >= 1 && performance.now() - started > TIME_BUDGET_MS / 3) break;
  }
  const samples: number[] = [];
  const timedStart = performance.now();
  while (
    samples.length < TIMED_RUNS &&
    (samples.length < MIN_RUNS || performance.now() - timedStart < TIME_BUDGET_MS)
  ) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), runs: samples.length };
}

// ─── Report ──────────────────────────────────────────────────────────────────────────────────

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const ms = (value: number): string => value.toFixed(2);
const seconds = (value: number): string => `${(value / 1000).toFixed(1)} s`;
const count = (value: number): string => value.toLocaleString('en');

interface Case {
  readonly name: string;
  readonly input: ListInput;
}

/** One engine's workspace, and the case's hand-written SQL on it (prepared when called). */
interface EngineUnderTest {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly ws: Workspace;
  readonly raw: (input: ListInput) => () => RawResult | Promise<RawResult>;
}

interface CaseResult {
  readonly name: string;
  readonly input: ListInput;
  readonly rows: number;
  readonly total: number;
  /** More items matched than the list counts (ITEM_LIST_COUNT_LIMIT). */
  readonly totalCapped: boolean;
  readonly service: Timing;
  readonly raw: Timing;
  readonly same: boolean;
  /** The service's page ids, in order, for the comparison between engines (not saved). */
  readonly ids: readonly number[];
}

const sortedIds = (rows: readonly { id: number }[]) =>
  JSON.stringify(rows.map((r) => r.id).sort((a, b) => a - b));

async function measure(engine: EngineUnderTest, cases: readonly Case[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const callService = () => invoke(engine.ws, 'items.list', c.input);
    const callRaw = engine.raw(c.input);
    const fromService = await callService();
    const fromRaw = await callRaw();
    // Ties in the sort key may come back in any order, so compare the sets of ids and totals.
    const same =
      fromService.total === fromRaw.total && sortedIds(fromService.rows) === sortedIds(fromRaw.rows);
    const service = await time(callService);
    const raw = await time(callRaw);
    results.push({
      name: c.name,
      input: c.input,
      rows: fromService.rows.length,
      total: fromService.total,
      totalCapped: fromService.totalCapped,
      service,
      raw,
      same,
      ids: fromService.rows.map((r) => r.id),
    });
  }
  return results;
}

/**
 * Whether both engines answered a case alike: the same total and the same page of ids in the same
 * order ("set" when the same ids came in another order, which only a different collation explains).
 */
function agreement(a: CaseResult, b: CaseResult): 'yes' | 'set' | 'NO' {
  if (a.total !== b.total) return 'NO';
  if (JSON.stringify(a.ids) === JSON.stringify(b.ids)) return 'yes';
  return sortedIds(a.ids.map((id) => ({ id }))) === sortedIds(b.ids.map((id) => ({ id }))) ? 'set' : 'NO';
}

function report(engine: string, results: readonly CaseResult[], other?: readonly CaseResult[]): void {
  const anyShort = results.some((r) => r.service.runs < TIMED_RUNS || r.raw.runs < TIMED_RUNS);
  const lines = tableLines(
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
      ...(other ? ['= SQLite'] : []),
      ...(anyShort ? ['runs'] : []),
      `< ${TARGET_MS} ms`,
    ],
    results.map((r, i) => [
      r.name,
      String(r.rows),
      r.totalCapped ? `${count(r.total)}+` : count(r.total),
      ms(r.service.median),
      ms(r.service.p95),
      ms(r.raw.median),
      ms(r.raw.p95),
      `${(r.service.median / Math.max(r.raw.median, 0.001)).toFixed(2)}×`,
      r.same ? 'yes' : 'NO',
      ...(other ? [agreement(r, other[i]!)] : []),
      ...(anyShort ? [`${r.service.runs}/${r.raw.runs}`] : []),
      r.service.median < TARGET_MS ? 'ok' : 'OVER',
    ]),
    1,
  );
  write(`${engine}:`);
  for (const line of lines) write(line);
  write(
    '(times in ms; ratio = service median ÷ raw median; same = identical rows and total from service and raw SQL' +
      (other ? '; = SQLite = the same total and page of ids, in the same order, as on SQLite' : '') +
      (anyShort ? `; runs = timed runs of service/raw, fewer than ${TIMED_RUNS} when a query is slow` : '') +
      `; < ${TARGET_MS} ms is the service median)`,
  );

  const under = results.filter((r) => r.service.median < TARGET_MS);
  const over = results.filter((r) => r.service.median >= TARGET_MS);
  const rawOver = results.filter((r) => r.raw.median >= TARGET_MS);
  const differ = results.filter((r) => !r.same);
  write(
    `${engine} summary: ${under.length} of ${results.length} cases with a service median under ${TARGET_MS} ms` +
      (over.length > 0
        ? `; over: ${over.map((r) => `${r.name} (${ms(r.service.median)})`).join('; ')}`
        : '') +
      `. Raw SQL: ${results.length - rawOver.length} of ${results.length} under ${TARGET_MS} ms.`,
  );
  if (differ.length > 0) {
    write(
      `${engine}: service and raw SQL disagree on: ${differ.map((r) => r.name).join('; ')} — look at both.`,
    );
  }
  if (other) {
    const apart = results.filter((r, i) => agreement(r, other[i]!) !== 'yes');
    if (apart.length > 0) {
      write(
        `${engine} and SQLite answer differently: ${apart.map((r) => r.name).join('; ')} — look at both.`,
      );
    }
  }
}

/** The figures kept in bench-results/, without the ids. */
const saved = (results: readonly CaseResult[]) => results.map(({ ids: _ids, ...rest }) => rest);

export async function benchItems(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebound-bench-items-'));
  const ws = Workspace.open(dir);
  let server: ServerOrSkip | null = null;
  try {
    const seedStart = performance.now();
    const data = seed(ws.db.sqlite);
    const seedMs = performance.now() - seedStart;
    const sqliteVersion = ws.db.sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    ws.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = fs.statSync(path.join(dir, 'rebound.sqlite')).size;
    write(
      `Seeded ${count(data.counts.items)} items, ${count(data.counts.products)} products, ` +
        `${count(data.counts.photos)} photos, ${count(data.counts.defects)} defects, ` +
        `${count(data.counts.prices)} prices into SQLite ${sqliteVersion.v} in ${seconds(seedMs)} ` +
        `(${(dbBytes / 1_048_576).toFixed(0)} MB).`,
    );

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

    // The server gets the same rows before anything is timed, so the two halves run back to back.
    server = await openServer();
    let load: LoadReport | null = null;
    let loadMs = 0;
    if (!('skipped' in server)) {
      const loadStart = performance.now();
      load = await bulkLoad(ws, server);
      loadMs = performance.now() - loadStart;
      write(
        `Loaded the same ${count(load.rows)} rows into PostgreSQL ${server.version} in ${seconds(loadMs)}: ` +
          `rows ${seconds(load.insertMs)}, indexes ${seconds(load.indexMs)}, VACUUM ANALYZE ${seconds(load.analyzeMs)}; ` +
          `${load.search}.`,
      );
      write(`PostgreSQL: ${server.description}.`);
    } else {
      write(`PostgreSQL: skipped — ${server.skipped}. Only the SQLite half runs.`);
    }
    write(
      `Each query: up to ${WARMUP_RUNS} warm-up runs, then median and p95 of ${TIMED_RUNS} ` +
        `(fewer, at least ${MIN_RUNS}, past ${TIME_BUDGET_MS / 1000} s). ` +
        `Target: a service median under ${TARGET_MS} ms per query with ${count(ITEM_COUNT)} items, on each engine.`,
    );
    write();

    const sqlite = ws.db.sqlite;
    const sqliteResults = await measure(
      {
        name: 'SQLite',
        ws,
        raw: (input) => {
          const raw = rawQuery(sqlite, input);
          return () => ({
            rows: raw.page.all(...raw.pageParams) as { id: number }[],
            total: (raw.count.get(...raw.params) as { n: number }).n,
          });
        },
      },
      cases,
    );
    report(`SQLite ${sqliteVersion.v}`, sqliteResults);

    let postgresResults: CaseResult[] | null = null;
    if (!('skipped' in server)) {
      const { client } = server;
      write();
      postgresResults = await measure(
        { name: 'PostgreSQL', ws: server.ws, raw: (input) => rawPostgresQuery(client, input).run },
        cases,
      );
      report(`PostgreSQL ${server.version}`, postgresResults, sqliteResults);
      if (process.env.REBOUND_BENCH_EXPLAIN) {
        for (const r of postgresResults.filter(
          (x) => x.raw.median >= TARGET_MS || x.service.median >= TARGET_MS,
        )) {
          const [page, total] = await explainPostgres(client, rawPostgresQuery(client, r.input));
          write();
          write(`EXPLAIN ANALYZE on PostgreSQL, ${r.name} — page:`);
          write(page);
          write('count:');
          write(total);
        }
      }
    }

    const file = saveFigures('items', {
      sqlite: sqliteVersion.v,
      postgres: 'skipped' in server ? null : server.version,
      postgresSkipped: 'skipped' in server ? server.skipped : null,
      itemCount: ITEM_COUNT,
      seedMs,
      counts: data.counts,
      load: load ? { ...load, totalMs: loadMs } : null,
      targetMs: TARGET_MS,
      results: saved(sqliteResults),
      postgresResults: postgresResults ? saved(postgresResults) : null,
    });
    write();
    write(`Figures saved to ${file}.`);
  } finally {
    if (server && !('skipped' in server)) await server.close();
    await ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Exported for EXPLAIN QUERY PLAN sessions and for a later test that wants the same data.
export { seed as seedItems, rawQuery as rawItemsQuery };
