/**
 * Requests to Shopify's Admin GraphQL API: the fetch with its test-server seam, access tokens,
 * the client, and every failure (cost-based throttling included) turned into a ChannelError.
 */

import crypto from 'node:crypto';
import type { AdminApiClient, createAdminApiClient } from '@shopify/admin-api-client';
import { ChannelError, classifyHttpFailure } from '../channel';
import type { ShopAdapterOptions } from '../shop';
import { effectiveShopifyBaseUrl, shopHost, type ShopifySecrets, type ShopifySettings } from './config';
import type { UserError } from './queries';
import { say } from '../../../../shared/messages';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Client-credentials tokens live ~24 h; renew this long before they lapse. */
const TOKEN_REFRESH_MARGIN_MS = 10 * 60_000;

interface ThrottleCost {
  requestedQueryCost?: number;
  throttleStatus?: { maximumAvailable?: number; currentlyAvailable?: number; restoreRate?: number };
}

/**
 * How long to wait after THROTTLED: until the bucket has restored what the query asked for
 * (requested − currently available, at restoreRate points per second), at least a second.
 */
export function throttleWaitMs(cost: ThrottleCost | undefined): number {
  const status = cost?.throttleStatus;
  const requested = cost?.requestedQueryCost;
  if (!status || requested === undefined || !status.restoreRate) return 2_000;
  const missing = Math.max(0, requested - (status.currentlyAvailable ?? 0));
  return Math.max(1_000, Math.ceil((missing / status.restoreRate) * 1000));
}

// ---------------------------------------------------------------------------------------------
// Transport: the client, the test-server seam, tokens
// ---------------------------------------------------------------------------------------------

type FetchInit = NonNullable<
  Parameters<NonNullable<Parameters<typeof createAdminApiClient>[0]['customFetchApi']>>[1]
>;

/**
 * The fetch the client uses. `@shopify/admin-api-client` always builds `https://<shop>/admin/…`;
 * with a test base URL (settings or REBOUND_SHOPIFY_BASE_URL) the shop's origin is swapped for it,
 * keeping Shopify's paths, and `X-Forwarded-Host` says which shop was meant. Any other origin is
 * left alone. Each call is bounded by the timeout, and a network failure keeps its cause's code
 * (ENOTFOUND, ECONNREFUSED) in the message, since the client only passes messages on.
 */
export function shopifyFetch(host: string, baseUrl: string | null, timeoutMs: number) {
  const origin = baseUrl ? baseUrl.replace(/\/+$/, '') : null;
  return async (url: string, init: FetchInit = {}): Promise<Response> => {
    let target = url;
    const headers = new Headers(init.headers);
    if (origin) {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' && parsed.host === host) {
        target = `${origin}${parsed.pathname}${parsed.search}`;
        headers.set('X-Forwarded-Host', host);
      }
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await fetch(target, { ...init, headers, signal });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const name = (error as { name?: string }).name;
      const what =
        name === 'TimeoutError' || name === 'AbortError'
          ? `timed out after ${timeoutMs} ms`
          : (cause?.code ?? cause?.message ?? String(error));
      throw new Error(`${host}: ${what}`, { cause: error });
    }
  };
}

/** Client-credentials tokens of this process, per shop and app: one fetch serves every adapter. */
const clientTokens = new Map<string, { token: string; expiresAt: number }>();

export class ShopifyClient {
  readonly timeoutMs: number;
  private clients = new Map<string, AdminApiClient>();
  /** The shop's currency, as the last product read reported it. */
  currency: string | null = null;
  /** The location stock is kept at: from the settings, else the shop's primary one once read. */
  location: string | null;

  constructor(readonly o: ShopAdapterOptions<ShopifySettings, ShopifySecrets>) {
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.location = o.settings.locationId ?? null;
  }

  /** The shop's myshopify host, or a user error saying what is wrong with the address. */
  host(): string {
    const parsed = shopHost(this.o.settings.shopDomain);
    if ('problem' in parsed) {
      throw new ChannelError(
        'user',
        parsed.problem,
        domainMessage(parsed.problem, this.o.settings.shopDomain),
      );
    }
    return parsed.host;
  }

