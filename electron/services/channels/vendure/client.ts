/**
 * Requests to Vendure's Admin GraphQL API: the logged-in session, multipart uploads, and every
 * failure turned into a ChannelError.
 */

import type { Clock } from '../../jobs/clock';
import { ChannelError, classifyHttpFailure } from '../channel';
import type { VendureSecrets, VendureSettings } from './config';
import type { ChannelRecord, ErrorResultShape, GraphQLError } from './queries';
import { say } from '../../../../shared/messages';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Vendure's error codes that mean "not now" rather than "not like this". */
export const RETRYABLE_CODES = new Set(['INTERNAL_SERVER_ERROR']);

/** What one request needs beyond the query: a multipart upload of files. */
interface Upload {
  /** `variables` path → the file's bytes and name. */
  readonly files: readonly { path: string; bytes: Buffer; name: string }[];
}

/**
 * One Admin API session: logs in with the stored username and password (the answer's
 * `vendure-auth-token` header is the bearer token, kept in memory only), logs in again once when
 * Vendure no longer accepts the token, and turns every failure into a ChannelError.
 */
export class VendureSession {
  private token: string | null = null;

  constructor(
    private readonly settings: VendureSettings,
    private readonly secrets: VendureSecrets,
    private readonly clock: Clock,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** Runs a named operation; `action` says what Rebound was doing, for the merchant. */
  async call<T>(
    action: string,
    query: string,
    variables: Record<string, unknown> = {},
    upload?: Upload,
  ): Promise<T> {
    const hadToken = this.token !== null;
    if (!hadToken) await this.login();
    try {
      return await this.request<T>(action, query, variables, upload);
    } catch (error) {
      // An expired or revoked session answers FORBIDDEN: log in again, once.
      if (!(error instanceof ChannelError && error.code === 'FORBIDDEN') || !hadToken) throw error;
      await this.login();
      return this.request<T>(action, query, variables, upload);
    }
  }

  /** `login(username, password)`; throws an `auth` ChannelError on refused credentials. */
  async login(): Promise<{ identifier: string }> {
    this.token = null;
    const { data, headers } = await this.send<{ login: ErrorResultShape & { identifier?: string } }>(
      'signing in',
      {
        query: `mutation ReboundLogin($username: String!, $password: String!) {
          login(username: $username, password: $password) {
            __typename
            ... on CurrentUser { identifier }
            ... on ErrorResult { errorCode message }
          }
        }`,
        variables: { username: this.secrets.username, password: this.secrets.password },
      },
      false,
    );
    const result = data.login;
    if (result.__typename !== 'CurrentUser') {
      throw new ChannelError(
        'auth',
        result.errorCode ?? 'bad_credentials',
        `Vendure refused the username or password (${result.message ?? result.__typename}): check them in Settings.`,
        { text: say('channels.vendure.bad_login', { remote: result.message ?? result.__typename }) },
      );
    }
    const token = headers.get('vendure-auth-token');
    if (!token) {
      throw new ChannelError(
        'user',
        'no_bearer_token',
        'Vendure signed in without a vendure-auth-token header: set authOptions.tokenMethod to include "bearer" in the shop’s configuration.',
      );
    }
    this.token = token;
    return { identifier: result.identifier ?? this.secrets.username };
  }

  /**
   * Asks, without signing in, for something only the Admin API has. An Admin API answers (or
   * says FORBIDDEN); the Shop API and anything else fail, so the merchant hears "wrong address"
   * rather than "wrong password".
   */
  async probe(): Promise<void> {
    try {
      await this.send(
        'checking the address',
        { query: `query ReboundProbe { activeAdministrator { id } }`, variables: {} },
        false,
      );
    } catch (error) {
      if (error instanceof ChannelError && ['FORBIDDEN', 'wrong_channel'].includes(error.code)) return;
      if (error instanceof ChannelError && error.kind === 'user') {
        throw new ChannelError('user', 'not_vendure', error.message, { cause: error });
      }
      throw error;
    }
  }

  private async request<T>(
    action: string,
    query: string,
    variables: Record<string, unknown>,
    upload: Upload | undefined,
  ): Promise<T> {
    const { data } = await this.send<T>(action, { query, variables }, true, upload);
    return data;
  }

  private async send<T>(
    action: string,
    body: { query: string; variables: Record<string, unknown> },
    authorised: boolean,
    upload?: Upload,
  ): Promise<{ data: T; headers: Headers }> {
    const operationName = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1];
    // Named operations show up by name in Vendure's logs and APM: an anonymous one is a bug here.
    if (!operationName) throw new Error(`Unnamed GraphQL operation: ${body.query.slice(0, 60)}`);
    const headers: Record<string, string> = {};
    if (authorised && this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.settings.channelToken) headers['vendure-token'] = this.settings.channelToken;
    let payload: string | FormData;
    if (upload) {
      // GraphQL multipart request spec: `operations`, then `map`, then the files in map order.
      const form = new FormData();
      form.append('operations', JSON.stringify({ operationName, ...body }));
      form.append(
        'map',
        JSON.stringify(Object.fromEntries(upload.files.map((f, i) => [String(i), [f.path]]))),
      );
      upload.files.forEach((f, i) => {
        form.append(String(i), new Blob([new Uint8Array(f.bytes)], { type: 'image/jpeg' }), f.name);
      });
      payload = form;
      // Apollo Server's CSRF prevention refuses a multipart request without a non-simple header.
      headers['apollo-require-preflight'] = 'true';
    } else {
      payload = JSON.stringify({ operationName, ...body });
      headers['content-type'] = 'application/json';
    }

    let response: Response;
    let text: string;
    try {
      response = await fetch(this.settings.adminApiUrl, {
        method: 'POST',
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.timeoutMs),
        // A redirect could carry the password elsewhere: the merchant must give the final address.
        redirect: 'error',
      });
      // The timeout covers the body too: a stalled answer is a timeout, not a strange answer.
      text = await response.text();
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const detail =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
      throw new ChannelError(
        'retryable',
        timedOut ? 'timeout' : 'network',
        timedOut
          ? `Vendure did not answer within ${Math.round(this.timeoutMs / 1000)} s while ${action}.`
          : `Vendure could not be reached while ${action}: ${detail}`,
        { cause: error, text: say('channels.remote.no_answer', { service: 'Vendure', remote: detail }) },
      );
    }

