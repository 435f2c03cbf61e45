import type { Migration } from '../migration';

/**
 * The first schema: every table the design names, so that later work extends rather than
 * redoes it. Money columns are integer minor units (`*_cents`) beside a currency; timestamps are
 * ISO-8601 UTC text; calendar dates are YYYY-MM-DD text; lists and traces are JSON text.
 */
const migration: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE merchants (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'de')),
        return_window_days INTEGER NOT NULL DEFAULT 14 CHECK (return_window_days >= 14),
        address TEXT NOT NULL DEFAULT '',
        pricing_policy TEXT,
        fee_schedule TEXT,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'approver', 'bookkeeper', 'admin')),
        merchant_id INTEGER REFERENCES merchants(id) ON DELETE CASCADE,
        pin_hash TEXT,
        created_at TEXT NOT NULL,
        CHECK (role <> 'approver' OR merchant_id IS NOT NULL)
      ) STRICT;

      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        merchant_id INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        sku TEXT NOT NULL,
        ean TEXT,
        brand TEXT,
        model TEXT,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        ebay_category_id TEXT,
        original_cents INTEGER NOT NULL CHECK (original_cents >= 0),
        accessories TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (merchant_id, sku)
      ) STRICT;
      CREATE INDEX products_ean ON products(ean) WHERE ean IS NOT NULL;

      CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        merchant_id INTEGER NOT NULL REFERENCES merchants(id),
        product_id INTEGER NOT NULL REFERENCES products(id),
        order_reference TEXT,
        order_line INTEGER,
        return_reason TEXT,
        return_note TEXT NOT NULL DEFAULT '',
        delivered_at TEXT,
        received_at TEXT NOT NULL,
        window_result TEXT NOT NULL DEFAULT 'unknown'
          CHECK (window_result IN ('within_legal', 'within_merchant', 'outside', 'unknown')),
        grade TEXT CHECK (grade IN ('new_sealed', 'opened_packaging', 'used', 'lightly_damaged',
                                    'heavily_damaged', 'defective')),
        packaging TEXT,
        functional_test TEXT NOT NULL DEFAULT 'not_done',
        factory_reset INTEGER NOT NULL DEFAULT 0,
        cleaned INTEGER NOT NULL DEFAULT 0,
        repackaged INTEGER NOT NULL DEFAULT 0,
        accessories_missing TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'graded', 'photographed', 'priced', 'awaiting_approval',
                            'approved', 'listed', 'sold', 'restocked', 'returned_to_merchant',
                            'destroyed', 'rejected')),
        disposition TEXT,
        graded_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Optimistic concurrency: every write bumps it and checks the value it read.
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX items_status ON items(status, received_at);
      CREATE INDEX items_grade ON items(grade, received_at);
      CREATE INDEX items_merchant ON items(merchant_id, received_at);
      CREATE INDEX items_received ON items(received_at);
      CREATE INDEX items_product ON items(product_id);
      -- Importing the same return notice twice must create nothing new.
      CREATE UNIQUE INDEX items_notice ON items(merchant_id, order_reference, product_id, order_line)
        WHERE order_reference IS NOT NULL;

      CREATE TABLE photos (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        hash TEXT NOT NULL,
        position INTEGER NOT NULL,
        is_main INTEGER NOT NULL DEFAULT 0,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        warnings TEXT NOT NULL DEFAULT '[]',
        source TEXT NOT NULL,
        original_name TEXT,
        deleted_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (item_id, hash)
      ) STRICT;
      CREATE INDEX photos_item ON photos(item_id, position);

      CREATE TABLE defects (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        size_mm INTEGER,
        severity TEXT NOT NULL CHECK (severity IN ('minor', 'moderate', 'major')),
        note TEXT NOT NULL DEFAULT '',
        photo_id INTEGER REFERENCES photos(id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX defects_item ON defects(item_id);

      CREATE TABLE prices (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        currency TEXT NOT NULL,
        original_cents INTEGER NOT NULL,
        proposed_cents INTEGER NOT NULL,
        floor_cents INTEGER NOT NULL,
        net_cents INTEGER NOT NULL,
        steps TEXT NOT NULL,
        policy_version INTEGER NOT NULL DEFAULT 1,
        decision TEXT NOT NULL DEFAULT 'pending'
          CHECK (decision IN ('pending', 'approved', 'auto_approved', 'adjusted', 'rejected')),
        decided_by INTEGER REFERENCES profiles(id),
        decided_at TEXT,
        reason TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX prices_item ON prices(item_id, id);

      CREATE TABLE descriptions (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'de')),
        title TEXT NOT NULL,
        condition_enum TEXT,
        condition_id INTEGER,
        condition_text TEXT NOT NULL DEFAULT '',
        html TEXT NOT NULL DEFAULT '',
        edited_by INTEGER REFERENCES profiles(id),
        kept INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        UNIQUE (item_id, language)
      ) STRICT;

      CREATE TABLE channel_accounts (
        id INTEGER PRIMARY KEY,
        merchant_id INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        settings TEXT NOT NULL DEFAULT '{}',
        secret BLOB,
        sales_cursor TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (merchant_id, channel)
      ) STRICT;

      CREATE TABLE listings (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'working', 'live', 'failed', 'ended')),
        remote_sku TEXT,
        remote_offer_id TEXT,
        remote_listing_id TEXT,
        url TEXT,
        price_cents INTEGER,
        end_reason TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (item_id, channel)
      ) STRICT;
      CREATE INDEX listings_status ON listings(channel, status);

      -- The durable outbox: every remote action is a row first, done by a worker later.
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
        channel TEXT,
        payload TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL DEFAULT 8,
        next_run_at TEXT NOT NULL,
        locked_by TEXT,
        locked_at TEXT,
        last_error TEXT,
        idempotency_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX jobs_due ON jobs(status, next_run_at);

      CREATE TABLE sales (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES items(id),
        merchant_id INTEGER NOT NULL REFERENCES merchants(id),
        channel TEXT NOT NULL,
        order_id TEXT NOT NULL,
        line_id TEXT NOT NULL,
        sold_at TEXT NOT NULL,
        currency TEXT NOT NULL,
        price_cents INTEGER NOT NULL,
        shipping_cents INTEGER NOT NULL DEFAULT 0,
        fees_cents INTEGER NOT NULL DEFAULT 0,
        fees_estimated INTEGER NOT NULL DEFAULT 1,
        vat_cents INTEGER NOT NULL DEFAULT 0,
        vat_rate_bp INTEGER NOT NULL DEFAULT 0,
        vat_scheme TEXT NOT NULL DEFAULT 'standard' CHECK (vat_scheme IN ('standard', 'margin')),
        buyer_country TEXT,
        -- A cancellation or refund is a new row pointing at the sale it reverses; nothing is deleted.
        kind TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'cancellation', 'refund')),
        reverses_sale_id INTEGER REFERENCES sales(id),
        created_at TEXT NOT NULL,
        UNIQUE (channel, order_id, line_id, kind)
      ) STRICT;
      CREATE INDEX sales_sold_at ON sales(sold_at);
      CREATE INDEX sales_merchant ON sales(merchant_id, sold_at);
      CREATE INDEX sales_item ON sales(item_id);

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
        merchant_id INTEGER REFERENCES merchants(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        profile_id INTEGER REFERENCES profiles(id),
        actor TEXT NOT NULL,
        kind TEXT NOT NULL,
        summary TEXT NOT NULL,
        data TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX events_item ON events(item_id, id);
    `);
  },
};

export default migration;
