/** WooCommerce's "test connection": the address, WordPress and WooCommerce, the key, the photo password. */

import type { ShopConnectionCheck, ShopConnectionProblem } from '../shop';
import { basicAuth, fetchJson, mapWooError, readFailure, type WooChannelOptions } from './client';
import { createWooClient, isLocalHost } from './config';
import { say } from '../../../../shared/messages';
import { problemOf } from '../words';

/**
 * Checks, in order, what a merchant can get wrong, and says each in plain words: an address that
 * is not https, a site that is not WordPress or has no WooCommerce, a refused or read-only key,
 * and the WordPress Application Password photos need. Credentials are never sent to an http
 * address on another machine.
 */
export async function testWooConnection(o: WooChannelOptions): Promise<ShopConnectionCheck> {
  const problems: ShopConnectionProblem[] = [];
  const timeoutMs = o.timeoutMs ?? 15_000;
  const done = (shopName: string | null): ShopConnectionCheck => ({
    ok: problems.length === 0,
    shopName,
    problems,
  });
  let url: URL;
  try {
    url = new URL(o.settings.url);
  } catch {
    problems.push({
      code: 'wrong_url',
      message: `“${o.settings.url}” is not a web address. Enter the shop’s address, like https://shop.example.com.`,
      text: say('channels.shop_test.not_an_address', { url: o.settings.url }),
    });
    return done(null);
  }
  if (url.protocol === 'http:' && !isLocalHost(url.hostname)) {
    problems.push({
      code: 'insecure_url',
      message: `The shop address starts with http://, so your orders and WordPress password would travel unencrypted. Use the shop’s https:// address (${o.settings.url.replace(/^http:/, 'https:')}).`,
      text: say('channels.shop_test.insecure', { https: o.settings.url.replace(/^http:/, 'https:') }),
    });
    return done(null);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push({
      code: 'wrong_url',
      message: `“${o.settings.url}” is not a web address. Enter the shop’s address, like https://shop.example.com.`,
      text: say('channels.shop_test.not_an_address', { url: o.settings.url }),
    });
    return done(null);
  }

  // 1. Is there a WordPress with WooCommerce at this address?
  let shopName: string | null;
  try {
    const index = (await fetchJson(
      `${o.settings.url}/wp-json/`,
      { headers: { Accept: 'application/json' } },
      timeoutMs,
    )) as {
      name?: unknown;
      namespaces?: unknown;
    };
    if (typeof index !== 'object' || index === null || !Array.isArray(index.namespaces)) {
      problems.push(notWordPress(o.settings.url));
      return done(null);
    }
    shopName = typeof index.name === 'string' && index.name !== '' ? index.name : null;
    if (!index.namespaces.includes('wc/v3')) {
      problems.push({
        code: 'wrong_url',
        message: `${shopName ?? o.settings.url} is a WordPress site, but WooCommerce’s REST API is not there. Is WooCommerce installed and activated on it?`,
        text: say('channels.shop_test.no_woocommerce', { name: shopName ?? o.settings.url }),
      });
      return done(shopName);
    }
  } catch (error) {
    const f = readFailure(error);
    problems.push(
      f.status === null
        ? {
            code: 'unreachable',
            message: `Rebound could not reach ${url.host} (${error instanceof Error ? error.message : String(error)}). Check the address and that the shop is online.`,
            text: say('channels.shop_test.unreachable', {
              host: url.host,
              remote: error instanceof Error ? error.message : String(error),
            }),
          }
        : notWordPress(o.settings.url),
    );
    return done(null);
  }

  // 2. The WooCommerce key: read, then an empty batch as a write check that changes nothing.
  const client = await createWooClient(o.settings, o.secrets, timeoutMs);
  try {
    await client.get('products', { per_page: '1' });
    await client.post('products/batch', {});
  } catch (error) {
    const f = readFailure(error);
    if (f.status === 401 || f.status === 403) {
      const readOnly = /write permission/i.test(f.message ?? '');
      problems.push(
        readOnly
          ? {
              code: 'missing_permission',
              message:
                'The WooCommerce key is read-only, so Rebound cannot create products. Edit the key (WooCommerce → Settings → Advanced → REST API) and give it Read/Write permission.',
              text: say('channels.shop_test.woo_read_only'),
            }
          : {
              code: 'bad_token',
              message: `WooCommerce refused the consumer key and secret (“${f.message ?? `HTTP ${f.status}`}”). Create a key with Read/Write permission under WooCommerce → Settings → Advanced → REST API and enter both parts again.`,
              text: say('channels.shop_test.woo_bad_key', { remote: f.message ?? `HTTP ${f.status}` }),
            },
      );
    } else {
      const mapped = mapWooError(error, 'checking the key', o.clock.now());
      problems.push({
        code: f.status === null ? 'unreachable' : 'shop_error',
        message: `${mapped.message} Try again in a few minutes.`,
        text: say('channels.shop_test.try_later', { problem: problemOf(mapped) }),
      });
    }
  }

  // 3. The WordPress Application Password photos need.
  const { wpUser } = o.settings;
  const { wpAppPassword } = o.secrets;
  if (!wpUser || !wpAppPassword) {
    problems.push({
      code: 'missing_permission',
      message:
        'Without a WordPress user name and Application Password, Rebound cannot upload photos to the shop. In WordPress open Users → Profile → Application Passwords, create one for Rebound and enter it with your user name.',
      text: say('channels.shop_test.wp_no_password'),
    });
    return done(shopName);
  }
  try {
    const me = (await fetchJson(
      `${o.settings.url}/wp-json/wp/v2/users/me?context=edit`,
      { headers: { Accept: 'application/json', Authorization: basicAuth(wpUser, wpAppPassword) } },
      timeoutMs,
    )) as { capabilities?: Record<string, unknown> };
    if (me.capabilities?.['upload_files'] !== true) {
      problems.push({
        code: 'missing_permission',
        message: `The WordPress user “${wpUser}” may not upload photos. Give it the Shop manager or Administrator role, or use another user’s Application Password.`,
        text: say('channels.shop_test.wp_no_upload', { user: wpUser }),
      });
    }
  } catch (error) {
    const f = readFailure(error);
    if (f.status === 401 || f.status === 403) {
      problems.push({
        code: 'bad_token',
        message: `WordPress refused the user name “${wpUser}” with that Application Password (“${f.message ?? `HTTP ${f.status}`}”). Check the user name and create a new Application Password under Users → Profile.`,
        text: say('channels.shop_test.wp_bad_password', {
          user: wpUser,
          remote: f.message ?? `HTTP ${f.status}`,
        }),
      });
    } else {
      const mapped = mapWooError(error, 'checking the WordPress password', o.clock.now(), 'WordPress');
      problems.push({
        code: f.status === null ? 'unreachable' : 'shop_error',
        message: mapped.message,
        ...(mapped.text ? { text: mapped.text } : {}),
      });
    }
  }
  return done(shopName);
}

function notWordPress(address: string): ShopConnectionProblem {
  return {
    code: 'wrong_url',
    message: `${address} does not look like a WordPress shop: it has no WordPress REST API (/wp-json/). Check the address; it is the address of the shop’s home page.`,
    text: say('channels.shop_test.not_wordpress', { url: address }),
  };
}
