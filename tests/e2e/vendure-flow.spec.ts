import type { Page } from '@playwright/test';
import { locateContracts } from '../ebay/openapi';
import { expectNoViolations } from '../ebay/server';
import {
  COMPARE_AT_FIELD,
  gql,
  startVendureServer,
  SUPERADMIN,
  type VendureTestServer,
} from '../vendure/server';
import { placeOrder } from '../vendure/shop';
import {
  ADMIN,
  cliAsync,
  cliJson,
  connectEbay,
  ebayTest,
  item,
  ListingsScreen,
  MERCHANT,
  shoot,
} from './channels';
import { expect } from './fixtures';
import { Shell, StartScreen } from './pages';

/**
 * Issue 9, done when: in the browser mode, an approved item is published to the merchant's own
 * shop — a real Vendure server started from npm — to eBay (the local eBay test server) and to the
 * practice marketplace at once, bought through Vendure's own checkout, and shown as sold with its
 * eBay and practice listings ended.
 */

const contracts = locateContracts();
const title = (name: string): string =>
  contracts.available ? name : `${name} — SKIPPED: ${contracts.reason}`;

const test = ebayTest.extend<{ vendure: VendureTestServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  vendure: async ({}, use) => {
    const server = await startVendureServer();
    await use(server);
    await server.close();
  },
});

test.use({ seed: 'demo', locale: 'en-GB', reducedMotion: 'reduce' });
test.describe.configure({ timeout: 240_000 });

/** The merchant's Vendure shop, configured and tested through the CLI, as an admin would. */
async function connectVendure(app: Parameters<typeof cliJson>[0], vendure: VendureTestServer): Promise<void> {
  const configured = await cliAsync(
    app,
    'shop',
    'configure',
    '--merchant',
    MERCHANT,
    '--platform',
    'vendure',
    '--admin-api-url',
    vendure.adminApiUrl,
    '--username',
    SUPERADMIN.username,
    '--password',
    SUPERADMIN.password,
    '--compare-at-field',
    COMPARE_AT_FIELD,
  );
  expect(configured.status, configured.stderr).toBe(0);
  const tested = await cliAsync(app, 'shop', 'test', '--merchant', MERCHANT, '--platform', 'vendure');
  expect(tested.status, tested.stdout + tested.stderr).toBe(0);
}

async function vendureVariant(vendure: VendureTestServer, sku: string) {
  const answer = await gql<{
    productVariants: {
      items: { id: string; sku: string; stockOnHand: number; product: { enabled: boolean } }[];
    };
  }>(
    vendure.adminApiUrl,
    vendure.adminToken,
    `query TestVariantBySku($sku: String!) {
      productVariants(options: { filter: { sku: { eq: $sku } } }) {
        items { id sku stockOnHand product { enabled } }
      }
    }`,
    { sku },
  );
  return answer.productVariants.items;
}

async function approveByCli(app: Parameters<typeof cliJson>[0], reference: string): Promise<void> {
  const result = app.cli('approve', reference, '--as', ADMIN);
  expect(result.status, result.stderr).toBe(0);
}

async function openListings(page: Page, url: string): Promise<ListingsScreen> {
  await page.goto(url);
  await new StartScreen(page).pickProfile(ADMIN);
  await new Shell(page).goTo('listings');
  return new ListingsScreen(page);
}

test.describe(title('publishing to the merchant’s own shop and eBay at once'), () => {
  test.skip(!contracts.available, contracts.reason);

  test('approved → Vendure and eBay live → bought on Vendure → sold, eBay listing ended', async ({
    app,
    page,
    ebay,
    vendure,
  }) => {
    await connectEbay(app, ebay);
    await connectVendure(app, vendure);
    const waiting = cliJson<{ rows: { reference: string; grade: string }[] }>(
      app,
      'items',
      'list',
      '--status',
      'awaiting_approval',
      '--limit',
      '100',
    ).rows;
    const reference = waiting.find((row) => row.grade === 'used')!.reference;
    await approveByCli(app, reference);

    const listings = await openListings(page, app.url);
    await listings.row(reference).getByTestId('row-select').check();
    await listings.publishSelected.click();
    // The merchant's connected shop is offered beside eBay and the practice marketplace.
    const vendureChoice = listings.modal.getByTestId('publish-channel-vendure');
    await expect(vendureChoice).toBeVisible();
    await expect(listings.modal.getByTestId('publish-channel-ebay')).toHaveAttribute('data-checked', 'true');
    await vendureChoice.click();
    await expect(vendureChoice).toHaveAttribute('data-checked', 'true');
    await listings.modal.getByTestId('publish-channel-practice').click();
    await shoot(page, 'publish-modal-vendure-en.png', listings.modal);
    await listings.modal.getByTestId('publish-submit').click();
    await expect(listings.summary).toContainText('3 listings queued');

    await expect(listings.state(reference, 'vendure')).toHaveAttribute('data-listing-status', 'live', {
      timeout: 90_000,
    });
    await expect(listings.state(reference, 'ebay')).toHaveAttribute('data-listing-status', 'live', {
      timeout: 90_000,
    });
    await expect(listings.state(reference, 'practice')).toHaveAttribute('data-listing-status', 'live', {
      timeout: 90_000,
    });
    // On Vendure: the product with its photos, the price Rebound set, one in stock.
    const [variant] = await vendureVariant(vendure, reference);
    expect(variant).toMatchObject({ sku: reference, stockOnHand: 1, product: { enabled: true } });
    const approved = item(app, reference);
    const offer = [...ebay.state.offers.values()].find((o) => o.sku === reference);
    expect(offer?.status).toBe('PUBLISHED');
    await shoot(page, 'listings-vendure-ebay-live-en.png');

    // A buyer checks out on the merchant's shop, through Vendure's own order flow.
    const order = await placeOrder(vendure, variant!.id);
    expect(order.state).toBe('PaymentSettled');

    // Rebound fetches the shop's sales (on its schedule; here at once) and ends eBay at once.
    await page.getByTestId('check-sales').click();
    await expect(listings.state(reference, 'vendure')).toHaveAttribute('data-listing-status', /ended|sold/, {
      timeout: 90_000,
    });
    await expect(listings.state(reference, 'ebay')).toHaveAttribute('data-listing-status', 'ended', {
      timeout: 90_000,
    });
    await expect(listings.state(reference, 'practice')).toHaveAttribute('data-listing-status', 'ended');
    expect(ebay.state.listings.get(offer!.listingId!)?.status).toBe('ENDED');
    const sold = item(app, reference);
    expect(sold.status).toBe('sold');
    expect(sold.id).toBe(approved.id);
    // The item page tells the same story, channel by channel.
    await page.goto(`${app.origin}/#/items/${sold.id}`);
    const panel = page.getByTestId('channels-panel');
    const row = (channel: string) => panel.locator(`[data-testid="channel-row"][data-channel="${channel}"]`);
    await expect(row('ebay')).toHaveAttribute('data-listing-status', 'ended');
    await expect(row('vendure')).toHaveAttribute('data-listing-status', 'ended');
    await expect(row('vendure')).toContainText('Sold');
    await expect(row('practice')).toHaveAttribute('data-listing-status', 'ended');
    await shoot(page, 'item-sold-on-vendure-en.png', panel);
    expectNoViolations(ebay);
  });
});
