/**
 * The shapes eBay answers in: `{errors:[{errorId, domain, category, message, …}]}` for the REST APIs,
 * RFC 6749's `{error, error_description}` for the OAuth token endpoint. Kept in one place so every
 * refusal the test server makes looks like the real one.
 */

export interface EbayError {
  errorId: number;
  domain: string;
  category: 'REQUEST' | 'APPLICATION' | 'BUSINESS';
  message: string;
  longMessage?: string;
  parameters?: { name: string; value: string }[];
}

export const DOMAINS: Record<string, string> = {
  'sell_inventory_v1_oas3.json': 'API_INVENTORY',
  'sell_account_v1_oas3.json': 'API_ACCOUNT',
  'sell_metadata_v1_oas3.json': 'API_METADATA',
  'sell_fulfillment_v1_oas3.json': 'API_FULFILLMENT',
  'commerce_media_v1_beta_oas3.json': 'API_MEDIA',
  'commerce_taxonomy_v1_oas3.json': 'API_TAXONOMY',
};

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const errors = (status: number, ...list: EbayError[]): Reply => ({ status, body: { errors: list } });

export const INVALID_TOKEN: EbayError = {
  errorId: 1001,
  domain: 'OAuth',
  category: 'REQUEST',
  message: 'Invalid access token',
  longMessage: 'Invalid access token. Check the value of the Authorization HTTP request header.',
};
export const MISSING_TOKEN: EbayError = {
  errorId: 1002,
  domain: 'OAuth',
  category: 'REQUEST',
  message: 'Missing access token',
  longMessage: 'Access token is missing in the Authorization HTTP request header.',
};
export const ACCESS_DENIED: EbayError = {
  errorId: 1100,
  domain: 'ACCESS',
  category: 'REQUEST',
  message: 'Access denied',
  longMessage: 'Insufficient permissions to fulfill the request.',
};
export const TOO_MANY_REQUESTS: EbayError = {
  errorId: 2001,
  domain: 'ACCESS',
  category: 'REQUEST',
  message: 'Too many requests. The request limit has been reached for the resource.',
};

export const inventoryError = (
  errorId: number,
  message: string,
  parameters?: Record<string, string>,
): EbayError => ({
  errorId,
  domain: 'API_INVENTORY',
  category: 'REQUEST',
  message,
  ...(parameters ? { parameters: Object.entries(parameters).map(([name, value]) => ({ name, value })) } : {}),
});

/** eBay's OAuth endpoint answers in RFC 6749's shape, not `{errors:[…]}`. */
export const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, error_description: description },
});

export function systemError(domain: string, errorId: 25001 | 25025): EbayError {
  return errorId === 25001
    ? {
        errorId,
        domain,
        category: 'APPLICATION',
        message: 'A system error has occurred. Please try again later.',
      }
    : {
        errorId,
        domain,
        category: 'APPLICATION',
        message: 'Concurrent access of Inventory or InventoryItemGroup. Please try again later',
      };
}
