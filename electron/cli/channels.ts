import { Option, type Command } from 'commander';
import type { ItemDetail, PublishResult } from '../../shared/contract';
import { JOB_STATUSES, type JobStatusName } from '../../shared/contract/channels';
import { formatMoney } from '../../shared/domain/money';
import { CHANNELS, type Channel } from '../../shared/domain/status';
import { AppError } from '../../shared/errors';
import type { JobOutcome } from '../services/jobs/runner';
import type { Workspace } from '../services/workspace';
import type { CliIo } from './index';
import { type CommonOptions, withCommon, withWorkspace } from './common';
import { invoke, services } from './load';
import { expandShopChannel } from './shop';

/**
 * Publishing, the sales sync and the practice marketplace on the command line. `publish` and
 * `sync` do not leave the work to a running app: they enqueue the jobs, run them in this process
 * until they are done (or failed), then print what happened. Exit codes: 0 everything went
 * through, 1 something was refused or failed (explained), 2 bad usage.
 */

async function itemByReference(ws: Workspace, reference: string): Promise<ItemDetail> {
  return await invoke(ws, 'items.getByReference', { reference });
}

export interface PublishLine {
  readonly reference: string;
  /** `shop`: refused before a shop platform could be chosen for the item. */
  readonly channel: Channel | 'shop';
  readonly status: string;
  readonly url: string | null;
  readonly message: string | null;
}

export function registerChannelsCommands(program: Command, io: CliIo): void {
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  withCommon(program.command('publish'))
    .description('publish approved items to a channel and wait until each is live or has failed')
    .argument('<references...>', 'the items’ Rebound references, e.g. RB-000123')
    .addOption(
      new Option(
        '--channel <channel>',
        `where to publish (repeatable): ${CHANNELS.join(', ')}, or shop (the merchant’s own shop)`,
      ).argParser((value: string, previous: string[] | undefined) => {
        if (!(CHANNELS as readonly string[]).includes(value) && value !== 'shop') {
          // bad_input: the CLI exits 2, as for any other invalid value.
          throw new AppError(
            'bad_input',
            `Unknown channel “${value}”. Channels: ${CHANNELS.join(', ')}, shop.`,
          );
        }
        return [...(previous ?? []), value];
      }),
    )
    .action(async (references: string[], options: CommonOptions & { channel?: Channel[] }) => {
      const channels =
        options.channel && options.channel.length > 0 ? options.channel : (['practice'] as Channel[]);
      await withWorkspace(options, async (ws) => {
        const items = [];
        for (const reference of references) items.push(await itemByReference(ws, reference));
        // `shop` is each item's merchant's own configured shop (electron/cli/shop.ts).
        const { groups, refused } = await expandShopChannel(ws, items, channels);
        const results: PublishResult[] = [];
        for (const group of groups) {
          results.push(
            ...(await invoke(ws, 'channels.publish', {
              itemIds: group.itemIds,
              channels: group.channels,
            })),
          );
        }
        const jobIds = results.flatMap((r) => (r.jobId === null ? [] : [r.jobId]));
        const { JobRunner } = await services();
        await new JobRunner(ws, { salesPollMs: 0 }).runUntilSettled(jobIds);

        const lines: PublishLine[] = refused.map(({ item, message }) => ({
          reference: item.reference,
          channel: 'shop',
          status: 'refused',
          url: null,
          message,
        }));
        for (const result of results) {
          const listing =
            result.listingId === null
              ? undefined
              : await ws.kysely
                  .selectFrom('listings')
                  .select(['status', 'url', 'last_error'])
                  .where('id', '=', result.listingId)
                  .executeTakeFirst();
          lines.push({
            reference: result.reference ?? String(result.itemId),
            channel: result.channel,
            status: result.outcome === 'refused' ? 'refused' : (listing?.status ?? 'unknown'),
            url: listing?.url ?? null,
            message: result.outcome === 'refused' ? result.message : (listing?.last_error ?? null),
          });
        }
        print(options, lines, () =>
          lines
            .map(
              (l) =>
                `${l.reference}\t${l.channel}\t${l.status}${l.url ? `\t${l.url}` : ''}${l.message ? `\t${l.message}` : ''}\n`,
            )
            .join(''),
        );
        const bad = lines.filter((l) => l.status !== 'live');
        if (bad.length > 0) {
          throw new AppError(
            'conflict',
            `${bad.length} of ${lines.length} listings are not live (see above).`,
          );
        }
      });
    });

  withCommon(program.command('sync'))
    .description('fetch new sales from every connected channel and record them')
    .action(async (options: CommonOptions) => {
      await withWorkspace(options, async (ws) => {
        const request = await invoke(ws, 'channels.sync', {});
        const { JobRunner } = await services();
        const runner = new JobRunner(ws, { salesPollMs: 0 });
        const outcomes: JobOutcome[] = await runner.runUntilSettled(request.jobIds);
        // A sale queues the end of the item's other listings: do them now rather than leave them.
        outcomes.push(...(await runner.runDue()));
        print(options, outcomes, () =>
          outcomes.length === 0
            ? 'No channel account to sync yet.\n'
            : outcomes
                .map((o) => `job ${o.jobId}\t${o.status}\t${o.status === 'done' ? o.summary : o.message}\n`)
                .join(''),
        );
        const failed = outcomes.filter((o) => o.status === 'failed');
        if (failed.length > 0)
          throw new AppError('conflict', `${failed.length} sync jobs failed (see above).`);
      });
    });

  const practice = program.command('practice').description('the built-in practice marketplace');
  withCommon(practice.command('buy'))
    .description(
      'a simulated buyer buys the item on the practice marketplace (run `rebound sync` to record it)',
    )
    .argument('<reference>', 'the item’s Rebound reference, e.g. RB-000123')
    .option('--country <code>', 'the buyer’s country, two letters (default IE)')
    .action(async (reference: string, options: CommonOptions & { country?: string }) => {
      await withWorkspace(options, async (ws) => {
        const item = await itemByReference(ws, reference);
        const order = await invoke(ws, 'practice.buy', {
          itemId: item.id,
          ...(options.country === undefined ? {} : { buyerCountry: options.country }),
        });
        print(
          options,
          order,
          () =>
            `${reference} bought on the practice marketplace: order ${order.orderId}, ${formatMoney(order.priceCents, order.currency as Parameters<typeof formatMoney>[1], 'en')} + ${formatMoney(order.shippingCents, order.currency as Parameters<typeof formatMoney>[1], 'en')} shipping, buyer in ${order.buyerCountry}.\n`,
        );
      });
    });

  const jobs = program.command('jobs').description('the outbox of remote work');
  withCommon(jobs.command('list'))
    .description('list jobs, newest first')
    .addOption(new Option('--status <status>', 'only jobs in this status').choices([...JOB_STATUSES]))
    // commander's choices() lets only a job status through.
    .action(async (options: CommonOptions & { status?: JobStatusName }) => {
      await withWorkspace(options, async (ws) => {
        const rows = await invoke(ws, 'jobs.list', {
          ...(options.status === undefined ? {} : { status: options.status }),
        });
        print(options, rows, () =>
          rows
            .map(
              (j) =>
                `${j.id}\t${j.kind}\t${j.status}\t${j.reference ?? '—'}\t${j.channel ?? '—'}\t${j.attempts}/${j.maxAttempts}${j.lastError ? `\t${j.lastError}` : ''}\n`,
            )
            .join(''),
        );
      });
    });
}
