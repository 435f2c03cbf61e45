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
import { englishText, renderMessage } from '../../shared/messages/render';
import type { StoredMessage } from '../../shared/messages';
import { wordsIn, type Words } from './texts';
import { SHOP_TEXTS } from './texts/shop';

/**
 * The merchant's own shop on the command line: configure (secrets sealed at rest), test the
 * connection, status, watermark, remove. Secrets may come from environment variables instead of
 * options, so they need not sit in the shell's history. Exit codes as everywhere: 0 done (for
 * `test`: the shop answered and all is well), 1 failed or not ok (explained), 2 bad usage.
 */

interface ShopOptions extends CommonOptions {
  merchant?: string;
}

type ShopTextKey = keyof typeof SHOP_TEXTS & string;
type ShopWords = Words<ShopTextKey>;

function withCommon(command: Command, t: ShopWords, merchant: 'required' | 'optional' = 'required'): Command {
  const withMerchant =
    merchant === 'required'
      ? command.requiredOption('--merchant <merchant>', t('option.merchant'))
      : command.option('--merchant <merchant>', t('option.onlyMerchant'));
  return withCommonOptions(withMerchant);
}

/** A services' text in the reader's language: English as it came, another language from its message. */
function inLanguage(t: ShopWords, english: string, text: StoredMessage | null | undefined): string {
  return t.language === 'en' || !text ? english : renderMessage(text, t.language, english);
}

/** An ISO time as it came in English (what the output always showed), as the language writes it otherwise. */
function timeIn(t: ShopWords, iso: string): string {
  if (t.language === 'en') return iso;
  const when = new Date(iso);
  return Number.isNaN(when.getTime())
    ? iso
    : new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(when);
}

