import type { Channel } from '../../../shared/domain/status';
import { systemClock, type Clock } from '../jobs/clock';
import type { Message } from '../../../shared/messages';
import type { Queryable } from '../db/queryable';
import type { Workspace } from '../workspace';
import type { ChannelAdapter } from './channel';
import { PracticeChannel } from './practice';
import { ebayPublishGap } from './ebay/preflight';
import { lazyEbayAdapter, secretBoxFor } from './ebay/service';
import { isShopChannel, shopAdapterFor, shopPublishGap } from './shops';

/** A merchant's account on a channel, as the worker needs it to build the channel's client. */
export interface ChannelAccount {
  readonly id: number;
  readonly merchantId: number;
  readonly channel: Channel;
  readonly settings: string;
  readonly salesCursor: string | null;
}

/**
 * Which channels this build can reach, and how to reach one for an account. The remote
 * channels (eBay, the shops) register here as they are written; until then publishing to them is
 * refused up front instead of failing later in a job.
 */
export interface ChannelRegistry {
  supports(channel: Channel): boolean;
  adapterFor(account: ChannelAccount): ChannelAdapter;
  /**
   * Why the merchant cannot publish there now (a local look, no network call), or null; asked
   * before anything is queued. Optional: test registries without it accept every publish.
   */
  publishGap?(db: Queryable, merchantId: number, channel: Channel): Promise<Message | null>;
}

/** The clock and the channels the jobs of one workspace use. Tests replace both. */
export interface JobsEnvironment {
  readonly clock: Clock;
  readonly channels: ChannelRegistry;
}

export function builtInRegistry(ws: Workspace, clock: Clock): ChannelRegistry {
  return {
    supports: (channel) => channel === 'practice' || channel === 'ebay' || isShopChannel(channel),
    adapterFor(account) {
      // eBay: the account row (settings + sealed secrets) says how; unconfigured fails clearly on use.
      if (account.channel === 'ebay') return lazyEbayAdapter(ws, clock, account);
      // The merchant's shops: built from the stored account on first use (auth error if unset).
      if (isShopChannel(account.channel)) return shopAdapterFor(ws, clock, account);
      if (account.channel !== 'practice') {
        throw new Error(`No channel client for ${account.channel} in this version.`);
      }
      return new PracticeChannel(ws.kysely, account.merchantId, clock);
    },
    async publishGap(db, merchantId, channel) {
      if (channel === 'ebay') return ebayPublishGap(db, secretBoxFor(ws), merchantId);
      return isShopChannel(channel) ? shopPublishGap(db, merchantId, channel) : null;
    },
  };
}

const environments = new WeakMap<Workspace, JobsEnvironment>();

/** The workspace's environment: the one configured for it, or the wall clock and built-in channels. */
export function jobsEnvironment(ws: Workspace): JobsEnvironment {
  const configured = environments.get(ws);
  if (configured) return configured;
  const env = { clock: systemClock, channels: builtInRegistry(ws, systemClock) };
  environments.set(ws, env);
  return env;
}

export function configureJobs(ws: Workspace, env: JobsEnvironment): void {
  environments.set(ws, env);
}
