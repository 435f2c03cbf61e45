/** Vendure's "test connection": the address, the login, and the permissions Rebound needs. */

import { ChannelError } from '../channel';
import type { ShopAdapterOptions, ShopConnectionCheck, ShopConnectionProblem } from '../shop';
import { VendureSession } from './client';
import { insecureUrlReason, type VendureSecrets, type VendureSettings } from './config';
import type { ChannelRecord } from './queries';
import { list, say, type StoredMessage } from '../../../../shared/messages';
import { problemOf } from '../words';

/** Vendure's permission names: the broad one or, since v2, the granular one. */
const NEEDED_PERMISSIONS: readonly (readonly [string, readonly string[]])[] = [
  ['read products', ['ReadCatalog', 'ReadProduct']],
  ['create products', ['CreateCatalog', 'CreateProduct']],
  ['update products', ['UpdateCatalog', 'UpdateProduct']],
  ['upload assets', ['CreateCatalog', 'CreateAsset']],
  ['read orders', ['ReadOrder']],
];

export async function checkConnection(
  options: ShopAdapterOptions<VendureSettings, VendureSecrets>,
): Promise<ShopConnectionCheck> {
  const problems: ShopConnectionProblem[] = [];
  const fail = (code: string, message: string, text?: StoredMessage | null): ShopConnectionCheck => ({
    ok: false,
    shopName: null,
    problems: [...problems, { code, message, ...(text ? { text } : {}) }],
  });
  const insecure = insecureUrlReason(options.settings.adminApiUrl);
  if (insecure) return fail('insecure_url', insecure);

  const session = new VendureSession(
    options.settings,
    options.secrets,
    options.clock,
    options.timeoutMs ?? 15_000,
  );
  let identifier: string;
  try {
    await session.probe();
    identifier = (await session.login()).identifier;
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    if (error.code === 'wrong_channel') return fail('wrong_channel', error.message);
    if (error.kind === 'auth') {
      return fail(
        'bad_credentials',
        `Vendure does not accept this username and password. ${error.message}`,
        say('channels.shop_test.vendure_bad_credentials', { problem: problemOf(error) }),
      );
    }
    if (
      error.code === 'not_vendure' ||
      error.code === 'GRAPHQL_VALIDATION_FAILED' ||
      error.code.startsWith('http_4')
    ) {
      return fail(
        'wrong_url',
        `${options.settings.adminApiUrl} is not a Vendure Admin API: use the address of the shop’s Admin API, usually ending in /admin-api.`,
        say('channels.shop_test.vendure_not_admin_api', { url: options.settings.adminApiUrl }),
      );
    }
    if (error.kind === 'retryable') {
      return fail(
        'unreachable',
        `Vendure could not be reached: ${error.message} Check the address and that the shop is running.`,
        say('channels.shop_test.vendure_unreachable', { problem: problemOf(error) }),
      );
    }
    return fail('wrong_url', error.message, error.text);
  }

  let shopName: string;
  try {
    const data = await session.call<{
      activeChannel: ChannelRecord;
      me: { channels: { token: string; code: string; permissions: string[] }[] } | null;
      globalSettings: {
        serverConfig: {
          moneyStrategyPrecision: number;
          entityCustomFields: { entityName: string; customFields: { name: string; type: string }[] }[];
        };
      };
    }>(
      'checking the connection',
      `query ReboundCheckConnection {
        activeChannel { id code token defaultCurrencyCode availableCurrencyCodes }
        me { channels { token code permissions } }
        globalSettings { serverConfig { moneyStrategyPrecision entityCustomFields { entityName customFields { ... on CustomField { name type } } } } }
      }`,
    );
    const channel = data.activeChannel;
    shopName = `Vendure, channel “${channel.code}”`;
    const token = options.settings.channelToken;
    if (token && channel.token !== token) {
      problems.push({
        code: 'wrong_channel',
        message: `Vendure knows no channel with the token “${token}”: copy the token from the channel’s page in Vendure, or leave it empty for the default channel.`,
        text: say('channels.shop_test.vendure_wrong_channel', { token }),
      });
    }
    const mine = data.me?.channels.find((c) => c.code === channel.code);
    const granted = new Set(mine?.permissions ?? []);
    const missing = NEEDED_PERMISSIONS.filter(([, any]) => !any.some((p) => granted.has(p))).map(
      ([what]) => what,
    );
    if (missing.length > 0) {
      problems.push({
        code: 'missing_permission',
        message: `The Vendure administrator “${identifier}” may not ${missing.join(', ')} in channel “${channel.code}”: give its role those permissions.`,
      });
    }
    const currency = options.settings.currencyCode;
    if (
      currency &&
      currency !== channel.defaultCurrencyCode &&
      !channel.availableCurrencyCodes.includes(currency)
    ) {
      problems.push({
        code: 'currency',
        message: `The channel “${channel.code}” does not sell in ${currency}; it sells in ${channel.availableCurrencyCodes.join(', ')}.`,
        text: say('channels.shop_test.vendure_currency', {
          channel: channel.code,
          currency,
          currencies: list(channel.availableCurrencyCodes),
        }),
      });
    }
    if (data.globalSettings.serverConfig.moneyStrategyPrecision !== 2) {
      problems.push({
        code: 'money_precision',
        message: `The shop stores money with ${data.globalSettings.serverConfig.moneyStrategyPrecision} decimals; Rebound works with cents (2).`,
        text: say('channels.shop_test.vendure_precision', {
          digits: data.globalSettings.serverConfig.moneyStrategyPrecision,
        }),
      });
    }
    const field = options.settings.compareAtCustomField;
    if (field) {
      const variantFields =
        data.globalSettings.serverConfig.entityCustomFields.find((e) => e.entityName === 'ProductVariant')
          ?.customFields ?? [];
      const config = variantFields.find((f) => f.name === field);
      if (!config || config.type !== 'int') {
        problems.push({
          code: 'missing_custom_field',
          message: `The shop has no whole-number custom field “${field}” on product variants for the original price: add it to the Vendure configuration (customFields.ProductVariant, type "int") or clear the setting.`,
        });
      }
    }
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    if (error.code === 'FORBIDDEN' || error.kind === 'auth') {
      return fail('missing_permission', error.message, error.text);
    }
    return fail(error.kind === 'retryable' ? 'unreachable' : 'wrong_url', error.message, error.text);
  }
  return { ok: problems.length === 0, shopName, problems };
}
