import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { locateContracts } from '../../tests/ebay/openapi';
import { expectNoViolations, startEbayTestServer, type EbayTestServer } from '../../tests/ebay/server';
import { addMerchant } from '../../tests/integration/seed';
import { tempDir } from '../../tests/integration/temp';
import { Workspace } from '../services/workspace';
import { rebound } from '../../tests/support/cli';

const contracts = locateContracts();
if (!contracts.available) console.warn(contracts.reason);
const title = (name: string): string =>
  contracts.available ? name : `${name} — SKIPPED: ${contracts.reason}`;

let server: EbayTestServer;
beforeEach(async () => {
  if (contracts.available) server = await startEbayTestServer();
});
afterEach(async () => {
  if (contracts.available) await server.close();
});

describe.skipIf(!contracts.available)(title('rebound ebay'), () => {
  test('configure, connect with a code, status --json; the cert id never reaches the database in clear', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Velo Shop US', currency: 'USD' });
    await ws.close();
    const common = ['--data-dir', dir, '--merchant', 'Velo Shop US'];

    const before = await rebound('ebay', 'status', ...common, '--json');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toMatchObject({ configured: false, connected: false });

    const configured = await rebound(
      'ebay',
      'configure',
      ...common,
      '--app-id',
      server.app.appId,
      '--cert-id',
      server.app.certId,
      '--ru-name',
      server.app.ruName,
      '--marketplace',
      'EBAY_US',
      '--base-url',
      server.baseUrl,
    );
    expect(configured.err).toBe('');
    expect(configured.out).toContain('not connected yet');

    const url = await rebound('ebay', 'connect-url', ...common);
    expect(url.out).toContain('https://auth.ebay.com/oauth2/authorize?client_id=');
    expect(decodeURIComponent(url.out)).toContain('https://api.ebay.com/oauth/api_scope/sell.fulfillment');

    const code = server.state.auth.issueAuthorizationCode();
    const connected = await rebound('ebay', 'connect', ...common, '--code', code);
    expect(connected.err).toBe('');
    expect(connected.code).toBe(0);

    const after = await rebound('ebay', 'status', ...common, '--json');
    expect(JSON.parse(after.out)).toMatchObject({
      configured: true,
      connected: true,
      marketplace: 'EBAY_US',
    });

    // A code works once: eBay's refusal comes back as a plain explanation, exit 1.
    const reused = await rebound('ebay', 'connect', ...common, '--code', code);
    expect(reused.code).toBe(1);
    expect(reused.err).toMatch(/eBay refused the code/);

    expect((fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toString(8)).toBe('600');
    for (const name of fs.readdirSync(dir).filter((f) => f.startsWith('rebound.sqlite'))) {
      expect(fs.readFileSync(path.join(dir, name)).includes(Buffer.from(server.app.certId))).toBe(false);
    }
    expectNoViolations(server);
  });

  test('check --json: exit 0 when ready, 1 when a blocking item fails; location and choose', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Velo Shop US', currency: 'USD' });
    await ws.kysely
      .updateTable('merchants')
      .set({ address: '350 Fifth Avenue, New York, NY 10118, USA' })
      .execute();
    await ws.close();
    const common = ['--data-dir', dir, '--merchant', 'Velo Shop US'];
    const configured = await rebound(
      'ebay',
      'configure',
      ...common,
      '--app-id',
      server.app.appId,
      '--cert-id',
      server.app.certId,
      '--ru-name',
      server.app.ruName,
      '--marketplace',
      'EBAY_US',
      '--base-url',
      server.baseUrl,
      '--fulfillment-policy',
      '6000001',
      '--payment-policy',
      '6000002',
      '--return-policy',
      '6000003',
      '--category',
      '9355',
    );
    expect(configured.code).toBe(0);

    // Not connected yet: not ready, exit 1, every missing piece named.
    const early = await rebound('ebay', 'check', ...common, '--json');
    expect(early.code).toBe(1);
    const earlyCheck = JSON.parse(early.out) as { ready: boolean; items: { key: string; ok: boolean }[] };
    expect(earlyCheck.ready).toBe(false);
    expect(earlyCheck.items[0]).toMatchObject({ key: 'connection', ok: false });
    expect(early.err).toMatch(/not ready to publish/);

    const code = server.state.auth.issueAuthorizationCode();
    expect((await rebound('ebay', 'connect', ...common, '--code', code)).code).toBe(0);

    // Connected, but no location chosen: the human output marks it ✗ with the fix.
    const human = await rebound('ebay', 'check', ...common);
    expect(human.code).toBe(1);
    expect(human.out).toContain('✓ connection: Connected to eBay EBAY_US.');
    expect(human.out).toMatch(
      /✗ location: No location chosen; the seller has one: warehouse-1\.\n {4}→ Use warehouse-1/,
    );
    expect(human.out).toMatch(/! conditions: /);

    const created = await rebound('ebay', 'location', ...common, '--json');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({ ready: true });

    const chosen = await rebound('ebay', 'choose', ...common, '--location', 'warehouse-1', '--json');
    expect(chosen.code).toBe(0);

    const ready = await rebound('ebay', 'check', ...common, '--json');
    expect(ready.code).toBe(0);
    expect(ready.err).toBe('');
    const parsed = JSON.parse(ready.out) as { ready: boolean; items: { key: string; ok: boolean }[] };
    expect(parsed.ready).toBe(true);
    expect(parsed.items.find((i) => i.key === 'location')).toMatchObject({ ok: true });

    // A bad category id is bad usage (exit 2), before anything is asked of eBay.
    const bad = await rebound('ebay', 'choose', ...common, '--category', 'phones');
    expect(bad.code).toBe(2);
    expectNoViolations(server);
  });

  test('a French administrator configures eBay: the status and the help speak French', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Velo Shop US', currency: 'USD' });
    await ws.close();
    const common = ['--data-dir', dir, '--merchant', 'Velo Shop US', '--lang', 'fr'];

    const before = await rebound('ebay', 'status', ...common);
    expect(before).toMatchObject({
      code: 0,
      out: 'eBay\u202f: non configuré (lancez `rebound ebay configure`).\n',
    });

    const configured = await rebound(
      'ebay',
      'configure',
      ...common,
      '--app-id',
      server.app.appId,
      '--cert-id',
      server.app.certId,
      '--ru-name',
      server.app.ruName,
      '--marketplace',
      'EBAY_US',
      '--base-url',
      server.baseUrl,
    );
    expect(configured.err).toBe('');
    expect(configured.out).toContain('eBay EBAY_US\u202f: pas encore connecté\n');
    expect(configured.out).toContain(`  les appels vont à ${server.baseUrl}\n`);
    expect(configured.out).toContain(
      '  pas prêt à publier\u202f: lancez `rebound ebay check` pour voir ce qui manque',
    );

    const help = await rebound('ebay', 'configure', '--help', '--lang', 'fr');
    expect(help.out).toContain('enregistre les clés de l’application eBay');
    expect(help.out).toContain('ID de la règle d’expédition');
    expectNoViolations(server);
  });

  test('a German administrator runs the pre-flight: the check, its refusal and the help speak German', async () => {
    const dir = tempDir();
    const ws = Workspace.open(dir);
    await addMerchant(ws, { name: 'Velo Shop US', currency: 'USD' });
    await ws.close();
    const common = ['--data-dir', dir, '--merchant', 'Velo Shop US', '--lang', 'de'];
    const configured = await rebound(
      'ebay',
      'configure',
      ...common,
      '--app-id',
      server.app.appId,
      '--cert-id',
      server.app.certId,
      '--ru-name',
      server.app.ruName,
      '--marketplace',
      'EBAY_US',
      '--base-url',
      server.baseUrl,
    );
    expect(configured.code).toBe(0);
    const code = server.state.auth.issueAuthorizationCode();
    const connected = await rebound('ebay', 'connect', ...common, '--code', code);
    expect(connected.out).toContain('eBay EBAY_US: verbunden\n');

    const check = await rebound('ebay', 'check', ...common);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(
      /^eBay-Prüfung vor dem Veröffentlichen für Händler 1 auf EBAY_US: nicht bereit zum Veröffentlichen\n/,
    );
    expect(check.out).toMatch(/^✓ Verbindung: /m);
    // The services' findings and fixes come in German too.
    expect(check.out).toMatch(/^✗ Artikelstandort: .+\n {4}→ Verwenden Sie warehouse-1/m);
    expect(check.err).toBe(
      'rebound: eBay ist nicht bereit zum Veröffentlichen: 5 Punkte müssen behoben werden (siehe oben).\n',
    );

    const help = await rebound('ebay', 'check', '--help', '--lang', 'de');
    expect(help.out).toContain('Prüfung vor dem Veröffentlichen: liest bei eBay');
    expect(help.out).toContain('die ID oder der genaue Name des Händlers');
    expectNoViolations(server);
  });
});
