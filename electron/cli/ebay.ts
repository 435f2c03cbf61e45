import type { Command } from 'commander';
import type { EbayCheck, EbayStatus } from '../../shared/contract/ebay';
import { EBAY_MARKETPLACE_IDS } from '../../shared/contract/ebay';
import { AppError } from '../../shared/errors';
import { invoke } from './load';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, merchantOf, withCommon, withWorkspace } from './common';
import { renderMessage } from '../../shared/messages/render';
import type { StoredMessage } from '../../shared/messages';
import { wordsIn, type Words } from './texts';
import { EBAY_TEXTS } from './texts/ebay';

/**
 * The merchant's eBay account on the command line: the app's credentials, the seller's consent
 * code, and where the account stands. The cert id goes straight into the sealed secret.
 * Exit codes as everywhere: 0 done (for `check`: ready to publish), 1 failed or not ready
 * (explained), 2 bad usage.
 */

interface EbayOptions extends CommonOptions {
  merchant: string;
}

type EbayWords = Words<keyof typeof EBAY_TEXTS & string>;

function withMerchant(command: Command, t: EbayWords): Command {
  return withCommon(command.requiredOption('--merchant <merchant>', t('option.merchant')));
}

/** A services' text in the reader's language: English as it came, another language from its message. */
function inLanguage(t: EbayWords, english: string, text: StoredMessage | null | undefined): string {
  return t.language === 'en' || !text ? english : renderMessage(text, t.language, english);
}

