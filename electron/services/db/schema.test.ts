import type { ColumnType, InsertType, SelectType } from 'kysely';
import { describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { sqliteWorkspace, tempWorkspace } from '../../../tests/integration/temp';
import { onPostgres } from '../../../tests/support/workspace';
import type { Database } from './schema';

/**
 * db/schema.ts is written by hand beside the migrations. These records are derived from its
 * types: each column must be listed (a missing or extra key is a type error in `tsc -b`), and
 * each description is the only string its TypeScript type allows. The test then compares them
 * with what SQLite reports, so a migration that adds, renames or retypes a column without
 * schema.ts (or the reverse) fails the build.
 */
type Affinity<T> = [T] extends [string]
  ? 'TEXT'
  : [T] extends [number]
    ? 'INTEGER'
    : [T] extends [Buffer]
      ? 'BLOB'
      : 'unsupported type';
type Describe<C> =
  `${Affinity<NonNullable<SelectType<C>>>}${null extends SelectType<C> ? ' NULL' : ''}${undefined extends InsertType<C> ? ' DEFAULT' : ''}`;
type Columns<T> = { readonly [K in keyof T]-?: Describe<T[K]> };

/** Tables that are ordinary (STRICT) tables; the search index is an FTS5 virtual table. */
type PlainTable = Exclude<keyof Database, 'item_search'>;

const TABLES = {
  settings: { key: 'TEXT', value: 'TEXT' },
  merchants: {
    id: 'INTEGER DEFAULT',
    name: 'TEXT',
    currency: 'TEXT',
    language: 'TEXT',
    return_window_days: 'INTEGER',
    address: 'TEXT',
    pricing_policy: 'TEXT NULL',
    fee_schedule: 'TEXT NULL',
    created_at: 'TEXT',
  },
  profiles: {
    id: 'INTEGER DEFAULT',
    name: 'TEXT',
    role: 'TEXT',
    merchant_id: 'INTEGER NULL',
    pin_hash: 'TEXT NULL',
    created_at: 'TEXT',
    password_hash: 'TEXT NULL',
    disabled_at: 'TEXT NULL',
  },
  profile_merchants: {
    profile_id: 'INTEGER',
    merchant_id: 'INTEGER',
  },
  sessions: {
    id: 'INTEGER DEFAULT',
    token_hash: 'TEXT',
    profile_id: 'INTEGER',
    device: 'TEXT',
    address: 'TEXT NULL',
    created_at: 'TEXT',
    last_used_at: 'TEXT',
    revoked_at: 'TEXT NULL',
    revoked_by: 'INTEGER NULL',
  },
  sign_in_failures: {
    key: 'TEXT',
    failures: 'INTEGER',
    first_failed_at: 'TEXT',
    locked_until: 'TEXT NULL',
  },
  products: {
    id: 'INTEGER DEFAULT',
    merchant_id: 'INTEGER',
    sku: 'TEXT',
    ean: 'TEXT NULL',
    brand: 'TEXT NULL',
    model: 'TEXT NULL',
    title: 'TEXT',
    description: 'TEXT',
    ebay_category_id: 'TEXT NULL',
    original_cents: 'INTEGER',
    accessories: 'TEXT',
    created_at: 'TEXT',
    updated_at: 'TEXT',
    units_sold: 'INTEGER NULL DEFAULT',
  },
  items: {
    id: 'INTEGER DEFAULT',
    reference: 'TEXT',
    merchant_id: 'INTEGER',
    product_id: 'INTEGER',
    order_reference: 'TEXT NULL',
    order_line: 'INTEGER NULL',
    return_reason: 'TEXT NULL',
    return_note: 'TEXT DEFAULT',
    delivered_at: 'TEXT NULL',
    received_at: 'TEXT',
    window_result: 'TEXT DEFAULT',
    grade: 'TEXT NULL',
    packaging: 'TEXT NULL',
    functional_test: 'TEXT DEFAULT',
    factory_reset: 'INTEGER DEFAULT',
    cleaned: 'INTEGER DEFAULT',
    repackaged: 'INTEGER DEFAULT',
    accessories_missing: 'TEXT DEFAULT',
    status: 'TEXT DEFAULT',
    disposition: 'TEXT NULL',
    graded_at: 'TEXT NULL',
    created_at: 'TEXT',
    updated_at: 'TEXT',
    version: 'INTEGER DEFAULT',
    purchase_cents: 'INTEGER NULL DEFAULT',
  },
  photos: {
    id: 'INTEGER DEFAULT',
    item_id: 'INTEGER',
    hash: 'TEXT',
    position: 'INTEGER',
    is_main: 'INTEGER DEFAULT',
    width: 'INTEGER',
    height: 'INTEGER',
    bytes: 'INTEGER',
    warnings: 'TEXT DEFAULT',
    source: 'TEXT',
    original_name: 'TEXT NULL',
    deleted_at: 'TEXT NULL',
    created_at: 'TEXT',
  },
  defects: {
    id: 'INTEGER DEFAULT',
    item_id: 'INTEGER',
    position: 'INTEGER',
    kind: 'TEXT',
    location: 'TEXT DEFAULT',
    size_mm: 'INTEGER NULL',
    severity: 'TEXT',
    note: 'TEXT DEFAULT',
    photo_id: 'INTEGER NULL',
  },
  prices: {
    id: 'INTEGER DEFAULT',
    item_id: 'INTEGER',
    currency: 'TEXT',
    original_cents: 'INTEGER',
    proposed_cents: 'INTEGER',
    floor_cents: 'INTEGER',
    net_cents: 'INTEGER',
    steps: 'TEXT',
    policy_version: 'INTEGER DEFAULT',
    decision: 'TEXT DEFAULT',
    decided_by: 'INTEGER NULL',
    decided_at: 'TEXT NULL',
    reason: 'TEXT NULL',
    created_at: 'TEXT',
  },
  descriptions: {
    id: 'INTEGER DEFAULT',
    item_id: 'INTEGER',
    language: 'TEXT',
    title: 'TEXT',
    condition_enum: 'TEXT NULL',
    condition_id: 'INTEGER NULL',
    condition_text: 'TEXT DEFAULT',
    html: 'TEXT DEFAULT',
    edited_by: 'INTEGER NULL',
    kept: 'INTEGER DEFAULT',
    updated_at: 'TEXT',
    facts_hash: 'TEXT NULL DEFAULT',
  },
  description_templates: {
    id: 'INTEGER DEFAULT',
    merchant_id: 'INTEGER',
    language: 'TEXT',
    overrides: 'TEXT DEFAULT',
    updated_by: 'INTEGER NULL',
    updated_at: 'TEXT',
  },
  channel_accounts: {
    id: 'INTEGER DEFAULT',
    merchant_id: 'INTEGER',
    channel: 'TEXT',
    settings: 'TEXT DEFAULT',
    secret: 'BLOB NULL',
    sales_cursor: 'TEXT NULL',
    created_at: 'TEXT',
    updated_at: 'TEXT',
  },
  media_upload_slots: {
    id: 'INTEGER DEFAULT',
    account_id: 'INTEGER',
    taken_at: 'INTEGER',
    answered_at: 'INTEGER NULL',
  },
  shooting_sessions: {
    person: 'INTEGER',
    active: 'INTEGER',
    keep_label_shots: 'INTEGER',
    merchant_id: 'INTEGER NULL',
    state: 'TEXT',
    photos: 'TEXT',
    items: 'TEXT',
    updated_at: 'TEXT',
  },
  listings: {
    id: 'INTEGER DEFAULT',
    item_id: 'INTEGER',
    channel: 'TEXT',
    status: 'TEXT',
    remote_sku: 'TEXT NULL',
    remote_offer_id: 'TEXT NULL',
    remote_listing_id: 'TEXT NULL',
    url: 'TEXT NULL',
    price_cents: 'INTEGER NULL',
    end_reason: 'TEXT NULL',
    last_error: 'TEXT NULL',
    last_error_text: 'TEXT NULL',
    created_at: 'TEXT',
    updated_at: 'TEXT',
  },
  jobs: {
    id: 'INTEGER DEFAULT',
    kind: 'TEXT',
    item_id: 'INTEGER NULL',
    channel: 'TEXT NULL',
    payload: 'TEXT DEFAULT',
    status: 'TEXT DEFAULT',
    attempts: 'INTEGER DEFAULT',
    max_attempts: 'INTEGER DEFAULT',
    next_run_at: 'TEXT',
    locked_by: 'TEXT NULL',
    locked_at: 'TEXT NULL',
    last_error: 'TEXT NULL',
    last_error_text: 'TEXT NULL',
    idempotency_key: 'TEXT',
    created_at: 'TEXT',
    updated_at: 'TEXT',
  },
  sales: {
    id: 'INTEGER DEFAULT',
    item_id: 'INTEGER',
    merchant_id: 'INTEGER',
    channel: 'TEXT',
    order_id: 'TEXT',
    line_id: 'TEXT',
    sold_at: 'TEXT',
    currency: 'TEXT',
    price_cents: 'INTEGER',
    shipping_cents: 'INTEGER DEFAULT',
    fees_cents: 'INTEGER DEFAULT',
    fees_estimated: 'INTEGER DEFAULT',
    vat_cents: 'INTEGER DEFAULT',
    vat_rate_bp: 'INTEGER DEFAULT',
    vat_scheme: 'TEXT DEFAULT',
    buyer_country: 'TEXT NULL',
    kind: 'TEXT DEFAULT',
    reverses_sale_id: 'INTEGER NULL',
    created_at: 'TEXT',
  },
  events: {
    id: 'INTEGER DEFAULT',
    item_id: 'INTEGER NULL',
    merchant_id: 'INTEGER NULL',
    at: 'TEXT',
    profile_id: 'INTEGER NULL',
    actor: 'TEXT',
    kind: 'TEXT',
    summary: 'TEXT',
    data: 'TEXT DEFAULT',
  },
  practice_listings: {
    id: 'INTEGER DEFAULT',
    merchant_id: 'INTEGER',
    sku: 'TEXT',
    title: 'TEXT',
    description_html: 'TEXT DEFAULT',
    price_cents: 'INTEGER',
    original_cents: 'INTEGER DEFAULT',
    currency: 'TEXT',
    status: 'TEXT',
    end_reason: 'TEXT NULL',
    created_at: 'TEXT',
    updated_at: 'TEXT',
  },
  practice_orders: {
    id: 'INTEGER DEFAULT',
    order_id: 'TEXT',
    listing_id: 'INTEGER',
    merchant_id: 'INTEGER',
    sku: 'TEXT',
    price_cents: 'INTEGER',
    shipping_cents: 'INTEGER DEFAULT',
    currency: 'TEXT',
    buyer_country: 'TEXT NULL',
    status: 'TEXT DEFAULT',
    created_at: 'TEXT',
    updated_at: 'TEXT',
  },
} as const satisfies { readonly [T in PlainTable]: Columns<Database[T]> };

/** FTS5 columns have no type; only their names (and the implicit rowid) can be compared. */
const SEARCH_COLUMNS = {
  rowid: true,
  reference: true,
  sku: true,
  ean: true,
  order_reference: true,
  brand: true,
  model: true,
  title: true,
} as const satisfies Record<keyof Database['item_search'], true>;

// Both directions: every table in schema.ts is listed above, and nothing else is.
const ALL_TABLES = { ...TABLES, item_search: SEARCH_COLUMNS } satisfies Record<keyof Database, object>;

interface ColumnInfo {
  readonly name: string;
  readonly type: string;
  readonly notnull: number;
  readonly dflt_value: string | null;
  readonly pk: number;
}

/** What SQLite says about a column, in the same words as `Describe<>`. */
function describeColumn(column: ColumnInfo): string {
  // INTEGER PRIMARY KEY is the rowid: SQLite assigns it, so an insert may leave it out.
  const isRowid = column.pk === 1 && column.type === 'INTEGER';
  const nullable = column.notnull === 0 && !isRowid && column.pk === 0;
  const hasDefault = column.dflt_value !== null || isRowid;
  return `${column.type}${nullable ? ' NULL' : ''}${hasDefault ? ' DEFAULT' : ''}`;
}

describe('db/schema.ts (Kysely types) against the real database', () => {
  test('lists exactly the tables the migrations create', () => {
    const ws = sqliteWorkspace();
    const real = (
      ws.db.sqlite
        .prepare(
          // FTS5 keeps its index in shadow tables named after it; they are not ours to query.
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE 'item_search_%' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    expect(real).toEqual(Object.keys(ALL_TABLES).sort());
  });

  for (const [table, columns] of Object.entries(TABLES)) {
    test(`${table}: every column, with its type, nullability and default`, () => {
      const ws = sqliteWorkspace();
      const info = ws.db.sqlite.pragma(`table_info(${table})`) as ColumnInfo[];
      const expected: Readonly<Record<string, string>> = columns;
      const real = Object.fromEntries(
        info.map((c) => {
          const described = describeColumn(c);
          // A column SQLite can default but Kysely still requires is safe (the app always writes
          // it); the reverse is the dangerous drift: an insert Kysely allows and SQLite refuses.
          const tsRequires = !expected[c.name]?.endsWith(' DEFAULT');
          return [c.name, tsRequires ? described.replace(/ DEFAULT$/, '') : described];
        }),
      );
      expect(real).toEqual(expected);
    });
  }

  test('item_search: the searchable columns', () => {
    const ws = sqliteWorkspace();
    const info = ws.db.sqlite.pragma('table_info(item_search)') as ColumnInfo[];
    const expected = Object.keys(SEARCH_COLUMNS).filter((c) => c !== 'rowid');
    expect(info.map((c) => c.name)).toEqual(expected);
  });
});

// A compile-time guard on the guard: Describe<> must tell a defaulted column from a required one.
type _RequiredText = Describe<ColumnType<string, string, string>>;
const _checkRequired: _RequiredText = 'TEXT';
void _checkRequired;

/** What PostgreSQL says about a column, in the same words (its types mapped to SQLite's affinities). */
/** One row of PostgreSQL's information_schema.columns, the fields read here. */
interface PostgresColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: string;
  column_default: string | null;
  is_identity: string;
  is_generated: string;
}

function describePostgresColumn(column: PostgresColumn): string {
  const affinity =
    column.data_type === 'integer' || column.data_type === 'bigint'
      ? 'INTEGER'
      : column.data_type === 'bytea'
        ? 'BLOB'
        : column.data_type === 'text' || column.udt_name === 'citext'
          ? 'TEXT'
          : `unsupported ${column.data_type}`;
  // A nullable column without a default gets NULL, as if it said DEFAULT NULL (which PostgreSQL
  // does not record).
  const hasDefault =
    column.column_default !== null || column.is_identity === 'YES' || column.is_nullable === 'YES';
  return `${affinity}${column.is_nullable === 'YES' ? ' NULL' : ''}${hasDefault ? ' DEFAULT' : ''}`;
}

describe.skipIf(!onPostgres)(
  'db/schema.ts against the server’s PostgreSQL schema (needs REBOUND_TEST_DATABASE=postgres)',
  () => {
    test('the same tables as SQLite, each column with the same type, nullability and default', async () => {
      const ws = await tempWorkspace();
      const rows =
        await sql<PostgresColumn>`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, is_identity, is_generated
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'
        ORDER BY table_name, ordinal_position`.execute(ws.kysely);
      const tables = [...new Set(rows.rows.map((r) => r.table_name))].sort();
      expect(tables).toEqual(Object.keys(ALL_TABLES).sort());
      for (const [table, columns] of Object.entries(TABLES)) {
        const expected: Readonly<Record<string, string>> = columns;
        const real = Object.fromEntries(
          rows.rows
            .filter((r) => r.table_name === table)
            .map((r) => {
              const described = describePostgresColumn(r);
              const tsRequires = !expected[r.column_name]?.endsWith(' DEFAULT');
              return [r.column_name, tsRequires ? described.replace(/ DEFAULT$/, '') : described];
            }),
        );
        expect({ table, columns: real }).toEqual({ table, columns: expected });
      }
      // The search table keeps SQLite's columns (rowid is the item's id) plus its generated document.
      const search = rows.rows.filter((r) => r.table_name === 'item_search').map((r) => r.column_name);
      expect(search).toEqual([...Object.keys(SEARCH_COLUMNS), 'document']);
    });
  },
);
