import { z } from 'zod';
import { CHANNELS, type Channel, type ListingStatus } from '../domain/status';
import type { StoredMessage } from '../messages';
import { Id } from './common';
import { method } from './define';

/**
 * Publishing to channels, the durable jobs that do the remote work, and the built-in practice
 * marketplace. Every method here only writes rows (a listing queued, a job, a practice order);
 * the job worker makes the remote calls, so none of these waits on a marketplace.
 */

export const ChannelName = z.enum(CHANNELS);

export const PublishInput = z
  .object({
    itemIds: z.array(Id).min(1).max(500),
    channels: z.array(ChannelName).min(1).max(CHANNELS.length),
  })
  .strict();

export type PublishOutcome = 'queued' | 'already' | 'refused';

export interface PublishResult {
  readonly itemId: number;
  readonly reference: string | null;
  readonly channel: Channel;
  readonly outcome: PublishOutcome;
  readonly listingId: number | null;
  readonly jobId: number | null;
  /** Why it was refused or left alone, in plain words; null when queued. */
  readonly message: string | null;
  /** The same as a message, drawn in the reader's language; null when queued. */
  readonly text: StoredMessage | null;
}

export const RetryInput = z.object({ listingId: Id }).strict();

export const END_REASONS = ['sold', 'sold_elsewhere', 'withdrawn'] as const;
export type EndReasonName = (typeof END_REASONS)[number];

export const EndInput = z
  .object({
    itemId: Id,
    channel: ChannelName,
    reason: z.enum(END_REASONS).default('withdrawn'),
  })
  .strict();

export interface ListingJobResult {
  readonly listingId: number;
  readonly channel: Channel;
  readonly status: ListingStatus;
  readonly jobId: number;
}

export interface SyncRequest {
  readonly jobIds: readonly number[];
}

/** ISO 3166-1 alpha-2, as marketplaces report a buyer's country. */
export const CountryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'expected a two-letter country code, e.g. DE')
  .transform((code) => code.toUpperCase());

export const PracticeBuyInput = z
  .object({
    itemId: Id.optional(),
    listingId: Id.optional(),
    buyerCountry: CountryCode.optional(),
  })
  .strict()
  .refine((input) => (input.itemId === undefined) !== (input.listingId === undefined), {
    message: 'give either itemId or listingId (one of them)',
  });

export interface PracticeOrderResult {
  readonly orderId: string;
  readonly practiceListingId: number;
  readonly itemId: number | null;
  readonly sku: string;
  readonly priceCents: number;
  readonly shippingCents: number;
  readonly currency: string;
  readonly buyerCountry: string;
  readonly url: string;
}

export const JOB_KINDS = ['publish', 'update_price', 'end', 'sync_sales'] as const;
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobKindName = (typeof JOB_KINDS)[number];
export type JobStatusName = (typeof JOB_STATUSES)[number];

/** What the top bar shows: work waiting, under way, and stuck. */
export interface JobsSummary {
  readonly queued: number;
  readonly running: number;
  readonly failed: number;
}

export const JobsListInput = z
  .object({
    status: z.enum(JOB_STATUSES).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export interface JobRowView {
  readonly id: number;
  readonly kind: JobKindName;
  readonly status: JobStatusName;
  readonly itemId: number | null;
  readonly reference: string | null;
  readonly channel: Channel | null;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly nextRunAt: string;
  readonly lastError: string | null;
  /** The same as a message in the reader's language; null for older rows and English-only reasons. */
  readonly lastErrorText: StoredMessage | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const channelsContract = {
  'channels.publish': method<readonly PublishResult[]>()(PublishInput, { writes: true }),
  'channels.retry': method<ListingJobResult>()(RetryInput, { writes: true }),
  'channels.end': method<ListingJobResult>()(EndInput, { writes: true }),
  'channels.sync': method<SyncRequest>()(z.object({}).strict(), { writes: true }),
  'practice.buy': method<PracticeOrderResult>()(PracticeBuyInput, { writes: true }),
  'jobs.summary': method<JobsSummary>()(z.object({}).strict()),
  'jobs.list': method<readonly JobRowView[]>()(JobsListInput),
} as const;
