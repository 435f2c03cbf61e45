/**
 * The test server's memory of one eBay seller account: tokens, inventory items, offers, listings,
 * images, business policies, locations, condition policies and orders. Tests seed and inspect it
 * directly (`server.state`), so a scenario such as "the seller has no return policy" or "a buyer
 * cancelled yesterday" is one line.
 */
import { randomBytes } from 'node:crypto';
import type { ConditionEnum } from './rules.js';

/** A clock the test controls: token expiry, the Media rate window and order dates all read it. */
export class TestClock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = Date.now) {}
  now(): number {
    return this.base() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  iso(): string {
    return new Date(this.now()).toISOString();
  }
}

export const API_SCOPE = 'https://api.ebay.com/oauth/api_scope';
export const SCOPES = {
  api: API_SCOPE,
  inventory: `${API_SCOPE}/sell.inventory`,
  account: `${API_SCOPE}/sell.account`,
  fulfillment: `${API_SCOPE}/sell.fulfillment`,
} as const;
export const DEFAULT_SCOPES: readonly string[] = [
  SCOPES.api,
  SCOPES.inventory,
  SCOPES.account,
  SCOPES.fulfillment,
];

const token = (prefix: string): string => `${prefix}${randomBytes(18).toString('base64url')}`;

// ---------------------------------------------------------------------------------------------
// OAuth
// ---------------------------------------------------------------------------------------------

export interface AccessToken {
  readonly token: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
  readonly user: string;
}
interface RefreshToken {
  readonly token: string;
  readonly scopes: readonly string[];
  readonly expiresAt: number;
  readonly user: string;
  revoked: boolean;
}

export type AccessCheck =
  | { readonly ok: true; readonly token: AccessToken }
  | { readonly ok: false; readonly reason: 'missing' | 'unknown' | 'expired' | 'scope' };

export class AuthState {
  accessTokenSeconds: number;
  /** eBay's user refresh tokens last about 18 months. */
  refreshTokenSeconds = 47_304_000;
  private readonly codes = new Map<string, { scopes: readonly string[]; user: string }>();
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();

  constructor(
    private readonly clock: TestClock,
    readonly app: { readonly appId: string; readonly certId: string; readonly ruName: string },
    accessTokenSeconds: number,
  ) {
    this.accessTokenSeconds = accessTokenSeconds;
  }

  /** Simulates the seller consenting in eBay's browser page: returns the `code` eBay would redirect with. */
  issueAuthorizationCode(scopes: readonly string[] = DEFAULT_SCOPES, user = 'test-seller'): string {
    const code = token('v^1.1#i^1#code#');
    this.codes.set(code, { scopes: [...scopes], user });
    return code;
  }

  /** A ready user token for tests that do not exercise OAuth itself. */
  issueUserToken(scopes: readonly string[] = DEFAULT_SCOPES, user = 'test-seller'): AccessToken {
    return this.mintAccess(scopes, user);
  }

  /** One-time use, like eBay's codes. */
  redeemCode(code: string): { scopes: readonly string[]; user: string } | null {
    const grant = this.codes.get(code);
    if (!grant) return null;
    this.codes.delete(code);
    return grant;
  }

  mintAccess(scopes: readonly string[], user: string): AccessToken {
    const access: AccessToken = {
      token: token('v^1.1#i^1#access#'),
      scopes: [...scopes],
      expiresAt: this.clock.now() + this.accessTokenSeconds * 1000,
      user,
    };
    this.access.set(access.token, access);
    return access;
  }

  mintRefresh(scopes: readonly string[], user: string): RefreshToken {
    const refresh: RefreshToken = {
      token: token('v^1.1#i^1#refresh#'),
      scopes: [...scopes],
      expiresAt: this.clock.now() + this.refreshTokenSeconds * 1000,
      user,
      revoked: false,
    };
    this.refresh.set(refresh.token, refresh);
    return refresh;
  }

  findRefresh(value: string): RefreshToken | null {
    const found = this.refresh.get(value);
    if (!found || found.revoked || found.expiresAt <= this.clock.now()) return null;
    return found;
  }

  /** The seller removed the app's access (or eBay did): the refresh token now fails with invalid_grant. */
  revokeRefreshToken(value: string): void {
    const found = this.refresh.get(value);
    if (found) found.revoked = true;
  }

