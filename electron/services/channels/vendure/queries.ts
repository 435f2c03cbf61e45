/** The shapes of Vendure's Admin API answers that Rebound reads, and the fields it selects. */

export interface GraphQLError {
  readonly message: string;
  readonly extensions?: { readonly code?: string };
}

export interface ErrorResultShape {
  readonly __typename: string;
  readonly errorCode?: string;
  readonly message?: string;
}

export interface VariantRecord {
  readonly id: string;
  readonly sku: string;
  readonly enabled: boolean;
  readonly price: number;
  readonly currencyCode: string;
  readonly prices: readonly { currencyCode: string; price: number }[];
  readonly stockOnHand: number;
  readonly stockAllocated: number;
}

export interface ProductRecord {
  readonly id: string;
  readonly slug: string;
  readonly enabled: boolean;
  readonly featuredAsset: { id: string } | null;
  readonly assets: readonly { id: string }[];
  readonly variants?: readonly VariantRecord[];
}

export interface Found {
  readonly product: ProductRecord;
  readonly variant: VariantRecord;
}

export interface ChannelRecord {
  readonly id: string;
  readonly code: string;
  readonly token: string;
  readonly defaultCurrencyCode: string;
  readonly availableCurrencyCodes: readonly string[];
}

export interface OrderLineRecord {
  readonly id: string;
  readonly quantity: number;
  readonly orderPlacedQuantity: number;
  readonly proratedUnitPriceWithTax: number;
  readonly productVariant: { id: string; sku: string; productId: string } | null;
}

export interface OrderRecord {
  readonly id: string;
  readonly code: string;
  readonly state: string;
  readonly updatedAt: string;
  readonly orderPlacedAt: string | null;
  readonly currencyCode: string;
  readonly shippingWithTax: number;
  readonly shippingAddress: { countryCode: string | null } | null;
  readonly lines: readonly OrderLineRecord[];
  readonly payments:
    | readonly {
        refunds: readonly {
          id: string;
          state: string;
          total: number;
          createdAt: string;
          lines: readonly { orderLineId: string; quantity: number }[];
        }[];
      }[]
    | null;
}

export const VARIANT_FIELDS = `id sku enabled price currencyCode prices { currencyCode price } stockOnHand stockAllocated`;
export const PRODUCT_FIELDS = `id slug enabled featuredAsset { id } assets { id }`;
