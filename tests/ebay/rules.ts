/**
 * Facts eBay enforces that its OpenAPI contracts do not show as enums or limits (see SOURCES.md beside
 * the contracts). The contracts type `condition` as a plain string and `requests` as an unbounded
 * array; eBay refuses a wrong condition, a 26th bulk entry or an 81-character title all the same, so
 * the test server must refuse them too or a client that eBay would reject could pass its tests.
 */

import { parseMultipart } from './multipart.js';

/** Item condition enums and their numeric IDs (the Metadata API speaks IDs, Inventory speaks enums). */
export const CONDITION_IDS = {
  NEW: '1000',
  LIKE_NEW: '2750',
  NEW_OTHER: '1500',
  NEW_WITH_DEFECTS: '1750',
  CERTIFIED_REFURBISHED: '2000',
  EXCELLENT_REFURBISHED: '2010',
  VERY_GOOD_REFURBISHED: '2020',
  GOOD_REFURBISHED: '2030',
  SELLER_REFURBISHED: '2500',
  USED_EXCELLENT: '3000',
  USED_VERY_GOOD: '4000',
  USED_GOOD: '5000',
  USED_ACCEPTABLE: '6000',
  FOR_PARTS_OR_NOT_WORKING: '7000',
} as const;
export type ConditionEnum = keyof typeof CONDITION_IDS;

export function isConditionEnum(value: unknown): value is ConditionEnum {
  return typeof value === 'string' && Object.hasOwn(CONDITION_IDS, value);
}

export const LIMITS = {
  bulkEntries: 25,
  sku: 50,
  title: 80,
  conditionDescription: 1000,
  imageUrls: 24,
  ordersPageSize: 200,
  mediaUploadsPerWindow: 50,
  mediaWindowMs: 5_000,
} as const;

/** Operations that need `Content-Language` (and whose `locale`, if any, must agree with it). */
export const CONTENT_LANGUAGE_OPERATIONS = new Set([
  'createOrReplaceInventoryItem',
  'bulkCreateOrReplaceInventoryItem',
  'createOffer',
  'updateOffer',
  'bulkCreateOffer',
]);

const BULK_OPERATIONS = new Set([
  'bulkCreateOrReplaceInventoryItem',
  'bulkCreateOffer',
  'bulkPublishOffer',
  'bulkGetInventoryItem',
]);

