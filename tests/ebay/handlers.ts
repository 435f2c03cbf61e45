/**
 * What each eBay operation does to the seller's state and answers. Only operations the channel uses
 * are here; the server answers any other contract operation 501 and records it as `unsupported`.
 * Requests reach a handler only after the token, the contract and the eBay facts have been checked.
 */
import type { Operation } from './openapi.js';
import { errors, inventoryError, type EbayError, type Reply } from './answers.js';
import {
  CONDITION_IDS,
  isConditionEnum,
  LIMITS,
  localeForContentLanguage,
  parseOrderFilter,
} from './rules.js';
import { parseMultipart } from './multipart.js';
import type { EbayState, PolicyKind, StoredOffer, TestClock } from './state.js';

export const MEDIA_IMAGE_HOST = 'https://i.ebayimg.test';

export interface Ctx {
  readonly op: Operation;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly raw: Buffer;
  readonly contentType: string;
  readonly contentLanguage: string | undefined;
  readonly user: string;
}
export type Handler = (ctx: Ctx) => Reply;

export function createHandlers(env: {
  readonly state: EbayState;
  readonly clock: TestClock;
  /** Known only once the server listens. */
  readonly baseUrl: () => string;
}): Record<string, Handler> {
  const { state, clock } = env;
  const obj = (v: unknown): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const page = (query: URLSearchParams, fallback: number): { limit: number; offset: number } => ({
    limit: Number(query.get('limit') ?? fallback),
    offset: Number(query.get('offset') ?? 0),
  });

  const offerNotFound = (): Reply => errors(404, inventoryError(25713, 'This Offer is not available.'));

  function offerView(offer: StoredOffer): Record<string, unknown> {
    return {
      ...offer.details,
      offerId: offer.offerId,
      sku: offer.sku,
      marketplaceId: offer.marketplaceId,
      format: offer.format,
      status: offer.status,
      ...(offer.listingId
        ? {
            listing: {
              listingId: offer.listingId,
              listingStatus: offer.status === 'PUBLISHED' ? 'ACTIVE' : 'ENDED',
            },
          }
        : {}),
    };
  }

  function createOffer(body: unknown): { ok: true; offer: StoredOffer } | { ok: false; reply: Reply } {
    const b = obj(body);
    const sku = str(b['sku']);
    if (!state.inventory.has(sku)) {
      return {
        ok: false,
        reply: errors(
          400,
          inventoryError(25702, `${sku} could not be found or is not available in the system.`),
        ),
      };
    }
    const duplicate = [...state.offers.values()].find(
      (o) => o.sku === sku && o.marketplaceId === b['marketplaceId'] && o.format === b['format'],
    );
    if (duplicate) {
      // eBay refuses a second offer for the same SKU, marketplace and format with the generic user
      // error 25002 and the existing offer's id as a parameter (so a client can adopt it).
      return {
        ok: false,
        reply: errors(
          400,
          inventoryError(25002, 'Offer entity already exists', {
            offerId: duplicate.offerId,
          }),
        ),
      };
    }
    const offer: StoredOffer = {
      // Nine digits like eBay's, never the same twice (padding the counter made 2 and 52 collide).
      offerId: String(555_000_000 + Number(state.nextId())),
      sku,
      marketplaceId: str(b['marketplaceId']),
      format: str(b['format']),
      status: 'UNPUBLISHED',
      details: { ...b },
    };
    state.offers.set(offer.offerId, offer);
    return { ok: true, offer };
  }

  /** What eBay checks when an offer goes live; these are refusals a correct client can still meet. */
  function publish(offer: StoredOffer): { ok: true; listingId: string } | { ok: false; errors: EbayError[] } {
    const problems: EbayError[] = [];
    const stored = state.inventory.get(offer.sku);
    const item = obj(stored?.item);
    const product = obj(item['product']);
    const d = offer.details;
    if (!stored)
      problems.push(
        inventoryError(25702, `${offer.sku} could not be found or is not available in the system.`),
      );
    if (!str(product['title']))
      problems.push(inventoryError(25002, 'A user error has occurred. Title is missing.'));
    const images = Array.isArray(product['imageUrls']) ? product['imageUrls'] : [];
    if (images.length === 0)
      problems.push(
        inventoryError(
          25014,
          'The eBay listing associated with the inventory item, or the unpublished offer has invalid pictures. At least one picture is required.',
        ),
      );
    const condition = item['condition'];
    if (!isConditionEnum(condition)) {
      problems.push(
        inventoryError(
          25021,
          'The eBay listing associated with the inventory item, or the unpublished offer has invalid item condition information. Condition is missing.',
        ),
      );
    }
    const quantity = Number(
      obj(obj(item['availability'])['shipToLocationAvailability'])['quantity'] ?? d['availableQuantity'] ?? 0,
    );
    if (!(quantity > 0))
      problems.push(
        inventoryError(
          25004,
          'The eBay listing associated with the inventory item, or the unpublished offer has an invalid quantity. The quantity must be greater than 0.',
        ),
      );
    const price = obj(obj(d['pricingSummary'])['price']);
    if (
      !/^\d+(\.\d{1,2})?$/.test(str(price['value'])) ||
      Number(price['value']) <= 0 ||
      !str(price['currency'])
    ) {
      problems.push(
        inventoryError(
          25003,
          'The eBay listing associated with the inventory item, or the unpublished offer has an invalid price.',
        ),
      );
    }
    const categoryId = str(d['categoryId']);
    if (!categoryId)
      problems.push(
        inventoryError(
          25005,
          'The eBay listing associated with the inventory item, or the unpublished offer has an invalid category ID.',
        ),
      );
    const allowed = state.conditionPolicies.get(categoryId);
    if (allowed && isConditionEnum(condition) && !allowed.includes(condition)) {
      problems.push(
        inventoryError(
          25021,
          `The eBay listing associated with the inventory item, or the unpublished offer has invalid item condition information. Condition ${condition} (${CONDITION_IDS[condition]}) is not allowed in category ${categoryId}.`,
        ),
      );
    }
    const policies = obj(d['listingPolicies']);
    for (const [kind, field] of [
      ['fulfillment', 'fulfillmentPolicyId'],
      ['payment', 'paymentPolicyId'],
      ['return', 'returnPolicyId'],
    ] as const) {
      const id = str(policies[field]);
      if (!id) {
        problems.push(
          inventoryError(
            25007,
            `The eBay listing associated with the inventory item, or the unpublished offer has invalid data in the associated ${kind} policy. ${field} is missing.`,
          ),
        );
      } else if (!state.policiesOf(offer.marketplaceId, kind as PolicyKind).some((p) => p.id === id)) {
        problems.push(
          inventoryError(25035, `The specified policy is not found for the market place. ${field} ${id}`),
        );
      }
    }
    const locationKey = str(d['merchantLocationKey']);
    if (!locationKey || !state.locations.has(locationKey)) {
      problems.push(
        inventoryError(
          25002,
          'A user error has occurred. No <Item.Country> exists or <Item.Country> is specified as an empty tag in the request.',
        ),
      );
    }
    if (problems.length > 0) return { ok: false, errors: problems };
    // Publishing a published offer revises the live listing: same listing id.
    const listingId =
      offer.listingId && offer.status === 'PUBLISHED'
        ? offer.listingId
        : `1100${state.nextId().padStart(8, '0')}`;
    offer.listingId = listingId;
    offer.status = 'PUBLISHED';
    state.listings.set(listingId, { offerId: offer.offerId, status: 'ACTIVE' });
    return { ok: true, listingId };
  }

  function endListing(offer: StoredOffer): void {
    if (offer.listingId) state.listings.set(offer.listingId, { offerId: offer.offerId, status: 'ENDED' });
    offer.status = 'UNPUBLISHED';
  }

  function policyList(kind: PolicyKind, query: URLSearchParams): Reply {
    const marketplaceId = query.get('marketplace_id') ?? '';
    const list = state.policiesOf(marketplaceId, kind).map((p) => ({
      [`${kind}PolicyId`]: p.id,
      name: p.name,
      marketplaceId,
      categoryTypes: [{ name: 'ALL_EXCLUDING_MOTORS_VEHICLES', default: true }],
    }));
    return {
      status: 200,
      body: { href: '', limit: 20, offset: 0, total: list.length, [`${kind}Policies`]: list },
    };
  }

  return {
    createOrReplaceInventoryItem: ({ pathParams, body, contentLanguage }) => {
      const sku = pathParams['sku']!;
      const b = obj(body);
      state.inventory.set(sku, {
        sku,
        locale: str(b['locale']) || localeForContentLanguage(contentLanguage ?? 'en-US'),
        item: b,
      });
      return { status: 204 };
    },
    getInventoryItem: ({ pathParams }) => {
      const stored = state.inventory.get(pathParams['sku']!);
      if (!stored)
        return errors(
          404,
          inventoryError(
            25710,
            "We didn't find the resource/entity you are requesting. Please verify the request",
          ),
        );
      return { status: 200, body: { ...stored.item, sku: stored.sku, locale: stored.locale } };
    },
    getInventoryItems: ({ query }) => {
      const { limit, offset } = page(query, 25);
      const all = [...state.inventory.values()];
      return {
        status: 200,
        body: {
          href: '',
          limit,
          offset,
          total: all.length,
          size: Math.min(limit, Math.max(0, all.length - offset)),
          inventoryItems: all
            .slice(offset, offset + limit)
            .map((s) => ({ ...s.item, sku: s.sku, locale: s.locale })),
        },
      };
    },
    deleteInventoryItem: ({ pathParams }) => {
      const sku = pathParams['sku']!;
      if (!state.inventory.delete(sku))
        return errors(
          404,
          inventoryError(
            25710,
            "We didn't find the resource/entity you are requesting. Please verify the request",
          ),
        );
      // eBay deletes the SKU's offers and ends their listings with it.
      for (const offer of [...state.offers.values()].filter((o) => o.sku === sku)) {
        endListing(offer);
        state.offers.delete(offer.offerId);
      }
      return { status: 204 };
    },
    bulkCreateOrReplaceInventoryItem: ({ body, contentLanguage }) => {
      const requests = (obj(body)['requests'] as unknown[]).map(obj);
      return {
        status: 207,
        body: {
          responses: requests.map((r) => {
            const sku = str(r['sku']);
            const locale = str(r['locale']) || localeForContentLanguage(contentLanguage ?? 'en-US');
            const { sku: _sku, locale: _locale, ...item } = r;
            state.inventory.set(sku, { sku, locale, item });
            return { statusCode: 200, sku, locale, warnings: [] };
          }),
        },
      };
    },
    bulkGetInventoryItem: ({ body }) => {
      const requests = (obj(body)['requests'] as unknown[]).map(obj);
      return {
        status: 207,
        body: {
          responses: requests.map((r) => {
            const sku = str(r['sku']);
            const stored = state.inventory.get(sku);
            if (!stored)
              return {
                sku,
                statusCode: 404,
                errors: [
                  inventoryError(
                    25710,
                    "We didn't find the resource/entity you are requesting. Please verify the request",
                  ),
                ],
                warnings: [],
              };
            return {
              sku,
              statusCode: 200,
              inventoryItem: { ...stored.item, sku: stored.sku, locale: stored.locale },
              warnings: [],
            };
          }),
        },
      };
    },
    createOffer: ({ body }) => {
      const result = createOffer(body);
      if (!result.ok) return result.reply;
      return { status: 201, body: { offerId: result.offer.offerId, warnings: [] } };
    },
    bulkCreateOffer: ({ body }) => {
      const requests = (obj(body)['requests'] as unknown[]).map(obj);
      return {
        status: 207,
        body: {
          responses: requests.map((r) => {
            const base = {
              sku: str(r['sku']),
              marketplaceId: str(r['marketplaceId']),
              format: str(r['format']),
            };
            const result = createOffer(r);
            if (result.ok) return { ...base, statusCode: 200, offerId: result.offer.offerId, warnings: [] };
            return {
              ...base,
              statusCode: result.reply.status,
              errors: obj(result.reply.body)['errors'],
              warnings: [],
            };
          }),
        },
      };
    },
    getOffer: ({ pathParams }) => {
      const offer = state.offers.get(pathParams['offerId']!);
      return offer ? { status: 200, body: offerView(offer) } : offerNotFound();
    },
    getOffers: ({ query }) => {
      const sku = query.get('sku') ?? '';
      const marketplaceId = query.get('marketplace_id');
      const format = query.get('format');
      const { limit, offset } = page(query, 100);
      const found = [...state.offers.values()].filter(
        (o) =>
          o.sku === sku &&
          (!marketplaceId || o.marketplaceId === marketplaceId) &&
          (!format || o.format === format),
      );
      // eBay answers "no offers for this SKU" with 404 / 25713 rather than an empty list.
      if (found.length === 0) return offerNotFound();
      return {
        status: 200,
        body: {
          href: '',
          limit,
          offset,
          total: found.length,
          size: found.slice(offset, offset + limit).length,
          offers: found.slice(offset, offset + limit).map(offerView),
        },
      };
    },
    updateOffer: ({ pathParams, body }) => {
      const offer = state.offers.get(pathParams['offerId']!);
      if (!offer) return offerNotFound();
      // updateOffer replaces the offer's details (eBay: "a complete replacement"); identity stays.
      offer.details = {
        ...obj(body),
        sku: offer.sku,
        marketplaceId: offer.marketplaceId,
        format: offer.format,
      };
      return { status: 204 };
    },
    deleteOffer: ({ pathParams }) => {
      const offer = state.offers.get(pathParams['offerId']!);
      if (!offer) return offerNotFound();
      endListing(offer);
      state.offers.delete(offer.offerId);
      return { status: 204 };
    },
    publishOffer: ({ pathParams }) => {
      const offer = state.offers.get(pathParams['offerId']!);
      if (!offer) return offerNotFound();
      const result = publish(offer);
      if (!result.ok) return errors(400, ...result.errors);
      return { status: 200, body: { listingId: result.listingId, warnings: [] } };
    },
    bulkPublishOffer: ({ body }) => {
      const requests = (obj(body)['requests'] as unknown[]).map(obj);
      return {
        status: 207,
        body: {
          responses: requests.map((r) => {
            const offerId = str(r['offerId']);
            const offer = state.offers.get(offerId);
            if (!offer)
              return {
                offerId,
                statusCode: 404,
                errors: [inventoryError(25713, 'This Offer is not available.')],
              };
            const result = publish(offer);
            return result.ok
              ? { offerId, statusCode: 200, listingId: result.listingId, warnings: [] }
              : { offerId, statusCode: 400, errors: result.errors };
          }),
        },
      };
    },
    withdrawOffer: ({ pathParams }) => {
      const offer = state.offers.get(pathParams['offerId']!);
      if (!offer) return offerNotFound();
      if (offer.status !== 'PUBLISHED' || !offer.listingId) {
        return errors(400, inventoryError(25002, 'A user error has occurred. The offer is not published.'));
      }
      endListing(offer);
      return { status: 200, body: { listingId: offer.listingId, warnings: [] } };
    },
    createInventoryLocation: ({ pathParams, body }) => {
      const key = pathParams['merchantLocationKey']!;
      if (state.locations.has(key))
        return errors(409, inventoryError(25803, `merchantLocationKey ${key} already exists.`));
      state.addLocation(key, obj(body));
      return { status: 204 };
    },
    getInventoryLocation: ({ pathParams }) => {
      const location = state.locations.get(pathParams['merchantLocationKey']!);
      if (!location) return errors(404, inventoryError(25804, 'Input error. The location was not found.'));
      return { status: 200, body: location };
    },
    getInventoryLocations: ({ query }) => {
      const { limit, offset } = page(query, 100);
      const all = [...state.locations.values()];
      return {
        status: 200,
        body: { href: '', limit, offset, total: all.length, locations: all.slice(offset, offset + limit) },
      };
    },
    deleteInventoryLocation: ({ pathParams }) => {
      if (!state.locations.delete(pathParams['merchantLocationKey']!)) {
        return errors(404, inventoryError(25804, 'Input error. The location was not found.'));
      }
      return { status: 204 };
    },
    getFulfillmentPolicies: ({ query }) => policyList('fulfillment', query),
    getPaymentPolicies: ({ query }) => policyList('payment', query),
    getReturnPolicies: ({ query }) => policyList('return', query),
    getItemConditionPolicies: ({ query }) => {
      const filter = query.get('filter');
      const wanted = filter
        ? (/categoryIds:\{([\d|]+)\}/.exec(filter)?.[1]?.split('|') ?? [])
        : [...state.conditionPolicies.keys()];
      return {
        status: 200,
        body: {
          itemConditionPolicies: wanted
            .filter((id) => state.conditionPolicies.has(id))
            .map((categoryId) => ({
              categoryId,
              categoryTreeId: '0',
              itemConditionRequired: true,
              itemConditions: state.conditionPolicies.get(categoryId)!.map((c) => ({
                conditionId: CONDITION_IDS[c],
                conditionDescription: c,
                usage: 'EVERYWHERE',
              })),
            })),
        },
      };
    },
    getOrders: ({ query }) => {
      const { limit, offset } = page(query, 50);
      if (limit > LIMITS.ordersPageSize || limit < 1 || offset < 0) {
        return errors(400, {
          errorId: 30700,
          domain: 'API_FULFILLMENT',
          category: 'REQUEST',
          message: `limit must be between 1 and ${LIMITS.ordersPageSize}`,
        });
      }
      let orders = [...state.orders.values()];
      const ids = query.get('orderIds');
      const rawFilter = query.get('filter');
      if (ids) {
        const wanted = ids.split(',');
        orders = orders.filter((o) => wanted.includes(o.orderId));
      } else if (rawFilter) {
        const { filter } = parseOrderFilter(rawFilter);
        orders = orders.filter((o) => {
          const t = Date.parse(filter.field === 'lastmodifieddate' ? o.lastModifiedDate : o.creationDate);
          if (filter.from !== null && t < filter.from) return false;
          if (filter.to !== null && t > filter.to) return false;
          if (filter.fulfillmentStatuses && !filter.fulfillmentStatuses.includes(o.orderFulfillmentStatus))
            return false;
          return true;
        });
      }
      // Newest first, ties by id, so paging is stable across calls.
      orders.sort(
        (a, b) => b.creationDate.localeCompare(a.creationDate) || a.orderId.localeCompare(b.orderId),
      );
      const pageOf = orders.slice(offset, offset + limit);
      const href = (o: number): string => {
        const q = new URLSearchParams(query);
        q.set('limit', String(limit));
        q.set('offset', String(o));
        return `${env.baseUrl()}/sell/fulfillment/v1/order?${q.toString()}`;
      };
      return {
        status: 200,
        body: {
          href: href(offset),
          limit,
          offset,
          total: orders.length,
          orders: pageOf,
          warnings: [],
          ...(offset + limit < orders.length ? { next: href(offset + limit) } : {}),
          ...(offset > 0 ? { prev: href(Math.max(0, offset - limit)) } : {}),
        },
      };
    },
    getOrder: ({ pathParams }) => {
      const order = state.orders.get(pathParams['orderId']!);
      if (!order)
        return errors(404, {
          errorId: 32100,
          domain: 'API_FULFILLMENT',
          category: 'REQUEST',
          message: 'Invalid order ID',
        });
      return { status: 200, body: order };
    },
    createImageFromFile: ({ raw, contentType }) => {
      const parts = parseMultipart(raw, contentType);
      const image = parts?.find((p) => p.name === 'image');
      if (!image || image.data.length === 0) {
        return errors(400, {
          errorId: 190203,
          domain: 'API_MEDIA',
          category: 'REQUEST',
          message:
            'The supplied image is in a format that is not supported. Send the file as multipart/form-data field "image".',
        });
      }
      const imageId = `IMG${state.nextId().padStart(12, '0')}`;
      const stored = {
        imageId,
        imageUrl: `${MEDIA_IMAGE_HOST}/images/g/${encodeURIComponent(imageId)}/s-l1600.jpg`,
        bytes: image.data.length,
        contentType: image.contentType ?? 'application/octet-stream',
        // EPS images stay for 30 days unless used in a listing.
        expirationDate: new Date(clock.now() + 30 * 86_400_000).toISOString(),
      };
      state.images.set(imageId, stored);
      return {
        status: 201,
        headers: { Location: `${env.baseUrl()}/commerce/media/v1_beta/image/${encodeURIComponent(imageId)}` },
        body: { imageUrl: stored.imageUrl, expirationDate: stored.expirationDate },
      };
    },
    getImage: ({ pathParams }) => {
      const image = state.images.get(pathParams['image_id']!);
      if (!image)
        return errors(404, {
          errorId: 190002,
          domain: 'API_MEDIA',
          category: 'REQUEST',
          message: 'The image ID was not found.',
        });
      return { status: 200, body: { imageUrl: image.imageUrl, expirationDate: image.expirationDate } };
    },
  };
}
