import { GRADES } from '../../../shared/domain/grades';
import { CHANNELS, type Channel } from '../../../shared/domain/status';
import { money, nested, say, term, type Message, type MessageParam } from '../../../shared/messages';

/**
 * History lines written before events carried a message were stored as English sentences only.
 * For the kinds whose sentence (or data) holds everything its message needs, this rebuilds the
 * message, so those lines read in each reader's language too. It is a frozen copy of how those
 * sentences were written, used by migration 0130 on both engines: a sentence it cannot read with
 * certainty gets no message and keeps showing as written. The codes are written out here rather
 * than taken from the services, so later changes there cannot change what this migration did.
 */

export interface OldEvent {
  readonly kind: string;
  readonly summary: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The currency of the event's item or merchant, for amounts the sentence wrote. */
  readonly currency: string | null;
}

const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
const isGrade = (value: string | undefined): value is string =>
  value !== undefined && (GRADES as readonly string[]).includes(value);
const channelWord = (prefix: 'on' | 'to' | 'for', channel: Channel): MessageParam =>
  nested(say(`channels.${prefix}.${channel}`));

/**
 * An amount as the old sentences wrote it (English, the currency's symbol or code, two
 * decimals: "€1,234.50", "CHF 79.00"), back in minor units. Null when it is not that shape.
 */
export function oldAmount(text: string, currency: string | null): MessageParam | null {
  if (currency === null) return null;
  const figure = /(-?)[^\d-]*([\d,]+\.\d{2})\s*$/.exec(text.trim());
  if (!figure) return null;
  const cents = Math.round(Number(figure[2]!.replaceAll(',', '')) * 100);
  if (!Number.isSafeInteger(cents)) return null;
  return money(figure[1] === '-' ? -cents : cents, currency);
}

type Recover = (event: OldEvent) => Message | null;

const received: Recover = ({ summary }) => {
  const m =
    /^Received (\S+), (.+?)(?: \(order (.+?)(?: line (\d+))?\))?( from an imported return notice)?$/.exec(
      summary,
    );
  if (!m) return null;
  const [, reference, sku, order, line, imported] = m;
  const what = { reference: reference!, sku: sku! };
  if (order === undefined) return say(imported ? 'items.received_imported' : 'items.received', what);
  if (line === undefined)
    return say(imported ? 'items.received_imported_order' : 'items.received_order', { ...what, order });
  return say(imported ? 'items.received_imported_order_line' : 'items.received_order_line', {
    ...what,
    order,
    line: Number(line),
  });
};

const RECOVER: Readonly<Record<string, Recover>> = {
  'item.received': received,
  'item.graded': ({ summary }) => {
    const grade = /^Graded (\w+)$/.exec(summary)?.[1];
    return isGrade(grade) ? say('items.graded', { condition: term('grade', grade) }) : null;
  },
  'item.regraded': ({ summary }) => {
    const m = /^Regraded (\w+) → (\w+)$/.exec(summary);
    return m && isGrade(m[1]) && isGrade(m[2])
      ? say('items.regraded', { before: term('grade', m[1]), after: term('grade', m[2]) })
      : null;
  },
  'photos.added': ({ summary }) => {
    const count = summary === '1 photo added' ? 1 : Number(/^(\d+) photos added$/.exec(summary)?.[1] ?? NaN);
    return Number.isInteger(count) ? say('photos.added', { count }) : null;
  },
  'photos.reordered': ({ summary }) => (summary === 'Photos reordered' ? say('photos.reordered') : null),
  'item.photographed': ({ summary }) =>
    summary === 'Graded and photographed: ready for pricing' ? say('pricing.photographed') : null,
  'price.approved': ({ summary, currency }) => {
    const m = /^Price approved by (.+): (.+)$/.exec(summary);
    const price = m ? oldAmount(m[2]!, currency) : null;
    return m && price ? say('pricing.approved', { name: m[1]!, price }) : null;
  },
  'listing.queued': ({ summary, data, currency }) => {
    const price = oldAmount(/ at (.+)$/.exec(summary)?.[1] ?? '', currency);
    return isChannel(data.channel) && price && summary.startsWith('Queued for ')
      ? say('channels.queued', { channel: channelWord('for', data.channel), price })
      : null;
  },
  'listing.published': ({ summary, data, currency }) => {
    const price = oldAmount(/ at (.+)$/.exec(summary)?.[1] ?? '', currency);
    return isChannel(data.channel) && price && summary.startsWith('Listed on ')
      ? say('jobs.published', { channel: channelWord('on', data.channel), price })
      : null;
  },
  'listing.retried': ({ summary, data }) =>
    isChannel(data.channel) && / tried again$/.test(summary)
      ? say('channels.retried', { channel: channelWord('to', data.channel) })
      : null,
  'listing.price_queued': ({ summary, data }) =>
    isChannel(data.channel) && summary.startsWith('New price queued for ')
      ? say('channels.price_queued', { channel: channelWord('for', data.channel) })
      : null,
  'sale.recorded': ({ summary, data, currency }) => {
    const m = /^Sold on .+? for (.+?) \+ (.+?) shipping(?: to a buyer in (\S+))? \(order (.+)\)$/.exec(
      summary,
    );
    if (!m || !isChannel(data.channel)) return null;
    const price = oldAmount(m[1]!, currency);
    const shipping = oldAmount(m[2]!, currency);
    if (!price || !shipping) return null;
    const common = { channel: channelWord('on', data.channel), price, shipping, order: m[4]! };
    return m[3] === undefined
      ? say('jobs.sale_recorded', common)
      : say('jobs.sale_recorded_to', { ...common, country: m[3] });
  },
  'merchant.created': ({ summary }) => {
    const name = /^Merchant (.+) created$/.exec(summary)?.[1];
    return name === undefined ? null : say('intake.merchant_created', { name });
  },
  'product.created': ({ summary }) => {
    const m = /^Product (.+?) created( from a catalogue import| from an imported return notice)?$/.exec(
      summary,
    );
    if (!m) return null;
    const code =
      m[2] === undefined
        ? 'intake.product_created'
        : m[2].includes('catalogue')
          ? 'intake.product_created_by_catalogue'
          : 'intake.product_created_by_notice';
    return say(code, { sku: m[1]! });
  },
  'session.signed_in': ({ summary }) => {
    const m = /^(.+) signed in \((.+)\)$/.exec(summary);
    return m ? say('accounts.signed_in', { person: m[1]!, device: m[2]! }) : null;
  },
  'workspace.demo_created': ({ summary }) => {
    const m = /^Demo workspace created: (\d+) sample returns for (.+)$/.exec(summary);
    return m ? say('workspace.demo_created', { count: Number(m[1]), merchant: m[2]! }) : null;
  },
};

/** The message an old English history line says, or null when it cannot be read back with certainty. */
export function recoverText(event: OldEvent): Message | null {
  const recover = RECOVER[event.kind];
  return recover ? recover(event) : null;
}

/** The kinds this can read back, for the migrations' query. */
export const RECOVERABLE_KINDS: readonly string[] = Object.keys(RECOVER);
