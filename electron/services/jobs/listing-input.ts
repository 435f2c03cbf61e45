/** What a publish sends to a channel for an item: its title, description, price and photos. */
import { LANGUAGES, type Language } from '../../../shared/domain/status';
import { listingText } from '../descriptions/service';
import type { ChannelAdapter, ListingInput } from '../channels/channel';
import type { Workspace } from '../workspace';
import type { ItemFacts } from './lookups';

/**
 * What goes on the listing: the description staff kept, or else the draft generated from the
 * item's recorded facts ("why is it discounted"), in the merchant's market language. Only an
 * item the drafting refuses (never the case for an approved item) falls back to the catalogue.
 */
export async function listingInput(
  ws: Workspace,
  item: ItemFacts,
  priceCents: number,
  adapter: ChannelAdapter,
): Promise<ListingInput> {
  const isLanguage = (value: string | undefined): value is Language =>
    value !== undefined && (LANGUAGES as readonly string[]).includes(value);
  // A channel that lists in one language (an eBay marketplace) decides; else the merchant's.
  const language: Language = isLanguage(adapter.listingLanguage)
    ? adapter.listingLanguage
    : isLanguage(item.language)
      ? item.language
      : 'en';
  const text = await listingText(ws, item.id, language);
  const title = text?.title || item.title;
  const photos = await ws.kysely
    .selectFrom('photos')
    .select('hash')
    .where('item_id', '=', item.id)
    .where('deleted_at', 'is', null)
    .orderBy('is_main', 'desc')
    .orderBy('position')
    .execute();
  return {
    sku: item.reference,
    title,
    descriptionHtml: text?.html || item.description,
    priceCents,
    originalCents: item.originalCents,
    currency: item.currency,
    quantity: 1,
    photos: photos.map((p, index) => ({
      file: ws.photoPath(p.hash, 'listing'),
      alt: `${title} (${index + 1}/${photos.length})`,
    })),
  };
}
