import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ItemDetail } from '../../shared/contract';
import { startEbayTestServer, type EbayTestServer } from '../ebay/server';
import { expect, screenshotPath, test as base, type ServedApp } from './fixtures';

/**
 * What the publishing specs share: the demo merchant's eBay account on the local eBay test
 * server, the CLI run beside the served app, and the Listings screen.
 */

export const ADMIN = 'Nadia Okafor';
export const MERCHANT = 'Larkfield Home & Tech';
/** The demo merchant prices in euros, so its eBay marketplace must sell in euros too. */
export const MARKETPLACE = 'EBAY_DE';

/** The served app, with the eBay test server (`ebay`) its eBay calls go to. */
export const ebayTest = base.extend<{ ebay: EbayTestServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  ebay: async ({}, use) => {
    const server = await demoEbayServer();
    await use(server);
    await server.close();
  },
  // The served app's eBay calls go to the test server (its settings say so too).
  serveEnv: async ({ ebay }, use) => use({ REBOUND_EBAY_BASE_URL: ebay.baseUrl }),
});

/** The eBay test server, seeded as the demo merchant's eBay Germany seller account. */
export async function demoEbayServer(): Promise<EbayTestServer> {
  const server = await startEbayTestServer();
  // The default seed is an EBAY_US seller; this one sells on eBay Germany.
  server.state.setPolicies(MARKETPLACE, {
    fulfillment: [{ id: '6000001', name: 'Standardversand' }],
    payment: [{ id: '6000002', name: 'Zahlungsabwicklung' }],
    return: [{ id: '6000003', name: '30 Tage Rückgabe' }],
  });
  // Returned goods come in every used state: this seller's category takes them all.
  server.state.setConditionPolicy('9355', [
    'NEW',
    'NEW_OTHER',
    'SELLER_REFURBISHED',
    'USED_EXCELLENT',
    'USED_VERY_GOOD',
    'USED_GOOD',
    'USED_ACCEPTABLE',
    'FOR_PARTS_OR_NOT_WORKING',
  ]);
  return server;
}

export function cliJson<T>(app: ServedApp, ...args: string[]): T {
  const result = app.cli(...args, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

export function item(app: ServedApp, reference: string): ItemDetail {
  return cliJson<ItemDetail>(app, 'items', 'show', reference);
}

/**
 * The CLI, without blocking this process: the eBay test server answers from this same event loop,
 * so `app.cli` (spawnSync) would leave the CLI's eBay calls waiting until they time out.
 */
export async function cliAsync(
  app: ServedApp,
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'rebound.mjs'), ...args, ...app.workspaceArgs],
    {
      cwd: root,
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  return { status, stdout, stderr };
}

/** eBay configured and connected for the demo merchant through the CLI: the Settings panel is another test's. */
export async function connectEbay(app: ServedApp, server: EbayTestServer): Promise<void> {
  const merchant = ['--merchant', MERCHANT];
  const configured = await cliAsync(
    app,
    'ebay',
    'configure',
    ...merchant,
    '--app-id',
    server.app.appId,
    '--cert-id',
    server.app.certId,
    '--ru-name',
    server.app.ruName,
    '--marketplace',
    MARKETPLACE,
    '--base-url',
    server.baseUrl,
    '--fulfillment-policy',
    '6000001',
    '--payment-policy',
    '6000002',
    '--return-policy',
    '6000003',
    '--location',
    'warehouse-1',
    '--category',
    '9355',
  );
  expect(configured.status, configured.stderr).toBe(0);
  const code = server.state.auth.issueAuthorizationCode();
  const connected = await cliAsync(app, 'ebay', 'connect', ...merchant, '--code', code, '--json');
  expect(connected.status, connected.stderr).toBe(0);
  expect(JSON.parse(connected.stdout)).toMatchObject({ connected: true, readyToPublish: true });
}

export class ListingsScreen {
  constructor(private readonly page: Page) {}

  row(reference: string): Locator {
    return this.page.getByTestId('listings-table').locator(`tbody tr[data-reference="${reference}"]`);
  }

  state(reference: string, channel: string): Locator {
    return this.row(reference).locator(`[data-testid="channel-state"][data-channel="${channel}"]`);
  }

  get publishSelected(): Locator {
    return this.page.getByTestId('publish-selected');
  }

  get modal(): Locator {
    return this.page.getByRole('dialog');
  }

  get summary(): Locator {
    return this.page.getByTestId('publish-summary');
  }
}

export async function settle(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as { document: { images: ArrayLike<{ complete: boolean }> } };
    return Array.from(document.images).every((img) => img.complete);
  });
}

export async function setLanguage(page: Page, language: 'en' | 'fr' | 'de'): Promise<void> {
  const status = await page.evaluate(
    async (patch) =>
      (
        await fetch('/api/call/settings.update', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(patch),
        })
      ).status,
    { language },
  );
  expect(status).toBe(200);
}

export async function shoot(page: Page, file: string, target?: Locator): Promise<void> {
  await settle(page);
  await page.mouse.move(0, 899);
  if (target) await target.screenshot({ path: screenshotPath(file), animations: 'disabled' });
  else await page.screenshot({ path: screenshotPath(file), animations: 'disabled' });
}
