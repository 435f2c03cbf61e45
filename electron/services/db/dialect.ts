import { PostgresAdapter, sql, type Expression, type RawBuilder } from 'kysely';
import type { Queryable } from './queryable';

/**
 * The SQL that differs between a desk's SQLite and a server's PostgreSQL, one function per
 * difference. Every other query of the services is the same Kysely for both engines; a query
 * that needs one of these asks its connection (or transaction) which engine it talks to.
 */

export type Engine = 'sqlite' | 'postgres';

export function engineOf(db: Queryable): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Escapes LIKE's wildcards so typed text matches literally (used with ESCAPE '\\'). */
export function escapeLike(text: string): string {
  return text.replaceAll(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `expr LIKE pattern`, case-insensitive on both engines as SQLite's LIKE is for ASCII (ILIKE on
 * PostgreSQL, which also folds accented letters); the pattern's own wildcards are escaped by
 * the caller with {@link escapeLike}.
 */
export function likeAnyCase(db: Queryable, expr: Expression<unknown>, pattern: string): RawBuilder<boolean> {
  return engineOf(db) === 'postgres'
    ? sql<boolean>`${expr} ILIKE ${pattern} ESCAPE '\\'`
    : sql<boolean>`${expr} LIKE ${pattern} ESCAPE '\\'`;
}

/** `expr = value` ignoring case: SQLite's NOCASE collation, PostgreSQL's lower() (indexed). */
export function equalsAnyCase(db: Queryable, expr: Expression<unknown>, value: string): RawBuilder<boolean> {
  return engineOf(db) === 'postgres'
    ? sql<boolean>`lower(${expr}) = lower(${value})`
    : sql<boolean>`${expr} = ${value} COLLATE NOCASE`;
}

/** `expr = value` where two NULLs are the same: SQLite's IS, PostgreSQL's IS NOT DISTINCT FROM. */
export function sameValue(
  db: Queryable,
  expr: Expression<unknown>,
  value: number | string | null,
): RawBuilder<boolean> {
  return engineOf(db) === 'postgres'
    ? sql<boolean>`${expr} IS NOT DISTINCT FROM ${value}`
    : sql<boolean>`${expr} IS ${value}`;
}

/**
 * `expr` as a value SQLite's planner will not look up by index (a unary plus), so that it walks
 * the index of the query's ORDER BY instead and stops after a page; the caller decides when that
 * is the faster way (items.ts, SearchPlan). PostgreSQL plans from its statistics, so it gets
 * the expression as it is.
 */
export function scanInOrder(db: Queryable, expr: Expression<unknown>): RawBuilder<unknown> {
  return engineOf(db) === 'postgres' ? sql`${expr}` : sql`+${expr}`;
}

/** One quoted FTS5 phrase per word, so nothing typed (quotes, stars, NEAR, columns) is syntax. */
export function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => `"${word.replaceAll('"', '""')}"`)
    .join(' ');
}

/**
 * The item_search rows holding every word (three characters or more) as a substring of any
 * searchable field. SQLite: the FTS5 trigram table (migration 0020). PostgreSQL: the lowercased
 * document of each row under its pg_trgm index (postgres/migrations/0090), one LIKE per word.
 */
export function itemSearchHasWords(db: Queryable, words: readonly string[]): RawBuilder<boolean> {
  if (engineOf(db) === 'postgres') {
    const each = words.map(
      (word) => sql`item_search.document LIKE ${`%${escapeLike(word.toLowerCase())}%`} ESCAPE '\\'`,
    );
    return sql<boolean>`(${sql.join(each, sql` AND `)})`;
  }
  return sql<boolean>`item_search MATCH ${ftsQuery(words.join(' '))}`;
}

/** item_search rows whose order reference holds every word of `text` (three characters or more each). */
export function itemSearchOrderReferenceHas(db: Queryable, text: string): RawBuilder<boolean> {
  if (engineOf(db) === 'postgres') {
    const words = text.split(/\s+/).filter((word) => word.length > 0);
    const each = words.map(
      (word) =>
        sql`lower(item_search.order_reference) LIKE ${`%${escapeLike(word.toLowerCase())}%`} ESCAPE '\\'`,
    );
    return sql<boolean>`(${sql.join(each, sql` AND `)})`;
  }
  return sql<boolean>`item_search MATCH ${`order_reference : (${ftsQuery(text)})`}`;
}

/** The searchable fields of an item_search row as one text, for the short words of a search. */
export function itemSearchDocument(db: Queryable): RawBuilder<string> {
  return engineOf(db) === 'postgres'
    ? sql<string>`item_search.document`
    : sql<string>`(item_search.reference || ' ' || item_search.sku || ' ' || item_search.ean || ' ' || item_search.order_reference || ' ' || item_search.brand || ' ' || item_search.model || ' ' || item_search.title)`;
}

/**
 * `expr` is "prefix" followed by one or more digits and nothing else (RB-123, PM-77: the numbers
 * Rebound hands out; with no prefix, a number), so that casting what follows the prefix to an
 * integer cannot fail on either engine.
 */
export function isNumbered(db: Queryable, expr: Expression<unknown>, prefix = ''): RawBuilder<boolean> {
  if (!/^([A-Z]+-)?$/.test(prefix)) throw new Error(`Not a numbering prefix: ${prefix}`);
  return engineOf(db) === 'postgres'
    ? sql<boolean>`${expr} ~ ${`^${prefix}[0-9]+$`}`
    : sql<boolean>`(${expr} GLOB ${`${prefix}[0-9]*`} AND substr(${expr}, ${prefix.length + 1}) NOT GLOB '*[^0-9]*')`;
}

/**
 * After rows were written with ids of their own (the demo's practice listings, a desk copied by
 * `rebound migrate`): PostgreSQL's identity then still starts where it was and would hand out
 * those ids again, so it is moved past the highest. SQLite always takes max(id) + 1.
 */
export async function afterExplicitIds(db: Queryable, table: string): Promise<void> {
  if (engineOf(db) !== 'postgres') return;
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), greatest((SELECT max(id) FROM ${sql.table(table)}), 1))`.execute(
    db,
  );
}

/**
 * Makes this transaction wait for any other doing the same read-then-write: handing out numbers
 * (item references, practice orders; two writers reading the same highest number would both take
 * the next one), or queueing the one waiting sales sync per account. SQLite has one writer at a
 * time, so nothing is needed there; PostgreSQL's writers run side by side, so an advisory lock,
 * held until the transaction ends, puts them in a row.
 */
export async function serializeWith(
  trx: Queryable,
  what:
    | 'item_numbers'
    | 'practice_order_numbers'
    | 'sales_sync'
    | 'media_uploads'
    // One person's shoot-by-label session (routing/desk.ts).
    | `shooting:${number}`,
): Promise<void> {
  if (engineOf(trx) !== 'postgres') return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`rebound:${what}`}))`.execute(trx);
}
