import type { Migration } from '../migration';

/**
 * The practice marketplace and the lookups the job worker needs.
 *
 * The practice marketplace is a built-in channel that behaves like a real one: it keeps its own
 * listings and orders in its own tables (never in `listings` or `sales`, which are Rebound's view
 * of every channel), so publishing, buying and the sales sync go through the same channel
 * interface as eBay and survive a restart like everything else in the data folder.
 *
 * Listings that a demo workspace wrote before this version (practice listings with a numeric
 * remote id) are copied in, so "buy" works on them too.
 */
const migration: Migration = {
  version: 70,
  name: 'channels',
  up(db) {
    db.exec(`
      CREATE TABLE practice_listings (
        id INTEGER PRIMARY KEY,
        merchant_id INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        -- One listing per SKU, as on a real marketplace: publishing again updates it.
        sku TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        description_html TEXT NOT NULL DEFAULT '',
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        original_cents INTEGER NOT NULL DEFAULT 0 CHECK (original_cents >= 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        status TEXT NOT NULL CHECK (status IN ('live', 'ended', 'sold')),
        end_reason TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX practice_listings_merchant ON practice_listings(merchant_id, status);

      CREATE TABLE practice_orders (
        id INTEGER PRIMARY KEY,
        order_id TEXT NOT NULL UNIQUE,
        listing_id INTEGER NOT NULL REFERENCES practice_listings(id) ON DELETE CASCADE,
        merchant_id INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
        sku TEXT NOT NULL,
        price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
        shipping_cents INTEGER NOT NULL DEFAULT 0 CHECK (shipping_cents >= 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        buyer_country TEXT,
        status TEXT NOT NULL DEFAULT 'paid' CHECK (status IN ('paid', 'cancelled', 'refunded')),
        created_at TEXT NOT NULL,
        -- The sales sync reads orders by this timestamp, like a real channel's "modified after".
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX practice_orders_updated ON practice_orders(merchant_id, updated_at, id);

      -- A sale comes back with a SKU or a remote listing id; both must find the item at once.
      CREATE INDEX listings_remote_sku ON listings(channel, remote_sku) WHERE remote_sku IS NOT NULL;
      CREATE INDEX listings_remote_id ON listings(channel, remote_listing_id)
        WHERE remote_listing_id IS NOT NULL;
      -- The worker's claim and the top bar's counts read jobs by item and channel too.
      CREATE INDEX jobs_item ON jobs(item_id, channel, kind);

      INSERT OR IGNORE INTO practice_listings
        (id, merchant_id, sku, title, price_cents, currency, status, end_reason, created_at, updated_at)
      SELECT CAST(l.remote_listing_id AS INTEGER), i.merchant_id, COALESCE(l.remote_sku, i.reference),
             p.title, COALESCE(l.price_cents, 0), m.currency,
             CASE l.status WHEN 'live' THEN 'live' WHEN 'ended' THEN
               CASE l.end_reason WHEN 'sold' THEN 'sold' ELSE 'ended' END ELSE 'ended' END,
             l.end_reason, l.created_at, l.updated_at
        FROM listings l
        JOIN items i ON i.id = l.item_id
        JOIN products p ON p.id = i.product_id
        JOIN merchants m ON m.id = i.merchant_id
       WHERE l.channel = 'practice' AND l.remote_listing_id GLOB '[0-9]*'
         AND l.remote_listing_id NOT GLOB '*[^0-9]*';
    `);
  },
};

export default migration;
