/**
 * Requests to WooCommerce's REST API and WordPress: the client, the merchant's currency, the
 * answer shapes Rebound reads, and every failure turned into a ChannelError.
 */

import type { Clock } from '../../jobs/clock';
import type { Workspace } from '../../workspace';
import { ChannelError, classifyHttpFailure } from '../channel';
import type { ShopAdapterOptions } from '../shop';
import { assertWooUrl, createWooClient, type WooClient, type WooSecrets, type WooSettings } from './config';
import { say } from '../../../../shared/messages';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface WooProduct {
  id: number;
  sku: string;
  status: string;
  permalink?: string;
  regular_price?: string;
  sale_price?: string;
  price?: string;
  manage_stock?: boolean;
  stock_quantity?: number | null;
  stock_status?: string;
  total_sales?: number;
  images?: { id: number }[];
}

export interface WooOrder {
  id: number;
  status: string;
  currency?: string;
  date_created_gmt?: string;
  date_modified_gmt?: string;
  date_paid_gmt?: string | null;
  shipping_total?: string;
  billing?: { country?: string };
  shipping?: { country?: string };
  line_items?: { id: number; product_id?: number; sku?: string; total?: string }[];
}

interface Failure {
  readonly status: number | null;
  readonly retryAfter: string | null;
  readonly code: string | null;
  readonly message: string | null;
  /** `rest_invalid_param`'s per-parameter reasons. */
  readonly params: Readonly<Record<string, string>>;
  readonly data: Readonly<Record<string, unknown>>;
  readonly networkCode: string | null;
}

function readBody(data: unknown): Pick<Failure, 'code' | 'message' | 'params' | 'data'> {
  const body = (typeof data === 'object' && data !== null ? data : {}) as {
    code?: unknown;
    message?: unknown;
    data?: unknown;
  };
  const extra = (typeof body.data === 'object' && body.data !== null ? body.data : {}) as Record<
    string,
    unknown
  >;
  const params = (
    typeof extra['params'] === 'object' && extra['params'] !== null ? extra['params'] : {}
  ) as Record<string, string>;
  return {
    code: typeof body.code === 'string' ? body.code : null,
    // WordPress messages can carry HTML (`<p>There has been a critical error…</p>`).
    message: typeof body.message === 'string' ? body.message.replace(/<[^>]+>/g, '').trim() : null,
    params,
    data: extra,
  };
}

/** From an axios error (the WooCommerce client) or our own fetch failure. */
export function readFailure(error: unknown): Failure {
  const e = error as {
    response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
    code?: unknown;
    name?: unknown;
  } | null;
  const res = e?.response;
  const retryAfter = res?.headers?.['retry-after'];
  return {
    status: typeof res?.status === 'number' ? res.status : null,
    retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
    ...readBody(res?.data),
    networkCode: typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : null,
  };
}

/**
 * One WooCommerce / WordPress failure → one ChannelError: no answer, 429 and 5xx retry (honouring
 * Retry-After), 401/403 need new credentials, any other 4xx is the data, in WooCommerce's words.
 */
export function mapWooError(
  error: unknown,
  action: string,
  nowMs: number,
  service = 'WooCommerce',
): ChannelError {
  if (error instanceof ChannelError) return error;
  const f = readFailure(error);
  if (f.status === null) {
    const detail = error instanceof Error ? error.message : String(error);
    return new ChannelError(
      'retryable',
      f.networkCode ?? 'network',
      `The shop did not answer while ${action} (${detail}); trying again later.`,
      { cause: error, text: say('channels.remote.no_answer', { service, remote: detail }) },
    );
  }
  const params = Object.values(f.params);
  const words = [f.message ?? `HTTP ${f.status}`, ...params].join(' ');
  const classified = classifyHttpFailure(f.status, words, f.retryAfter, nowMs);
  const code = f.code ?? classified.code;
  switch (classified.kind) {
    case 'auth':
      return new ChannelError(
        'auth',
        code,
        service === 'WordPress'
          ? `WordPress refused the user name and Application Password while ${action}: ${words} Create a new Application Password (Users → Profile) and enter it in Settings.`
          : `WooCommerce refused Rebound’s key while ${action}: ${words} Check the consumer key and secret (Read/Write) under WooCommerce → Settings → Advanced → REST API, and reconnect the shop in Settings.`,
        { cause: error, text: say('channels.remote.access_refused', { service, remote: words }) },
      );
    case 'retryable':
      return new ChannelError(
        'retryable',
        code,
        `${service} is busy or failing (${words}) while ${action}.`,
        {
          retryAfterMs: classified.retryAfterMs,
          cause: error,
          text: say('channels.remote.busy', { service, remote: words }),
        },
      );
    case 'user':
      return new ChannelError('user', code, `${service} refused ${action}: ${words}`, {
        cause: error,
        text: say('channels.remote.refused', { service, remote: words }),
      });
    default: {
      const never: never = classified.kind;
      throw new Error(`Unknown error kind ${String(never)}`);
    }
  }
}

export function isNotFound(error: unknown): boolean {
  const f = readFailure(error);
  return f.status === 404 || (f.status === 400 && f.code === 'woocommerce_rest_product_invalid_id');
}

/** A fetch answer that is not 2xx, shaped like an axios error so one mapping reads both. */
export class HttpFailure extends Error {
  constructor(readonly response: { status: number; headers: Record<string, unknown>; data: unknown }) {
    super(`HTTP ${response.status}`);
  }
}

export async function fetchJson(url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let data: unknown = text;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    // An HTML page (a host's error page, a site that is not WordPress): keep the text.
  }
  if (!res.ok) {
    throw new HttpFailure({ status: res.status, headers: Object.fromEntries(res.headers), data });
  }
  return data;
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export type WooChannelOptions = ShopAdapterOptions<WooSettings, WooSecrets>;

export class WooApi {
  readonly timeoutMs: number;
  private clientValue: Promise<WooClient> | null = null;
  private currencyValue: string | null = null;

  constructor(readonly o: WooChannelOptions) {
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get clock(): Clock {
    return this.o.clock;
  }

  get ws(): Workspace {
    return this.o.ws;
  }

  client(): Promise<WooClient> {
    if (!this.clientValue) {
      try {
        assertWooUrl(this.o.settings);
      } catch (error) {
        throw new ChannelError(
          'user',
          'insecure_url',
          `The shop address ${this.o.settings.url} is not https: change it to the https:// address in Settings.`,
          { cause: error },
        );
      }
      this.clientValue = createWooClient(this.o.settings, this.o.secrets, this.timeoutMs);
    }
    return this.clientValue;
  }

  async call<T>(action: string, run: (client: WooClient) => Promise<{ data: unknown; headers?: unknown }>) {
    try {
      const res = await run(await this.client());
      return { data: res.data as T, headers: (res.headers ?? {}) as Record<string, unknown> };
    } catch (error) {
      throw mapWooError(error, action, this.clock.now());
    }
  }

  /** The merchant's currency: WooCommerce products carry none, the shop has one. */
  async currency(): Promise<string> {
    if (this.currencyValue === null) {
      const row = await this.ws.kysely
        .selectFrom('merchants')
        .select('currency')
        .where('id', '=', this.o.merchantId)
        .executeTakeFirst();
      this.currencyValue = row?.currency ?? 'EUR';
    }
    return this.currencyValue;
  }
}