/** An ISO time as it came in English (what scripts saw so far), as the language writes it otherwise. */
function timeIn(t: EbayWords, iso: string): string {
  if (t.language === 'en') return iso;
  const when = new Date(iso);
  return Number.isNaN(when.getTime())
    ? iso
    : new Intl.DateTimeFormat(t.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(when);
}

async function withMerchantWorkspace<T>(
  options: EbayOptions,
  work: (ws: Workspace, merchantId: number) => Promise<T>,
) {
  return withWorkspace(options, async (ws) => work(ws, (await merchantOf(ws, options.merchant)).id));
}

function describeStatus(s: EbayStatus, t: EbayWords): string {
  if (!s.configured) return `${t('status.notConfigured')}\n`;
  const lines = [
    t('status.line', {
      marketplace: s.marketplace ?? '',
      sandbox: s.sandbox ? t('status.sandbox') : '',
      state: s.connected ? t('status.connected') : t('status.notConnected'),
    }),
    ...(s.baseUrl ? [`  ${t('status.calls', { url: s.baseUrl })}`] : []),
    ...(s.accessExpiresAt ? [`  ${t('status.renews', { time: timeIn(t, s.accessExpiresAt) })}`] : []),
    `  ${s.readyToPublish ? t('status.ready') : t('status.notReady')}`,
  ];
  return `${lines.join('\n')}\n`;
}

const MARK = { ok: '✓', blocking: '✗', warning: '!' } as const;

/** One line per item, the fix indented under it: what the Settings panel shows, in a terminal. */
function describeCheck(c: EbayCheck, t: EbayWords): string {
  const lines = [
    t('check.head', {
      merchant: c.merchantId,
      on: c.marketplace ? t('check.on', { marketplace: c.marketplace }) : '',
      state: c.ready ? t('check.ready') : t('check.notReady'),
    }),
  ];
  for (const item of c.items) {
    const mark = item.ok ? MARK.ok : item.blocking ? MARK.blocking : MARK.warning;
    lines.push(
      t('check.item', {
        mark,
        key: t(`key.${item.key}`),
        message: inLanguage(t, item.message, item.text),
      }),
    );
    if (item.fix) lines.push(`    → ${inLanguage(t, item.fix, item.fixText)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerEbayCommands(program: Command, io: CliIo): void {
  const t = wordsIn(EBAY_TEXTS, io.language);
  const ebay = program.command('ebay').description(t('ebay.description'));
  const print = (options: EbayOptions, value: EbayStatus) =>
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : describeStatus(value, t));

  withMerchant(ebay.command('configure'), t)
    .description(t('configure.description'))
    .requiredOption('--app-id <id>', t('option.appId'))
    .option('--cert-id <secret>', t('option.certId'))
    .requiredOption('--ru-name <runame>', t('option.ruName'))
    .requiredOption('--marketplace <id>', t('option.marketplace', { ids: EBAY_MARKETPLACE_IDS.join(', ') }))
    .option('--sandbox', t('option.sandbox'))
    .option('--base-url <url>', t('option.baseUrl'))
    .option('--fulfillment-policy <id>', t('option.fulfillmentPolicy'))
    .option('--payment-policy <id>', t('option.paymentPolicy'))
    .option('--return-policy <id>', t('option.returnPolicy'))
    .option('--location <key>', t('option.location'))
    .option('--category <id>', t('option.category'))
    .action(
      async (
        options: EbayOptions & {
          appId: string;
          certId?: string;
          ruName: string;
          marketplace: string;
          sandbox?: boolean;
          baseUrl?: string;
          fulfillmentPolicy?: string;
          paymentPolicy?: string;
          returnPolicy?: string;
          location?: string;
          category?: string;
        },
      ) => {
        const status = await withMerchantWorkspace(options, (ws, merchantId) =>
          invoke(ws, 'ebay.configure', {
            merchantId,
            appId: options.appId,
            ...(options.certId ? { certId: options.certId } : {}),
            ruName: options.ruName,
            marketplace: options.marketplace as EbayStatus['marketplace'] & string,
            sandbox: options.sandbox === true,
            ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
            ...(options.fulfillmentPolicy ? { fulfillmentPolicyId: options.fulfillmentPolicy } : {}),
            ...(options.paymentPolicy ? { paymentPolicyId: options.paymentPolicy } : {}),
            ...(options.returnPolicy ? { returnPolicyId: options.returnPolicy } : {}),
            ...(options.location ? { merchantLocationKey: options.location } : {}),
            ...(options.category ? { categoryId: options.category } : {}),
          }),
        );
        print(options, status as EbayStatus);
      },
    );

  withMerchant(ebay.command('connect'), t)
    .description(t('connect.description'))
    .option('--code <code>', t('option.code'))
    .option('--landed-url <url>', t('option.landedUrl'))
    .action(async (options: EbayOptions & { code?: string; landedUrl?: string }) => {
      const status = await withMerchantWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'ebay.connect', {
          merchantId,
          ...(options.code ? { code: options.code } : {}),
          ...(options.landedUrl ? { landedUrl: options.landedUrl } : {}),
        }),
      );
      print(options, status as EbayStatus);
    });

  withMerchant(ebay.command('connect-url'), t)
    .description(t('connectUrl.description'))
    .action(async (options: EbayOptions) => {
      const { url } = (await withMerchantWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'ebay.connectUrl', { merchantId }),
      )) as { url: string };
      io.out(options.json ? `${JSON.stringify({ url })}\n` : `${url}\n`);
    });

  withMerchant(ebay.command('status'), t)
    .description(t('status.description'))
    .action(async (options: EbayOptions) => {
      const status = await withMerchantWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'ebay.status', { merchantId }),
      );
      print(options, status as EbayStatus);
    });

  const printCheck = (options: EbayOptions, check: EbayCheck) => {
    io.out(options.json ? `${JSON.stringify(check, null, 2)}\n` : describeCheck(check, t));
    if (!check.ready) {
      const blocking = check.items.filter((i) => i.blocking && !i.ok).length;
      throw new AppError('conflict', t('check.notReadyError', { count: blocking }));
    }
  };

  withMerchant(ebay.command('check'), t)
    .description(t('check.description'))
    .action(async (options: EbayOptions) => {
      const check = await withMerchantWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'ebay.check', { merchantId }),
      );
      printCheck(options, check as EbayCheck);
    });

  withMerchant(ebay.command('location'), t)
    .description(t('location.description'))
    .action(async (options: EbayOptions) => {
      const check = await withMerchantWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'ebay.createLocation', { merchantId }),
      );
      printCheck(options, check as EbayCheck);
    });

  withMerchant(ebay.command('choose'), t)
    .description(t('choose.description'))
    .option('--fulfillment-policy <id>', t('option.fulfillmentPolicy'))
    .option('--payment-policy <id>', t('option.paymentPolicy'))
    .option('--return-policy <id>', t('option.returnPolicy'))
    .option('--location <key>', t('option.location'))
    .option('--category <id>', t('option.category'))
    .action(
      async (
        options: EbayOptions & {
          fulfillmentPolicy?: string;
          paymentPolicy?: string;
          returnPolicy?: string;
          location?: string;
          category?: string;
        },
      ) => {
        const check = await withMerchantWorkspace(options, (ws, merchantId) =>
          invoke(ws, 'ebay.choose', {
            merchantId,
            ...(options.fulfillmentPolicy ? { fulfillmentPolicyId: options.fulfillmentPolicy } : {}),
            ...(options.paymentPolicy ? { paymentPolicyId: options.paymentPolicy } : {}),
            ...(options.returnPolicy ? { returnPolicyId: options.returnPolicy } : {}),
            ...(options.location ? { merchantLocationKey: options.location } : {}),
            ...(options.category ? { categoryId: options.category } : {}),
          }),
        );
        printCheck(options, check as EbayCheck);
      },
    );
}
