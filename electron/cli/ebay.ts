import type { Command } from 'commander';
import type { EbayStatus } from '../../shared/contract/ebay';
import { EBAY_MARKETPLACE_IDS } from '../../shared/contract/ebay';
import { AppError } from '../../shared/errors';
import { dispatch } from '../services/api';
import { defaultDataDir } from '../services/paths';
import { Workspace } from '../services/workspace';
import type { CliIo } from './index';

/**
 * The merchant's eBay account on the command line: the app's credentials, the seller's consent
 * code, and where the account stands. The cert id goes straight into the sealed secret.
 */

interface CommonOptions {
  dataDir: string;
  json?: boolean;
  merchant: string;
}

function withCommon(command: Command): Command {
  return command
    .requiredOption('--merchant <merchant>', 'the merchant’s id or exact name')
    .option(
      '--data-dir <dir>',
      'data folder (default: the desktop app’s, or $REBOUND_DATA_DIR)',
      defaultDataDir(),
    )
    .option('--json', 'print machine-readable JSON');
}

async function withWorkspace<T>(
  options: CommonOptions,
  work: (ws: Workspace, merchantId: number) => Promise<T>,
) {
  const ws = Workspace.open(options.dataDir);
  try {
    const byId = /^\d+$/.test(options.merchant) ? Number(options.merchant) : null;
    const row = await ws.kysely
      .selectFrom('merchants')
      .select('id')
      .where(byId === null ? 'name' : 'id', '=', byId === null ? options.merchant : byId)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `No merchant “${options.merchant}”.`);
    return await work(ws, row.id);
  } finally {
    await ws.close();
  }
}

function describeStatus(s: EbayStatus): string {
  if (!s.configured) return 'eBay: not configured (run `rebound ebay configure`).\n';
  const lines = [
    `eBay ${s.marketplace ?? ''}${s.sandbox ? ' (sandbox)' : ''}: ${s.connected ? 'connected' : 'not connected yet'}`,
    ...(s.baseUrl ? [`  calls go to ${s.baseUrl}`] : []),
    ...(s.accessExpiresAt ? [`  access renews before ${s.accessExpiresAt}`] : []),
    s.readyToPublish
      ? '  ready to publish'
      : '  not ready to publish: connect, and set the policies, location and category',
  ];
  return `${lines.join('\n')}\n`;
}

export function registerEbayCommands(program: Command, io: CliIo): void {
  const ebay = program.command('ebay').description('connect a merchant’s eBay account');
  const print = (options: CommonOptions, value: EbayStatus) =>
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : describeStatus(value));

  withCommon(ebay.command('configure'))
    .description('store the eBay app’s credentials (the cert id is kept encrypted)')
    .requiredOption('--app-id <id>', 'the app id (client id)')
    .requiredOption('--cert-id <secret>', 'the cert id (client secret)')
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
        options: CommonOptions & {
          appId: string;
          certId: string;
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
        const status = await withWorkspace(options, (ws, merchantId) =>
          dispatch(ws, 'ebay.configure', {
            merchantId,
            appId: options.appId,
            certId: options.certId,
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

  withCommon(ebay.command('connect'))
    .description('finish connecting with the code (or the whole address) eBay gave after you agreed')
    .option('--code <code>', 'the authorization code')
    .option('--landed-url <url>', 'the address the browser showed after you agreed')
    .action(async (options: CommonOptions & { code?: string; landedUrl?: string }) => {
      const status = await withWorkspace(options, (ws, merchantId) =>
        dispatch(ws, 'ebay.connect', {
          merchantId,
          ...(options.code ? { code: options.code } : {}),
          ...(options.landedUrl ? { landedUrl: options.landedUrl } : {}),
        }),
      );
      print(options, status as EbayStatus);
    });

  withCommon(ebay.command('connect-url'))
    .description('print the eBay address where the seller agrees to Rebound’s access')
    .action(async (options: CommonOptions) => {
      const { url } = (await withWorkspace(options, (ws, merchantId) =>
        dispatch(ws, 'ebay.connectUrl', { merchantId }),
      )) as { url: string };
      io.out(options.json ? `${JSON.stringify({ url })}\n` : `${url}\n`);
    });

  withCommon(ebay.command('status'))
    .description('whether the merchant’s eBay account is configured, connected and ready')
    .action(async (options: CommonOptions) => {
      const status = await withWorkspace(options, (ws, merchantId) =>
        dispatch(ws, 'ebay.status', { merchantId }),
      );
      print(options, status as EbayStatus);
    });
}
