import { Option, type Command } from 'commander';
import type { ItemDetail } from '../../shared/contract';
import {
  SHOP_LABELS,
  SHOP_PLATFORM_NAMES,
  WATERMARK_POSITIONS,
  type MerchantShops,
  type ShopPlatformId,
  type ShopTestResult,
} from '../../shared/contract/shops';
import type { Channel } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, openWorkspace, withCommon as withCommonOptions } from './common';
import { invoke, services } from './load';

/**
 * The merchant's own shop on the command line: configure (secrets sealed at rest), test the
 * connection, status, watermark, remove. Secrets may come from environment variables instead of
 * options, so they need not sit in the shell's history. Exit codes as everywhere: 0 done (for
 * `test`: the shop answered and all is well), 1 failed or not ok (explained), 2 bad usage.
 */

interface ShopOptions extends CommonOptions {
  merchant?: string;
}

function withCommon(command: Command, merchant: 'required' | 'optional' = 'required'): Command {
  const withMerchant =
    merchant === 'required'
      ? command.requiredOption('--merchant <merchant>', 'the merchant’s id or exact name')
      : command.option('--merchant <merchant>', 'only this merchant (id or exact name)');
  return withCommonOptions(withMerchant);
}

async function merchantIdOf(ws: Workspace, merchant: string): Promise<number> {
  const byId = /^\d+$/.test(merchant) ? Number(merchant) : null;
  const row = await ws.kysely
    .selectFrom('merchants')
    .select('id')
    .where(byId === null ? 'name' : 'id', '=', byId === null ? merchant : byId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No merchant “${merchant}”.`);
  return row.id;
}

async function withShopWorkspace<T>(
  options: ShopOptions,
  work: (ws: Workspace, merchantId: number | undefined) => Promise<T>,
): Promise<T> {
  const ws = await openWorkspace(options);
  try {
    const merchantId = options.merchant === undefined ? undefined : await merchantIdOf(ws, options.merchant);
    return await work(ws, merchantId);
  } finally {
    await ws.close();
  }
}

const platformOption = () =>
  new Option('--platform <platform>', 'the shop platform')
    .choices([...SHOP_PLATFORM_NAMES])
    .makeOptionMandatory();

/** Command-line option → where it goes for each platform (settings or secrets) and its env variable. */
interface Field {
  readonly flag: string;
  readonly key: string;
  readonly description: string;
  readonly platforms: readonly ShopPlatformId[];
  readonly secret: boolean;
  readonly env?: string;
}

const FIELDS: readonly Field[] = [
  {
    flag: '--url <url>',
    key: 'url',
    description: 'WooCommerce: the shop’s home page, https://…',
    platforms: ['woocommerce'],
    secret: false,
  },
  {
    flag: '--wp-user <user>',
    key: 'wpUser',
    description: 'WooCommerce: the WordPress user of the Application Password (for photos)',
    platforms: ['woocommerce'],
    secret: false,
  },
  {
    flag: '--consumer-key <key>',
    key: 'consumerKey',
    description: 'WooCommerce: REST API consumer key',
    platforms: ['woocommerce'],
    secret: true,
    env: 'REBOUND_SHOP_CONSUMER_KEY',
  },
  {
    flag: '--consumer-secret <secret>',
    key: 'consumerSecret',
    description: 'WooCommerce: REST API consumer secret',
    platforms: ['woocommerce'],
    secret: true,
    env: 'REBOUND_SHOP_CONSUMER_SECRET',
  },
  {
    flag: '--wp-app-password <password>',
    key: 'wpAppPassword',
    description: 'WooCommerce: WordPress Application Password (photo uploads)',
    platforms: ['woocommerce'],
    secret: true,
    env: 'REBOUND_SHOP_WP_APP_PASSWORD',
  },
  {
    flag: '--shop-domain <domain>',
    key: 'shopDomain',
    description: 'Shopify: the shop’s xxx.myshopify.com address',
    platforms: ['shopify'],
    secret: false,
  },
  {
    flag: '--location-id <gid>',
    key: 'locationId',
    description: 'Shopify: the location to stock (gid://shopify/Location/…); default the primary one',
    platforms: ['shopify'],
    secret: false,
  },
  {
    flag: '--base-url <url>',
    key: 'baseUrl',
    description: 'Shopify: send every call to this origin instead (a test server)',
    platforms: ['shopify'],
    secret: false,
  },
  {
    flag: '--access-token <token>',
    key: 'accessToken',
    description: 'Shopify: Admin API access token (shpat_…)',
    platforms: ['shopify'],
    secret: true,
    env: 'REBOUND_SHOP_ACCESS_TOKEN',
  },
  {
    flag: '--client-id <id>',
    key: 'clientId',
    description: 'Shopify: the app’s client id (instead of a token)',
    platforms: ['shopify'],
    secret: true,
    env: 'REBOUND_SHOP_CLIENT_ID',
  },
  {
    flag: '--client-secret <secret>',
    key: 'clientSecret',
    description: 'Shopify: the app’s client secret',
    platforms: ['shopify'],
    secret: true,
    env: 'REBOUND_SHOP_CLIENT_SECRET',
  },
  {
    flag: '--admin-api-url <url>',
    key: 'adminApiUrl',
    description: 'Vendure: the Admin API address, https://…/admin-api',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--channel-token <token>',
    key: 'channelToken',
    description: 'Vendure: the channel’s token (multi-channel shops)',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--language-code <code>',
    key: 'languageCode',
    description: 'Vendure: the language Rebound writes products in (default en)',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--currency-code <code>',
    key: 'currencyCode',
    description: 'Vendure: the currency Rebound prices in (default the channel’s)',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--compare-at-field <name>',
    key: 'compareAtCustomField',
    description: 'Vendure: the int custom field that shows the original price',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--storefront-url <url>',
    key: 'storefrontProductUrl',
    description: 'Vendure: the product page address with {slug}',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--username <user>',
    key: 'username',
    description: 'Vendure: administrator user name',
    platforms: ['vendure'],
    secret: true,
    env: 'REBOUND_SHOP_USERNAME',
  },
  {
    flag: '--password <password>',
    key: 'password',
    description: 'Vendure: administrator password',
    platforms: ['vendure'],
    secret: true,
    env: 'REBOUND_SHOP_PASSWORD',
  },
];

/** Commander's attribute name of a flag: `--wp-app-password <p>` → `wpAppPassword`. */
function attributeOf(flag: string): string {
  return flag
    .split(' ')[0]!
    .replace(/^--/, '')
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function describeShops(all: readonly MerchantShops[]): string {
  const lines: string[] = [];
  for (const m of all) {
    lines.push(`${m.merchantName} (merchant ${m.merchantId})`);
    if (m.shops.length === 0) lines.push('  no shop configured (run `rebound shop configure`)');
    for (const shop of m.shops) {
      const where = String(
        shop.settings['url'] ?? shop.settings['shopDomain'] ?? shop.settings['adminApiUrl'] ?? '',
      );
      const test = shop.lastTest
        ? shop.lastTest.ok
          ? `connection ok${shop.lastTest.shopName ? ` (${shop.lastTest.shopName})` : ''} at ${shop.lastTest.checkedAt}`
          : `last test failed at ${shop.lastTest.checkedAt}: ${shop.lastTest.problems.map((p) => p.message).join(' ')}`
        : 'not tested yet (run `rebound shop test`)';
      lines.push(`  ${SHOP_LABELS[shop.platform]}: ${where}`);
      lines.push(
        `    credentials stored: ${shop.secretsStored.join(', ') || 'none'}${shop.secretsProblem ? ` — ${shop.secretsProblem}` : ''}`,
      );
      lines.push(`    ${test}`);
    }
    if (m.watermark) {
      const what = [m.watermark.text ? `“${m.watermark.text}”` : null, m.watermark.logo ? 'logo' : null]
        .filter(Boolean)
        .join(' + ');
      lines.push(
        `  watermark on shop photos: ${what}, ${m.watermark.position}, opacity ${m.watermark.opacity}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function describeTest(result: ShopTestResult): string {
  const label = SHOP_LABELS[result.platform];
  if (result.ok) return `✓ ${label}: connected${result.shopName ? ` to “${result.shopName}”` : ''}.\n`;
  const lines = [`✗ ${label}: the connection does not work yet.`];
  for (const problem of result.problems) lines.push(`  - ${problem.message} (${problem.code})`);
  return `${lines.join('\n')}\n`;
}

export function registerShopCommands(program: Command, io: CliIo): void {
  const shop = program
    .command('shop')
    .description('connect a merchant’s own shop (Shopify, WooCommerce, Vendure) and its photo watermark');
  const print = (options: ShopOptions, value: unknown, human: () => string) =>
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());

  const configure = withCommon(shop.command('configure'))
    .description('store the shop’s address and credentials (credentials are kept encrypted)')
    .addOption(platformOption());
  for (const field of FIELDS) {
    const option = new Option(field.flag, field.description);
    configure.addOption(field.env ? option.env(field.env) : option);
  }
  configure.addHelpText(
    'after',
    `
Credentials may come from the environment instead of the command line (kept out of the shell's
history):
  ${FIELDS.filter((f) => f.env)
    .map((f) => `${f.env} (${f.flag.split(' ')[0]})`)
    .join('\n  ')}
Credentials left out keep the stored ones. Run \`rebound shop test\` afterwards.

Examples:
  rebound shop configure --merchant 1 --platform woocommerce --url https://shop.example.com \\
    --wp-user admin   # with REBOUND_SHOP_CONSUMER_KEY, _CONSUMER_SECRET, _WP_APP_PASSWORD set
  rebound shop configure --merchant 1 --platform shopify --shop-domain larkfield.myshopify.com
  rebound shop configure --merchant 1 --platform vendure --admin-api-url https://shop.example.com/admin-api`,
  );
  configure.action(async (options: ShopOptions & { platform: ShopPlatformId } & Record<string, unknown>) => {
    const settings: Record<string, unknown> = {};
    const secrets: Record<string, string> = {};
    const foreign: string[] = [];
    for (const field of FIELDS) {
      const value = options[attributeOf(field.flag)];
      if (typeof value !== 'string' || value === '') continue;
      if (!field.platforms.includes(options.platform)) {
        // An environment variable for another platform is simply not this platform's business.
        if (configure.getOptionValueSource(attributeOf(field.flag)) === 'cli')
          foreign.push(field.flag.split(' ')[0]!);
        continue;
      }
      if (field.secret) secrets[field.key] = value;
      else settings[field.key] = value;
    }
    if (foreign.length > 0) {
      throw new AppError(
        'bad_input',
        `${foreign.join(', ')} do not apply to ${SHOP_LABELS[options.platform]}.`,
      );
    }
    const result = await withShopWorkspace(options, (ws, merchantId) =>
      invoke(ws, 'shops.configure', {
        merchantId: merchantId!,
        platform: options.platform,
        settings,
        secrets,
      }),
    );
    print(options, result, () => describeShops([result as MerchantShops]));
  });

  withCommon(shop.command('test'))
    .description('call the shop and say in plain words what is wrong (exit 1 when it does not work)')
    .addOption(platformOption())
    .action(async (options: ShopOptions & { platform: ShopPlatformId }) => {
      const result = (await withShopWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'shops.test', { merchantId: merchantId!, platform: options.platform }),
      )) as ShopTestResult;
      print(options, result, () => describeTest(result));
      if (!result.ok) {
        throw new AppError(
          'conflict',
          `${SHOP_LABELS[options.platform]} does not work yet: ${result.problems.map((p) => p.message).join(' ')}`,
        );
      }
    });

  withCommon(shop.command('status'), 'optional')
    .description('which shops each merchant has, their addresses and last connection test (never a secret)')
    .action(async (options: ShopOptions) => {
      const result = (await withShopWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'shops.status', merchantId === undefined ? {} : { merchantId }),
      )) as MerchantShops[];
      print(options, result, () => describeShops(result));
    });

  withCommon(shop.command('remove'))
    .description('forget the merchant’s account on a shop platform (its credentials are deleted)')
    .addOption(platformOption())
    .action(async (options: ShopOptions & { platform: ShopPlatformId }) => {
      const result = (await withShopWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'shops.remove', { merchantId: merchantId!, platform: options.platform }),
      )) as MerchantShops;
      print(options, result, () => describeShops([result]));
    });

  withCommon(shop.command('watermark'))
    .description('mark the merchant’s shop photos with a text and/or a logo (never eBay’s)')
    .option('--text <text>', 'e.g. "Larkfield Outlet"; an empty text removes it')
    .option('--logo <png>', 'a PNG logo (transparent background), copied into the data folder')
    .option('--no-logo', 'remove the logo')
    .option('--opacity <opacity>', 'from 0.05 to 1 (at first 0.35, then as stored)')
    .addOption(
      new Option(
        '--position <position>',
        'where on the photo (at first bottom-right, then as stored)',
      ).choices([...WATERMARK_POSITIONS]),
    )
    .option('--off', 'no watermark: shop photos go out as they are')
    .action(
      async (
        options: ShopOptions & {
          text?: string;
          logo?: string | false;
          opacity?: string;
          position?: string;
          off?: boolean;
        },
      ) => {
        const opacity = options.opacity === undefined ? undefined : Number(options.opacity);
        if (opacity !== undefined && !Number.isFinite(opacity))
          throw new AppError('bad_input', `--opacity must be a number, got “${options.opacity}”.`);
        const result = (await withShopWorkspace(options, (ws, merchantId) =>
          invoke(ws, 'shops.setWatermark', {
            merchantId: merchantId!,
            ...(options.off
              ? { text: null, logoPath: null }
              : {
                  ...(options.text === undefined ? {} : { text: options.text }),
                  ...(options.logo === undefined
                    ? {}
                    : { logoPath: options.logo === false ? null : options.logo }),
                }),
            ...(opacity === undefined ? {} : { opacity }),
            ...(options.position === undefined
              ? {}
              : { position: options.position as (typeof WATERMARK_POSITIONS)[number] }),
          }),
        )) as MerchantShops;
        print(options, result, () =>
          result.watermark
            ? describeShops([result])
            : `${result.merchantName}: shop photos carry no watermark.\n`,
        );
      },
    );
}

