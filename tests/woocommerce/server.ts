/**
 * A local stand-in for a WooCommerce shop (WordPress + WooCommerce REST v3), for the WooCommerce
 * channel's tests. See README.md beside it for what it checks and why.
 *
 * Every request to `/wp-json/…` is authenticated the way WooCommerce and WordPress do it over
 * plain http (OAuth 1.0a for `wc/v3`, Application Passwords for `wp/v2`), then checked against
 * the field tables in fields.ts. What would be refused is answered the way WordPress answers
 * (`{code, message, data:{status, params}}`) and recorded in `violations`, so a client that sends
 * what a real shop would refuse, or silently drop, cannot pass its tests unnoticed.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkAnswer,
  MEDIA_CREATE_PARAMS,
  ORDER_FIELDS,
  ORDER_LIST_PARAMS,
  PRODUCT_BATCH_FIELDS,
  PRODUCT_FIELDS,
  PRODUCT_LIST_PARAMS,
  SINGLE_GET_PARAMS,
  USERS_ME_PARAMS,
  validateBody,
  validateQuery,
  type FieldTable,
  type OrderStatus,
  type ParamProblem,
} from './fields.js';
import { WooFaults, type WooFaultKind } from './faults.js';
import {
  ShopClock,
  WooState,
  wooDate,
  type ApiKey,
  type KeyPermissions,
  type Order,
  type Product,
  type WpUser,
} from './state.js';

export type WooViolationKind =
  /** Refused by the field tables: unknown, read-only or mistyped field or parameter. */
  | 'invalid-param'
  /** Missing or wrong credentials, a bad OAuth signature, a reused nonce, Basic auth over http. */
  | 'auth'
  /** A path or method no WooCommerce / WordPress route serves. */
  | 'unknown-route'
  /** A real route the test server does not implement: the test cannot vouch for it. */
  | 'unsupported'
  /** A JSON write without `Content-Type: application/json`. */
  | 'content-type'
  /** A media upload WordPress would refuse (no file name, no bytes, not an image). */
  | 'media';

export interface WooViolation {
  readonly method: string;
  readonly path: string;
  readonly kind: WooViolationKind;
  readonly problems: readonly string[];
}

export interface WooRecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
  status?: number;
  fault?: WooFaultKind;
}

export interface WooTestServerOptions {
  readonly siteName?: string;
  readonly currency?: string;
  readonly consumerKey?: string;
  readonly consumerSecret?: string;
  readonly keyPermissions?: KeyPermissions;
  readonly wpUser?: string;
  readonly wpAppPassword?: string;
  /** Whether the WordPress user may upload files (`upload_files`); default true. */
  readonly userCanUpload?: boolean;
  /**
   * WordPress only accepts Application Passwords over https, or on a site whose environment type
   * is `local`. This server speaks http, so `local` (the default) is what lets media work here.
   */
  readonly environment?: 'local' | 'production';
  /** Whether WooCommerce is active (its `wc/v3` namespace exists); default true. */
  readonly woocommerceActive?: boolean;
  readonly clock?: ShopClock;
  /** Check the server's own answers against the field tables (default on). */
  readonly selfCheck?: boolean;
}

export interface WooTestServer {
  readonly baseUrl: string;
  readonly state: WooState;
  readonly faults: WooFaults;
  readonly clock: ShopClock;
  readonly requests: WooRecordedRequest[];
  readonly violations: WooViolation[];
  readonly selfCheckFailures: string[];
  readonly credentials: {
    readonly consumerKey: string;
    readonly consumerSecret: string;
    readonly wpUser: string;
    readonly wpAppPassword: string;
  };
  close(): Promise<void>;
}

export const DEFAULT_CREDENTIALS = {
  consumerKey: 'ck_4f1c2b7e9a0d3c5b8e6f1a2d4c7b9e0f3a5c8d1b',
  consumerSecret: 'cs_9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
  wpUser: 'shopmanager',
  wpAppPassword: 'abcd EFGH ijkl MNOP qrst UVWX',
} as const;

/** WooCommerce refuses an OAuth timestamp further than this from now (class-wc-rest-authentication.php). */
const OAUTH_WINDOW_S = 15 * 60;
const WC = '/wp-json/wc/v3';
const WP = '/wp-json/wp/v2';

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON body (an HTML page). */
  text?: string;
}

