import type { ListInput } from './items';

/** The columns and orders of the items list, written by hand: shared by both engines' raw SQL. */
export const RAW_COLUMNS = `
  i.id, i.reference, i.merchant_id, m.name AS merchant_name, m.currency, p.sku, p.title, p.brand,
  i.grade, i.status, i.return_reason, i.received_at, p.original_cents, i.window_result,
  (SELECT pr.proposed_cents FROM prices pr WHERE pr.item_id = i.id ORDER BY pr.id DESC LIMIT 1)
    AS proposed_cents,
  (SELECT count(*) FROM defects d WHERE d.item_id = i.id) AS defect_count,
  (SELECT ph.hash FROM photos ph WHERE ph.item_id = i.id AND ph.deleted_at IS NULL
    ORDER BY ph.is_main DESC, ph.position LIMIT 1) AS main_photo_hash`;

export const RAW_ORDER: Readonly<Record<NonNullable<ListInput['sort']>, string>> = {
  received_desc: 'i.received_at DESC, i.id DESC',
  received_asc: 'i.received_at ASC, i.id ASC',
  reference: 'i.reference',
  title: 'p.title, p.id, i.id',
  price_desc: 'p.original_cents DESC, p.id DESC, i.id DESC',
};
