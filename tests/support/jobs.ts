import type { Channel } from '../../shared/domain/status';
import {
  ChannelError,
  type ChannelAdapter,
  type EndReason,
  type ListingInput,
  type RemoteListing,
  type RemoteRef,
  type RemoteSale,
  type SalesPage,
} from '../../electron/services/channels/channel';
import { PracticeChannel } from '../../electron/services/channels/practice';
import type { ChannelRegistry, JobsEnvironment } from '../../electron/services/channels/registry';
import type { Workspace } from '../../electron/services/workspace';
import { isoAt, type Clock, type Scheduler } from '../../electron/services/jobs/clock';

/**
 * Test doubles for the job worker: a clock that moves only when told, a scheduler that runs
 * callbacks when the test advances time, and an in-memory channel with injectable faults.
 * Used by tests only; nothing here touches the network or sleeps.
 */

export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}

interface Pending {
  readonly at: number;
  readonly run: () => void;
  cancelled: boolean;
}

/** Runs scheduled callbacks when the test moves the clock past their time. */
export class ManualScheduler implements Scheduler {
  private pending: Pending[] = [];
  constructor(private readonly clock: ManualClock) {}

  schedule(delayMs: number, run: () => void) {
    const entry: Pending = { at: this.clock.now() + Math.max(0, delayMs), run, cancelled: false };
    this.pending.push(entry);
    return {
      cancel: () => {
        entry.cancelled = true;
      },
    };
  }

  /** How many callbacks wait (not cancelled). */
  get size(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }

  /** The earliest waiting callback's time, or null. */
  nextAt(): number | null {
    const live = this.pending.filter((p) => !p.cancelled).map((p) => p.at);
    return live.length === 0 ? null : Math.min(...live);
  }

  /** Runs every callback due at the clock's current time. */
  runDue(): number {
    const due = this.pending.filter((p) => !p.cancelled && p.at <= this.clock.now());
    this.pending = this.pending.filter((p) => !due.includes(p));
    for (const entry of due) entry.run();
    return due.length;
  }
}

type Operation = 'findBySku' | 'upsert' | 'updatePrice' | 'end' | 'state' | 'salesSince';

interface MemoryListing {
  id: string;
  sku: string;
  priceCents: number;
  currency: string;
  status: 'live' | 'ended' | 'sold';
  endReason: EndReason | null;
}

/**
 * A marketplace in memory, shaped like eBay: offer and listing ids, a URL, sales as order lines.
 * Like Vendure it accepts two listings with the same SKU, so only the adapter's look-up before
 * create (as every real adapter must do) keeps a retried publish from duplicating.
 * `failNext` makes the next calls of an operation throw the given errors, in order.
 */
export class MemoryChannel implements ChannelAdapter {
  readonly remote: MemoryListing[] = [];
  readonly calls: Operation[] = [];
  private readonly faults = new Map<Operation, ChannelError[]>();
  private readonly orders: (RemoteSale & { seq: number })[] = [];
  private nextId = 9000;
  private seq = 0;

  constructor(
    readonly channel: Channel,
    private readonly clock: Clock,
  ) {}

  failNext(operation: Operation, ...errors: ChannelError[]): void {
    this.faults.set(operation, [...(this.faults.get(operation) ?? []), ...errors]);
  }

  /** How many listings were ever created (a duplicate would show here). */
  get created(): number {
    return this.remote.length;
  }

  /** The first listing with this SKU, as a SKU search on the remote answers. */
  bySku(sku: string): MemoryListing | undefined {
    return this.remote.find((l) => l.sku === sku);
  }

  private enter(operation: Operation): void {
    this.calls.push(operation);
    const queue = this.faults.get(operation);
    const fault = queue?.shift();
    if (fault) throw fault;
  }

  private view(l: MemoryListing): RemoteListing {
    return {
      sku: l.sku,
      offerId: `offer-${l.id}`,
      listingId: l.id,
      status: l.status,
      url: `https://market.test/itm/${l.id}`,
      priceCents: l.priceCents,
      currency: l.currency,
    };
  }