/** The offer formats eBay knows (FormatTypeEnum). */
const FORMATS = new Set(['FIXED_PRICE', 'AUCTION']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `en-US` (header) ↔ `en_US` (body `locale`). */
export function localeForContentLanguage(contentLanguage: string): string {
  return contentLanguage.replace('-', '_');
}

function checkSku(sku: unknown, where: string, problems: string[]): void {
  if (typeof sku !== 'string' || sku.length === 0) {
    problems.push(`${where} is required`);
  } else if (sku.length > LIMITS.sku) {
    problems.push(`${where} is ${sku.length} characters; eBay allows at most ${LIMITS.sku}`);
  }
}

function checkInventoryItem(item: unknown, where: string, problems: string[]): void {
  if (!isRecord(item)) return; // the schema check reports the type
  const condition = item['condition'];
  if (condition !== undefined && !isConditionEnum(condition)) {
    problems.push(`${where}.condition "${String(condition)}" is not an eBay ConditionEnum value`);
  }
  const conditionDescription = item['conditionDescription'];
  if (typeof conditionDescription === 'string' && conditionDescription.length > LIMITS.conditionDescription) {
    problems.push(
      `${where}.conditionDescription is ${conditionDescription.length} characters; eBay allows at most ${LIMITS.conditionDescription}`,
    );
  }
  const product = item['product'];
  if (!isRecord(product)) return;
  const title = product['title'];
  if (typeof title === 'string' && title.length > LIMITS.title) {
    problems.push(
      `${where}.product.title is ${title.length} characters; eBay allows at most ${LIMITS.title}`,
    );
  }
  const imageUrls = product['imageUrls'];
  if (Array.isArray(imageUrls)) {
    if (imageUrls.length > LIMITS.imageUrls) {
      problems.push(
        `${where}.product.imageUrls has ${imageUrls.length} URLs; eBay allows at most ${LIMITS.imageUrls}`,
      );
    }
    imageUrls.forEach((url, i) => {
      if (typeof url !== 'string' || !/^https:\/\/[^\s/]+\/\S*$/.test(url)) {
        problems.push(`${where}.product.imageUrls[${i}] "${String(url)}" is not an HTTPS URL`);
      }
    });
  }
}

function checkOffer(offer: unknown, where: string, problems: string[]): void {
  if (!isRecord(offer)) return;
  checkSku(offer['sku'], `${where}.sku`, problems);
  const format = offer['format'];
  if (format !== undefined && !FORMATS.has(String(format))) {
    problems.push(`${where}.format "${String(format)}" is not FIXED_PRICE or AUCTION`);
  }
  if (offer['marketplaceId'] === undefined) problems.push(`${where}.marketplaceId is required`);
  if (format === undefined) problems.push(`${where}.format is required`);
}

export interface FactsInput {
  readonly operationId: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query?: URLSearchParams;
  readonly contentLanguage: string | undefined;
  readonly contentType?: string;
  readonly body: unknown;
  /** The raw body, for the multipart Media upload. */
  readonly raw?: Buffer;
}

/** The facts from SOURCES.md, per operation. Returns human-readable problems. */
export function checkEbayFacts({
  operationId,
  pathParams,
  query = new URLSearchParams(),
  contentLanguage,
  contentType = '',
  body,
  raw,
}: FactsInput): string[] {
  const problems: string[] = [];

  if (CONTENT_LANGUAGE_OPERATIONS.has(operationId)) {
    if (!contentLanguage) {
      problems.push('missing Content-Language header (eBay requires it, e.g. "en-US")');
    } else if (!/^[a-z]{2}-[A-Z]{2}$/.test(contentLanguage)) {
      problems.push(`Content-Language "${contentLanguage}" is not a language-COUNTRY tag like "en-US"`);
    }
  }
  const expectedLocale = contentLanguage ? localeForContentLanguage(contentLanguage) : undefined;
  const checkLocale = (locale: unknown, where: string): void => {
    if (locale === undefined) return;
    if (typeof locale !== 'string' || !/^[a-z]{2}_[A-Z]{2}$/.test(locale)) {
      problems.push(`${where} "${String(locale)}" is not a locale like "en_US" (underscore)`);
    } else if (expectedLocale && locale !== expectedLocale) {
      problems.push(`${where} "${locale}" disagrees with Content-Language "${contentLanguage ?? ''}"`);
    }
  };

  if (BULK_OPERATIONS.has(operationId) && isRecord(body)) {
    const requests = body['requests'];
    if (!Array.isArray(requests) || requests.length === 0) {
      problems.push('body.requests must hold at least one entry');
    } else if (requests.length > LIMITS.bulkEntries) {
      problems.push(
        `body.requests has ${requests.length} entries; eBay's bulk calls take at most ${LIMITS.bulkEntries}`,
      );
    }
  }

  switch (operationId) {
    case 'createOrReplaceInventoryItem':
      checkSku(pathParams['sku'], 'path sku', problems);
      checkInventoryItem(body, 'body', problems);
      if (isRecord(body)) checkLocale(body['locale'], 'body.locale');
      break;
    case 'getInventoryItem':
    case 'deleteInventoryItem':
      checkSku(pathParams['sku'], 'path sku', problems);
      break;
    case 'bulkCreateOrReplaceInventoryItem':
      if (isRecord(body) && Array.isArray(body['requests'])) {
        body['requests'].forEach((entry, i) => {
          const where = `body.requests[${i}]`;
          if (!isRecord(entry)) return;
          checkSku(entry['sku'], `${where}.sku`, problems);
          checkInventoryItem(entry, where, problems);
          checkLocale(entry['locale'], `${where}.locale`);
        });
      }
      break;
    case 'createOffer':
    case 'updateOffer':
      if (operationId === 'createOffer') checkOffer(body, 'body', problems);
      else if (isRecord(body) && body['format'] !== undefined && !FORMATS.has(String(body['format']))) {
        problems.push(`body.format "${String(body['format'])}" is not FIXED_PRICE or AUCTION`);
      }
      break;
    case 'bulkCreateOffer':
      if (isRecord(body) && Array.isArray(body['requests'])) {
        body['requests'].forEach((entry, i) => checkOffer(entry, `body.requests[${i}]`, problems));
      }
      break;
    case 'getOffers':
      // The contract marks `sku` optional; eBay's reference marks it required for getOffers.
      if (!query.get('sku')) problems.push('query parameter sku is required by getOffers');
      break;
    case 'getOrders': {
      const limit = query.get('limit');
      if (limit !== null && (Number(limit) > LIMITS.ordersPageSize || Number(limit) < 1)) {
        problems.push(`limit ${limit} is outside 1..${LIMITS.ordersPageSize}`);
      }
      const filter = query.get('filter');
      if (filter) problems.push(...parseOrderFilter(filter).problems);
      if (filter && query.get('orderIds')) problems.push('orderIds and filter cannot be combined');
      break;
    }
    case 'createImageFromFile': {
      // The contract only says "Content-Type required"; eBay wants multipart/form-data, file in `image`.
      if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
        problems.push(`createImageFromFile must be multipart/form-data, got "${contentType}"`);
        break;
      }
      const image = raw ? parseMultipart(raw, contentType)?.find((p) => p.name === 'image') : undefined;
      if (!image || image.data.length === 0) {
        problems.push('createImageFromFile needs a non-empty file in the form field "image"');
      }
      break;
    }
    default:
      break;
  }
  return problems;
}

