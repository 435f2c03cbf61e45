import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AccountCodes, DEFAULT_ACCOUNTS, imbalance, journalLines, type JournalSale } from './journal';

const sale: JournalSale = {
  saleId: 7,
  kind: 'sale',
  date: '2026-10-05',
  reference: 'RB-1',
  orderId: 'PM-1',
  channel: 'practice',
  currency: 'EUR',
  priceCents: 12000,
  shippingCents: 600,
  feesCents: 1200,
  vatRateBp: 2000,
  vatScheme: 'standard',
  purchaseCents: null,
};

describe('journal lines', () => {
  test('a sale: receivable, revenue, shipping, VAT, fees — balanced', () => {
    const lines = journalLines(sale, DEFAULT_ACCOUNTS);
    expect(lines.map((l) => [l.account, l.debitCents, l.creditCents, l.vatCents])).toEqual([
      ['1210', 12600, 0, 0],
      ['4000', 0, 10000, 2000],
      ['4010', 0, 500, 100],
      ['2200', 0, 2100, 0],
      ['6100', 1200, 0, 0],
      ['1210', 0, 1200, 0],
    ]);
    expect(imbalance(lines)).toBe(0);
    expect(new Set(lines.map((l) => l.reference))).toEqual(new Set(['S7']));
  });

  test('a refund mirrors the sale, so both together net to zero on every account', () => {
    const refund = journalLines({ ...sale, saleId: 8, kind: 'refund', priceCents: -12000 }, DEFAULT_ACCOUNTS);
    const both = [...journalLines(sale, DEFAULT_ACCOUNTS), ...refund];
    const perAccount = new Map<string, number>();
    for (const l of both)
      perAccount.set(l.account, (perAccount.get(l.account) ?? 0) + l.debitCents - l.creditCents);
    expect([...perAccount.values()].every((v) => v === 0)).toBe(true);
  });

  test('uses the configured account codes', () => {
    const accounts = AccountCodes.parse({ ...DEFAULT_ACCOUNTS, revenue: '706000', vatPayable: '445710' });
    const codes = journalLines(sale, accounts).map((l) => l.account);
    expect(codes).toContain('706000');
    expect(codes).toContain('445710');
    expect(AccountCodes.safeParse({ ...DEFAULT_ACCOUNTS, revenue: '=1+1' }).success).toBe(false);
  });

  test('every generated sale balances to the cent, with non-negative sides', () => {
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom('sale' as const, 'cancellation' as const, 'refund' as const),
          priceCents: fc.integer({ min: -10_000_000, max: 10_000_000 }),
          shippingCents: fc.integer({ min: 0, max: 100_000 }),
          feesCents: fc.integer({ min: 0, max: 1_000_000 }),
          vatRateBp: fc.integer({ min: 0, max: 2700 }),
          vatScheme: fc.constantFrom('standard' as const, 'margin' as const),
          purchaseCents: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
        }),
        (generated) => {
          const lines = journalLines({ ...sale, ...generated }, DEFAULT_ACCOUNTS);
          expect(imbalance(lines)).toBe(0);
          for (const l of lines) {
            expect(l.debitCents).toBeGreaterThanOrEqual(0);
            expect(l.creditCents).toBeGreaterThanOrEqual(0);
            expect(Number.isSafeInteger(l.debitCents + l.creditCents)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
