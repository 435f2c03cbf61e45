import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { asMessage } from '../../../../shared/messages';
import { renderMessage } from '../../../../shared/messages/render';
import { openRawDatabase, tempDir } from '../../../../tests/integration/temp';
import { onPostgres, tempWorkspace } from '../../../../tests/support/workspace';
import { migrate } from '../migration';
import postgres0130 from '../postgres/migrations/0130-history-texts';
import { MIGRATIONS } from '.';

const AT = '2026-03-02T09:00:00.000Z';

/** History lines exactly as the services wrote them before events carried a message. */
const OLD_LINES: readonly { kind: string; summary: string; data: object }[] = [
  { kind: 'item.received', summary: 'Received RB-000123, LUM-LA12-WH (order LHT-317890 line 2)', data: {} },
  { kind: 'item.graded', summary: 'Graded lightly_damaged', data: { changes: {} } },
  { kind: 'item.regraded', summary: 'Regraded used → heavily_damaged', data: { changes: {} } },
  { kind: 'photos.added', summary: '3 photos added', data: {} },
  { kind: 'price.approved', summary: 'Price approved by Siobhán Kelly: €1,234.50', data: { priceId: 1 } },
  {
    kind: 'listing.published',
    summary: 'Listed on eBay at €79.99',
    data: { channel: 'ebay', device: 'desk 2' },
  },
  {
    kind: 'sale.recorded',
    summary: 'Sold on eBay for €79.99 + €4.95 shipping to a buyer in FR (order 12-345)',
    data: { channel: 'ebay' },
  },
  // Not read back: a kind without a rule, and a sentence that does not have the expected shape.
  { kind: 'price.rejected', summary: 'Price rejected by Siobhán Kelly: regrade', data: {} },
  { kind: 'item.graded', summary: 'Graded like new', data: {} },
];

const FRENCH = [
  'RB-000123 réceptionné',
  'Légèrement abîmé',
  'Occasion',
  '3 photos',
  '1 234,50 €',
  '79,99 €',
  'FR',
];

function expectRecovered(rows: { kind: string; summary: string; data: string }[]): void {
  const texts = rows.map((row) => asMessage((JSON.parse(row.data) as { text?: unknown }).text));
  // Every readable line has its message; the two others keep their sentence only.
  expect(texts.slice(0, 7).every((text) => text !== null)).toBe(true);
  expect(texts.slice(7)).toEqual([null, null]);
  // The English drawing says what the old sentence said; French reads as French.
  const english = texts.slice(0, 7).map((text) => renderMessage(text!, 'en'));
  expect(english[0]).toBe('Received RB-000123, LUM-LA12-WH (order LHT-317890 line 2)');
  expect(english[4]).toBe('Price approved by Siobhán Kelly: €1,234.50');
  const french = texts
    .slice(0, 7)
    .map((text) => renderMessage(text!, 'fr'))
    .join('\n')
    // French groups digits and sets the currency apart with no-break spaces.
    .replace(/[\u202f\u00a0]/g, ' ');
  for (const piece of FRENCH) expect(french).toContain(piece);
  // The data the line had stays, the summary is untouched.
  expect(JSON.parse(rows[5]!.data)).toMatchObject({ channel: 'ebay', device: 'desk 2' });
  expect(rows[5]!.summary).toBe('Listed on eBay at €79.99');
}

describe('migration 0130: old English history lines read in the reader’s language', () => {
  test.skipIf(onPostgres)('on a desk’s SQLite file', () => {
    const db = openRawDatabase(path.join(tempDir(), 'rebound.sqlite'));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 130),
    );
    const merchant = db
      .prepare(
        `INSERT INTO merchants (name, currency, language, created_at) VALUES ('Larkfield', 'EUR', 'en', ?)`,
      )
      .run(AT).lastInsertRowid;
    const product = db
      .prepare(
        `INSERT INTO products (merchant_id, sku, title, original_cents, created_at, updated_at) VALUES (?, 'L-1', 'Lamp', 1000, ?, ?)`,
      )
      .run(merchant, AT, AT).lastInsertRowid;
    const item = db
      .prepare(
        `INSERT INTO items (reference, merchant_id, product_id, received_at, created_at, updated_at) VALUES ('RB-000123', ?, ?, ?, ?, ?)`,
      )
      .run(merchant, product, AT, AT, AT).lastInsertRowid;
    const insert = db.prepare(
      `INSERT INTO events (item_id, merchant_id, at, actor, kind, summary, data) VALUES (?, ?, ?, 'Lea Brandt', ?, ?, ?)`,
    );
    for (const line of OLD_LINES)
      insert.run(item, merchant, AT, line.kind, line.summary, JSON.stringify(line.data));

    migrate(db, MIGRATIONS);
    expectRecovered(db.prepare('SELECT kind, summary, data FROM events ORDER BY id').all() as never);
  });

  test.skipIf(!onPostgres)('on the server’s PostgreSQL', async () => {
    const ws = await tempWorkspace();
    const { id: merchantId } = await ws.kysely
      .insertInto('merchants')
      .values({
        name: 'Larkfield',
        currency: 'EUR',
        language: 'en',
        address: '',
        return_window_days: 30,
        created_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Rows without an item: the merchant's currency is the one the amounts were written in.
    for (const line of OLD_LINES) {
      await ws.kysely
        .insertInto('events')
        .values({
          item_id: null,
          merchant_id: merchantId,
          at: AT,
          profile_id: null,
          actor: 'Lea Brandt',
          kind: line.kind,
          summary: line.summary,
          data: JSON.stringify(line.data),
        })
        .execute();
    }
    await postgres0130.up(ws.kysely as never);
    expectRecovered(
      await ws.kysely.selectFrom('events').select(['kind', 'summary', 'data']).orderBy('id').execute(),
    );
  });
});
