/**
 * `rebound shop …` and `rebound publish --channel shop` against the local WooCommerce test server,
 * on a data folder the CLI opens itself, as a user would.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { addItem, addMerchant, addPhoto, addPrice, addProduct } from '../../tests/integration/seed';
import { tempDir } from '../../tests/integration/temp';
import { expectNoViolations, startWooTestServer, type WooTestServer } from '../../tests/woocommerce/server';
import { Workspace } from '../services/workspace';
import { run } from './index';

interface Outcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function rebound(...args: string[]): Promise<Outcome> {
  let out = '';
  let err = '';
  const code = await run(['node', 'rebound', ...args], {
    out: (text) => (out += text),
    err: (text) => (err += text),
    readStdin: async () => '',
  });
  return { code, out, err };
}

let server: WooTestServer;
let dir: string;

beforeEach(async () => {
  server = await startWooTestServer();
  dir = tempDir();
  const ws = Workspace.open(dir);
  const merchantId = await addMerchant(ws, { name: 'Larkfield Outlet' });
  await addMerchant(ws, { name: 'No Shop Ltd' });
  const productId = await addProduct(ws, {
    merchantId,
    sku: 'P-1',
    title: 'Bike helmet',
    originalCents: 5999,
  });
  const itemId = await addItem(ws, {
    merchantId,
    productId,
    reference: 'RB-000501',
    grade: 'used',
    status: 'approved',
  });
  await addPrice(ws, itemId, { originalCents: 5999, proposedCents: 2450, decision: 'approved' });
  const { hash } = await addPhoto(ws, itemId, { label: 'RB-000501-0', position: 0, isMain: true });
  const file = ws.photoPath(hash, 'listing');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 90, g: 120, b: 160 } } })
    .jpeg()
    .toFile(file);
  await ws.close();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

const common = () => ['--data-dir', dir, '--merchant', 'Larkfield Outlet'];

describe('rebound shop', () => {
  test('configure with secrets from the environment, test → 0; a wrong secret → test exits 1 with the problem', async () => {
    vi.stubEnv('REBOUND_SHOP_CONSUMER_KEY', server.credentials.consumerKey);
    vi.stubEnv('REBOUND_SHOP_CONSUMER_SECRET', server.credentials.consumerSecret);
    vi.stubEnv('REBOUND_SHOP_WP_APP_PASSWORD', server.credentials.wpAppPassword);
    // Another platform's variable in the environment is not this platform's business.
    vi.stubEnv('REBOUND_SHOP_ACCESS_TOKEN', 'shpat_unrelated');
    const configured = await rebound(
      'shop',
      'configure',
      ...common(),
      '--platform',
      'woocommerce',
      '--url',
      server.baseUrl,
      '--wp-user',
      server.credentials.wpUser,
      '--json',
    );
    expect(configured.err).toBe('');
    expect(configured.code).toBe(0);
    expect(configured.out).not.toContain(server.credentials.consumerSecret);
    expect(JSON.parse(configured.out)).toMatchObject({
      merchantName: 'Larkfield Outlet',
      shops: [{ platform: 'woocommerce', settings: { url: server.baseUrl } }],
    });

    const ok = await rebound('shop', 'test', ...common(), '--platform', 'woocommerce');
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toMatch(/✓ WooCommerce: connected/);

    vi.unstubAllEnvs();
    const wrong = await rebound(
      'shop',
      'configure',
      ...common(),
      '--platform',
      'woocommerce',
      '--url',
      server.baseUrl,
      '--consumer-secret',
      'cs_wrong_wrong_wrong',
    );
    expect(wrong.code).toBe(0);
    const bad = await rebound('shop', 'test', ...common(), '--platform', 'woocommerce');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/✗ WooCommerce: the connection does not work yet/);
    expect(bad.out).toMatch(/ {2}- .+\(\w+\)/);
    expect(bad.err).toMatch(/WooCommerce does not work yet/);

    const status = await rebound('shop', 'status', '--data-dir', dir);
    expect(status.code).toBe(0);
    expect(status.out).toContain('Larkfield Outlet');
    expect(status.out).toContain('last test failed');
    expect(status.out).toContain('No Shop Ltd');
    expect(status.out).not.toContain('cs_wrong');
    expectNoViolations(server, { ignore: ['auth'] });
  });

  test('bad usage exits 2: an unknown platform, options of another platform, no credentials at all', async () => {
    expect((await rebound('shop', 'configure', ...common(), '--platform', 'magento')).code).toBe(2);
    const foreign = await rebound(
      'shop',
      'configure',
      ...common(),
      '--platform',
      'woocommerce',
      '--url',
      server.baseUrl,
      '--access-token',
      'shpat_x',
    );
    expect(foreign.code).toBe(2);
    expect(foreign.err).toContain('--access-token');
    const none = await rebound(
      'shop',
      'configure',
      ...common(),
      '--platform',
      'woocommerce',
      '--url',
      server.baseUrl,
    );
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/credentials/);
    // Testing a shop that was never configured says so.
    const missing = await rebound('shop', 'test', ...common(), '--platform', 'vendure');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Vendure is not set up/);
  });

  test('watermark: set, shown in status, and switched off', async () => {
    const set = await rebound(
      'shop',
      'watermark',
      ...common(),
      '--text',
      'Larkfield Outlet',
      '--opacity',
      '0.5',
    );
    expect(set.code).toBe(0);
    expect(set.out).toContain('watermark on shop photos: “Larkfield Outlet”, bottom-right, opacity 0.5');
    expect((await rebound('shop', 'watermark', ...common(), '--opacity', '7')).code).toBe(2);
    // Only what is given changes: the text stays.
    const moved = await rebound('shop', 'watermark', ...common(), '--position', 'top-left');
    expect(moved.out).toContain('watermark on shop photos: “Larkfield Outlet”, top-left, opacity 0.5');
    const off = await rebound('shop', 'watermark', ...common(), '--off');
    expect(off).toMatchObject({ code: 0, out: 'Larkfield Outlet: shop photos carry no watermark.\n' });
  });

  test('publish --channel shop: refused without a shop, live on the configured one', async () => {
    const none = await rebound('publish', 'RB-000501', '--channel', 'shop', '--data-dir', dir);
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/RB-000501\tshop\trefused\tThis merchant has no shop set up/);
    // In French the refusal is French; the status stays the word a script reads.
    const french = await rebound(
      'publish',
      'RB-000501',
      '--channel',
      'shop',
      '--data-dir',
      dir,
      '--lang',
      'fr',
    );
    expect(french.out).toMatch(/RB-000501\tshop\trefused\tCe marchand n’a aucune boutique configurée/);

    const configured = await rebound(
      'shop',
      'configure',
      ...common(),
      '--platform',
      'woocommerce',
      '--url',
      server.baseUrl,
      '--wp-user',
      server.credentials.wpUser,
      '--consumer-key',
      server.credentials.consumerKey,
      '--consumer-secret',
      server.credentials.consumerSecret,
      '--wp-app-password',
      server.credentials.wpAppPassword,
    );
    expect(configured.code).toBe(0);
    const published = await rebound('publish', 'RB-000501', '--channel', 'shop', '--data-dir', dir, '--json');
    expect(published.err).toBe('');
    expect(published.code).toBe(0);
    expect(JSON.parse(published.out)).toEqual([
      expect.objectContaining({ reference: 'RB-000501', channel: 'woocommerce', status: 'live' }),
    ]);
    expect([...server.state.products.values()].map((p) => p.sku)).toEqual(['RB-000501']);
    expect(server.state.media.size).toBe(1);
    expectNoViolations(server);
  });

  test('a French merchant marks the shop photos: the summary, a usage error and the help speak French', async () => {
    const set = await rebound(
      'shop',
      'watermark',
      ...common(),
      '--text',
      'Larkfield Outlet',
      '--opacity',
      '0.5',
      '--lang',
      'fr',
    );
    expect(set.code).toBe(0);
    expect(set.out).toContain('Larkfield Outlet (marchand 1)');
    expect(set.out).toContain(
      'filigrane sur les photos de la boutique\u202f: «\u202fLarkfield Outlet\u202f», en bas à droite, opacité 0,5',
    );
    const off = await rebound('shop', 'watermark', ...common(), '--off', '--lang', 'fr');
    expect(off.out).toBe('Larkfield Outlet\u202f: les photos de la boutique ne portent pas de filigrane.\n');

    const foreign = await rebound(
      'shop',
      'configure',
      ...common(),
      '--platform',
      'woocommerce',
      '--url',
      server.baseUrl,
      '--access-token',
      'shpat_x',
      '--client-id',
      'id',
      '--lang',
      'fr',
    );
    expect(foreign.code).toBe(2);
    expect(foreign.err).toBe('rebound: --access-token, --client-id ne s’appliquent pas à WooCommerce.\n');

    const help = await rebound('shop', 'watermark', '--help', '--lang', 'fr');
    expect(help.out).toContain('marque les photos de la boutique du marchand d’un texte et/ou d’un logo');
    expect(help.out).toMatch(/--no-logo +retirer le logo\n/);
  });

  test('a German administrator connects WooCommerce and reads the status: output and help speak German', async () => {
    const configured = await rebound(
      'shop',
      'configure',
      ...common(),
      '--platform',
      'woocommerce',
      '--url',
      server.baseUrl,
      '--wp-user',
      server.credentials.wpUser,
      '--consumer-key',
      server.credentials.consumerKey,
      '--consumer-secret',
      server.credentials.consumerSecret,
      '--wp-app-password',
      server.credentials.wpAppPassword,
      '--lang',
      'de',
    );
    expect(configured.code).toBe(0);
    expect(configured.out).toContain('Larkfield Outlet (Händler 1)');
    expect(configured.out).toContain('gespeicherte Zugangsdaten: ');
    expect(configured.out).toContain('noch nicht getestet (führen Sie `rebound shop test` aus)');

    const tested = await rebound('shop', 'test', ...common(), '--platform', 'woocommerce', '--lang', 'de');
    expect(tested).toMatchObject({ code: 0, err: '' });
    expect(tested.out).toMatch(/^✓ WooCommerce: verbunden/);

    const status = await rebound('shop', 'status', '--data-dir', dir, '--lang', 'de');
    expect(status.out).toMatch(/Verbindung OK.*, geprüft am /);
    expect(status.out).toContain('No Shop Ltd (Händler 2)\n  kein Shop eingerichtet');

    const help = await rebound('shop', 'configure', '--help', '--lang', 'de');
    expect(help.out).toContain('speichert Adresse und Zugangsdaten des Shops');
    expect(help.out).toContain('WooCommerce: Consumer Key der REST-API');
    expect(help.out).toContain('\nBeispiele:\n');
    expectNoViolations(server);
  });
});
