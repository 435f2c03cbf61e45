import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startWooTestServer, type WooTestServer } from '../woocommerce/server';
import { expect, test as base } from './fixtures';
import { SettingsScreen, Shell, StartScreen } from './pages';

/**
 * Settings → your own shop in browser mode, against the local WooCommerce test server: the admin
 * sets WooCommerce up with a wrong secret, the connection test says what is wrong, the right
 * secret fixes it, and a watermark is chosen with its preview on one of the merchant's photos.
 *
 * REBOUND_E2E_RENDERER_DIR serves the page from another build of the renderer (the API still
 * comes from `rebound serve`): a way to look at a change without rebuilding the shared out/.
 */

const SHOTS = process.env.REBOUND_E2E_SHOTS ?? '/tmp/shots-shops';
const RENDERER_DIR = process.env.REBOUND_E2E_RENDERER_DIR;

const test = base.extend<{ woo: WooTestServer }>({
  // eslint-disable-next-line no-empty-pattern
  woo: async ({}, use) => {
    const server = await startWooTestServer({ siteName: 'Larkfield Outlet Shop' });
    await use(server);
    await server.close();
  },
});

test.use({ seed: 'demo' });
// Creating the demo workspace alone can take half a minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

/** The page to open: the served app, or with another renderer build, that build's files. */
async function entry(page: Page, app: { url: string; origin: string }): Promise<string> {
  if (!RENDERER_DIR) return app.url;
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/photos/')) return route.continue();
    const file = path.join(RENDERER_DIR, decodeURIComponent(url.pathname));
    const found = file.startsWith(RENDERER_DIR) && fs.existsSync(file) && fs.statSync(file).isFile();
    return route.fulfill({ path: found ? file : path.join(RENDERER_DIR, 'index.html') });
  });
  return `${app.origin}/`;
}

async function openShopSettings(
  page: Page,
  app: { url: string; origin: string },
  profile: string,
): Promise<Locator> {
  await page.goto(await entry(page, app));
  await new StartScreen(page).pickProfile(profile);
  await new Shell(page).goTo('settings');
  const section = page.getByTestId('shops-settings');
  await section.scrollIntoViewIfNeeded();
  return section;
}

/** The panel as it stands, whole (a tall window), with no tooltip or toast over it. */
async function shot(section: Locator, name: string, width = 1440): Promise<void> {
  const page = section.page();
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width, height: 2200 });
  await page.mouse.move(width - 10, 2190);
  await page.locator('.mantine-Notifications-root').evaluateAll((roots) => {
    for (const root of roots) root.style.visibility = 'hidden';
  });
  await section.screenshot({ path: `${SHOTS}/${name}.png`, animations: 'disabled' });
  await page.locator('.mantine-Notifications-root').evaluateAll((roots) => {
    for (const root of roots) root.style.visibility = '';
  });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('the admin connects WooCommerce, reads what is wrong, fixes it, and sets a watermark', async ({
  app,
  page,
  woo,
}) => {
  const section = await openShopSettings(page, app, 'Nadia Okafor');
  const card = section.getByTestId('shop-card-woocommerce');
  await expect(card).toHaveAttribute('data-state', 'notConfigured');
  await expect(section.getByTestId('shop-card-shopify')).toHaveAttribute('data-state', 'notConfigured');
  await shot(section, 'en-1-not-configured');

  // Shopify takes a token or the app's client credentials: with neither, the form says so.
  const shopify = section.getByTestId('shop-card-shopify');
  await shopify.getByTestId('shop-setup-shopify').click();
  await shopify.getByTestId('shop-field-shopDomain').fill('larkfield.myshopify.com');
  await shopify.getByTestId('shop-field-clientId').fill('client-id-only');
  await shopify.getByTestId('shop-save-shopify').click();
  await expect(shopify.getByTestId('shop-no-way-in')).toContainText('client ID and client secret');
  await expect(shopify).toHaveAttribute('data-state', 'notConfigured');

  await card.getByTestId('shop-setup-woocommerce').click();
  // Saving with nothing filled in names what is required, and sends nothing.
  await card.getByTestId('shop-save-woocommerce').click();
  await expect(card.getByText('Required').first()).toBeVisible();
  await card.getByTestId('shop-field-url').fill(woo.baseUrl);
  await card.getByTestId('shop-field-consumerKey').fill(woo.credentials.consumerKey);
  await card.getByTestId('shop-field-consumerSecret').fill('cs_this_is_not_the_secret');
  await card.getByTestId('shop-field-wpUser').fill(woo.credentials.wpUser);
  await card.getByTestId('shop-field-wpAppPassword').fill(woo.credentials.wpAppPassword);
  await shot(section, 'en-2-form');
  await card.getByTestId('shop-save-woocommerce').click();
  await expect(card).toHaveAttribute('data-state', 'untested');
  await expect(card.getByTestId('shop-address-woocommerce')).toHaveText(woo.baseUrl);

  await card.getByTestId('shop-test-woocommerce').click();
  await expect(card).toHaveAttribute('data-state', 'problem');
  await expect(card.getByTestId('shop-test-problems')).toBeVisible();
  await shot(section, 'en-3-test-failed');

  // The right secret; the other credentials stay as stored (left empty).
  await card.getByRole('button', { name: 'Change' }).click();
  await expect(card.getByTestId('shop-field-consumerKey')).toHaveValue('');
  await card.getByTestId('shop-field-consumerSecret').fill(woo.credentials.consumerSecret);
  await card.getByTestId('shop-save-woocommerce').click();
  await expect(card).toHaveAttribute('data-state', 'untested');
  await card.getByTestId('shop-test-woocommerce').click();
  await expect(card).toHaveAttribute('data-state', 'ok');
  await expect(card.getByTestId('shop-test-ok')).toContainText('Larkfield Outlet Shop');

  const watermark = section.getByTestId('shop-watermark');
  await expect(watermark.getByTestId('watermark-none')).toBeVisible();
  await watermark.getByTestId('watermark-text').fill('Larkfield Outlet');
  await expect(watermark.getByTestId('watermark-preview')).toContainText('Larkfield Outlet');
  // The preview is one of the merchant's own photos (the demo has some), loaded.
  await expect(watermark.getByTestId('watermark-preview').locator('img')).toHaveJSProperty('complete', true);
  expect(
    await watermark
      .getByTestId('watermark-preview')
      .locator('img')
      .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
  ).toBeGreaterThan(0);
  await watermark.getByTestId('watermark-save').click();
  await expect(watermark.getByTestId('watermark-none')).toHaveCount(0);
  await shot(section, 'en-4-connected-watermark');

  // The same panel in French and German, and at a narrow width.
  await new SettingsScreen(page).chooseLanguage('Français');
  await expect(section.getByTestId('shop-card-woocommerce')).toContainText('Connectée');
  await shot(section, 'fr-connected');
  await new SettingsScreen(page).chooseLanguage('Deutsch');
  await expect(section.getByTestId('shop-card-woocommerce')).toContainText('Verbunden');
  await shot(section, 'de-connected', 900);
  await new SettingsScreen(page).chooseLanguage('English');

  // What the CLI sees: the same account, no secret in its answer.
  const status = app.cli('shop', 'status', '--json');
  expect(status.status).toBe(0);
  expect(status.stdout).toContain('"platform": "woocommerce"');
  expect(status.stdout).not.toContain(woo.credentials.consumerSecret);
});
