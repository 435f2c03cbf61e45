import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { locateContracts } from '../../tests/ebay/openapi';
import { expectNoViolations, startEbayTestServer, type EbayTestServer } from '../../tests/ebay/server';
import { addMerchant } from '../../tests/integration/seed';
import { tempDir } from '../../tests/integration/temp';
import { Workspace } from '../services/workspace';
import { run } from './index';

const contracts = locateContracts();
if (!contracts.available) console.warn(contracts.reason);
const title = (name: string): string =>
  contracts.available ? name : `${name} — SKIPPED: ${contracts.reason}`;

async function rebound(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(['node', 'rebound', ...args], {
    out: (text) => (out += text),
    err: (text) => (err += text),
  });
  return { code, out, err };
}

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
});
