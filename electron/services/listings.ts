import type { z } from 'zod';
import {
  LISTABLE_STATUSES,
  type Listing,
  type ListingRow,
  type ListingsListInput,
  type Paged,
} from '../../shared/contract';
import { listingView, listItems } from './items';
import type { Workspace } from './workspace';

/**
 * Items that are ready to publish, live, or sold, each with its listing on every channel. The
 * listings come in one query for the whole page rather than one per item.
 */
export async function listListings(
  ws: Workspace,
  input: z.output<typeof ListingsListInput>,
): Promise<Paged<ListingRow>> {
  const page = await listItems(ws, {
    statuses: input.statuses && input.statuses.length > 0 ? input.statuses : [...LISTABLE_STATUSES],
    search: input.search,
    merchantId: input.merchantId,
    sort: 'received_desc',
    limit: input.limit,
    offset: input.offset,
  });
  const ids = page.rows.map((row) => row.id);
  const rows =
    ids.length === 0
      ? []
      : await ws.kysely
          .selectFrom('listings')
          .selectAll()
          .where('item_id', 'in', ids)
          .orderBy('channel')
          .execute();
  const byItem = new Map<number, Listing[]>();
  for (const l of rows) {
    const list = byItem.get(l.item_id) ?? [];
    list.push(listingView(l));
    byItem.set(l.item_id, list);
  }
  return {
    total: page.total,
    rows: page.rows.map((row) => ({ ...row, listings: byItem.get(row.id) ?? [] })),
  };
}
