/**
 * A local stand-in for eBay's REST APIs, for the eBay channel's tests.
 *
 * It keeps eBay's paths (`/sell/inventory/v1/...`, `/commerce/media/v1_beta/...`, the OAuth token
 * endpoint `/identity/v1/oauth2/token`) under one base URL — in production Media lives on apim.ebay.com
 * and Identity on apiz.ebay.com; here every host is the same server, so a client only swaps the origin.
 *
 * Every request is checked against eBay's own OpenAPI contracts and the facts eBay enforces beyond them
 * (rules.ts). What fails is recorded in `violations` and answered the way eBay answers (400 and
 * `{errors:[…]}`), so a client that sends what eBay would refuse can never pass its tests unnoticed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Contracts, locateContracts, normalisePath } from './openapi.js';
import { Faults, type InjectedFault } from './faults.js';
import { checkEbayFacts, LIMITS } from './rules.js';
import { AuthState, EbayState, TestClock, DEFAULT_SCOPES } from './state.js';
import {
  ACCESS_DENIED,
  DOMAINS,
  errors,
  INVALID_TOKEN,
  MISSING_TOKEN,
  oauthError,
  systemError,
  TOO_MANY_REQUESTS,
  type EbayError,
  type Reply,
} from './answers.js';
import { createHandlers } from './handlers.js';

export { MEDIA_IMAGE_HOST } from './handlers.js';

export type ViolationKind =
  /** Against the OpenAPI contract: parameters, headers, body schema. */
  | 'contract'
  /** Against the facts eBay enforces beyond the contract (rules.ts). */
  | 'ebay-rule'
  /** No token, a token eBay never issued, or one without the operation's scope. */
  | 'auth'
  /** A token past its expiry: eBay answers 401 and a client must refresh. Often worth ignoring. */
  | 'token-expired'
  /** Method + path that no eBay contract declares. */
  | 'unknown-operation'
  /** A real eBay operation this test server does not implement: the test cannot vouch for it. */
  | 'unsupported'
  /** More than 50 Media uploads in 5 seconds: the client must throttle itself. */
  | 'media-rate-limit';

export interface Violation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | null;
  readonly kind: ViolationKind;
  readonly problems: readonly string[];
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
  readonly operationId: string | null;
  /** Set once answered (absent for held or dropped requests). */
  status?: number;
  fault?: InjectedFault['kind'];
}

export interface EbayTestServerOptions {
  /** Folder with eBay's *_oas3.json; default `../shared/ebay-openapi` or REBOUND_EBAY_OPENAPI_DIR. */
  readonly contractsDir?: string;
  readonly app?: { readonly appId: string; readonly certId: string; readonly ruName: string };
  /** Lifetime of access tokens; eBay's is 7200 s. */
  readonly accessTokenSeconds?: number;
  readonly clock?: TestClock;
  /** `defaults`: policies, a location and condition policies for EBAY_US. `empty`: nothing. */
  readonly seed?: 'defaults' | 'empty';
  /** Validate the server's own 2xx JSON answers against the contract (on by default). */
  readonly selfCheck?: boolean;
}

export interface EbayTestServer {
  readonly baseUrl: string;
  readonly state: EbayState;
  readonly faults: Faults;
  readonly clock: TestClock;
  readonly requests: RecordedRequest[];
  readonly violations: Violation[];
  /** The fake's own answers that do not match eBay's response schemas: always a bug in the fake. */
  readonly selfCheckFailures: string[];
  readonly contracts: Contracts;
  readonly app: { readonly appId: string; readonly certId: string; readonly ruName: string };
  /** A live user access token with the default Sell scopes (for tests that do not exercise OAuth). */
  userToken(scopes?: readonly string[]): string;
  close(): Promise<void>;
}

export const DEFAULT_APP = {
  appId: 'Rebound-Test-PRD-0123456789-abcdef01',
  certId: 'PRD-0123456789ab-cdef-0123-4567-89ab',
  ruName: 'Rebound_Test-Rebound-Test-PRD-abcdefghi',
} as const;

export const TOKEN_PATH = '/identity/v1/oauth2/token';

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

