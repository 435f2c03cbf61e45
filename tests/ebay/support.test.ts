/**
 * The test server's building blocks on their own. These need no contract files, so they always run.
 */
import { describe, expect, test } from 'vitest';
import { locateContracts, toDraft07 } from './openapi.js';
import { checkEbayFacts, parseOrderFilter } from './rules.js';
import { parseMultipart } from './multipart.js';
import { Faults } from './faults.js';
import { TestClock } from './state.js';

describe('OpenAPI 3.0 → draft-07', () => {
  test('nullable becomes a type union, $ref points into the converted document, docs keywords go', () => {
    const out = toDraft07(
      {
        type: 'object',
        description: 'dropped',
        example: { a: 1 },
        xml: { name: 'x' },
        properties: {
          note: { type: 'string', nullable: true, maxLength: 3 },
          price: { description: 'sibling of $ref, ignored', $ref: '#/components/schemas/Amount' },
          tags: { type: 'array', items: { type: 'string', enum: ['A', 'B'], nullable: true } },
        },
      },
      'https://x/spec.json',
    );
    expect(out).toEqual({
      type: 'object',
      properties: {
        note: { type: ['string', 'null'], maxLength: 3 },
        price: { $ref: 'https://x/spec.json#/definitions/Amount' },
        tags: { type: 'array', items: { type: ['string', 'null'], enum: ['A', 'B', null] } },
      },
    });
  });

  test('a $ref outside components/schemas is refused loudly rather than ignored', () => {
    expect(() => toDraft07({ $ref: 'other.json#/X' }, 'id')).toThrow(/Unsupported \$ref/);
  });

  test('the contracts folder can be named by REBOUND_EBAY_OPENAPI_DIR; absence is reported, not hidden', () => {
    const missing = locateContracts({ REBOUND_EBAY_OPENAPI_DIR: '/nonexistent-ebay-contracts' });
    expect(missing.available).toBe(false);
    expect(missing.reason).toMatch(/SKIPPED, not passed/);
  });
});

describe('eBay facts beyond the contract', () => {
  const facts = (
    operationId: string,
    body: unknown,
    contentLanguage: string | null = 'en-US',
    sku = 'SKU-1',
  ) =>
    checkEbayFacts({ operationId, pathParams: { sku }, contentLanguage: contentLanguage ?? undefined, body });

  test('a good inventory item has no problems', () => {
    expect(
      facts('createOrReplaceInventoryItem', {
        condition: 'USED_EXCELLENT',
        locale: 'en_US',
        product: { title: 'Phone', imageUrls: ['https://i.ebayimg.test/a.jpg'] },
      }),
    ).toEqual([]);
  });

  test('each limit is named in the problem', () => {
    expect(facts('createOrReplaceInventoryItem', {}, null)).toEqual([
      expect.stringMatching(/missing Content-Language/),
    ]);
    expect(facts('createOrReplaceInventoryItem', { locale: 'de_DE' })[0]).toMatch(
      /disagrees with Content-Language/,
    );
    expect(facts('createOrReplaceInventoryItem', {}, 'en-US', 'x'.repeat(51))[0]).toMatch(
      /51 characters.*50/,
    );
    expect(facts('createOrReplaceInventoryItem', { product: { title: 't'.repeat(81) } })[0]).toMatch(
      /title.*81/,
    );
    expect(facts('createOrReplaceInventoryItem', { conditionDescription: 'c'.repeat(1001) })[0]).toMatch(
      /1000/,
    );
    expect(facts('createOrReplaceInventoryItem', { condition: 'USED' })[0]).toMatch(/ConditionEnum/);
    const urls = Array.from({ length: 25 }, (_, i) => `https://i.ebayimg.test/${i}.jpg`);
    expect(facts('createOrReplaceInventoryItem', { product: { imageUrls: urls } })[0]).toMatch(/at most 24/);
    expect(
      facts('createOrReplaceInventoryItem', { product: { imageUrls: ['http://x.test/a.jpg'] } })[0],
    ).toMatch(/not an HTTPS URL/);
    const requests = Array.from({ length: 26 }, (_, i) => ({ offerId: String(i) }));
    expect(facts('bulkPublishOffer', { requests })[0]).toMatch(/26 entries.*25/);
  });
});

describe('getOrders filter', () => {
  test('reads eBay ranges and refuses what eBay refuses', () => {
    const open = parseOrderFilter('lastmodifieddate:[2026-01-01T00:00:00.000Z..]');
    expect(open.problems).toEqual([]);
    expect(open.filter).toMatchObject({
      field: 'lastmodifieddate',
      from: Date.parse('2026-01-01T00:00:00.000Z'),
      to: null,
    });
    const both = parseOrderFilter(
      'creationdate:[2026-01-01T00:00:00.000Z..2026-02-01T00:00:00.000Z],orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}',
    );
    expect(both.problems).toEqual([]);
    expect(both.filter.fulfillmentStatuses).toEqual(['NOT_STARTED', 'IN_PROGRESS']);
    expect(parseOrderFilter('lastmodifieddate:[2026-01-01..]').problems[0]).toMatch(/ISO 8601/);
    expect(parseOrderFilter('lastmodified:[2026-01-01T00:00:00Z..]').problems[0]).toMatch(/unknown/);
  });
});

describe('multipart', () => {
  test('finds the image part', () => {
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="image"; filename="a.jpg"\r\n'),
      Buffer.from('Content-Type: image/jpeg\r\n\r\n'),
      Buffer.from([0xff, 0xd8, 0xff, 0x0d, 0x0a]),
      Buffer.from('\r\n--XyZ--\r\n'),
    ]);
    const parts = parseMultipart(body, 'multipart/form-data; boundary=XyZ');
    expect(parts).toHaveLength(1);
    expect(parts?.[0]).toMatchObject({ name: 'image', filename: 'a.jpg', contentType: 'image/jpeg' });
    expect([...parts![0]!.data]).toEqual([0xff, 0xd8, 0xff, 0x0d, 0x0a]);
  });
});

describe('faults and clock', () => {
  test('an injected fault is used up after its count; latency adds up per match', () => {
    const faults = new Faults()
      .inject('rate-limit', { times: 2, path: '/publish' })
      .latency(10)
      .latency(5, { path: '/offer' });
    expect(faults.take('POST', '/sell/inventory/v1/offer')).toBeNull();
    expect(faults.take('POST', '/sell/inventory/v1/offer/1/publish')?.kind).toBe('rate-limit');
    expect(faults.take('POST', '/sell/inventory/v1/offer/1/publish')?.kind).toBe('rate-limit');
    expect(faults.take('POST', '/sell/inventory/v1/offer/1/publish')).toBeNull();
    expect(faults.delayFor('GET', '/sell/inventory/v1/offer')).toBe(15);
  });

  test('the clock moves only when told', () => {
    const clock = new TestClock(() => 1_000);
    clock.advance(7_200_000);
    expect(clock.now()).toBe(7_201_000);
  });
});
