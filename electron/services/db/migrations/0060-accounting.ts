import type { Migration } from '../migration';

/**
 * What the bookkeeping exports need that the first schema did not hold:
 *
 * - `items.purchase_cents`: what the reseller paid for the goods (integer cents, null when not
 *   known). The VAT margin scheme taxes only sale price − purchase price, and it may only be used
 *   when that purchase price is on record, so without it a margin-scheme sale is taxed as
 *   standard (see shared/accounting/vat.ts).
 * - `products.units_sold`: the merchant's own units sold of the SKU (new, through its shop), so
 *   the per-SKU report can show a return rate (items returned ÷ units sold). Null when the merchant
 *   has not said; the report then shows no rate rather than a made-up one.
 */
const migration: Migration = {
  version: 60,
  name: 'accounting',
  up(db) {
    db.exec(`
      ALTER TABLE items ADD COLUMN purchase_cents INTEGER DEFAULT NULL CHECK (purchase_cents IS NULL OR purchase_cents >= 0);
      ALTER TABLE products ADD COLUMN units_sold INTEGER DEFAULT NULL CHECK (units_sold IS NULL OR units_sold >= 0);
      -- Reports keep only sales that nothing reverses: a lookup by reverses_sale_id per sale.
      CREATE INDEX IF NOT EXISTS sales_reverses ON sales(reverses_sale_id) WHERE reverses_sale_id IS NOT NULL;
    `);
  },
};

export default migration;
