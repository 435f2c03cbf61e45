import type { Command } from 'commander';
import type { EbayCheck, EbayStatus } from '../../shared/contract/ebay';
import { EBAY_MARKETPLACE_IDS } from '../../shared/contract/ebay';
import { AppError } from '../../shared/errors';
import { invoke } from './load';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, merchantOf, withCommon, withWorkspace } from './common';

/**
 * The merchant's eBay account on the command line: the app's credentials, the seller's consent
 * code, and where the account stands. The cert id goes straight into the sealed secret.
 * Exit codes as everywhere: 0 done (for `check`: ready to publish), 1 failed or not ready
 * (explained), 2 bad usage.
 */

interface EbayOptions extends CommonOptions {
  merchant: string;
}

function withMerchant(command: Command): Command {
  return withCommon(command.requiredOption('--merchant <merchant>', 'the merchant’s id or exact name'));
}

async function withMerchantWorkspace<T>(
  options: EbayOptions,
  work: (ws: Workspace, merchantId: number) => Promise<T>,
) {
  return withWorkspace(options, async (ws) => work(ws, (await merchantOf(ws, options.merchant)).id));
}

function describeStatus(s: EbayStatus): string {
  if (!s.configured) return 'eBay: not configured (run `rebound ebay configure`).\n';
  const lines = [
    `eBay ${s.marketplace ?? ''}${s.sandbox ? ' (sandbox)' : ''}: ${s.connected ? 'connected' : 'not connected yet'}`,
    ...(s.baseUrl ? [`  calls go to ${s.baseUrl}`] : []),
    ...(s.accessExpiresAt ? [`  access renews before ${s.accessExpiresAt}`] : []),
    s.readyToPublish
      ? '  ready to publish'
      : '  not ready to publish: run `rebound ebay check` to see what is missing',
  ];
  return `${lines.join('\n')}\n`;
}

const MARK = { ok: '✓', blocking: '✗', warning: '!' } as const;

/** One line per item, the fix indented under it: what the Settings panel shows, in a terminal. */
function describeCheck(c: EbayCheck): string {
  const lines = [
    `eBay pre-flight for merchant ${c.merchantId}${c.marketplace ? ` on ${c.marketplace}` : ''}: ${c.ready ? 'ready to publish' : 'not ready to publish'}`,
  ];
  for (const item of c.items) {
    const mark = item.ok ? MARK.ok : item.blocking ? MARK.blocking : MARK.warning;
    lines.push(`${mark} ${item.key}: ${item.message}`);
    if (item.fix) lines.push(`    → ${item.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerEbayCommands(program: Command, io: CliIo): void {
  const ebay = program.command('ebay').description('connect a merchant’s eBay account');
  const print = (options: EbayOptions, value: EbayStatus) =>
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : describeStatus(value));

  withMerchant(ebay.command('configure'))
    .description('store the eBay app’s credentials (the cert id is kept encrypted)')
    .requiredOption('--app-id <id>', 'the app id (client id)')
    .option('--cert-id <secret>', 'the cert id (client secret); omit to keep the stored one of the same app')
    .requiredOption('--ru-name <runame>', 'the RuName (eBay redirect URL name)')
    .requiredOption('--marketplace <id>', `one of ${EBAY_MARKETPLACE_IDS.join(', ')}`)
    .option('--sandbox', 'use eBay’s sandbox')
    .option('--base-url <url>', 'send every eBay call to this base instead (a test server)')
    .option('--fulfillment-policy <id>', 'shipping policy id')
    .option('--payment-policy <id>', 'payment policy id')
    .option('--return-policy <id>', 'return policy id')
    .option('--location <key>', 'merchant location key')
    .option('--category <id>', 'eBay category id for the listings')
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

  withMerchant(ebay.command('connect'))
    .description('finish connecting with the code (or the whole address) eBay gave after you agreed')
    .option('--code <code>', 'the authorization code')
    .option('--landed-url <url>', 'the address the browser showed after you agreed')
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

  withMerchant(ebay.command('connect-url'))
    .description('print the eBay address where the seller agrees to Rebound’s access')
    .action(async (options: EbayOptions) => {
      const { url } = (await withMerchantWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'ebay.connectUrl', { merchantId }),
      )) as { url: string };
      io.out(options.json ? `${JSON.stringify({ url })}\n` : `${url}\n`);
    });

  withMerchant(ebay.command('status'))
    .description('whether the merchant’s eBay account is configured, connected and ready')
    .action(async (options: EbayOptions) => {
      const status = await withMerchantWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'ebay.status', { merchantId }),
      );
      print(options, status as EbayStatus);
    });

  const printCheck = (options: EbayOptions, check: EbayCheck) => {
    io.out(options.json ? `${JSON.stringify(check, null, 2)}\n` : describeCheck(check));
    if (!check.ready) {
      const blocking = check.items.filter((i) => i.blocking && !i.ok).length;
      throw new AppError(
        'conflict',
        `eBay is not ready to publish: ${blocking} ${blocking === 1 ? 'item needs' : 'items need'} fixing (see above).`,
      );
    }
  };

  withMerchant(ebay.command('check'))
    .description('pre-flight: read the seller’s policies, locations and the category’s conditions from eBay')
    .action(async (options: EbayOptions) => {
      const check = await withMerchantWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'ebay.check', { merchantId }),
      );
      printCheck(options, check as EbayCheck);
    });

  withMerchant(ebay.command('location'))
    .description('create the seller’s warehouse location on eBay from the merchant’s address, and choose it')
    .action(async (options: EbayOptions) => {
      const check = await withMerchantWorkspace(options, (ws, merchantId) =>
        invoke(ws, 'ebay.createLocation', { merchantId }),
      );
      printCheck(options, check as EbayCheck);
    });

  withMerchant(ebay.command('choose'))
    .description('choose the seller’s policies, location and category (then check again)')
    .option('--fulfillment-policy <id>', 'shipping policy id')
    .option('--payment-policy <id>', 'payment policy id')
    .option('--return-policy <id>', 'return policy id')
    .option('--location <key>', 'merchant location key')
    .option('--category <id>', 'eBay category id for the listings')
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