export async function startEbayTestServer(options: EbayTestServerOptions = {}): Promise<EbayTestServer> {
  const location = options.contractsDir
    ? { dir: options.contractsDir, available: true, reason: '' }
    : locateContracts();
  if (!location.available) throw new Error(location.reason);
  const contracts = Contracts.load(location.dir);
  const clock = options.clock ?? new TestClock();
  const app = options.app ?? DEFAULT_APP;
  const auth = new AuthState(clock, app, options.accessTokenSeconds ?? 7200);
  const state = new EbayState(clock, auth);
  if ((options.seed ?? 'defaults') === 'defaults') state.seedDefaults();
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const selfCheckFailures: string[] = [];
  const selfCheck = options.selfCheck ?? true;
  let baseUrl = '';

  const HANDLERS = createHandlers({ state, clock, baseUrl: () => baseUrl });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        selfCheckFailures.push(
          `handler crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        if (!res.headersSent) send(res, errors(500, { ...systemError('API_INVENTORY', 25001) }));
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = normalisePath(url.pathname);
    const contentType = String(req.headers['content-type'] ?? '');
    const isJson = contentType.toLowerCase().startsWith('application/json');
    let body: unknown = undefined;
    let badJson = false;
    if (raw.length > 0 && isJson) {
      try {
        body = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        badJson = true;
      }
    } else if (raw.length > 0) {
      body = contentType.startsWith('application/x-www-form-urlencoded')
        ? Object.fromEntries(new URLSearchParams(raw.toString('utf8')))
        : `<${raw.length} bytes ${contentType}>`;
    }
    const matched = pathname === TOKEN_PATH ? null : contracts.match(method, pathname);
    const op = matched && matched.op ? matched.op : null;
    const record: RecordedRequest = {
      method,
      path: pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      operationId: op?.operationId ?? null,
    };
    requests.push(record);
    const violate = (kind: ViolationKind, problems: string[]): void => {
      violations.push({
        method,
        path: `${pathname}${url.search}`,
        operationId: op?.operationId ?? null,
        kind,
        problems,
      });
    };
    const reply = (r: Reply): void => {
      record.status = r.status;
      send(res, r);
    };

    faults.arrived(method, pathname);
    const delay = faults.delayFor(method, pathname);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const fault = faults.take(method, pathname);
    if (fault) {
      record.fault = fault.kind;
      const domain = op ? (DOMAINS[op.contract] ?? 'API') : 'API';
      switch (fault.kind) {
        case 'rate-limit':
          return reply({
            ...errors(429, TOO_MANY_REQUESTS),
            headers: { 'Retry-After': String(fault.retryAfterSeconds) },
          });
        case 'internal-error':
          return reply(
            errors(500, {
              errorId: 2003,
              domain: 'ACCESS',
              category: 'APPLICATION',
              message: 'Internal error',
            }),
          );
        case 'system-error-25001':
          return reply(errors(500, systemError(domain, 25001)));
        case 'concurrent-access-25025':
          return reply(errors(503, systemError(domain, 25025)));
        case 'timeout':
          // Hold it: the client's own timeout must fire. close() ends these sockets.
          return;
        case 'drop':
          req.socket.destroy();
          return;
        default: {
          const never: never = fault.kind;
          throw new Error(`Unknown fault ${String(never)}`);
        }
      }
    }

    if (pathname === TOKEN_PATH) return reply(tokenEndpoint(method, req, body, violate));

    if (!op) {
      const exists = matched !== null && 'pathExists' in matched && matched.pathExists;
      violate('unknown-operation', [`${method} ${pathname} is not an operation in eBay's contracts`]);
      return reply(
        errors(exists ? 405 : 404, {
          errorId: 2002,
          domain: 'ACCESS',
          category: 'REQUEST',
          message: exists ? 'Method not allowed' : 'Resource not found',
        }),
      );
    }
    const pathParams = matched && matched.op ? matched.pathParams : {};
    const domain = DOMAINS[op.contract] ?? 'API';

    // Authentication comes before validation, as on eBay: an unauthenticated caller learns nothing.
    const access = auth.check(headerOf(req, 'authorization'), op.scopes);
    if (!access.ok) {
      if (access.reason === 'scope') {
        violate('auth', [
          `the access token has none of the scopes ${op.operationId} needs: ${op.scopes.join(' ')}`,
        ]);
        return reply(errors(403, ACCESS_DENIED));
      }
      violate(access.reason === 'expired' ? 'token-expired' : 'auth', [
        access.reason === 'missing'
          ? 'missing "Authorization: Bearer <user access token>" header'
          : access.reason === 'expired'
            ? 'the access token has expired (refresh it)'
            : 'the access token was never issued by this server',
      ]);
      // eBay tells a missing token (1002) from a bad or expired one (1001); ebay-api refreshes on 1001.
      return reply(errors(401, access.reason === 'missing' ? MISSING_TOKEN : INVALID_TOKEN));
    }

    if (op.operationId === 'createImageFromFile' || op.operationId === 'createImageFromUrl') {
      // eBay counts uploads per user; the 51st within 5 seconds is refused.
      const user = access.token.user;
      const now = clock.now();
      const recent = (state.mediaUploads.get(user) ?? []).filter((t) => t > now - LIMITS.mediaWindowMs);
      if (recent.length >= LIMITS.mediaUploadsPerWindow) {
        state.mediaUploads.set(user, recent);
        violate('media-rate-limit', [
          `more than ${LIMITS.mediaUploadsPerWindow} Media uploads within ${LIMITS.mediaWindowMs / 1000} s`,
        ]);
        return reply({ ...errors(429, TOO_MANY_REQUESTS), headers: { 'Retry-After': '5' } });
      }
      recent.push(now);
      state.mediaUploads.set(user, recent);
    }

    const contractProblems = badJson
      ? ['body is not valid JSON']
      : contracts.validateRequest(op, {
          pathParams,
          query: url.searchParams,
          headers: req.headers,
          body,
          hasBody: raw.length > 0,
        });
    const factProblems = badJson
      ? []
      : checkEbayFacts({
          operationId: op.operationId,
          pathParams,
          query: url.searchParams,
          contentLanguage: headerOf(req, 'content-language'),
          contentType,
          body,
          raw,
        });
    if (contractProblems.length > 0 || factProblems.length > 0) {
      // One violation per request, all its problems listed; `contract` wins when both apply.
      const all = [...contractProblems, ...factProblems];
      violate(contractProblems.length > 0 ? 'contract' : 'ebay-rule', all);
      const errorId = domain === 'API_INVENTORY' ? 25709 : 2004;
      return reply(
        errors(
          400,
          ...all.map((problem): EbayError => ({
            errorId,
            domain,
            category: 'REQUEST',
            message:
              domain === 'API_INVENTORY'
                ? `Invalid value for ${problem.split(' ')[0] ?? 'field'}.`
                : 'Invalid request',
            longMessage: problem,
          })),
        ),
      );
    }

    const handler = HANDLERS[op.operationId];
    if (!handler) {
      violate('unsupported', [
        `${op.operationId} is a real eBay operation the test server does not implement`,
      ]);
      return reply(
        errors(501, {
          errorId: 2002,
          domain,
          category: 'APPLICATION',
          message: 'Not implemented by the test server',
        }),
      );
    }
    const result = handler({
      op,
      pathParams,
      query: url.searchParams,
      body,
      raw,
      contentType,
      contentLanguage: headerOf(req, 'content-language'),
      user: access.token.user,
    });
    if (selfCheck && result.status >= 200 && result.status < 300 && result.body !== undefined) {
      for (const problem of contracts.validateResponse(op, result.status, result.body)) {
        selfCheckFailures.push(`${op.operationId} ${result.status}: ${problem}`);
      }
    }
    reply(result);
  }

  // --- OAuth ----------------------------------------------------------------------------------

  function tokenEndpoint(
    method: string,
    req: http.IncomingMessage,
    body: unknown,
    violate: (kind: ViolationKind, problems: string[]) => void,
  ): Reply {
    if (method !== 'POST') return oauthError(405, 'invalid_request', 'method not allowed');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      violate('contract', ['the token request must be application/x-www-form-urlencoded']);
      return oauthError(400, 'invalid_request', 'request is missing a required parameter or malformed');
    }
    const basic = /^Basic\s+(\S+)$/.exec(headerOf(req, 'authorization') ?? '');
    const [user, pass] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
    if (user !== app.appId || pass !== app.certId) {
      violate('auth', [
        'token request without Basic auth of the app id (client id) and cert id (client secret)',
      ]);
      return oauthError(401, 'invalid_client', 'client authentication failed');
    }
    const form = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      string | undefined
    >;
    const scopesAsked = (form['scope'] ?? '').split(/\s+/).filter(Boolean);
    if (form['grant_type'] === 'authorization_code') {
      if (form['redirect_uri'] !== app.ruName) {
        violate('contract', ['redirect_uri must be the RuName, not a URL']);
        return oauthError(400, 'invalid_request', 'redirect_uri does not match the RuName');
      }
      const grant = form['code'] ? auth.redeemCode(form['code']) : null;
      if (!grant) {
        return oauthError(
          400,
          'invalid_grant',
          'the provided authorization grant code is invalid or was issued to another client',
        );
      }
      const access = auth.mintAccess(grant.scopes, grant.user);
      const refresh = auth.mintRefresh(grant.scopes, grant.user);
      return {
        status: 200,
        body: {
          access_token: access.token,
          expires_in: auth.accessTokenSeconds,
          refresh_token: refresh.token,
          refresh_token_expires_in: auth.refreshTokenSeconds,
          token_type: 'User Access Token',
        },
      };
    }
    if (form['grant_type'] === 'refresh_token') {
      const refresh = form['refresh_token'] ? auth.findRefresh(form['refresh_token']) : null;
      if (!refresh) {
        return oauthError(
          400,
          'invalid_grant',
          'the provided authorization refresh token is invalid or was issued to another client',
        );
      }
      // SOURCES.md: a refresh must ask for the same scopes that were granted.
      const same =
        scopesAsked.length === refresh.scopes.length && scopesAsked.every((s) => refresh.scopes.includes(s));
      if (!same) {
        violate('auth', [
          `refresh asked for scopes [${scopesAsked.join(' ')}] but [${refresh.scopes.join(' ')}] were granted`,
        ]);
        return oauthError(
          400,
          'invalid_scope',
          'The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client',
        );
      }
      const access = auth.mintAccess(refresh.scopes, refresh.user);
      return {
        status: 200,
        body: {
          access_token: access.token,
          expires_in: auth.accessTokenSeconds,
          token_type: 'User Access Token',
        },
      };
    }
    return oauthError(
      400,
      'unsupported_grant_type',
      'grant type in request is not supported by the authorization server',
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;

  return {
    baseUrl,
    state,
    faults,
    clock,
    requests,
    violations,
    selfCheckFailures,
    contracts,
    app,
    userToken: (scopes = DEFAULT_SCOPES) => auth.issueUserToken(scopes).token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Held ("timeout") requests would keep close() waiting forever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function headerOf(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (reply.body !== undefined && reply.status !== 204) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] = 'application/json';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/**
 * Fails the test with every violation listed. `ignore` lets a test that deliberately lets a token
 * expire (and expects the client to refresh) accept the resulting `token-expired` entries.
 */
export function expectNoViolations(
  server: Pick<EbayTestServer, 'violations' | 'selfCheckFailures'>,
  options: { ignore?: readonly ViolationKind[] } = {},
): void {
  const ignore = new Set(options.ignore ?? []);
  const left = server.violations.filter((v) => !ignore.has(v.kind));
  const lines = [
    ...left.map(
      (v) =>
        `${v.method} ${v.path} [${v.kind}${v.operationId ? ` ${v.operationId}` : ''}]: ${v.problems.join('; ')}`,
    ),
    ...server.selfCheckFailures.map((f) => `test server answered outside eBay's contract: ${f}`),
  ];
  if (lines.length > 0) {
    throw new Error(
      `The eBay test server saw ${lines.length} request(s) eBay would refuse:\n  - ${lines.join('\n  - ')}`,
    );
  }
}
