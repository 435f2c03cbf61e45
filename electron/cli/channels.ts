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
import { renderMessage } from '../../shared/messages/render';
import { asMessage, type StoredMessage } from '../../shared/messages';
import { wordsIn, type Words } from './texts';
import { CHANNELS_TEXTS } from './texts/channels';

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

type ChannelsWords = Words<keyof typeof CHANNELS_TEXTS & string>;

/** A services' text in the reader's language: English as it came, another language from its message. */
function inLanguage(t: ChannelsWords, english: string, text: StoredMessage | null | undefined): string {
  return t.language === 'en' || !text ? english : renderMessage(text, t.language, english);
}

/** A listing's stored `last_error_text` (the message as JSON), as services/jobs/error-text.ts writes it. */
function storedText(json: string | null | undefined): StoredMessage | null {
  if (!json) return null;
  try {
    return asMessage(JSON.parse(json));
  } catch {
    return null;
  }
}

export function registerChannelsCommands(program: Command, io: CliIo): void {
  const t = wordsIn(CHANNELS_TEXTS, io.language);
  const print = (options: CommonOptions, value: unknown, human: () => string) => {
    io.out(options.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  };

  withCommon(program.command('publish'))
    .description(t('publish.description'))
    .argument('<references...>', t('publish.references'))
    .addOption(
      new Option('--channel <channel>', t('publish.channel', { channels: CHANNELS.join(', ') })).argParser(
        (value: string, previous: string[] | undefined) => {
          if (!(CHANNELS as readonly string[]).includes(value) && value !== 'shop') {
            // bad_input: the CLI exits 2, as for any other invalid value.
            throw new AppError(
              'bad_input',
              t('publish.unknownChannel', { value, channels: CHANNELS.join(', ') }),
            );
          }
          return [...(previous ?? []), value];
        },
      ),
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

        // What a person reads in their language, beside the English kept for --json.
        const texts = new Map<PublishLine, StoredMessage | null>();
        const lines: PublishLine[] = refused.map(({ item, message, text }) => {
          const line: PublishLine = {
            reference: item.reference,
            channel: 'shop',
            status: 'refused',
            url: null,
            message,
          };
          texts.set(line, text);
          return line;
        });
        for (const result of results) {
          const listing =
            result.listingId === null
              ? undefined
              : await ws.kysely
                  .selectFrom('listings')
                  .select(['status', 'url', 'last_error', 'last_error_text'])
                  .where('id', '=', result.listingId)
                  .executeTakeFirst();
          const line: PublishLine = {
            reference: result.reference ?? String(result.itemId),
            channel: result.channel,
            status: result.outcome === 'refused' ? 'refused' : (listing?.status ?? 'unknown'),
            url: listing?.url ?? null,
            message: result.outcome === 'refused' ? result.message : (listing?.last_error ?? null),
          };
          texts.set(line, result.outcome === 'refused' ? result.text : storedText(listing?.last_error_text));
          lines.push(line);
        }
        print(options, lines, () =>
          lines
            .map(
              (l) =>
                `${l.reference}\t${l.channel}\t${l.status}${l.url ? `\t${l.url}` : ''}${l.message ? `\t${inLanguage(t, l.message, texts.get(l))}` : ''}\n`,
            )
            .join(''),
        );
        const bad = lines.filter((l) => l.status !== 'live');
        if (bad.length > 0) {
          throw new AppError('conflict', t('publish.notLive', { count: bad.length, total: lines.length }));
        }
      });
    });

  withCommon(program.command('sync'))
    .description(t('sync.description'))
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
            ? `${t('sync.none')}\n`
            : outcomes
                .map(
                  (o) =>
                    `${t('sync.job', { id: o.jobId })}\t${o.status}\t${inLanguage(t, o.status === 'done' ? o.summary : o.message, o.text)}\n`,
                )
                .join(''),
        );
        const failed = outcomes.filter((o) => o.status === 'failed');
        if (failed.length > 0) throw new AppError('conflict', t('sync.failed', { count: failed.length }));
      });
    });

  const practice = program.command('practice').description(t('practice.description'));
  withCommon(practice.command('buy'))
    .description(t('buy.description'))
    .argument('<reference>', t('buy.reference'))
    .option('--country <code>', t('buy.country'))
    .action(async (reference: string, options: CommonOptions & { country?: string }) => {
      await withWorkspace(options, async (ws) => {
        const item = await itemByReference(ws, reference);
        const order = await invoke(ws, 'practice.buy', {
          itemId: item.id,
          ...(options.country === undefined ? {} : { buyerCountry: options.country }),
        });
        const currency = order.currency as Parameters<typeof formatMoney>[1];
        // English keeps the plain 'en' drawing it always had ("$29.90"; en-GB would say "US$29.90").
        const locale = t.language === 'en' ? 'en' : t.locale;
        print(
          options,
          order,
          () =>
            `${t('buy.done', {
              reference,
              order: order.orderId,
              price: formatMoney(order.priceCents, currency, locale),
              shipping: formatMoney(order.shippingCents, currency, locale),
              country: order.buyerCountry,
            })}\n`,
        );
      });
    });

  const jobs = program.command('jobs').description(t('jobs.description'));
  withCommon(jobs.command('list'))
    .description(t('jobsList.description'))
    .addOption(new Option('--status <status>', t('jobsList.status')).choices([...JOB_STATUSES]))
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
                `${j.id}\t${j.kind}\t${j.status}\t${j.reference ?? '—'}\t${j.channel ?? '—'}\t${j.attempts}/${j.maxAttempts}${j.lastError ? `\t${inLanguage(t, j.lastError, j.lastErrorText)}` : ''}\n`,
            )
            .join(''),
        );
      });
    });
}
