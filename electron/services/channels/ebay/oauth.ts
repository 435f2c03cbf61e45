import type eBayApi from 'ebay-api';
import { z } from 'zod';
import { ChannelError } from '../channel';
import type { Clock } from '../../jobs/clock';
import { EBAY_SCOPES, type EbaySecrets, type EbaySettings } from './config';
import { isExpiredToken, mapEbayError, readFailure, RECONNECT_MESSAGE, RECONNECT_TEXT } from './errors';
import { say } from '../../../../shared/messages';

/** Refresh this long before eBay's stated expiry, so a token never lapses between check and call. */
const REFRESH_MARGIN_MS = 5 * 60_000;

const TokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
});

/** The address to send the seller to: eBay's consent page for exactly Rebound's scopes. */
export function connectUrl(api: eBayApi, settings: EbaySettings, state = ''): string {
  return api.OAuth2.generateAuthUrl(settings.ruName, [...EBAY_SCOPES], state);
}

/**
 * The seller may paste the code or the whole address eBay sent them to (the RuName's accept URL,
 * `…?state=…&code=v%5E1.1…&expires_in=299`): take the `code` parameter from it.
 */
export function codeFrom(input: { code?: string | undefined; landedUrl?: string | undefined }): string {
  if (input.code && input.code.trim() !== '') return input.code.trim();
  const landed = input.landedUrl?.trim();
  if (!landed)
    throw new ChannelError('user', 'no_code', 'Paste the code or the address eBay showed after you agreed.', {
      text: say('channels.ebay.no_code'),
    });
  let url: URL;
  try {
    url = new URL(landed);
  } catch {
    throw new ChannelError(
      'user',
      'bad_url',
      'That is not a web address: paste the whole address from the browser bar.',
      { text: say('channels.ebay.bad_url') },
    );
  }
  const code = url.searchParams.get('code');
  if (!code) {
    const refused = url.searchParams.get('error');
    throw new ChannelError(
      'user',
      'no_code',
      refused
        ? `eBay did not grant access (${refused}): start the connection again and choose “Agree”.`
        : 'That address holds no code: copy the address of the page eBay showed after you agreed.',
      {
        text: refused
          ? say('channels.ebay.not_granted', { remote: refused })
          : say('channels.ebay.no_code_in_url'),
      },
    );
  }
  return code;
}

/**
 * The seller's user token for one account: refreshed before expiry and after eBay calls it
 * invalid, one refresh at a time (a single in-flight promise — parallel jobs share it, and eBay
 * would otherwise see the same refresh token used concurrently), persisted after each refresh.
 */
export class EbaySession {
  private secrets: EbaySecrets;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly api: eBayApi,
    secrets: EbaySecrets,
    private readonly persist: (secrets: EbaySecrets) => Promise<void>,
    private readonly clock: Clock,
  ) {
    this.secrets = secrets;
    this.install();
  }

  /** Exchanges the seller's one-time code for tokens and stores them. */
  async connect(code: string): Promise<void> {
    let answer: unknown;
    try {
      answer = await this.api.OAuth2.getToken(code);
    } catch (error) {
      const failure = readFailure(error);
      if (failure.oauthError === 'invalid_grant') {
        throw new ChannelError(
          'user',
          'invalid_grant',
          `eBay refused the code (${failure.oauthDescription ?? 'invalid_grant'}): codes work once and for five minutes — connect again.`,
          {
            text: say('channels.ebay.code_refused', { remote: failure.oauthDescription ?? 'invalid_grant' }),
          },
        );
      }
      throw mapEbayError(error, 'connecting the account', this.clock.now());
    }
    await this.store(answer);
  }

  get connected(): boolean {
    return this.secrets.refreshToken !== null;
  }

  get accessExpiresAt(): number | null {
    return this.secrets.accessExpiresAt;
  }

  /** Runs one eBay call with a valid token; on eBay's "invalid access token", refreshes once and retries once. */
  async call<T>(action: string, run: () => Promise<T>): Promise<T> {
    if (!this.connected) {
      throw new ChannelError('auth', 'not_connected', 'eBay is not connected yet: connect it in Settings.', {
        text: say('channels.ebay.not_connected'),
      });
    }
    const expires = this.secrets.accessExpiresAt;
    if (
      this.secrets.accessToken === null ||
      expires === null ||
      expires - REFRESH_MARGIN_MS <= this.clock.now()
    ) {
      await this.refresh();
    }
    const usedToken = this.secrets.accessToken;
    try {
      return await run();
    } catch (error) {
      if (!isExpiredToken(readFailure(error))) throw mapEbayError(error, action, this.clock.now());
    }
    // Another caller may have refreshed while this call was failing: only refresh if it has not.
    if (this.secrets.accessToken === usedToken) await this.refresh();
    try {
      return await run();
    } catch (error) {
      if (isExpiredToken(readFailure(error))) {
        throw new ChannelError('auth', 'http_401', RECONNECT_MESSAGE, {
          cause: error,
          text: RECONNECT_TEXT,
        });
      }
      throw mapEbayError(error, action, this.clock.now());
    }
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    if (this.secrets.refreshToken === null) {
      throw new ChannelError('auth', 'not_connected', 'eBay is not connected yet: connect it in Settings.', {
        text: say('channels.ebay.not_connected'),
      });
    }
    this.install();
    let answer: unknown;
    try {
      // Same scopes as granted: eBay refuses a refresh that asks for more (invalid_scope).
      this.api.OAuth2.setScope([...EBAY_SCOPES]);
      answer = await this.api.OAuth2.refreshUserAccessToken();
    } catch (error) {
      const failure = readFailure(error);
      if (
        failure.oauthError === 'invalid_grant' ||
        failure.oauthError === 'invalid_scope' ||
        failure.status === 401
      ) {
        throw new ChannelError('auth', failure.oauthError ?? 'http_401', RECONNECT_MESSAGE, {
          cause: error,
          text: RECONNECT_TEXT,
        });
      }
      throw mapEbayError(error, 'renewing eBay access', this.clock.now());
    }
    await this.store(answer);
  }

  private async store(answer: unknown): Promise<void> {
    const token = TokenAnswerSchema.parse(answer);
    this.secrets = {
      ...this.secrets,
      accessToken: token.access_token,
      accessExpiresAt: this.clock.now() + token.expires_in * 1000,
      // eBay's refresh answer carries no new refresh token: keep the one we have.
      refreshToken: token.refresh_token ?? this.secrets.refreshToken,
    };
    this.install();
    await this.persist(this.secrets);
  }

  private install(): void {
    if (this.secrets.accessToken === null) return;
    this.api.OAuth2.setCredentials({
      access_token: this.secrets.accessToken,
      refresh_token: this.secrets.refreshToken ?? '',
      expires_in: Math.max(0, Math.round(((this.secrets.accessExpiresAt ?? 0) - this.clock.now()) / 1000)),
      refresh_token_expires_in: 0,
      token_type: 'User Access Token',
    });
  }
}
