import type { OutputOf, ParsedInputOf } from '../../../shared/contract/define';
import type { channelsContract } from '../../../shared/contract/channels';
import type { HandlerContext } from '../api';
import { buyOnPractice } from './practice';
import { jobsEnvironment } from './registry';
import { endListing, jobsSummary, listJobs, publishItems, retryListing, syncNow } from './service';

type ChannelsContract = typeof channelsContract;

export type ChannelsHandlers = {
  readonly [M in keyof ChannelsContract]: (
    input: ParsedInputOf<ChannelsContract[M]>,
    ctx: HandlerContext,
  ) => Promise<OutputOf<ChannelsContract[M]>>;
};

/** Channels, jobs and the practice marketplace, merged into the API's handler map in ../api.ts. */
export const channelsHandlers: ChannelsHandlers = {
  'channels.publish': async (input, { ws, actor }) => publishItems(ws, actor, jobsEnvironment(ws), input),
  'channels.retry': async (input, { ws, actor }) =>
    retryListing(ws, actor, jobsEnvironment(ws), input.listingId),
  'channels.end': async (input, { ws, actor }) => endListing(ws, actor, jobsEnvironment(ws), input),
  'channels.sync': async (_input, { ws }) => syncNow(ws, jobsEnvironment(ws)),
  'practice.buy': async (input, { ws, actor }) => buyOnPractice(ws, actor, jobsEnvironment(ws).clock, input),
  'jobs.summary': async (_input, { ws }) => jobsSummary(ws),
  'jobs.list': async (input, { ws }) => listJobs(ws, input),
};