    type Answer = { data?: T | null; errors?: readonly GraphQLError[] };
    let json: Answer | null;
    try {
      json = JSON.parse(text) as Answer;
    } catch {
      json = null;
    }
    if (json?.errors?.length) throw this.graphQLFailure(json.errors, action, response);
    if (!response.ok) {
      const failure = classifyHttpFailure(
        response.status,
        `Vendure answered HTTP ${response.status} while ${action}.`,
        response.headers.get('retry-after'),
        this.clock.now(),
      );
      throw new ChannelError(failure.kind, failure.code, failure.message, {
        retryAfterMs: failure.retryAfterMs,
      });
    }
    if (json === null || json.data === undefined || json.data === null) {
      throw new ChannelError(
        'user',
        'not_vendure',
        `${this.settings.adminApiUrl} does not answer like a Vendure Admin API (while ${action}): check the address, it usually ends in /admin-api.`,
      );
    }
    return { data: json.data, headers: response.headers };
  }

  private graphQLFailure(errors: readonly GraphQLError[], action: string, response: Response): ChannelError {
    const first = errors[0]!;
    const code = first.extensions?.code ?? `http_${response.status}`;
    const words = errors.map((e) => e.message).join(' ');
    if (code === 'CHANNEL_NOT_FOUND') {
      return new ChannelError(
        'user',
        'wrong_channel',
        `Vendure knows no channel with the token “${this.settings.channelToken ?? ''}”: copy the token from the channel’s page in Vendure, or leave it empty for the default channel.`,
      );
    }
    if (code === 'FORBIDDEN') {
      return new ChannelError(
        'auth',
        'FORBIDDEN',
        `Vendure did not allow ${action} (${words}): check the administrator’s username, password and role permissions.`,
        { text: say('channels.remote.access_refused', { service: 'Vendure', remote: words }) },
      );
    }
    if (RETRYABLE_CODES.has(code) || response.status >= 500) {
      return new ChannelError('retryable', code, `Vendure failed while ${action}: ${words}`, {
        text: say('channels.remote.busy', { service: 'Vendure', remote: words }),
      });
    }
    return new ChannelError('user', code, `Vendure refused ${action}: ${words}`, {
      text: say('channels.remote.refused', { service: 'Vendure', remote: words }),
    });
  }
}

/** An ErrorResult member of a union (`… on ErrorResult { errorCode message }`) → a `user` error. */
export function unwrap<T extends { __typename: string }>(
  result: T | ErrorResultShape,
  expected: string,
  action: string,
): T {
  if (result.__typename === expected) return result as T;
  const error = result as ErrorResultShape;
  throw new ChannelError(
    'user',
    error.errorCode ?? result.__typename,
    `Vendure refused ${action}: ${error.message ?? result.__typename}`,
    {
      text: say('channels.remote.refused', {
        service: 'Vendure',
        remote: error.message ?? result.__typename,
      }),
    },
  );
}

export interface VendureChannelOptions {
  readonly settings: VendureSettings;
  readonly secrets: VendureSecrets;
  readonly clock: Clock;
  readonly timeoutMs?: number;
}

/** What listings and sales need of one adapter: its options, its session, the shop's channel once read. */
export interface VendureApi {
  readonly o: VendureChannelOptions;
  readonly session: VendureSession;
  channelInfo: ChannelRecord | null;
}