  /** `Authorization: Bearer …` with a live token holding one of the operation's scopes. */
  check(authorization: string | undefined, anyOfScopes: readonly string[]): AccessCheck {
    const match = /^Bearer\s+(\S+)$/.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'missing' };
    const found = this.access.get(match[1]!);
    if (!found) return { ok: false, reason: 'unknown' };
    if (found.expiresAt <= this.clock.now()) return { ok: false, reason: 'expired' };
    if (anyOfScopes.length > 0 && !anyOfScopes.some((s) => found.scopes.includes(s))) {
      return { ok: false, reason: 'scope' };
    }
    return { ok: true, token: found };
  }
}

// ---------------------------------------------------------------------------------------------
// Selling state
// ---------------------------------------------------------------------------------------------

export type OfferStatus = 'UNPUBLISHED' | 'PUBLISHED';
export interface StoredOffer {
  offerId: string;
  sku: string;
  marketplaceId: string;
  format: string;
  status: OfferStatus;
  listingId?: string;
  /** The body as the client sent it (createOffer / updateOffer). */
  details: Record<string, unknown>;
}

export interface StoredInventoryItem {
  sku: string;
  locale: string;
  item: Record<string, unknown>;
}

export interface Policy {
  readonly id: string;
  readonly name: string;
}
export type PolicyKind = 'fulfillment' | 'payment' | 'return';

export interface NewOrderLine {
  readonly sku: string;
  readonly legacyItemId: string;
  readonly quantity?: number;
  /** Decimal string in the order currency, as eBay sends amounts ("19.99"). */
  readonly total: string;
  readonly title?: string;
}
export interface NewOrder {
  readonly lineItems: readonly NewOrderLine[];
  readonly buyerCountry?: string;
  readonly buyerUsername?: string;
  readonly currency?: string;
  readonly orderId?: string;
  /** Defaults to the clock's now. */
  readonly creationDate?: string;
}

/** An order as getOrders returns it (a subset of eBay's `Order`, validated against the contract in tests). */
export interface StoredOrder {
  orderId: string;
  creationDate: string;
  lastModifiedDate: string;
  orderFulfillmentStatus: 'NOT_STARTED' | 'IN_PROGRESS' | 'FULFILLED';
  orderPaymentStatus: 'PAID' | 'FULLY_REFUNDED';
  cancelStatus: { cancelState: 'NONE_REQUESTED' | 'CANCELED'; cancelRequests: unknown[] };
  buyer: { username: string; buyerRegistrationAddress: { contactAddress: { countryCode: string } } };
  pricingSummary: { total: { value: string; currency: string } };
  fulfillmentStartInstructions: { shippingStep: { shipTo: { contactAddress: { countryCode: string } } } }[];
  lineItems: {
    lineItemId: string;
    legacyItemId: string;
    sku: string;
    title: string;
    quantity: number;
    total: { value: string; currency: string };
    lineItemFulfillmentStatus: 'NOT_STARTED' | 'FULFILLED';
  }[];
  salesRecordReference: string;
}

export interface StoredImage {
  readonly imageId: string;
  readonly imageUrl: string;
  readonly bytes: number;
  readonly contentType: string;
  readonly expirationDate: string;
}

export class EbayState {
  readonly inventory = new Map<string, StoredInventoryItem>();
  readonly offers = new Map<string, StoredOffer>();
  /** listingId → offerId, for listings published at some point (withdrawn ones keep their record). */
  readonly listings = new Map<string, { offerId: string; status: 'ACTIVE' | 'ENDED' }>();
  readonly images = new Map<string, StoredImage>();
  /** marketplaceId → kind → policies. */
  readonly policies = new Map<string, Record<PolicyKind, Policy[]>>();
  readonly locations = new Map<string, Record<string, unknown>>();
  /** categoryId → allowed condition enums (Metadata API). A category absent here allows any condition. */
  readonly conditionPolicies = new Map<string, ConditionEnum[]>();
  readonly orders = new Map<string, StoredOrder>();
  /** Upload times per user for the Media API's 50-per-5-seconds rule. */
  readonly mediaUploads = new Map<string, number[]>();
  private seq = 1;

  constructor(
    readonly clock: TestClock,
    readonly auth: AuthState,
  ) {}

  nextId(): string {
    return String(this.seq++);
  }

  // --- seeding --------------------------------------------------------------------------------

