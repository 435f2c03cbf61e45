/** Shopify's "test connection": the shop's address, the token, and the app's permissions. */

import { ChannelError } from '../channel';
import type { ShopConnectionCheck, ShopConnectionProblem } from '../shop';
import { domainMessage, type ShopifyClient } from './client';
import { shopHost, SHOPIFY_REQUIRED_SCOPES } from './config';
import { CONNECTION } from './queries';
import { list, say, type Message } from '../../../../shared/messages';
import { problemOf } from '../words';

export async function testConnection(api: ShopifyClient): Promise<ShopConnectionCheck> {
  const parsed = shopHost(api.o.settings.shopDomain);
  if ('problem' in parsed) {
    return {
      ok: false,
      shopName: null,
      problems: [
        {
          code: parsed.problem,
          message: domainMessage(parsed.problem, api.o.settings.shopDomain),
          text: domainText(parsed.problem, api.o.settings.shopDomain),
        },
      ],
    };
  }
  let data: {
    shop: { name: string; currencyCode: string };
    currentAppInstallation: { accessScopes: { handle: string }[] };
  };
  try {
    data = await api.gql('checking the connection', CONNECTION);
  } catch (error) {
    return { ok: false, shopName: null, problems: [connectionProblem(error, parsed.host)] };
  }
  const granted = data.currentAppInstallation.accessScopes.map((s) => s.handle);
  const missing = SHOPIFY_REQUIRED_SCOPES.filter((scope) => !granted.includes(scope));
  const problems: ShopConnectionProblem[] = missing.length
    ? [
        {
          code: 'missing_permission',
          message: `The shop’s app lacks the permission${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: add ${missing.length > 1 ? 'them' : 'it'} to the app’s Admin API scopes in Shopify, install the new version, and enter the new token.`,
          text: say('channels.shop_test.shopify_scopes', { count: missing.length, scopes: list(missing) }),
        },
      ]
    : [];
  return { ok: problems.length === 0, shopName: data.shop.name, problems };
}

function domainText(problem: 'insecure_url' | 'wrong_url', typed: string): Message {
  return say(
    problem === 'insecure_url'
      ? 'channels.shop_test.shopify_insecure'
      : 'channels.shop_test.shopify_not_address',
    {
      url: typed,
    },
  );
}

function connectionProblem(error: unknown, host: string): ShopConnectionProblem {
  const e = error instanceof ChannelError ? error : null;
  if (e?.code === 'http_401') {
    return {
      code: 'bad_token',
      message:
        'Shopify refused the access token: copy the Admin API access token (it starts with shpat_) of the shop’s app again.',
      text: say('channels.shop_test.shopify_bad_token'),
    };
  }
  if (e?.kind === 'auth' && e.code === 'invalid_client') {
    return { code: 'bad_token', message: e.message, ...(e.text ? { text: e.text } : {}) };
  }
  if (e?.code === 'ACCESS_DENIED') {
    return { code: 'missing_permission', message: e.message, ...(e.text ? { text: e.text } : {}) };
  }
  if (e?.code === 'wrong_url' || e?.code === 'ENOTFOUND') {
    return {
      code: 'wrong_url',
      message: `No Shopify shop answers at ${host}: check the shop address (Shopify admin › Settings › Domains shows the myshopify.com one).`,
      text: say('channels.shop_test.shopify_no_shop', { host }),
    };
  }
  return {
    code: 'unreachable',
    message: `Shopify could not be reached (${e?.message ?? String(error)}): check the internet connection and try again.`,
    text: say('channels.shop_test.shopify_unreachable', { remote: e ? problemOf(e) : String(error) }),
  };
}
