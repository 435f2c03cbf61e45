/** How Rebound's values are written for WooCommerce: money as decimal strings, dates as GMT. */

import { ChannelError } from '../channel';

/** Integer cents → WooCommerce's decimal string (`"12.99"`), never through floating point. */
export function wooAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    // A bug upstream, not a passing fault: retrying the same amount cannot help.
    throw new ChannelError('user', 'bad_amount', `Not an amount in cents: ${cents}.`);
  }
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** WooCommerce's `"12.99"` (or `"12.9"`, `"12"`, a number) → 1299 cents, exactly; 0 if empty. */
export function centsOf(value: unknown): number {
  const text = typeof value === 'number' ? value.toFixed(2) : String(value ?? '').trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text);
  if (!match) return 0;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/**
 * The resale price as WooCommerce's sale price under the original as regular price, so the shop
 * shows the original struck through. A "resale" at or above the original has nothing to strike:
 * it becomes the regular price alone.
 */
export function wooPrices(
  priceCents: number,
  originalCents: number,
): { regular_price: string; sale_price: string } {
  if (originalCents > priceCents) {
    return { regular_price: wooAmount(originalCents), sale_price: wooAmount(priceCents) };
  }
  return { regular_price: wooAmount(priceCents), sale_price: '' };
}

/** WooCommerce's zone-less GMT date (`2026-04-01T09:00:00`) → ISO 8601 UTC. */
export function isoOfGmt(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(/[Zz]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** ISO → WooCommerce's query format, read as UTC with `dates_are_gmt=true`. */
export function gmtParam(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