  /** Replaces one marketplace's policies; `setPolicies('EBAY_US', {return: []})` simulates a missing one. */
  setPolicies(marketplaceId: string, policies: Partial<Record<PolicyKind, Policy[]>>): void {
    const current = this.policies.get(marketplaceId) ?? { fulfillment: [], payment: [], return: [] };
    this.policies.set(marketplaceId, { ...current, ...policies });
  }

  policiesOf(marketplaceId: string, kind: PolicyKind): Policy[] {
    return this.policies.get(marketplaceId)?.[kind] ?? [];
  }

  setConditionPolicy(categoryId: string, allowed: ConditionEnum[]): void {
    this.conditionPolicies.set(categoryId, allowed);
  }

  addLocation(key: string, location: Record<string, unknown> = {}): void {
    this.locations.set(key, {
      merchantLocationKey: key,
      merchantLocationStatus: 'ENABLED',
      locationTypes: ['WAREHOUSE'],
      location: { address: { postalCode: '10001', country: 'US' } },
      ...location,
    });
  }

  /** A seller ready to list on EBAY_US: one policy of each kind, a warehouse, two categories' conditions. */
  seedDefaults(): void {
    this.setPolicies('EBAY_US', {
      fulfillment: [{ id: '6000001', name: 'Standard shipping' }],
      payment: [{ id: '6000002', name: 'Managed payments' }],
      return: [{ id: '6000003', name: '30 days' }],
    });
    this.addLocation('warehouse-1');
    // 9355: Cell Phones & Smartphones; 171485: Tablets & eBook Readers.
    this.setConditionPolicy('9355', [
      'NEW',
      'NEW_OTHER',
      'SELLER_REFURBISHED',
      'USED_EXCELLENT',
      'USED_GOOD',
      'FOR_PARTS_OR_NOT_WORKING',
    ]);
    this.setConditionPolicy('171485', ['NEW', 'NEW_OTHER', 'USED_EXCELLENT', 'FOR_PARTS_OR_NOT_WORKING']);
  }

  // --- orders ---------------------------------------------------------------------------------

  addOrder(input: NewOrder): StoredOrder {
    const now = input.creationDate ?? this.clock.iso();
    const currency = input.currency ?? 'USD';
    const country = input.buyerCountry ?? 'US';
    const orderId = input.orderId ?? `${String(10 + this.seq)}-${String(10_000 + this.seq)}-${this.nextId()}`;
    const cents = input.lineItems.reduce((sum, l) => sum + Math.round(Number(l.total) * 100), 0);
    const order: StoredOrder = {
      orderId,
      creationDate: now,
      lastModifiedDate: now,
      orderFulfillmentStatus: 'NOT_STARTED',
      orderPaymentStatus: 'PAID',
      cancelStatus: { cancelState: 'NONE_REQUESTED', cancelRequests: [] },
      buyer: {
        username: input.buyerUsername ?? 'test-buyer',
        buyerRegistrationAddress: { contactAddress: { countryCode: country } },
      },
      pricingSummary: { total: { value: (cents / 100).toFixed(2), currency } },
      fulfillmentStartInstructions: [
        { shippingStep: { shipTo: { contactAddress: { countryCode: country } } } },
      ],
      lineItems: input.lineItems.map((l) => ({
        lineItemId: String(10_000_000_000 + Number(this.nextId())),
        legacyItemId: l.legacyItemId,
        sku: l.sku,
        title: l.title ?? l.sku,
        quantity: l.quantity ?? 1,
        total: { value: l.total, currency },
        lineItemFulfillmentStatus: 'NOT_STARTED',
      })),
      salesRecordReference: this.nextId(),
    };
    this.orders.set(orderId, order);
    return order;
  }

  /** A later modification: the order stays, its state and lastModifiedDate change. */
  cancelOrder(orderId: string): StoredOrder {
    const order = this.requireOrder(orderId);
    order.cancelStatus = { cancelState: 'CANCELED', cancelRequests: [] };
    order.orderPaymentStatus = 'FULLY_REFUNDED';
    order.lastModifiedDate = this.clock.iso();
    return order;
  }

  shipOrder(orderId: string): StoredOrder {
    const order = this.requireOrder(orderId);
    order.orderFulfillmentStatus = 'FULFILLED';
    for (const line of order.lineItems) line.lineItemFulfillmentStatus = 'FULFILLED';
    order.lastModifiedDate = this.clock.iso();
    return order;
  }

  private requireOrder(orderId: string): StoredOrder {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`No order ${orderId}`);
    return order;
  }
}
