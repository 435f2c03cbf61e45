import { say } from '../../../../shared/messages';
import { ChannelError, classifyHttpFailure, parseRetryAfter } from '../channel';

/** eBay's error codes worth another try though the status alone might not say so (SOURCES.md). */
const RETRYABLE_CODES = new Set([25001, 25025, 2001]);

export const RECONNECT_MESSAGE = 'eBay no longer accepts Rebound’s access: reconnect in Settings.';
/** The same, drawn in the reader's language. */
export const RECONNECT_TEXT = say('channels.ebay.reconnect');

interface EbayErrorBody {
  readonly errorId?: number;
  readonly message?: string;
  readonly longMessage?: string;
  readonly parameters?: readonly { name?: string; value?: string }[];
}

/** What we can read from a failed call, whether ebay-api wrapped it (`meta.res`) or axios threw it. */
export interface FailedCall {
  readonly status: number | null;
  readonly headers: Record<string, unknown>;
  readonly errors: readonly EbayErrorBody[];
  /** The OAuth endpoint's `{error, error_description}`. */
  readonly oauthError: string | null;
  readonly oauthDescription: string | null;
  readonly networkCode: string | null;
}

export function readFailure(error: unknown): FailedCall {
  const e = error as {
    meta?: { res?: { status?: number; headers?: Record<string, unknown>; data?: unknown } };
    response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
    code?: string;
  } | null;
  const res = e?.meta?.res ?? e?.response;
  const data = (res?.data ?? null) as {
    errors?: EbayErrorBody[];
    error?: string;
    error_description?: string;
  } | null;
  return {
    status: typeof res?.status === 'number' ? res.status : null,
    headers: res?.headers ?? {},
    errors: Array.isArray(data?.errors) ? data.errors : [],
    oauthError: typeof data?.error === 'string' ? data.error : null,
    oauthDescription: typeof data?.error_description === 'string' ? data.error_description : null,
    networkCode: typeof e?.code === 'string' ? e.code : null,
  };
}

/** eBay's 1001 "Invalid access token": the one answer our refresh-and-retry-once handles. */
export function isExpiredToken(failure: FailedCall): boolean {
  return (
    failure.status === 401 && (failure.errors.length === 0 || failure.errors.some((x) => x.errorId === 1001))
  );
}

/** The id eBay names in a 25002 "Offer entity already exists": the offer we must reuse. */
export function existingOfferId(error: unknown): string | null {
  const failure = readFailure(error);
  for (const item of failure.errors) {
    const param = item.parameters?.find((p) => p.name === 'offerId');
    if (item.errorId === 25002 && param?.value) return param.value;
  }
  return null;
}

/**
 * One eBay failure → one ChannelError: 429/5xx/25001/25025/timeouts retry (honouring Retry-After),
 * 401/403 need a reconnect, every other 4xx is the data and carries eBay's own words.
 */
export function mapEbayError(error: unknown, action: string, nowMs: number): ChannelError {
  if (error instanceof ChannelError) return error;
  const failure = readFailure(error);
  if (failure.status === null) {
    const detail = error instanceof Error ? error.message : String(error);
    return new ChannelError(
      'retryable',
      failure.networkCode ?? 'network',
      `eBay did not answer while ${action}: ${detail}`,
      {
        cause: error,
        text: say('channels.remote.no_answer', { service: 'eBay', remote: detail }),
      },
    );
  }
  const first = failure.errors[0];
  const words = first?.longMessage || first?.message || failure.oauthDescription || `HTTP ${failure.status}`;
  const retryAfter = failure.headers['retry-after'];
  const retryHeader = typeof retryAfter === 'string' ? retryAfter : null;
  if (failure.errors.some((x) => x.errorId !== undefined && RETRYABLE_CODES.has(x.errorId))) {
    return new ChannelError(
      'retryable',
      String(first?.errorId ?? failure.status),
      `eBay is busy (${words}) while ${action}.`,
      {
        retryAfterMs: parseRetryAfter(retryHeader, nowMs),
        cause: error,
        text: say('channels.remote.busy', { service: 'eBay', remote: words }),
      },
    );
  }
  if (failure.status === 401 || failure.oauthError === 'invalid_grant') {
    return new ChannelError('auth', failure.oauthError ?? 'http_401', RECONNECT_MESSAGE, {
      cause: error,
      text: RECONNECT_TEXT,
    });
  }
  const classified = classifyHttpFailure(failure.status, words, retryHeader, nowMs);
  const code = first?.errorId !== undefined ? String(first.errorId) : classified.code;
  if (classified.kind === 'user') {
    return new ChannelError(
      'user',
      code,
      `eBay refused ${action}: ${words} Correct the item and publish again.`,
      {
        cause: error,
        text: say('channels.remote.refused_item', { service: 'eBay', remote: words }),
      },
    );
  }
  if (classified.kind === 'auth') {
    return new ChannelError('auth', code, `eBay refused ${action}: ${words} Reconnect eBay in Settings.`, {
      cause: error,
      text: say('channels.remote.access_refused', { service: 'eBay', remote: words }),
    });
  }
  return new ChannelError('retryable', code, `eBay failed while ${action}: ${words}`, {
    retryAfterMs: classified.retryAfterMs,
    cause: error,
    text: say('channels.remote.busy', { service: 'eBay', remote: words }),
  });
}

/** A failed entry of a bulk answer (207) in the shape `readFailure` reads, so it maps like a failed call. */
export function entryFailure(statusCode: number | undefined, errors: readonly EbayErrorBody[] | undefined) {
  return { meta: { res: { status: statusCode ?? 500, headers: {}, data: { errors: errors ?? [] } } } };
}
