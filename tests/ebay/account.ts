/**
 * A merchant's eBay account set up against the local eBay test server, for the tests and the
 * benchmark that need one: the app's keys from the server, its URL as the base, and the seller's
 * consent through the one-time code the server issues.
 */
import type { EbayMarketplace } from '../../shared/contract/ebay';
import type { Clock } from '../../electron/services/jobs/clock';
import { configureEbay, connectEbay } from '../../electron/services/channels/ebay/service';
import type { Workspace } from '../../electron/services/workspace';
import type { EbayTestServer } from './server';

/** The seller's choices that exist in the server's default seed (EBAY_US): all publishing needs. */
export const SEEDED_CHOICES = {
  fulfillmentPolicyId: '6000001',
  paymentPolicyId: '6000002',
  returnPolicyId: '6000003',
  merchantLocationKey: 'warehouse-1',
  categoryId: '9355',
} as const;

export interface TestAccountOptions {
  readonly marketplace?: EbayMarketplace;
  /** The policies, location and category to store; default SEEDED_CHOICES, {} for none. */
  readonly choices?: Partial<Record<keyof typeof SEEDED_CHOICES, string>>;
}

export async function configureTestAccount(
  ws: Workspace,
  clock: Clock,
  server: EbayTestServer,
  merchantId: number,
  options: TestAccountOptions = {},
): Promise<void> {
  await configureEbay(ws, clock, {
    merchantId,
    ...server.app,
    marketplace: options.marketplace ?? 'EBAY_US',
    baseUrl: server.baseUrl,
    ...(options.choices ?? SEEDED_CHOICES),
  });
}

/**
 * The seller agrees: by default the whole address they land on, as pasted from the browser bar
 * (the code is read from it); `{ asCode: true }` passes the bare code, as `--code` does.
 */
export async function connectTestAccount(
  ws: Workspace,
  clock: Clock,
  server: EbayTestServer,
  merchantId: number,
  options: { readonly asCode?: boolean } = {},
): Promise<void> {
  const code = server.state.auth.issueAuthorizationCode();
  if (options.asCode) {
    await connectEbay(ws, clock, { merchantId, code });
    return;
  }
  const landedUrl = `https://auth.ebay.com/oauth2/ThirdPartyAuthSucessFailure?isAuthSuccessful=true&code=${encodeURIComponent(code)}&expires_in=299`;
  await connectEbay(ws, clock, { merchantId, landedUrl });
}

export async function connectedTestAccount(
  ws: Workspace,
  clock: Clock,
  server: EbayTestServer,
  merchantId: number,
  options: TestAccountOptions = {},
): Promise<void> {
  await configureTestAccount(ws, clock, server, merchantId, options);
  await connectTestAccount(ws, clock, server, merchantId);
}