const EBAY_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export interface OrderFilter {
  readonly field: 'lastmodifieddate' | 'creationdate';
  readonly from: number | null;
  readonly to: number | null;
  readonly fulfillmentStatuses: readonly string[] | null;
}

/**
 * eBay's getOrders filter: `lastmodifieddate:[2024-01-01T00:00:00.000Z..]`, `creationdate:[a..b]`,
 * `orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}`, comma-separated. Returns problems for anything eBay
 * would refuse (bad dates, both date fields at once, unknown filters).
 */
export function parseOrderFilter(filter: string): { filter: OrderFilter; problems: string[] } {
  const problems: string[] = [];
  let field: OrderFilter['field'] = 'lastmodifieddate';
  let from: number | null = null;
  let to: number | null = null;
  let fulfillmentStatuses: string[] | null = null;
  let dateFields = 0;
  for (const clause of filter.split(/,(?![^[{]*[\]}])/)) {
    const m = /^\s*([a-z]+):(.*)$/.exec(clause);
    if (!m) {
      problems.push(`filter clause "${clause}" is not name:value`);
      continue;
    }
    const [, name, value] = m as unknown as [string, string, string];
    if (name === 'lastmodifieddate' || name === 'creationdate') {
      dateFields += 1;
      field = name;
      const range = /^\[([^\]]*?)\.\.([^\]]*)\]$/.exec(value);
      if (!range) {
        problems.push(`filter ${name} must look like [from..] or [from..to], got "${value}"`);
        continue;
      }
      const [, a, b] = range as unknown as [string, string, string];
      if (!EBAY_DATE.test(a)) problems.push(`filter ${name} start "${a}" is not an ISO 8601 UTC time`);
      else from = Date.parse(a);
      if (b !== '') {
        if (!EBAY_DATE.test(b)) problems.push(`filter ${name} end "${b}" is not an ISO 8601 UTC time`);
        else to = Date.parse(b);
      }
    } else if (name === 'orderfulfillmentstatus') {
      const set = /^\{([A-Z_|]+)\}$/.exec(value);
      if (!set) problems.push(`filter orderfulfillmentstatus must look like {NOT_STARTED|IN_PROGRESS}`);
      else fulfillmentStatuses = set[1]!.split('|');
    } else {
      problems.push(`unknown getOrders filter "${name}"`);
    }
  }
  if (dateFields > 1) problems.push('creationdate and lastmodifieddate cannot be combined in one filter');
  return { filter: { field, from, to, fulfillmentStatuses }, problems };
}