async function merchantIdOf(ws: Workspace, merchant: string, t: ShopWords): Promise<number> {
  const byId = /^\d+$/.test(merchant) ? Number(merchant) : null;
  const row = await ws.kysely
    .selectFrom('merchants')
    .select('id')
    .where(byId === null ? 'name' : 'id', '=', byId === null ? merchant : byId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', t('merchant.unknown', { merchant }));
  return row.id;
}

async function withShopWorkspace<T>(
  options: ShopOptions,
  t: ShopWords,
  work: (ws: Workspace, merchantId: number | undefined) => Promise<T>,
): Promise<T> {
  const ws = await openWorkspace(options);
  try {
    const merchantId =
      options.merchant === undefined ? undefined : await merchantIdOf(ws, options.merchant, t);
    return await work(ws, merchantId);
  } finally {
    await ws.close();
  }
}

const platformOption = (t: ShopWords) =>
  new Option('--platform <platform>', t('option.platform'))
    .choices([...SHOP_PLATFORM_NAMES])
    .makeOptionMandatory();

/** Command-line option → where it goes for each platform (settings or secrets) and its env variable. */
interface Field {
  readonly flag: string;
  readonly key: string;
  readonly description: ShopTextKey;
  readonly platforms: readonly ShopPlatformId[];
  readonly secret: boolean;
  readonly env?: string;
}

const FIELDS: readonly Field[] = [
  {
    flag: '--url <url>',
    key: 'url',
    description: 'field.url',
    platforms: ['woocommerce'],
    secret: false,
  },
  {
    flag: '--wp-user <user>',
    key: 'wpUser',
    description: 'field.wpUser',
    platforms: ['woocommerce'],
    secret: false,
  },
  {
    flag: '--consumer-key <key>',
    key: 'consumerKey',
    description: 'field.consumerKey',
    platforms: ['woocommerce'],
    secret: true,
    env: 'REBOUND_SHOP_CONSUMER_KEY',
  },
  {
    flag: '--consumer-secret <secret>',
    key: 'consumerSecret',
    description: 'field.consumerSecret',
    platforms: ['woocommerce'],
    secret: true,
    env: 'REBOUND_SHOP_CONSUMER_SECRET',
  },
  {
    flag: '--wp-app-password <password>',
    key: 'wpAppPassword',
    description: 'field.wpAppPassword',
    platforms: ['woocommerce'],
    secret: true,
    env: 'REBOUND_SHOP_WP_APP_PASSWORD',
  },
  {
    flag: '--shop-domain <domain>',
    key: 'shopDomain',
    description: 'field.shopDomain',
    platforms: ['shopify'],
    secret: false,
  },
  {
    flag: '--location-id <gid>',
    key: 'locationId',
    description: 'field.locationId',
    platforms: ['shopify'],
    secret: false,
  },
  {
    flag: '--base-url <url>',
    key: 'baseUrl',
    description: 'field.baseUrl',
    platforms: ['shopify'],
    secret: false,
  },
  {
    flag: '--access-token <token>',
    key: 'accessToken',
    description: 'field.accessToken',
    platforms: ['shopify'],
    secret: true,
    env: 'REBOUND_SHOP_ACCESS_TOKEN',
  },
  {
    flag: '--client-id <id>',
    key: 'clientId',
    description: 'field.clientId',
    platforms: ['shopify'],
    secret: true,
    env: 'REBOUND_SHOP_CLIENT_ID',
  },
  {
    flag: '--client-secret <secret>',
    key: 'clientSecret',
    description: 'field.clientSecret',
    platforms: ['shopify'],
    secret: true,
    env: 'REBOUND_SHOP_CLIENT_SECRET',
  },
  {
    flag: '--admin-api-url <url>',
    key: 'adminApiUrl',
    description: 'field.adminApiUrl',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--channel-token <token>',
    key: 'channelToken',
    description: 'field.channelToken',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--language-code <code>',
    key: 'languageCode',
    description: 'field.languageCode',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--currency-code <code>',
    key: 'currencyCode',
    description: 'field.currencyCode',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--compare-at-field <name>',
    key: 'compareAtCustomField',
    description: 'field.compareAtCustomField',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--storefront-url <url>',
    key: 'storefrontProductUrl',
    description: 'field.storefrontProductUrl',
    platforms: ['vendure'],
    secret: false,
  },
  {
    flag: '--username <user>',
    key: 'username',
    description: 'field.username',
    platforms: ['vendure'],
    secret: true,
    env: 'REBOUND_SHOP_USERNAME',
  },
  {
    flag: '--password <password>',
    key: 'password',
    description: 'field.password',
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

function describeShops(all: readonly MerchantShops[], t: ShopWords): string {
  const lines: string[] = [];
  for (const m of all) {
    lines.push(t('shops.merchant', { name: m.merchantName, id: m.merchantId }));
    if (m.shops.length === 0) lines.push(`  ${t('shops.none')}`);
    for (const shop of m.shops) {
      const where = String(
        shop.settings['url'] ?? shop.settings['shopDomain'] ?? shop.settings['adminApiUrl'] ?? '',
      );
      const test = shop.lastTest
        ? shop.lastTest.ok
          ? t('shops.testOk', {
              name: shop.lastTest.shopName ? ` (${shop.lastTest.shopName})` : '',
              time: timeIn(t, shop.lastTest.checkedAt),
            })
          : t('shops.testFailed', {
              time: timeIn(t, shop.lastTest.checkedAt),
              problems: shop.lastTest.problems.map((p) => inLanguage(t, p.message, p.text)).join(' '),
            })
        : t('shops.untested');
      lines.push(`  ${SHOP_LABELS[shop.platform]}: ${where}`);
      const credentials = t('shops.credentials', {
        names: shop.secretsStored.join(', ') || t('shops.noCredentials'),
      });
      const problem = shop.secretsProblem
        ? ` — ${inLanguage(t, shop.secretsProblem, shop.secretsProblemText)}`
        : '';
      lines.push(`    ${credentials}${problem}`);
      lines.push(`    ${test}`);
    }
    if (m.watermark) {
      const what = [
        m.watermark.text ? t('shops.watermarkText', { text: m.watermark.text }) : null,
        m.watermark.logo ? t('shops.logo') : null,
      ]
        .filter(Boolean)
        .join(' + ');
      const watermark = t('shops.watermark', {
        what,
        position: t(`position.${m.watermark.position}`),
        // English as it always printed; elsewhere with the language's decimal comma.
        opacity: t.language === 'en' ? m.watermark.opacity : t.number(m.watermark.opacity),
      });
      lines.push(`  ${watermark}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function describeTest(result: ShopTestResult, t: ShopWords): string {
  const platform = SHOP_LABELS[result.platform];
  if (result.ok) {
    const to = result.shopName ? t('test.connectedTo', { name: result.shopName }) : '';
    return `${t('test.connected', { platform, to })}\n`;
  }
  const lines = [t('test.notWorking', { platform })];
  for (const problem of result.problems)
    lines.push(`  - ${inLanguage(t, problem.message, problem.text)} (${problem.code})`);
  return `${lines.join('\n')}\n`;
}

export function registerShopCommands(program: Command, io: CliIo): void {
  const t = wordsIn(SHOP_TEXTS, io.language);
  const shop = program.command('shop').description(t('shop.description'));
  const print = (options: ShopOptions, value: unknown, human: () => string) =>
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());

  const configure = withCommon(shop.command('configure'), t)
    .description(t('configure.description'))
    .addOption(platformOption(t));
  for (const field of FIELDS) {
    const option = new Option(field.flag, t(field.description));
    configure.addOption(field.env ? option.env(field.env) : option);
  }
  configure.addHelpText(
    'after',
    `
${t('configure.helpEnvironment')}
  ${FIELDS.filter((f) => f.env)
    .map((f) => `${f.env} (${f.flag.split(' ')[0]})`)
    .join('\n  ')}
${t('configure.helpKeep')}

${t('configure.helpExamples')}
  rebound shop configure --merchant 1 --platform woocommerce --url https://shop.example.com \\
    --wp-user admin   ${t('configure.helpWithEnvironment')}
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
        t('configure.foreign', {
          count: foreign.length,
          flags: foreign.join(', '),
          platform: SHOP_LABELS[options.platform],
        }),
      );
    }
    const result = await withShopWorkspace(options, t, (ws, merchantId) =>
      invoke(ws, 'shops.configure', {
        merchantId: merchantId!,
        platform: options.platform,
        settings,
        secrets,
      }),
    );
    print(options, result, () => describeShops([result as MerchantShops], t));
  });

  withCommon(shop.command('test'), t)
    .description(t('test.description'))
    .addOption(platformOption(t))
    .action(async (options: ShopOptions & { platform: ShopPlatformId }) => {
      const result = (await withShopWorkspace(options, t, (ws, merchantId) =>
        invoke(ws, 'shops.test', { merchantId: merchantId!, platform: options.platform }),
      )) as ShopTestResult;
      print(options, result, () => describeTest(result, t));
      if (!result.ok) {
        throw new AppError(
          'conflict',
          t('test.failed', {
            platform: SHOP_LABELS[options.platform],
            problems: result.problems.map((p) => inLanguage(t, p.message, p.text)).join(' '),
          }),
        );
      }
    });

  withCommon(shop.command('status'), t, 'optional')
    .description(t('status.description'))
    .action(async (options: ShopOptions) => {
      const result = (await withShopWorkspace(options, t, (ws, merchantId) =>
        invoke(ws, 'shops.status', merchantId === undefined ? {} : { merchantId }),
      )) as MerchantShops[];
      print(options, result, () => describeShops(result, t));
    });

  withCommon(shop.command('remove'), t)
    .description(t('remove.description'))
    .addOption(platformOption(t))
    .action(async (options: ShopOptions & { platform: ShopPlatformId }) => {
      const result = (await withShopWorkspace(options, t, (ws, merchantId) =>
        invoke(ws, 'shops.remove', { merchantId: merchantId!, platform: options.platform }),
      )) as MerchantShops;
      print(options, result, () => describeShops([result], t));
    });

  withCommon(shop.command('watermark'), t)
    .description(t('watermark.description'))
    .option('--text <text>', t('option.text'))
    .option('--logo <png>', t('option.logo'))
    .option('--no-logo', t('option.noLogo'))
    .option('--opacity <opacity>', t('option.opacity'))
    .addOption(new Option('--position <position>', t('option.position')).choices([...WATERMARK_POSITIONS]))
    .option('--off', t('option.off'))
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
          throw new AppError('bad_input', t('watermark.opacityNumber', { value: options.opacity ?? '' }));
        const result = (await withShopWorkspace(options, t, (ws, merchantId) =>
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
            ? describeShops([result], t)
            : `${t('watermark.none', { merchant: result.merchantName })}\n`,
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
  readonly refused: ReadonlyArray<{
    readonly item: ItemDetail;
    readonly message: string;
    readonly text: StoredMessage;
  }>;
}> {
  const fixed = [...new Set(channels.filter((c) => c !== 'shop'))] as Channel[];
  if (!channels.includes('shop'))
    return { groups: [{ itemIds: items.map((i) => i.id), channels: fixed }], refused: [] };
  const groups = new Map<string, { itemIds: number[]; channels: Channel[] }>();
  const refused: Array<{ item: ItemDetail; message: string; text: StoredMessage }> = [];
  for (const item of items) {
    const shop = await (await services()).resolveShop(ws, item.merchantId);
    if ('refused' in shop) {
      refused.push({ item, message: englishText(shop.refused), text: shop.refused });
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