/** WordPress' error shape: `{code, message, data: {status, …}}`. */
function wpError(status: number, code: string, message: string, data: Record<string, unknown> = {}): Reply {
  return { status, body: { code, message, data: { status, ...data } } };
}

function invalidParams(problems: readonly ParamProblem[]): Reply {
  const params: Record<string, string> = {};
  for (const p of problems) params[p.param] ??= p.message;
  return wpError(400, 'rest_invalid_param', `Invalid parameter(s): ${Object.keys(params).join(', ')}`, {
    params,
  });
}

/** RFC 3986 percent-encoding, as OAuth 1.0a (RFC 5849 §3.6) wants it. */
function oauthEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export async function startWooTestServer(options: WooTestServerOptions = {}): Promise<WooTestServer> {
  const clock = options.clock ?? new ShopClock();
  const credentials = {
    consumerKey: options.consumerKey ?? DEFAULT_CREDENTIALS.consumerKey,
    consumerSecret: options.consumerSecret ?? DEFAULT_CREDENTIALS.consumerSecret,
    wpUser: options.wpUser ?? DEFAULT_CREDENTIALS.wpUser,
    wpAppPassword: options.wpAppPassword ?? DEFAULT_CREDENTIALS.wpAppPassword,
  };
  let baseUrl = '';
  const state = new WooState(clock, () => baseUrl, options.currency ?? 'EUR');
  state.keys.push({
    consumerKey: credentials.consumerKey,
    consumerSecret: credentials.consumerSecret,
    permissions: options.keyPermissions ?? 'read_write',
  });
  state.users.push({
    id: 2,
    username: credentials.wpUser,
    name: 'Shop Manager',
    appPasswords: [credentials.wpAppPassword],
    canUpload: options.userCanUpload ?? true,
  });
  const siteName = options.siteName ?? 'Velo Outlet';
  const environment = options.environment ?? 'local';
  const woocommerceActive = options.woocommerceActive ?? true;
  const selfCheck = options.selfCheck ?? true;
  const faults = new WooFaults();
  const requests: WooRecordedRequest[] = [];
  const violations: WooViolation[] = [];
  const selfCheckFailures: string[] = [];

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        send(res, wpError(500, 'internal_server_error', `Test server bug: ${String(error)}`));
      }
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = url.pathname.replace(/\/+$/, '') || '/';
    const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
    let body: unknown = undefined;
    let badJson = false;
    if (raw.length > 0 && contentType.startsWith('application/json')) {
      try {
        body = JSON.parse(raw.toString('utf8')) as unknown;
      } catch {
        badJson = true;
      }
    } else if (raw.length > 0) {
      body = `<${raw.length} bytes ${contentType || 'without Content-Type'}>`;
    }
    const record: WooRecordedRequest = {
      method,
      path: pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    };
    requests.push(record);
    const violate = (kind: WooViolationKind, problems: readonly string[]): void => {
      violations.push({ method, path: `${pathname}${url.search}`, kind, problems });
    };

    const delay = faults.delayFor(method, pathname);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const fault = faults.take(method, pathname);
    if (fault) record.fault = fault.kind;
    const retryAfter = { 'Retry-After': String(fault?.retryAfterSeconds ?? 2) };
    switch (fault?.kind) {
      case 'rate-limit':
        return finish(res, record, {
          ...wpError(429, 'rest_too_many_requests', 'Too many requests. Please try again later.'),
          headers: retryAfter,
        });
      case 'internal-error':
        return finish(
          res,
          record,
          wpError(500, 'internal_server_error', '<p>There has been a critical error on this website.</p>'),
        );
      case 'unavailable':
        return finish(res, record, {
          status: 503,
          text: '<!DOCTYPE html><title>Maintenance</title><h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1>',
          headers: retryAfter,
        });
      case 'timeout':
        // Held: the client's own timeout must fire. close() ends these sockets.
        return;
      case 'drop':
        req.socket.destroy();
        return;
      default:
        break;
    }

    const reply = route({
      req,
      method,
      url,
      pathname,
      raw,
      body,
      badJson,
      contentType,
      violate,
      fault: fault?.kind,
    });
    if (fault?.kind === 'timeout-after') return; // done, never answered
    finish(res, record, reply);
  }

  function finish(res: http.ServerResponse, record: WooRecordedRequest, reply: Reply): void {
    record.status = reply.status;
    send(res, reply);
  }

  interface Ctx {
    readonly req: http.IncomingMessage;
    readonly method: string;
    readonly url: URL;
    readonly pathname: string;
    readonly raw: Buffer;
    readonly body: unknown;
    readonly badJson: boolean;
    readonly contentType: string;
    readonly violate: (kind: WooViolationKind, problems: readonly string[]) => void;
    readonly fault: WooFaultKind | undefined;
  }

  function route(ctx: Ctx): Reply {
    const { method, pathname, violate } = ctx;
    if (pathname === '/wp-json') {
      if (method !== 'GET') return noRoute(ctx);
      return { status: 200, body: index() };
    }
    if (!pathname.startsWith('/wp-json/')) {
      violate('unknown-route', [`${pathname} is a page of the site, not a REST route`]);
      return {
        status: 404,
        text: '<!DOCTYPE html><title>Page not found</title><h1>Oops! That page can’t be found.</h1>',
      };
    }
    if (pathname.startsWith(`${WC}/`) || pathname === WC) {
      if (!woocommerceActive) return noRoute(ctx);
      return wcRoute(ctx);
    }
    if (pathname.startsWith(`${WP}/`)) return wpRoute(ctx);
    return noRoute(ctx);
  }

  function noRoute(ctx: Ctx): Reply {
    ctx.violate('unknown-route', [`no route serves ${ctx.method} ${ctx.pathname}`]);
    return wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  }

  function index(): Record<string, unknown> {
    return {
      name: siteName,
      description: 'Refurbished bikes and parts',
      url: baseUrl,
      home: baseUrl,
      gmt_offset: '0',
      timezone_string: 'UTC',
      namespaces: [
        'oembed/1.0',
        'wp/v2',
        'wp-site-health/v1',
        ...(woocommerceActive ? ['wc/store/v1', 'wc/v3', 'wc/v2', 'wc/v1'] : []),
      ],
      authentication: {
        'application-passwords': {
          endpoints: { authorization: `${baseUrl}/wp-admin/authorize-application.php` },
        },
      },
      routes: {},
    };
  }

  // --- wc/v3 ------------------------------------------------------------------------------------

  /**
   * WooCommerce over http: OAuth 1.0a "one-legged" in the query string (class-wc-rest-authentication.php).
   * Checked in WooCommerce's order: every oauth_* parameter present, a known consumer key,
   * HMAC-SHA1/256, the signature itself (RFC 5849 base string — WooCommerce double-encodes the
   * parameters the same way — signed with the consumer secret + "&"), a timestamp within 15
   * minutes (real time: the client signs with the wall clock), a nonce not seen before.
   */
  function oauth(ctx: Ctx): { ok: true; key: ApiKey } | { ok: false; reply: Reply } | null {
    const q = ctx.url.searchParams;
    const hasOauth = [...q.keys()].some((k) => k.startsWith('oauth_'));
    if (!hasOauth) return null;
    const fail = (message: string): { ok: false; reply: Reply } => {
      ctx.violate('auth', [message]);
      return { ok: false, reply: wpError(401, 'woocommerce_rest_authentication_error', message) };
    };
    for (const name of [
      'oauth_consumer_key',
      'oauth_timestamp',
      'oauth_nonce',
      'oauth_signature',
      'oauth_signature_method',
    ]) {
      if (!q.get(name)) return fail(`Missing OAuth parameter ${name}`);
    }
    const key = state.findKey(q.get('oauth_consumer_key')!);
    if (!key) return fail('Consumer key is invalid.');
    const methodName = q.get('oauth_signature_method')!;
    const algorithm = methodName === 'HMAC-SHA1' ? 'sha1' : methodName === 'HMAC-SHA256' ? 'sha256' : null;
    if (!algorithm) return fail('Invalid signature - signature method is invalid.');
    // PHP's $_GET keeps the last of repeated names. The JS client repeats every query parameter
    // (oauth-1.0a merges them into the OAuth set it returns), so this matters.
    const params = [...new Map(q.entries())]
      .filter(([k]) => k !== 'oauth_signature')
      .map(([k, v]) => [oauthEncode(k), oauthEncode(v)] as const)
      .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const base = `${ctx.method}&${oauthEncode(`http://${String(ctx.req.headers.host)}${ctx.url.pathname}`)}&${oauthEncode(params)}`;
    const expected = crypto
      .createHmac(algorithm, `${oauthEncode(key.consumerSecret)}&`)
      .update(base)
      .digest('base64');
    const given = q.get('oauth_signature')!;
    if (
      given.length !== expected.length ||
      !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
    ) {
      return fail('Invalid signature - provided signature does not match.');
    }
    const timestamp = Number(q.get('oauth_timestamp'));
    if (!Number.isInteger(timestamp) || Math.abs(timestamp - Date.now() / 1000) > OAUTH_WINDOW_S) {
      return fail('Invalid timestamp.');
    }
    const nonce = `${key.consumerKey}:${q.get('oauth_nonce')!}`;
    if (state.nonces.has(nonce)) return fail('Invalid nonce - nonce has already been used.');
    state.nonces.add(nonce);
    return { ok: true, key };
  }

  function wcRoute(ctx: Ctx): Reply {
    const { method, pathname, violate } = ctx;
    const auth = oauth(ctx);
    if (auth && !auth.ok) return auth.reply;
    if (!auth && /^Basic /i.test(String(ctx.req.headers.authorization ?? ''))) {
      // WooCommerce reads Basic auth only when is_ssl(): over http the request is anonymous.
      violate('auth', ['Basic auth over http: WooCommerce only accepts it over https; sign with OAuth 1.0a']);
    }
    const key = auth?.ok ? auth.key : null;
    if (key) {
      const write = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
      if (write && key.permissions === 'read') {
        violate('auth', ['the API key is read-only']);
        return wpError(
          401,
          'woocommerce_rest_authentication_error',
          'The API key provided does not have write permissions.',
        );
      }
      if (!write && key.permissions === 'write') {
        violate('auth', ['the API key is write-only']);
        return wpError(
          401,
          'woocommerce_rest_authentication_error',
          'The API key provided does not have read permissions.',
        );
      }
    }
    const rest = pathname.slice(WC.length);
    const idMatch = /^\/(products|orders)\/(\d+)$/.exec(rest);
    type Handler = {
      table: FieldTable | null;
      body: FieldTable | null;
      what: string;
      run: () => Reply;
      denied: Reply;
    };
    let handler: Handler;
    const cannot = {
      list: wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.'),
      view: wpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.'),
      create: wpError(
        401,
        'woocommerce_rest_cannot_create',
        'Sorry, you are not allowed to create resources.',
      ),
      edit: wpError(401, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.'),
      batch: wpError(
        401,
        'woocommerce_rest_cannot_batch',
        'Sorry, you are not allowed to batch manipulate this resource.',
      ),
    };
    if (rest === '/products' && method === 'GET') {
      handler = {
        table: PRODUCT_LIST_PARAMS,
        body: null,
        what: 'product',
        run: () => listProducts(ctx),
        denied: cannot.list,
      };
    } else if (rest === '/products' && method === 'POST') {
      handler = {
        table: {},
        body: PRODUCT_FIELDS,
        what: 'product',
        run: () => saveProduct(ctx, null),
        denied: cannot.create,
      };
    } else if (rest === '/products/batch' && ['POST', 'PUT', 'PATCH'].includes(method)) {
      handler = {
        table: {},
        body: PRODUCT_BATCH_FIELDS,
        what: 'product',
        run: () => batchProducts(ctx),
        denied: cannot.batch,
      };
    } else if (idMatch?.[1] === 'products' && method === 'GET') {
      handler = {
        table: SINGLE_GET_PARAMS,
        body: null,
        what: 'product',
        run: () => getProduct(Number(idMatch[2])),
        denied: cannot.view,
      };
    } else if (idMatch?.[1] === 'products' && ['POST', 'PUT', 'PATCH'].includes(method)) {
      handler = {
        table: {},
        body: PRODUCT_FIELDS,
        what: 'product',
        run: () => saveProduct(ctx, Number(idMatch[2])),
        denied: cannot.edit,
      };
    } else if (rest === '/orders' && method === 'GET') {
      handler = {
        table: ORDER_LIST_PARAMS,
        body: null,
        what: 'order',
        run: () => listOrders(ctx),
        denied: cannot.list,
      };
    } else if (idMatch?.[1] === 'orders' && method === 'GET') {
      handler = {
        table: SINGLE_GET_PARAMS,
        body: null,
        what: 'order',
        run: () => getOrder(Number(idMatch[2])),
        denied: cannot.view,
      };
    } else if (
      /^\/(products|orders)(\/\d+)?$/.test(rest) ||
      /^\/(orders|products)\/(batch|\d+\/notes|\d+\/refunds)/.test(rest)
    ) {
      violate('unsupported', [
        `${method} ${pathname} is a real WooCommerce route the test server does not implement`,
      ]);
      return wpError(501, 'test_server_unsupported', 'Not implemented by the WooCommerce test server.');
    } else {
      return noRoute(ctx);
    }

    // WordPress validates parameters before the route's permission check.
    const problems = checkRequest(ctx, handler.table, handler.body, handler.what);
    if (problems) return problems;
    if (!key) {
      violate('auth', ['no credentials: sign wc/v3 requests with OAuth 1.0a over http']);
      return handler.denied;
    }
    return handler.run();
  }

  function checkRequest(
    ctx: Ctx,
    table: FieldTable | null,
    bodyTable: FieldTable | null,
    what: string,
  ): Reply | null {
    const isOauth = (name: string): boolean => name.startsWith('oauth_');
    const problems: ParamProblem[] = [];
    if (table) problems.push(...validateQuery(ctx.url.searchParams, table, isOauth));
    if (bodyTable) {
      if (ctx.raw.length === 0) {
        problems.push({ param: 'body', message: 'The request has no JSON body.' });
      } else if (!ctx.contentType.startsWith('application/json')) {
        ctx.violate('content-type', [
          `a JSON write needs Content-Type: application/json, not "${ctx.contentType}"`,
        ]);
        return wpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
      } else if (ctx.badJson) {
        ctx.violate('invalid-param', ['the body is not valid JSON']);
        return wpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
      } else {
        problems.push(...validateBody(ctx.body, bodyTable, what));
      }
    } else if (ctx.raw.length > 0) {
      problems.push({ param: 'body', message: `${ctx.method} takes no body here.` });
    }
    if (problems.length === 0) return null;
    ctx.violate(
      'invalid-param',
      problems.map((p) => `${p.param}: ${p.message}`),
    );
    return invalidParams(problems);
  }

  function selfChecked<T>(value: T, table: FieldTable, what: string): T {
    if (selfCheck) {
      for (const failure of checkAnswer(value, table, what)) selfCheckFailures.push(`${what}: ${failure}`);
    }
    return value;
  }

  function page<T>(ctx: Ctx, all: readonly T[], table: FieldTable, what: string): Reply {
    const q = ctx.url.searchParams;
    const perPage = Number(q.get('per_page') ?? 10);
    const pageNo = Number(q.get('page') ?? 1);
    const offset = q.get('offset') !== null ? Number(q.get('offset')) : (pageNo - 1) * perPage;
    const total = ctx.fault === 'stale-empty' ? 0 : all.length;
    const slice = ctx.fault === 'stale-empty' ? [] : all.slice(offset, offset + perPage);
    return {
      status: 200,
      body: slice.map((x) => selfChecked(x, table, what)),
      headers: { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(Math.ceil(total / perPage)) },
    };
  }

  function sortBy<T extends Record<string, unknown>>(items: T[], ctx: Ctx, dateField: string): T[] {
    const q = ctx.url.searchParams;
    const orderby = q.get('orderby') ?? 'date';
    const desc = (q.get('order') ?? 'desc') === 'desc';
    const keyOf = (x: T): string | number =>
      orderby === 'id'
        ? Number(x['id'])
        : orderby === 'title'
          ? String(x['name'] ?? '')
          : orderby === 'slug'
            ? String(x['slug'] ?? '')
            : String(x[dateField]);
    return items.sort((a, b) => {
      const ka = keyOf(a);
      const kb = keyOf(b);
      const c = ka < kb ? -1 : ka > kb ? 1 : Number(a['id']) - Number(b['id']);
      return desc ? -c : c;
    });
  }

  /** WooCommerce reads `after`/`modified_after` etc. as exclusive bounds; this site is on UTC. */
  function dateFilter<T extends Record<string, unknown>>(
    items: T[],
    ctx: Ctx,
    created: string,
    modified: string,
  ): T[] {
    const q = ctx.url.searchParams;
    const ms = (v: string): number => Date.parse(/[Zz]|[+-]\d{2}:?\d{2}$/.test(v) ? v : `${v}Z`);
    const at = (x: T, field: string): number => ms(String(x[field]));
    let out = items;
    const bounds: [string, string, (a: number, b: number) => boolean][] = [
      ['after', created, (a, b) => a > b],
      ['before', created, (a, b) => a < b],
      ['modified_after', modified, (a, b) => a > b],
      ['modified_before', modified, (a, b) => a < b],
    ];
    for (const [param, field, keep] of bounds) {
      const value = q.get(param);
      if (value !== null) out = out.filter((x) => keep(at(x, field), ms(value)));
    }
    return out;
  }

  function listProducts(ctx: Ctx): Reply {
    const q = ctx.url.searchParams;
    let items = [...state.products.values()].filter((p) => p.status !== 'trash');
    const sku = q.get('sku');
    if (sku !== null) {
      const skus = sku.split(',').map((s) => s.trim());
      items = items.filter((p) => skus.includes(p.sku));
    }
    const status = q.get('status');
    if (status !== null && status !== 'any') items = items.filter((p) => p.status === status);
    const type = q.get('type');
    if (type !== null) items = items.filter((p) => p['type'] === type);
    const search = q.get('search');
    if (search !== null)
      items = items.filter((p) => String(p['name']).toLowerCase().includes(search.toLowerCase()));
    items = dateFilter(items, ctx, 'date_created_gmt', 'date_modified_gmt');
    return page(ctx, sortBy(items, ctx, 'date_created_gmt'), PRODUCT_FIELDS, 'product');
  }

  function getProduct(id: number): Reply {
    const product = state.products.get(id);
    if (!product || product.status === 'trash')
      return wpError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
    return { status: 200, body: selfChecked(product, PRODUCT_FIELDS, 'product') };
  }

  function saveProduct(ctx: Ctx, id: number | null): Reply {
    const input = ctx.body as Record<string, unknown>;
    const existing = id === null ? null : (state.products.get(id) ?? null);
    if (id !== null && (!existing || existing.status === 'trash')) {
      return wpError(400, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
    }
    if (typeof input['sku'] === 'string' && input['sku'] !== '') {
      const clash = state.productBySku(input['sku']);
      if (clash && clash.id !== id) {
        // WooCommerce names the product that holds the SKU (WC_REST_Exception data).
        return wpError(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', {
          resource_id: clash.id,
          unique_sku: `${input['sku']}-1`,
        });
      }
    }
    let images: Product['images'] | null = null;
    if (Array.isArray(input['images'])) {
      images = [];
      for (const image of input['images'] as Record<string, unknown>[]) {
        if (typeof image['id'] !== 'number' || image['id'] === 0) {
          ctx.violate('unsupported', [
            'images by `src` (WordPress downloads them) are not modelled: upload to /wp/v2/media and pass {id}',
          ]);
          return wpError(
            501,
            'test_server_unsupported',
            'Images by URL are not implemented by the test server.',
          );
        }
        if (!state.media.has(image['id'])) {
          return wpError(
            400,
            'woocommerce_product_invalid_image_id',
            `#${image['id']} is an invalid image ID.`,
          );
        }
        images.push(
          state.imageEntry(image['id'], typeof image['alt'] === 'string' ? image['alt'] : undefined),
        );
      }
    }
    const product = existing ?? state.newProduct(state.newId());
    for (const [key, value] of Object.entries(input)) {
      if (key !== 'images') (product as Record<string, unknown>)[key] = value;
    }
    if (images) product.images = images;
    state.derive(product);
    state.products.set(product.id, product);
    return { status: existing ? 200 : 201, body: selfChecked(product, PRODUCT_FIELDS, 'product') };
  }

  function batchProducts(ctx: Ctx): Reply {
    const input = ctx.body as Record<string, unknown[] | undefined>;
    const used = ['create', 'update', 'delete'].filter((k) => (input[k]?.length ?? 0) > 0);
    if (used.length > 0) {
      ctx.violate('unsupported', [`batch ${used.join('/')} is not implemented by the test server`]);
      return wpError(501, 'test_server_unsupported', 'Batch changes are not implemented by the test server.');
    }
    // An empty batch changes nothing; WooCommerce answers an empty array.
    return { status: 200, body: [] };
  }

  function listOrders(ctx: Ctx): Reply {
    const q = ctx.url.searchParams;
    let items: Order[] = [...state.orders.values()];
    const statuses = q
      .getAll('status')
      .flatMap((s) => s.split(','))
      .concat(q.getAll('status[]'));
    if (statuses.length > 0 && !statuses.includes('any')) {
      items = items.filter((o) => statuses.includes(o.status));
    } else {
      items = items.filter((o) => o.status !== 'trash');
    }
    items = dateFilter(items, ctx, 'date_created_gmt', 'date_modified_gmt');
    return page(ctx, sortBy(items, ctx, 'date_created_gmt'), ORDER_FIELDS, 'order');
  }

  function getOrder(id: number): Reply {
    const order = state.orders.get(id);
    if (!order) return wpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
    return { status: 200, body: selfChecked(order, ORDER_FIELDS, 'order') };
  }

  // --- wp/v2 ------------------------------------------------------------------------------------

  /** WordPress Application Passwords: Basic auth of the user name and the application password. */
  function wpUser(ctx: Ctx): { user: WpUser | null; reply: Reply | null } {
    const header = String(ctx.req.headers.authorization ?? '');
    const basic = /^Basic\s+(\S+)$/i.exec(header);
    if (!basic) return { user: null, reply: null };
    if (environment !== 'local') {
      // wp_is_application_passwords_available(): https, or a `local` environment.
      ctx.violate('auth', ['Application Passwords are refused over http outside a local environment']);
      return { user: null, reply: null };
    }
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const username = colon < 0 ? decoded : decoded.slice(0, colon);
    const password = colon < 0 ? '' : decoded.slice(colon + 1);
    const user = state.findUser(username);
    if (!user) {
      ctx.violate('auth', [`unknown WordPress user "${username}"`]);
      return {
        user: null,
        reply: wpError(401, 'invalid_username', 'Unknown username. Check again or try your email address.'),
      };
    }
    // WordPress ignores the spaces it shows in application passwords.
    const given = password.replace(/\s+/g, '');
    if (!user.appPasswords.some((p) => p.replace(/\s+/g, '') === given)) {
      ctx.violate('auth', [`wrong application password for "${username}"`]);
      return {
        user: null,
        reply: wpError(
          401,
          'incorrect_password',
          'The provided password is an invalid application password.',
        ),
      };
    }
    return { user, reply: null };
  }

  function wpRoute(ctx: Ctx): Reply {
    const { method, pathname, violate } = ctx;
    const rest = pathname.slice(WP.length);
    const auth = wpUser(ctx);
    if (auth.reply) return auth.reply;
    if (rest === '/users/me' && method === 'GET') {
      const problems = validateQuery(ctx.url.searchParams, USERS_ME_PARAMS);
      if (problems.length > 0) {
        violate(
          'invalid-param',
          problems.map((p) => `${p.param}: ${p.message}`),
        );
        return invalidParams(problems);
      }
      if (!auth.user) {
        violate('auth', ['no WordPress credentials']);
        return wpError(401, 'rest_not_logged_in', 'You are not currently logged in.');
      }
      const edit = ctx.url.searchParams.get('context') === 'edit';
      return {
        status: 200,
        body: {
          id: auth.user.id,
          name: auth.user.name,
          url: '',
          description: '',
          link: `${baseUrl}/author/${auth.user.username}/`,
          slug: auth.user.username,
          ...(edit
            ? {
                username: auth.user.username,
                roles: [auth.user.canUpload ? 'shop_manager' : 'customer'],
                capabilities: {
                  read: true,
                  ...(auth.user.canUpload ? { upload_files: true, edit_products: true } : {}),
                },
              }
            : {}),
        },
      };
    }
    if (rest === '/media' && method === 'POST') return uploadMedia(ctx, auth.user);
    const mediaId = /^\/media\/(\d+)$/.exec(rest);
    if (mediaId && method === 'GET') {
      const media = state.media.get(Number(mediaId[1]));
      if (!media) return wpError(404, 'rest_post_invalid_id', 'Invalid post ID.');
      return { status: 200, body: state.mediaAnswer(media) };
    }
    if (/^\/(media|users|posts|pages)/.test(rest)) {
      violate('unsupported', [
        `${method} ${pathname} is a real WordPress route the test server does not implement`,
      ]);
      return wpError(501, 'test_server_unsupported', 'Not implemented by the WooCommerce test server.');
    }
    return noRoute(ctx);
  }

  function uploadMedia(ctx: Ctx, user: WpUser | null): Reply {
    const { violate } = ctx;
    const problems = validateQuery(ctx.url.searchParams, MEDIA_CREATE_PARAMS);
    if (problems.length > 0) {
      violate(
        'invalid-param',
        problems.map((p) => `${p.param}: ${p.message}`),
      );
      return invalidParams(problems);
    }
    if (!user) {
      violate('auth', ['media upload without WordPress credentials (an Application Password)']);
      return wpError(401, 'rest_cannot_create', 'Sorry, you are not allowed to create posts as this user.');
    }
    if (!user.canUpload)
      return wpError(403, 'rest_cannot_create', 'Sorry, you are not allowed to upload media on this site.');
    if (ctx.raw.length === 0) {
      violate('media', ['no file bytes']);
      return wpError(400, 'rest_upload_no_data', 'No data supplied.');
    }
    if (!ctx.contentType) {
      violate('media', ['no Content-Type']);
      return wpError(400, 'rest_upload_no_content_type', 'No Content-Type supplied.');
    }
    const disposition = String(ctx.req.headers['content-disposition'] ?? '');
    const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    if (!filename) {
      violate('media', ['no Content-Disposition with a filename']);
      return wpError(400, 'rest_upload_no_content_disposition', 'No Content-Disposition supplied.');
    }
    const jpeg = ctx.raw[0] === 0xff && ctx.raw[1] === 0xd8 && ctx.raw[2] === 0xff;
    const png = ctx.raw.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const typeOk =
      (ctx.contentType.startsWith('image/jpeg') && jpeg) || (ctx.contentType.startsWith('image/png') && png);
    if (!typeOk || !/\.(jpe?g|png)$/i.test(filename)) {
      violate('media', [
        `"${filename}" sent as ${ctx.contentType} is not a JPEG or PNG file with a matching name`,
      ]);
      return wpError(
        400,
        'rest_upload_sideload_error',
        'Sorry, you are not allowed to upload this file type.',
      );
    }
    const id = state.newId();
    const q = ctx.url.searchParams;
    const media = {
      id,
      filename: decodeURIComponent(filename),
      mimeType: jpeg ? 'image/jpeg' : 'image/png',
      bytes: ctx.raw.length,
      date: wooDate(clock.now()),
      author: user.id,
      altText: q.get('alt_text') ?? '',
      title: q.get('title') ?? decodeURIComponent(filename).replace(/\.[^.]+$/, ''),
    };
    state.media.set(id, media);
    return { status: 201, body: state.mediaAnswer(media) };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    state,
    faults,
    clock,
    requests,
    violations,
    selfCheckFailures,
    credentials,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (reply.text !== undefined) {
    payload = reply.text;
    headers['Content-Type'] = 'text/html; charset=UTF-8';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] = 'application/json; charset=UTF-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Fails the test listing every request a real shop would have refused or silently dropped. */
export function expectNoViolations(
  server: Pick<WooTestServer, 'violations' | 'selfCheckFailures'>,
  options: { ignore?: readonly WooViolationKind[] } = {},
): void {
  const ignore = new Set(options.ignore ?? []);
  const lines = [
    ...server.violations
      .filter((v) => !ignore.has(v.kind))
      .map((v) => `${v.method} ${v.path} [${v.kind}]: ${v.problems.join('; ')}`),
    ...server.selfCheckFailures.map((f) => `test server answered outside the field tables: ${f}`),
  ];
  if (lines.length > 0) {
    throw new Error(
      `The WooCommerce test server saw ${lines.length} problem(s):\n  - ${lines.join('\n  - ')}`,
    );
  }
}

export type { OrderStatus };
