/**
 * The Admin GraphQL operations Shopify is sent (every one is named, and validated by the test
 * server against Shopify's schema) and the shapes of their answers.
 */

/**
 * Page sizes keep one orders query under 600 points (Shopify refuses a single query above 1000
 * and its standard bucket holds 2000): an order rarely has more lines than this, and the rest are
 * paged with ReboundOrderLines. A refund of more than REFUND_LINES_PAGE lines is read only in part.
 */
export const ORDERS_PAGE = 10;
export const LINES_PAGE = 5;
export const REFUND_LINES_PAGE = 5;
export const MEDIA_PAGE = 25;

export const PRODUCT_FIELDS = /* GraphQL */ `
  fragment ReboundProduct on Product {
    id
    handle
    status
    onlineStoreUrl
    variants(first: 5) {
      nodes {
        id
        sku
        price
        compareAtPrice
        inventoryQuantity
        inventoryItem {
          id
        }
      }
    }
    media(first: ${MEDIA_PAGE}) {
      nodes {
        id
        alt
        status
        ... on MediaImage {
          originalSource {
            fileSize
          }
        }
      }
    }
  }
`;

export const PRODUCT_BY_HANDLE = /* GraphQL */ `
  query ReboundProductByHandle($handle: String!) {
    shop {
      currencyCode
    }
    productByIdentifier(identifier: { handle: $handle }) {
      ...ReboundProduct
    }
  }
  ${PRODUCT_FIELDS}
`;

export const PRODUCTS_BY_SKU = /* GraphQL */ `
  query ReboundProductsBySku($query: String!) {
    shop {
      currencyCode
    }
    products(first: 5, query: $query) {
      nodes {
        ...ReboundProduct
      }
    }
  }
  ${PRODUCT_FIELDS}
`;

export const PRODUCT_BY_ID = /* GraphQL */ `
  query ReboundProductById($id: ID!) {
    shop {
      currencyCode
    }
    product(id: $id) {
      ...ReboundProduct
    }
  }
  ${PRODUCT_FIELDS}
`;

export const PRIMARY_LOCATION = /* GraphQL */ `
  query ReboundPrimaryLocation {
    location {
      id
    }
  }
`;

export const STAGED_UPLOADS = /* GraphQL */ `
  mutation ReboundStagedUploads($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets {
        url
        resourceUrl
        parameters {
          name
          value
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const PRODUCT_SET = /* GraphQL */ `
  mutation ReboundProductSet($identifier: ProductSetIdentifiers!, $input: ProductSetInput!) {
    productSet(identifier: $identifier, input: $input, synchronous: true) {
      product {
        ...ReboundProduct
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${PRODUCT_FIELDS}
`;

export const VARIANT_PRICE = /* GraphQL */ `
  mutation ReboundVariantPrice($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants) {
      product {
        ...ReboundProduct
      }
      userErrors {
        field
        message
        code
      }
    }
  }
  ${PRODUCT_FIELDS}
`;

export const STOCK = /* GraphQL */ `
  query ReboundStock($id: ID!, $locationId: ID!) {
    product(id: $id) {
      id
      status
      variants(first: 5) {
        nodes {
          id
          sku
          inventoryItem {
            id
            inventoryLevel(locationId: $locationId) {
              quantities(names: ["available"]) {
                name
                quantity
              }
            }
          }
        }
      }
    }
  }
`;

export const SET_QUANTITIES = /* GraphQL */ `
  mutation ReboundSetQuantities($input: InventorySetQuantitiesInput!) {
    inventorySetQuantities(input: $input) {
      inventoryAdjustmentGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const PRODUCT_STATUS = /* GraphQL */ `
  mutation ReboundProductStatus($product: ProductUpdateInput!) {
    productUpdate(product: $product) {
      product {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const LINE_FIELDS = /* GraphQL */ `
  fragment ReboundLine on LineItem {
    id
    sku
    quantity
    product {
      id
    }
    discountedUnitPriceAfterAllDiscountsSet {
      shopMoney {
        amount
        currencyCode
      }
    }
  }
`;

export const ORDERS = /* GraphQL */ `
  query ReboundOrders($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        createdAt
        updatedAt
        cancelledAt
        currencyCode
        shippingAddress {
          countryCodeV2
        }
        totalShippingPriceSet {
          shopMoney {
            amount
          }
        }
        lineItems(first: ${LINES_PAGE}) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ReboundLine
          }
        }
        refunds {
          id
          createdAt
          refundLineItems(first: ${REFUND_LINES_PAGE}) {
            nodes {
              quantity
              lineItem {
                id
              }
              subtotalSet {
                shopMoney {
                  amount
                }
              }
            }
          }
        }
      }
    }
  }
  ${LINE_FIELDS}
`;

export const MORE_LINES = /* GraphQL */ `
  query ReboundOrderLines($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: 50, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ReboundLine
        }
      }
    }
  }
  ${LINE_FIELDS}
`;

export const CONNECTION = /* GraphQL */ `
  query ReboundConnection {
    shop {
      name
      currencyCode
    }
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// Answer shapes (only what the operations above select)
// ---------------------------------------------------------------------------------------------

export interface ProductNode {
  id: string;
  handle: string;
  status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT' | 'UNLISTED';
  onlineStoreUrl: string | null;
  variants: {
    nodes: {
      id: string;
      sku: string | null;
      price: string;
      compareAtPrice: string | null;
      inventoryQuantity: number | null;
      inventoryItem: { id: string };
    }[];
  };
  media: {
    nodes: {
      id: string;
      alt: string | null;
      status: string;
      originalSource?: { fileSize: number | null } | null;
    }[];
  };
}

export interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

export interface Money {
  shopMoney: { amount: string; currencyCode?: string };
}

export interface LineNode {
  id: string;
  sku: string | null;
  quantity: number;
  product: { id: string } | null;
  discountedUnitPriceAfterAllDiscountsSet: Money;
}

export interface OrderNode {
  id: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  currencyCode: string;
  shippingAddress: { countryCodeV2: string | null } | null;
  totalShippingPriceSet: Money;
  lineItems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: LineNode[] };
  refunds: {
    id: string;
    createdAt: string | null;
    refundLineItems: { nodes: { quantity: number; lineItem: { id: string }; subtotalSet: Money }[] };
  }[];
}
