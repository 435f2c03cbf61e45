import { describe, expect, it } from 'vitest';
import { reboundSlug, salesOf } from './adapter';
import { insecureUrlReason, parseVendureSecrets, parseVendureSettings } from './config';

/** The pure parts of the Vendure adapter; vendure.test.ts runs the rest against a real Vendure. */

type Order = Parameters<typeof salesOf>[0];

function order(overrides: Partial<Order> = {}): Order {
  return {
    id: '7',
    code: 'ORD7',
    state: 'PaymentSettled',
    updatedAt: '2026-05-02T10:00:05.000Z',
    orderPlacedAt: '2026-05-02T10:00:00.000Z',
    currencyCode: 'EUR',
    shippingWithTax: 490,
    shippingAddress: { countryCode: 'AT' },
    lines: [
      {
        id: '11',
        quantity: 1,
        orderPlacedQuantity: 1,
        proratedUnitPriceWithTax: 2_500,
        productVariant: { id: '3', sku: 'RB-1', productId: '2' },
      },
    ],
    payments: [],
    ...overrides,
  };
}

describe('reboundSlug', () => {
  it('is the SKU as Vendure would normalise it when nothing but case is lost', () => {
    expect(reboundSlug('RB-000123')).toBe('rb-000123');
    expect(reboundSlug('rb-000123')).toBe('rb-000123');
  });
  it('adds a hash of the exact SKU when normalising loses more', () => {
    const a = reboundSlug('RB_1');
    const b = reboundSlug('RB 1');
    expect(a).toMatch(/^rb-1-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(reboundSlug('###')).toMatch(/^item-[0-9a-f]{8}$/);
  });
});

describe('salesOf', () => {
  it('a paid order is one sale line with shipping and the buyer’s country', () => {
    expect(salesOf(order())).toEqual([
      {
        orderId: 'ORD7',
        lineId: '11',
        sku: 'RB-1',
        remoteListingId: '2',
        priceCents: 2_500,
        shippingCents: 490,
        currency: 'EUR',
        soldAt: '2026-05-02T10:00:00.000Z',
        buyerCountry: 'AT',
        kind: 'sale',
      },
    ]);
  });

  it('an order not yet paid, or never placed, is no sale', () => {
    expect(salesOf(order({ state: 'ArrangingPayment' }))).toEqual([]);
    expect(salesOf(order({ orderPlacedAt: null, state: 'Cancelled' }))).toEqual([]);
  });

  it('a cancelled order is its sale and a cancellation of the same line', () => {
    const lines = salesOf(
      order({
        state: 'Cancelled',
        lines: [{ ...order().lines[0]!, quantity: 0 }],
      }),
    );
    expect(lines.map((l) => [l.kind, l.lineId, l.priceCents, l.soldAt])).toEqual([
      ['sale', '11', 2_500, '2026-05-02T10:00:00.000Z'],
      ['cancellation', '11', 2_500, '2026-05-02T10:00:05.000Z'],
    ]);
  });

  it('a line cancelled in a paid order of several lines: only that line is reversed', () => {
    const second = {
      id: '12',
      quantity: 0,
      orderPlacedQuantity: 1,
      proratedUnitPriceWithTax: 900,
      productVariant: { id: '4', sku: 'RB-2', productId: '5' },
    };
    const lines = salesOf(order({ lines: [order().lines[0]!, second] }));
    expect(lines.map((l) => [l.kind, l.sku, l.shippingCents])).toEqual([
      ['sale', 'RB-1', 490],
      ['sale', 'RB-2', 0],
      ['cancellation', 'RB-2', 0],
    ]);
  });

  it('a settled refund by amount belongs to the only line; pending refunds do not count yet', () => {
    const refund = { id: '1', state: 'Settled', total: 2_000, createdAt: '2026-05-09T08:00:00Z', lines: [] };
    const lines = salesOf(
      order({ payments: [{ refunds: [refund, { ...refund, id: '2', state: 'Pending' }] }] }),
    );
    expect(lines.filter((l) => l.kind === 'refund')).toEqual([
      expect.objectContaining({
        lineId: '11',
        priceCents: 2_000,
        shippingCents: 0,
        soldAt: '2026-05-09T08:00:00.000Z',
      }),
    ]);
  });

  it('a refund by amount on an order of several lines cannot be tied to an item and is left out', () => {
    const refund = { id: '1', state: 'Settled', total: 500, createdAt: '2026-05-09T08:00:00Z', lines: [] };
    const two = [order().lines[0]!, { ...order().lines[0]!, id: '12' }];
    expect(
      salesOf(order({ lines: two, payments: [{ refunds: [refund] }] })).some((l) => l.kind === 'refund'),
    ).toBe(false);
  });
});

describe('settings', () => {
  it('defaults the language and refuses unknown keys', () => {
    expect(parseVendureSettings({ adminApiUrl: 'https://shop.example.com/admin-api' })).toEqual({
      adminApiUrl: 'https://shop.example.com/admin-api',
      languageCode: 'en',
    });
    expect(() =>
      parseVendureSettings({ adminApiUrl: 'https://shop.example.com/admin-api', token: 'x' }),
    ).toThrow(/not configured correctly/);
    expect(() => parseVendureSettings({ adminApiUrl: 'ftp://shop.example.com' })).toThrow(/https/);
    expect(() => parseVendureSettings(JSON.stringify({ adminApiUrl: 'nope' }))).toThrow(/adminApiUrl/);
    expect(() => parseVendureSecrets({ username: 'a' })).toThrow(/username and password/);
  });

  it('sends credentials only over HTTPS, or plain HTTP to this machine', () => {
    expect(insecureUrlReason('https://shop.example.com/admin-api')).toBeNull();
    expect(insecureUrlReason('http://localhost:3000/admin-api')).toBeNull();
    expect(insecureUrlReason('http://127.0.0.1:3000/admin-api')).toBeNull();
    expect(insecureUrlReason('http://[::1]:3000/admin-api')).toBeNull();
    expect(insecureUrlReason('http://shop.example.com/admin-api')).toMatch(/in clear.*https/);
    expect(insecureUrlReason('http://127.0.0.1.example.com/admin-api')).toMatch(/in clear/);
  });
});