  private fetcher() {
    return shopifyFetch(this.host(), effectiveShopifyBaseUrl(this.o.settings), this.timeoutMs);
  }

  /**
   * Per shop, origin, app and secret: a corrected secret never reuses a token cached for the old
   * one, and a token issued by one origin (a test server) is never sent to another.
   */
  private tokenKey(): string {
    const s = this.o.secrets;
    const secret = crypto
      .createHash('sha256')
      .update(s.clientSecret ?? '')
      .digest('hex')
      .slice(0, 16);
    return `${this.host()}|${effectiveShopifyBaseUrl(this.o.settings) ?? ''}|${s.clientId ?? ''}|${secret}`;
  }

  private async accessToken(): Promise<string> {
    const s = this.o.secrets;
    if (s.accessToken) return s.accessToken;
    const key = this.tokenKey();
    const cached = clientTokens.get(key);
    if (cached && cached.expiresAt - TOKEN_REFRESH_MARGIN_MS > this.o.clock.now()) return cached.token;
    let res: Response;
    try {
      res = await this.fetcher()(`https://${this.host()}/admin/oauth/access_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          client_id: s.clientId,
          client_secret: s.clientSecret,
          grant_type: 'client_credentials',
        }),
      });
    } catch (error) {
      throw networkError('getting an access token', error);
    }
    const body = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!res.ok || !body.access_token) {
      if (res.status === 400 || res.status === 401 || body.error === 'invalid_client') {
        throw new ChannelError(
          'auth',
          body.error ?? `http_${res.status}`,
          'Shopify refused the app’s client id and secret: copy them again from the app’s settings in the Shopify Dev Dashboard.',
          { text: say('channels.shopify.bad_client') },
        );
      }
      throw classifyHttpFailure(
        res.status,
        `Shopify could not issue an access token (HTTP ${res.status}).`,
        res.headers.get('Retry-After'),
        this.o.clock.now(),
      );
    }
    const expiresAt = this.o.clock.now() + (body.expires_in ?? 86_399) * 1000;
    clientTokens.set(key, { token: body.access_token, expiresAt });
    return body.access_token;
  }

  private async client(token: string): Promise<AdminApiClient> {
    let client = this.clients.get(token);
    if (!client) {
      // Loaded here, not at the top, to keep the CLI's start-up time down.
      const { createAdminApiClient } = await import('@shopify/admin-api-client');
      client = createAdminApiClient({
        storeDomain: this.host(),
        apiVersion: this.o.settings.apiVersion,
        accessToken: token,
        customFetchApi: this.fetcher(),
        // Retries are the jobs table's business (with backoff that survives a restart), not the client's.
        retries: 0,
        // The client warns on the console about versions it does not know yet; the version is pinned on purpose.
        logger: () => undefined,
      });
      this.clients.clear();
      this.clients.set(token, client);
    }
    return client;
  }

  /** One GraphQL call; every failure comes back as a ChannelError of the right kind. */
  async gql<T>(action: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const token = await this.accessToken();
    const client = await this.client(token);
    const res = await client.request<T>(query, variables ? { variables } : {});
    if (!res.errors) {
      if (res.data === undefined || res.data === null) {
        throw new ChannelError('retryable', 'no_data', `Shopify answered without data while ${action}.`);
      }
      return res.data;
    }
    const error = this.mapErrors(action, res.errors, res.extensions?.cost);
    if (error.kind === 'auth' && !this.o.secrets.accessToken) {
      // A client-credentials token can be revoked before it lapses: get a fresh one next time.
      clientTokens.delete(this.tokenKey());
    }
    throw error;
  }

  private mapErrors(
    action: string,
    errors: NonNullable<Awaited<ReturnType<AdminApiClient['request']>>['errors']>,
    cost: ThrottleCost | undefined,
  ): ChannelError {
    const status = errors.networkStatusCode;
    const graphQLErrors = errors.graphQLErrors ?? [];
    const now = this.o.clock.now();
    if (status === undefined && graphQLErrors.length === 0) {
      const message = errors.message ?? 'no answer';
      const timeout = /timed out|timeout|abort/i.test(message);
      return new ChannelError(
        'retryable',
        timeout ? 'timeout' : (/\b(E[A-Z_]+)\b/.exec(message)?.[1] ?? 'network'),
        `Shopify did not answer while ${action}: ${message.replace(/^GraphQL Client: /, '')}`,
        {
          text: say('channels.remote.no_answer', {
            service: 'Shopify',
            remote: message.replace(/^GraphQL Client: /, ''),
          }),
        },
      );
    }
    if (status !== undefined && status !== 200) {
      const retryAfter = errors.response?.headers.get('Retry-After') ?? null;
      if (status === 401) {
        return new ChannelError(
          'auth',
          'http_401',
          'Shopify refused Rebound’s access token: enter the shop’s Admin API access token again in Settings.',
          { text: say('channels.shopify.bad_token') },
        );
      }
      if (status === 404) {
        return new ChannelError(
          'user',
          'wrong_url',
          `No Shopify shop answers at ${this.host()}: check the shop address in Settings.`,
          { text: say('channels.shop_test.shopify_no_shop', { host: this.host() }) },
        );
      }
      if (status === 402 || status === 423) {
        return new ChannelError(
          'user',
          `http_${status}`,
          `Shopify says the shop is ${status === 402 ? 'frozen (an unpaid bill)' : 'locked'}: the merchant must resolve it in Shopify first.`,
          { text: say(status === 402 ? 'channels.shopify.frozen' : 'channels.shopify.locked') },
        );
      }
      return classifyHttpFailure(status, `Shopify answered HTTP ${status} while ${action}.`, retryAfter, now);
    }
    const codes = graphQLErrors.map((e) =>
      String((e.extensions as { code?: unknown } | undefined)?.code ?? ''),
    );
    const words = graphQLErrors.map((e) => e.message).join(' ');
    if (codes.includes('THROTTLED')) {
      return new ChannelError(
        'retryable',
        'THROTTLED',
        `Shopify’s rate limit was reached while ${action}; continuing shortly.`,
        {
          retryAfterMs: throttleWaitMs(cost),
        },
      );
    }
    if (codes.includes('ACCESS_DENIED')) {
      return new ChannelError(
        'auth',
        'ACCESS_DENIED',
        `Shopify refused ${action}: ${words} Give the shop’s app that permission, then reconnect.`,
        { text: say('channels.remote.access_refused', { service: 'Shopify', remote: words }) },
      );
    }
    if (codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('SERVICE_UNAVAILABLE')) {
      return new ChannelError(
        'retryable',
        codes.find((c) => c !== '') ?? 'shopify_error',
        `Shopify failed while ${action}: ${words}`,
        { text: say('channels.remote.busy', { service: 'Shopify', remote: words }) },
      );
    }
    return new ChannelError(
      'user',
      codes.find((c) => c !== '') ?? 'graphql',
      `Shopify refused ${action}: ${words}`,
      { text: say('channels.remote.refused', { service: 'Shopify', remote: words }) },
    );
  }

  userErrors(action: string, errors: readonly UserError[] | null | undefined): void {
    if (!errors || errors.length === 0) return;
    const first = errors[0]!;
    throw new ChannelError(
      'user',
      first.code ?? 'user_error',
      `Shopify refused ${action}: ${errors.map((e) => e.message).join(' ')}`,
      {
        text: say('channels.remote.refused_item', {
          service: 'Shopify',
          remote: errors.map((e) => e.message).join(' '),
        }),
      },
    );
  }
}

export function networkError(action: string, error: unknown): ChannelError {
  const message = error instanceof Error ? error.message : String(error);
  const timeout = /timed out|timeout|abort/i.test(message);
  return new ChannelError(
    'retryable',
    timeout ? 'timeout' : 'network',
    `Shopify did not answer while ${action}: ${message}`,
    {
      cause: error,
      text: say('channels.remote.no_answer', { service: 'Shopify', remote: message }),
    },
  );
}

export function domainMessage(problem: 'insecure_url' | 'wrong_url', typed: string): string {
  return problem === 'insecure_url'
    ? `The shop address “${typed}” starts with http://: Shopify only answers over HTTPS. Use https://, or just the address, like my-shop.myshopify.com.`
    : `“${typed}” is not a Shopify shop address: use the shop’s my-shop.myshopify.com address (Shopify admin › Settings › Domains), not its own domain.`;
}
