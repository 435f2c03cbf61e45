import type { Migration } from '../migration';

/**
 * Full-text search over the fields people type or scan at the desk (reference, SKU, EAN,
 * order reference, brand, model, title). The trigram tokenizer matches any substring of three
 * characters or more, so "1234" finds "RB-001234" without a full scan of 100,000 rows.
 * Kept in step with items and products by triggers, so no code path can forget it.
 */
const migration: Migration = {
  version: 20,
  name: 'item-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE item_search USING fts5(
        reference, sku, ean, order_reference, brand, model, title,
        tokenize = 'trigram'
      );

      INSERT INTO item_search(rowid, reference, sku, ean, order_reference, brand, model, title)
        SELECT i.id, i.reference, p.sku, coalesce(p.ean, ''), coalesce(i.order_reference, ''),
               coalesce(p.brand, ''), coalesce(p.model, ''), p.title
        FROM items i JOIN products p ON p.id = i.product_id;

      CREATE TRIGGER item_search_insert AFTER INSERT ON items BEGIN
        INSERT INTO item_search(rowid, reference, sku, ean, order_reference, brand, model, title)
          SELECT new.id, new.reference, p.sku, coalesce(p.ean, ''), coalesce(new.order_reference, ''),
                 coalesce(p.brand, ''), coalesce(p.model, ''), p.title
          FROM products p WHERE p.id = new.product_id;
      END;

      CREATE TRIGGER item_search_update AFTER UPDATE OF reference, order_reference, product_id ON items BEGIN
        DELETE FROM item_search WHERE rowid = old.id;
        INSERT INTO item_search(rowid, reference, sku, ean, order_reference, brand, model, title)
          SELECT new.id, new.reference, p.sku, coalesce(p.ean, ''), coalesce(new.order_reference, ''),
                 coalesce(p.brand, ''), coalesce(p.model, ''), p.title
          FROM products p WHERE p.id = new.product_id;
      END;

      CREATE TRIGGER item_search_delete AFTER DELETE ON items BEGIN
        DELETE FROM item_search WHERE rowid = old.id;
      END;

      CREATE TRIGGER item_search_product AFTER UPDATE OF sku, ean, brand, model, title ON products BEGIN
        DELETE FROM item_search WHERE rowid IN (SELECT id FROM items WHERE product_id = new.id);
        INSERT INTO item_search(rowid, reference, sku, ean, order_reference, brand, model, title)
          SELECT i.id, i.reference, new.sku, coalesce(new.ean, ''), coalesce(i.order_reference, ''),
                 coalesce(new.brand, ''), coalesce(new.model, ''), new.title
          FROM items i WHERE i.product_id = new.id;
      END;
    `);
  },
};

export default migration;
