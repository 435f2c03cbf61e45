import type { Migration } from '../migration';

/**
 * The Sales screen totals what its filters select (all sales, a merchant, a channel, a month, or
 * a mix) on every page it shows. Without these, SQLite reads every matching sales row from the
 * table to sum its amounts: about 60 ms for all of 100,000 sales and 200 ms for one large
 * merchant's (the index on merchant_id finds the rows, then each is a random read). The indexes
 * below hold, after the filter columns, exactly the columns the totals read (kind, currency and
 * the three amounts), so the sums come from the index alone; the channel filter also gets an
 * order by sale date, so its page no longer sorts all of the channel's sales.
 *
 * Sales are written a few dozen a day at most, so the extra writes cost nothing a person notices.
 */
const migration: Migration = {
  version: 80,
  name: 'sales-ledger-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX sales_totals_time
        ON sales(sold_at, kind, currency, price_cents, shipping_cents, fees_cents);
      CREATE INDEX sales_totals_merchant
        ON sales(merchant_id, channel, sold_at, kind, currency, price_cents, shipping_cents, fees_cents);
      CREATE INDEX sales_totals_channel
        ON sales(channel, sold_at, kind, currency, price_cents, shipping_cents, fees_cents);
    `);
  },
};

export default migration;
