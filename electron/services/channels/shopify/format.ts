/** How Rebound's values are written for Shopify: money as decimal strings, SKUs as product handles. */

/** Integer cents → Shopify's Money string (`"12.50"`), never through floating point. */
export function shopifyMoney(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`Not an amount in cents: ${cents}`);
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Shopify's `"12.5"` / `"12.50"` / `"12"` → 1250 cents, exactly; more decimals round half up. */
export function centsOf(amount: string | null | undefined): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec((amount ?? '0').trim());
  if (!match) return 0;
  const fraction = (match[3] ?? '').padEnd(3, '0');
  const cents = Number(match[2]) * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
  return match[1] === '-' ? -cents : cents;
}

/**
 * The product handle for a SKU: what Shopify itself would make of it (lowercase letters, digits,
 * dashes), so looking it up finds what productSet created. Two SKUs differing only in case or
 * punctuation share a handle; the variant's SKU is checked to tell them apart.
 */
export function handleFor(sku: string): string {
  const slug = sku
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? `item-${Buffer.from(sku).toString('hex').slice(0, 40)}` : slug;
}

export function searchValue(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