  /** Puts a listing on the remote directly, as a create that succeeded just before a crash. */
  seedListing(sku: string, priceCents: number, currency = 'EUR'): string {
    const id = String((this.nextId += 1));
    this.remote.push({ id, sku, priceCents, currency, status: 'live', endReason: null });
    return id;
  }

  /** A buyer buys the listing: an order line appears for the next salesSince. */
  sell(sku: string, kind: RemoteSale['kind'] = 'sale', orderId = `ORD-${sku}`): void {
    const listing = this.bySku(sku);
    if (!listing) throw new Error(`MemoryChannel: nothing listed as ${sku}`);
    if (kind === 'sale') listing.status = 'sold';
    this.seq += 1;
    this.orders.push({
      seq: this.seq,
      orderId,
      lineId: '1',
      sku,
      remoteListingId: listing.id,
      priceCents: listing.priceCents,
      shippingCents: 590,
      feesCents: 120,
      currency: listing.currency,
      soldAt: isoAt(this.clock.now()),
      buyerCountry: 'FR',
      kind,
    });
  }

  async findBySku(sku: string): Promise<RemoteListing | null> {
    this.enter('findBySku');
    const l = this.bySku(sku);
    return l ? this.view(l) : null;
  }

  async upsert(input: ListingInput): Promise<RemoteListing> {
    this.enter('upsert');
    // The adapter's side of the contract: look the SKU up first, update what is there.
    const existing = this.bySku(input.sku);
    if (existing) {
      existing.priceCents = input.priceCents;
      existing.status = 'live';
      return this.view(existing);
    }
    const id = this.seedListing(input.sku, input.priceCents, input.currency);
    const created = this.remote.find((l) => l.id === id);
    if (!created) throw new Error(`MemoryChannel lost listing ${id}`);
    return this.view(created);
  }

  async updatePrice(ref: RemoteRef, priceCents: number): Promise<RemoteListing> {
    this.enter('updatePrice');
    const l = this.remote.find((r) => r.id === ref.listingId) ?? this.bySku(ref.sku);
    if (!l) throw new ChannelError('user', 'not_found', `${ref.sku} is not listed.`);
    l.priceCents = priceCents;
    return this.view(l);
  }

  async end(ref: RemoteRef, reason: EndReason): Promise<void> {
    this.enter('end');
    const l = this.remote.find((r) => r.id === ref.listingId) ?? this.bySku(ref.sku);
    if (l && l.status === 'live') {
      l.status = 'ended';
      l.endReason = reason;
    }
  }

  async state(ref: RemoteRef): Promise<RemoteListing | null> {
    this.enter('state');
    const l = this.remote.find((r) => r.id === ref.listingId) ?? this.bySku(ref.sku);
    return l ? this.view(l) : null;
  }

  /** The cursor is the last order's sequence number; one line before it is read again (overlap). */
  async salesSince(cursor: string | null): Promise<SalesPage> {
    this.enter('salesSince');
    const from = cursor === null ? 0 : Math.max(0, Number(cursor) - 1);
    const lines = this.orders.filter((o) => o.seq > from);
    const sales = lines.map(({ seq: _seq, ...sale }) => sale);
    return { sales, cursor: String(lines.at(-1)?.seq ?? cursor ?? 0) };
  }
}

/** The practice marketplace plus in-memory channels, all on the test's clock. */
export function testEnvironment(
  ws: Workspace,
  clock: Clock,
  memory: readonly MemoryChannel[],
): JobsEnvironment {
  const channels: ChannelRegistry = {
    supports: (channel) => channel === 'practice' || memory.some((m) => m.channel === channel),
    adapterFor(account) {
      if (account.channel === 'practice') return new PracticeChannel(ws.kysely, account.merchantId, clock);
      const found = memory.find((m) => m.channel === account.channel);
      if (!found) throw new Error(`No test channel ${account.channel}`);
      return found;
    },
  };
  return { clock, channels };
}