/**
 * `--channel shop` for `rebound publish`: each item's merchant's one configured shop. Items
 * whose merchant has none (or several) are refused with the reason; the others are grouped by
 * the channels they go to.
 */
export async function expandShopChannel(
  ws: Workspace,
  items: readonly ItemDetail[],
  channels: readonly string[],
): Promise<{
  readonly groups: ReadonlyArray<{ readonly itemIds: number[]; readonly channels: Channel[] }>;
  readonly refused: ReadonlyArray<{ readonly item: ItemDetail; readonly message: string }>;
}> {
  const fixed = [...new Set(channels.filter((c) => c !== 'shop'))] as Channel[];
  if (!channels.includes('shop'))
    return { groups: [{ itemIds: items.map((i) => i.id), channels: fixed }], refused: [] };
  const groups = new Map<string, { itemIds: number[]; channels: Channel[] }>();
  const refused: Array<{ item: ItemDetail; message: string }> = [];
  for (const item of items) {
    const shop = await (await services()).resolveShop(ws, item.merchantId);
    if ('refused' in shop) {
      refused.push({ item, message: shop.refused });
      if (fixed.length === 0) continue;
    }
    const list = 'platform' in shop ? [...new Set([...fixed, shop.platform])] : fixed;
    const key = list.join(',');
    const group = groups.get(key) ?? { itemIds: [], channels: list };
    group.itemIds.push(item.id);
    groups.set(key, group);
  }
  return { groups: [...groups.values()], refused };
}
