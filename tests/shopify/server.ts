/**
 * A local stand-in for a Shopify shop's Admin GraphQL API, for the Shopify channel's tests.
 *
 * Every operation is parsed, validated and its variables coerced against Shopify's published Admin
 * schema for the pinned API version (schema.ts), and executed by graphql-js over that same schema
 * with resolvers on an in-memory shop (state.ts): the answers are shaped by the schema, so a field
 * the client asks for that Shopify does not have, a wrong argument type or a missing required
 * variable fails here as it would there. What fails is recorded in `violations` and answered the
 * way Shopify answers (GraphQL `errors` in an HTTP 200), so nothing the real API would refuse can
 * pass a test unnoticed. Every answer carries `extensions.cost.throttleStatus` from a leaky bucket,
 * and a query that costs more than the bucket holds is refused with `THROTTLED` inside an HTTP 200.
 *
 * Also served: the staged upload target (the multipart POST that `stagedUploadsCreate` points to)
 * and the client-credentials token endpoint (`POST /admin/oauth/access_token`).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  execute,
  getNamedType,
  getNullableType,
  GraphQLError,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { checkOperation, loadSchema, locateSchema, SHOPIFY_ADMIN_API_VERSION } from './schema.js';
import {
  DEFAULT_SCOPES,
  ShopifyState,
  TestClock,
  type MediaRecord,
  type OrderLineRecord,
  type OrderRecord,
  type ProductRecord,
  type ProductStatus,
  type RefundRecord,
  type VariantRecord,
} from './state.js';

export { TestClock, ShopifyState, DEFAULT_SCOPES, locateSchema };

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type ViolationKind =
  | 'syntax'
  | 'validation'
  | 'deprecated'
  | 'variables'
  | 'operation'
  /** A facet of Shopify's behaviour this server does not model: the test cannot vouch for it. */
  | 'unsupported'
  /** Shopify facts beyond the schema: pagination limits, search syntax, staged upload form… */
  | 'shopify-rule'
  /** A single query above Shopify's 1000-point limit (MAX_COST_EXCEEDED). */
  | 'cost'
  /** A request to an API version other than the one this server carries the schema of. */
  | 'wrong-version';

export interface Violation {
  readonly path: string;
  readonly operationName: string | null;
  readonly kind: ViolationKind;
  readonly problems: readonly string[];
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly operationName: string | null;
  /** Root fields of the GraphQL operation (`productSet`, `orders`…). */
  readonly rootFields: readonly string[];
  readonly variables: unknown;
  status?: number;
  fault?: FaultKind;
  /** The estimated query cost this server charged (or would have). */
  cost?: number;
  /** GraphQL error codes in the answer (THROTTLED, ACCESS_DENIED…). */
  errorCodes?: readonly string[];
}

export type FaultKind =
  /** `THROTTLED` inside an HTTP 200, the bucket drained to `available` (default 0). */
  | 'throttled'
  /** 429 with Retry-After. */
  | 'http-429'
  | 'http-500'
  | 'http-503'
  /** The operation is carried out, but the answer never comes: held until the client gives up. */
  | 'timeout'
  /** The socket is destroyed without an answer, before the operation runs. */
  | 'drop';

export interface FaultOptions {
  readonly times?: number;
  /** Matches the operation name or one of its root fields; any GraphQL request when absent. */
  readonly operation?: string;
  readonly retryAfterSeconds?: number;
  /** For `throttled`: what the bucket holds after the fault. */
  readonly available?: number;
  /** Let this many matching requests through first (e.g. fail the second page, not the first). */
  readonly skip?: number;
}

interface InjectedFault extends FaultOptions {
  readonly kind: FaultKind;
  remaining: number;
  skipping: number;
}

export class Faults {
  private readonly queue: InjectedFault[] = [];

  /** The next `times` (default 1) matching GraphQL requests answer with `kind`. */
  inject(kind: FaultKind, options: FaultOptions = {}): this {
    this.queue.push({ ...options, kind, remaining: options.times ?? 1, skipping: options.skip ?? 0 });
    return this;
  }

  private readonly hooks: { operation: string; run: () => void }[] = [];

  /**
   * Runs `run` once, just before the next request for `operation` (name or root field) executes:
   * someone else's change landing between a client's read and its write.
   */
  before(operation: string, run: () => void): this {
    this.hooks.push({ operation, run });
    return this;
  }

  runHooks(operationName: string | null, rootFields: readonly string[]): void {
    const index = this.hooks.findIndex(
      (h) => h.operation === operationName || rootFields.includes(h.operation),
    );
    if (index === -1) return;
    const [hook] = this.hooks.splice(index, 1);
    hook!.run();
  }

  clear(): void {
    this.queue.length = 0;
    this.hooks.length = 0;
  }

  take(operationName: string | null, rootFields: readonly string[]): InjectedFault | null {
    const fault = this.queue.find(
      (f) =>
        f.remaining > 0 &&
        (f.operation === undefined || f.operation === operationName || rootFields.includes(f.operation)),
    );
    if (!fault) return null;
    if (fault.skipping > 0) {
      fault.skipping -= 1;
      return null;
    }
    fault.remaining -= 1;
    if (fault.remaining === 0) this.queue.splice(this.queue.indexOf(fault), 1);
    return fault;
  }

  get pending(): readonly FaultKind[] {
    return this.queue.map((f) => f.kind);
  }
}

/** Shopify's leaky bucket for GraphQL cost, on the server clock. */
export class CostBucket {
  private available: number;
  private at: number;

  constructor(
    readonly maximumAvailable: number,
    readonly restoreRate: number,
    private readonly clock: TestClock,
  ) {
    this.available = maximumAvailable;
    this.at = clock.now();
  }

  currentlyAvailable(): number {
    const now = this.clock.now();
    this.available = Math.min(
      this.maximumAvailable,
      this.available + (Math.max(0, now - this.at) / 1000) * this.restoreRate,
    );
    this.at = now;
    return Math.floor(this.available);
  }

  take(cost: number): void {
    this.currentlyAvailable();
    this.available = Math.max(0, this.available - cost);
  }

  drainTo(level: number): void {
    this.currentlyAvailable();
    this.available = Math.max(0, Math.min(this.maximumAvailable, level));
  }

  status() {
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: this.currentlyAvailable(),
      restoreRate: this.restoreRate,
    };
  }
}

export interface ShopifyTestServerOptions {
  /** Introspection JSON (.json or .json.gz); default: the cache or REBOUND_SHOPIFY_SCHEMA. */
  readonly schemaFile?: string;
  readonly version?: string;
  readonly shopDomain?: string;
  readonly shopName?: string;
  readonly currencyCode?: string;
  /** Scopes of the merchant's token (and of client-credentials tokens). */
  readonly scopes?: readonly string[];
  /** The merchant's Admin API access token; generated when absent. */
  readonly accessToken?: string;
  /** The app's credentials for the client-credentials grant. */
  readonly app?: { readonly clientId: string; readonly clientSecret: string };
  /** Lifetime of client-credentials tokens; Shopify's is 86399 s. */
  readonly clientTokenSeconds?: number;
  /** Default: Shopify's standard plan, 2000 points restoring 100 per second. */
  readonly bucket?: { readonly maximumAvailable: number; readonly restoreRate: number };
  readonly clock?: TestClock;
}

export interface ShopifyTestServer {
  readonly baseUrl: string;
  readonly shopDomain: string;
  readonly version: string;
  readonly accessToken: string;
  readonly schema: GraphQLSchema;
  readonly state: ShopifyState;
  readonly clock: TestClock;
  readonly faults: Faults;
  readonly bucket: CostBucket;
  readonly requests: RecordedRequest[];
  readonly violations: Violation[];
  close(): Promise<void>;
}

/** Shopify refuses a single query above this cost, whatever the bucket holds. */
export const MAX_SINGLE_QUERY_COST = 1000;
/** Shopify's page size limit for every connection. */
export const MAX_PAGE = 250;
/** Orders older than this are invisible without `read_all_orders`. */
export const ORDER_WINDOW_MS = 60 * 24 * 3_600_000;

const THROTTLED_DOC = 'https://shopify.dev/api/usage/rate-limits';
const INVALID_TOKEN_BODY = {
  errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};
/** Where inventory changes may come from (InventorySetQuantitiesInput.reason). */
const INVENTORY_REASONS = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);

/** The scope each modelled root field needs (write_x implies read_x); null: none. */
const ROOT_FIELDS: Readonly<Record<string, string | null>> = {
  shop: null,
  currentAppInstallation: null,
  stagedUploadsCreate: null,
  product: 'read_products',
  productByIdentifier: 'read_products',
  products: 'read_products',
  location: 'read_locations',
  locations: 'read_locations',
  order: 'read_orders',
  orders: 'read_orders',
  productSet: 'write_products',
  productUpdate: 'write_products',
  productVariantsBulkUpdate: 'write_products',
  inventorySetQuantities: 'write_inventory',
};

function hasScope(scopes: readonly string[], needed: string): boolean {
  return scopes.includes(needed) || scopes.includes(needed.replace(/^read_/, 'write_'));
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

type Args = Record<string, unknown>;
type Obj = Record<string, unknown>;

interface Context {
  readonly scopes: readonly string[];
  readonly problems: { kind: ViolationKind; message: string }[];
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function denied(field: string, scope: string): GraphQLError {
  const requiredAccess = `\`${scope}\` access scope.`;
  return new GraphQLError(`Access denied for ${field} field. Required access: ${requiredAccess}`, {
    extensions: {
      code: 'ACCESS_DENIED',
      documentation: 'https://shopify.dev/api/usage/access-scopes',
      requiredAccess,
    },
  });
}

/** Shopify's answers carry money as decimal strings with the currency's two places. */
export function decimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : String(value ?? '0');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return text;
  const fraction = (match[3] ?? '').padEnd(2, '0');
  return `${match[1]}${match[2]}.${fraction}`;
}

function moneyBag(amount: string, currencyCode: string) {
  const money = { amount: decimal(amount), currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

/** Lowercase letters, digits and dashes: what Shopify makes of a handle it is given. */
export function normaliseHandle(handle: string): string {
  return handle
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type SortTuple = readonly (string | number)[];

function compareTuples(a: SortTuple, b: SortTuple): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

function encodeCursor(tuple: SortTuple): string {
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

function decodeCursor(cursor: string): SortTuple | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(value) ? (value as SortTuple) : null;
  } catch {
    return null;
  }
}

/**
 * A Relay connection over items already in their answer order. Cursors hold the sort values (like
 * Shopify's), so a page continues after the last item seen even when items changed meanwhile.
 */
function connection<T>(
  items: readonly T[],
  args: Args,
  sortOf: (item: T) => SortTuple,
  ctx: Context,
  field: string,
) {
  const first = typeof args['first'] === 'number' ? args['first'] : null;
  const last = typeof args['last'] === 'number' ? args['last'] : null;
  if (first === null && last === null) {
    ctx.problems.push({ kind: 'shopify-rule', message: `${field}: you must provide one of first or last` });
    throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
  }
  const size = first ?? last ?? 0;
  if (size > MAX_PAGE || size < 0) {
    ctx.problems.push({
      kind: 'shopify-rule',
      message: `${field}: page size ${size} outside 0..${MAX_PAGE}`,
    });
    throw new GraphQLError(`The first argument must be at most ${MAX_PAGE}`, {
      extensions: { code: 'BAD_REQUEST' },
    });
  }
  let list = [...items];
  const after = typeof args['after'] === 'string' ? args['after'] : null;
  const before = typeof args['before'] === 'string' ? args['before'] : null;
  const ordered = list.map(sortOf);
  const ascending = ordered.every((t, i) => i === 0 || compareTuples(ordered[i - 1]!, t) <= 0);
  const direction = ascending ? 1 : -1;
  if (after !== null) {
    const tuple = decodeCursor(after);
    if (!tuple)
      throw new GraphQLError(`Invalid cursor for ${field}`, { extensions: { code: 'BAD_REQUEST' } });
    list = list.filter((item) => compareTuples(sortOf(item), tuple) * direction > 0);
  }
  if (before !== null) {
    const tuple = decodeCursor(before);
    if (!tuple)
      throw new GraphQLError(`Invalid cursor for ${field}`, { extensions: { code: 'BAD_REQUEST' } });
    list = list.filter((item) => compareTuples(sortOf(item), tuple) * direction < 0);
  }
  const total = list.length;
  const page = first !== null ? list.slice(0, size) : list.slice(Math.max(0, list.length - size));
  const edges = page.map((node) => ({ cursor: encodeCursor(sortOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: first !== null ? total > size : before !== null,
      hasPreviousPage: last !== null ? total > size : after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

interface SearchTerm {
  readonly field: string;
  readonly op: '=' | '>' | '>=' | '<' | '<=';
  readonly value: string;
}

/**
 * Shopify's search syntax, the subset a client should need: `field:value`, `field:>value`,
 * quoted values, terms joined by spaces (AND). Shopify silently ignores what it cannot read and
 * answers unfiltered — the worst failure for a sales poll — so anything else is a violation here.
 */
function parseSearch(query: string, fields: readonly string[]): { terms: SearchTerm[]; problems: string[] } {
  const terms: SearchTerm[] = [];
  const problems: string[] = [];
  const token = /(\w+):(>=|<=|>|<)?(?:'([^']*)'|"([^"]*)"|([^\s'"]+))|(\S+)/g;
  for (const match of query.matchAll(token)) {
    if (match[6] !== undefined) {
      if (match[6].toUpperCase() === 'AND') continue;
      problems.push(`search term “${match[6]}” is not field:value (Shopify would ignore it)`);
      continue;
    }
    const field = match[1]!;
    if (!fields.includes(field)) {
      problems.push(`search field “${field}” is not one of ${fields.join(', ')}`);
      continue;
    }
    terms.push({
      field,
      op: (match[2] ?? '=') as SearchTerm['op'],
      value: match[3] ?? match[4] ?? match[5] ?? '',
    });
  }
  return { terms, problems };
}

function compareDates(actual: string, term: SearchTerm): boolean {
  const a = Date.parse(actual);
  const b = Date.parse(term.value);
  if (Number.isNaN(b)) return false;
  switch (term.op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '=':
      return actual.slice(0, 10) === term.value.slice(0, 10);
  }
}

// ---------------------------------------------------------------------------------------------
// Query cost
// ---------------------------------------------------------------------------------------------

function argNumber(node: ValueNode | undefined, variables: Obj): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : null;
  }
  return null;
}

/**
 * Shopify's cost rules, simplified: a scalar or enum costs 0, an object 1, a connection 2 plus its
 * page size times the cost of one node, a mutation's root field 10.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Obj,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const walk = (set: SelectionSetNode | undefined, parent: GraphQLNamedType | null | undefined): number => {
    if (!set || !parent) return 0;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += walk(selection.selectionSet, type);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) total += walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
        continue;
      }
      if (!(isObjectType(parent) || isAbstractType(parent)) || !('getFields' in parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) continue;
      const child = walk(selection.selectionSet, named);
      const first = selection.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
      const size = argNumber(first?.value, variables);
      if (named.name.endsWith('Connection')) total += 2 + (size ?? 1) * child;
      else if (isListType(getNullableType(field.type))) total += (size ?? 1) * (1 + child);
      else total += 1 + child;
    }
    return total;
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (operation.operation !== 'mutation') return Math.max(1, walk(operation.selectionSet, root));
  let total = 0;
  for (const selection of operation.selectionSet.selections) {
    total += 10 + walk({ kind: Kind.SELECTION_SET, selections: [selection] }, root) - 1;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export async function startShopifyTestServer(
  options: ShopifyTestServerOptions = {},
): Promise<ShopifyTestServer> {
  const version = options.version ?? SHOPIFY_ADMIN_API_VERSION;
  const schemaFile = options.schemaFile ?? locateSchema(process.env, version).file;
  const schema = loadSchema(schemaFile);
  const clock = options.clock ?? new TestClock();
  const shopDomain = options.shopDomain ?? 'rebound-test.myshopify.com';
  const state = new ShopifyState(clock, {
    name: options.shopName ?? 'Rebound Test Shop',
    myshopifyDomain: shopDomain,
    currencyCode: options.currencyCode ?? 'USD',
  });
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  const accessToken = options.accessToken ?? state.newToken(scopes, null);
  if (options.accessToken) state.tokens.set(options.accessToken, { scopes, expiresAt: null });
  const faults = new Faults();
  const bucket = new CostBucket(
    options.bucket?.maximumAvailable ?? 2000,
    options.bucket?.restoreRate ?? 100,
    clock,
  );
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  let baseUrl = '';
  const held = new Set<http.ServerResponse>();

  // ---- views: records → objects shaped like Shopify's types (graphql-js reads their properties) ----

  const locationView = (id: string) => {
    const location = state.locations.find((l) => l.id === id);
    if (!location) return null;
    return {
      __typename: 'Location',
      id: location.id,
      name: location.name,
      isPrimary: location.isPrimary,
      isActive: true,
      fulfillsOnlineOrders: true,
      shipsInventory: true,
      legacyResourceId: location.id.split('/').pop(),
    };
  };

  const levelView = (product: ProductRecord, variant: VariantRecord, locationId: string) => {
    if (!variant.levels.has(locationId)) return null;
    return {
      __typename: 'InventoryLevel',
      id: `gid://shopify/InventoryLevel/${variant.inventoryItemId.split('/').pop()}?inventory_item_id=${variant.inventoryItemId.split('/').pop()}`,
      isActive: true,
      createdAt: variant.createdAt,
      updatedAt: variant.updatedAt,
      location: () => locationView(locationId),
      item: () => inventoryItemView(product, variant),
      quantities: (args: Args) =>
        ((args['names'] as string[] | undefined) ?? []).map((name) => ({
          __typename: 'InventoryQuantity',
          id: `gid://shopify/InventoryQuantity/${variant.inventoryItemId.split('/').pop()}-${name}`,
          name,
          quantity: state.quantity(variant, locationId, name) ?? 0,
          updatedAt: variant.updatedAt,
        })),
    };
  };

  const inventoryItemView = (product: ProductRecord, variant: VariantRecord): Obj => ({
    __typename: 'InventoryItem',
    id: variant.inventoryItemId,
    sku: variant.sku,
    tracked: variant.tracked,
    requiresShipping: true,
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
    legacyResourceId: variant.inventoryItemId.split('/').pop(),
    variant: () => variantView(product, variant),
    inventoryLevel: (args: Args) => levelView(product, variant, String(args['locationId'])),
    inventoryLevels: (args: Args, ctx: Context) =>
      connection(
        [...variant.levels.keys()].map((id) => levelView(product, variant, id)!),
        args,
        (l) => [l.id],
        ctx,
        'inventoryLevels',
      ),
  });

  const totalAvailable = (variant: VariantRecord) =>
    [...variant.levels.keys()].reduce((sum, id) => sum + (state.quantity(variant, id) ?? 0), 0);

  const variantView = (product: ProductRecord, variant: VariantRecord): Obj => ({
    __typename: 'ProductVariant',
    id: variant.id,
    sku: variant.sku,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    title: variant.optionValues.map((o) => o.name).join(' / ') || 'Default Title',
    displayName: `${product.title} - ${variant.optionValues.map((o) => o.name).join(' / ') || 'Default Title'}`,
    position: product.variants.indexOf(variant) + 1,
    inventoryQuantity: totalAvailable(variant),
    inventoryPolicy: variant.inventoryPolicy,
    availableForSale:
      product.status === 'ACTIVE' && (variant.inventoryPolicy === 'CONTINUE' || totalAvailable(variant) > 0),
    taxable: true,
    barcode: null,
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
    legacyResourceId: variant.id.split('/').pop(),
    selectedOptions: variant.optionValues.map((o) => ({ name: o.optionName, value: o.name })),
    product: () => productView(product),
    inventoryItem: () => inventoryItemView(product, variant),
  });

  const mediaView = (media: MediaRecord): Obj => {
    const ready = media.status === 'READY';
    const image = ready
      ? {
          __typename: 'Image',
          id: media.id.replace('MediaImage', 'ImageSource'),
          altText: media.alt,
          width: 1200,
          height: 1200,
          url: () => `https://cdn.shopify.com/s/files/1/test/${media.id.split('/').pop()}.jpg`,
        }
      : null;
    return {
      __typename: 'MediaImage',
      id: media.id,
      alt: media.alt,
      status: media.status,
      mediaContentType: 'IMAGE',
      fileStatus: ready ? 'READY' : media.status === 'FAILED' ? 'FAILED' : 'PROCESSING',
      mimeType: media.contentType,
      createdAt: media.createdAt,
      updatedAt: media.createdAt,
      mediaErrors:
        media.status === 'FAILED'
          ? [{ code: 'MEDIA_UNAVAILABLE', details: null, message: 'The file could not be downloaded.' }]
          : [],
      mediaWarnings: [],
      fileErrors: [],
      image,
      preview: { image, status: media.status },
      originalSource: { url: media.originalSource, fileSize: media.bytes },
    };
  };

  const productView = (product: ProductRecord): Obj => ({
    __typename: 'Product',
    id: product.id,
    handle: product.handle,
    title: product.title,
    descriptionHtml: product.descriptionHtml,
    description: () => product.descriptionHtml.replace(/<[^>]*>/g, ''),
    status: product.status,
    vendor: product.vendor,
    productType: product.productType,
    tags: product.tags,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    legacyResourceId: product.id.split('/').pop(),
    onlineStoreUrl: product.status === 'ACTIVE' ? `https://${shopDomain}/products/${product.handle}` : null,
    onlineStorePreviewUrl: `https://${shopDomain}/products/${product.handle}?preview=1`,
    hasOnlyDefaultVariant: product.options.length === 1 && product.options[0]!.name === 'Title',
    totalInventory: product.variants.reduce((sum, v) => sum + totalAvailable(v), 0),
    tracksInventory: product.variants.some((v) => v.tracked),
    options: () =>
      product.options.map((o, i) => ({
        __typename: 'ProductOption',
        id: `gid://shopify/ProductOption/${product.id.split('/').pop()}${i}`,
        name: o.name,
        position: i + 1,
        values: o.values,
        optionValues: o.values.map((v) => ({ name: v, hasVariants: true })),
      })),
    variants: (args: Args, ctx: Context) =>
      connection(
        product.variants.map((v) => variantView(product, v)),
        args,
        (v) => [v['position'] as number],
        ctx,
        'variants',
      ),
    variantsCount: { count: product.variants.length, precision: 'EXACT' },
    media: (args: Args, ctx: Context) =>
      connection(
        product.media.map(mediaView),
        args,
        (m) => [product.media.findIndex((x) => x.id === m['id'])],
        ctx,
        'media',
      ),
    mediaCount: { count: product.media.length, precision: 'EXACT' },
    featuredMedia: product.media[0] ? mediaView(product.media[0]) : null,
  });

  const lineView = (order: OrderRecord, line: OrderLineRecord): Obj => {
    const refunded = order.refunds
      .flatMap((r) => r.lines)
      .filter((l) => l.lineItemId === line.id)
      .reduce((sum, l) => sum + l.quantity, 0);
    const found = line.variantId ? state.variantById(line.variantId) : null;
    const unit = moneyBag(line.price, order.currencyCode);
    const total = moneyBag(String(Number(line.price) * line.quantity), order.currencyCode);
    return {
      __typename: 'LineItem',
      id: line.id,
      sku: line.sku,
      name: line.title,
      title: line.title,
      quantity: line.quantity,
      currentQuantity: order.cancelledAt ? 0 : line.quantity - refunded,
      refundableQuantity: order.cancelledAt ? 0 : line.quantity - refunded,
      requiresShipping: true,
      taxable: true,
      isGiftCard: false,
      originalUnitPriceSet: unit,
      discountedUnitPriceSet: unit,
      discountedUnitPriceAfterAllDiscountsSet: unit,
      originalTotalSet: total,
      discountedTotalSet: () => total,
      totalDiscountSet: moneyBag('0', order.currencyCode),
      variant: found ? variantView(found.product, found.variant) : null,
      product: found ? productView(found.product) : null,
    };
  };

  const refundView = (order: OrderRecord, refund: RefundRecord): Obj => {
    const lines = refund.lines.map((l, i) => {
      const line = order.lines.find((x) => x.id === l.lineItemId)!;
      return {
        __typename: 'RefundLineItem',
        id: `${refund.id}-${i}`,
        lineItem: lineView(order, line),
        quantity: l.quantity,
        priceSet: moneyBag(line.price, order.currencyCode),
        subtotalSet: moneyBag(l.subtotal, order.currencyCode),
        totalTaxSet: moneyBag('0', order.currencyCode),
        restockType: 'NO_RESTOCK',
        restocked: false,
      };
    });
    const refunded = refund.lines.reduce((sum, l) => sum + Number(l.subtotal), 0);
    return {
      __typename: 'Refund',
      id: refund.id,
      createdAt: refund.createdAt,
      processedAt: refund.createdAt,
      updatedAt: refund.createdAt,
      note: null,
      totalRefundedSet: moneyBag(String(refunded), order.currencyCode),
      refundLineItems: (args: Args, ctx: Context) =>
        connection(lines, args, (l) => [l.id], ctx, 'refundLineItems'),
    };
  };

  const orderView = (order: OrderRecord): Obj => {
    const subtotal = order.lines.reduce((sum, l) => sum + Number(l.price) * l.quantity, 0);
    const address = order.countryCode
      ? {
          __typename: 'MailingAddress',
          id: `${order.id}-address`,
          countryCodeV2: order.countryCode,
          countryCode: order.countryCode,
        }
      : null;
    return {
      __typename: 'Order',
      id: order.id,
      name: order.name,
      createdAt: order.createdAt,
      updatedAt: order.updatedAt,
      processedAt: order.createdAt,
      cancelledAt: order.cancelledAt,
      cancelReason: order.cancelReason,
      closed: order.cancelledAt !== null,
      confirmed: true,
      test: false,
      currencyCode: order.currencyCode,
      presentmentCurrencyCode: order.currencyCode,
      displayFinancialStatus: order.financialStatus,
      displayFulfillmentStatus: 'UNFULFILLED',
      shippingAddress: address,
      billingAddress: address,
      totalShippingPriceSet: moneyBag(order.shipping, order.currencyCode),
      currentShippingPriceSet: moneyBag(order.cancelledAt ? '0' : order.shipping, order.currencyCode),
      subtotalPriceSet: moneyBag(String(subtotal), order.currencyCode),
      totalPriceSet: moneyBag(String(subtotal + Number(order.shipping)), order.currencyCode),
      lineItems: (args: Args, ctx: Context) =>
        connection(
          order.lines.map((l) => lineView(order, l)),
          args,
          (l) => [String(l['id'])],
          ctx,
          'lineItems',
        ),
      refunds: (args: Args) => {
        const first = typeof args['first'] === 'number' ? args['first'] : order.refunds.length;
        return order.refunds.slice(0, first).map((r) => refundView(order, r));
      },
    };
  };

  // ---- root fields ----

  const need = (ctx: Context, field: string) => {
    const scope = ROOT_FIELDS[field];
    if (scope && !hasScope(ctx.scopes, scope)) throw denied(field, scope);
  };
  const unsupported = (ctx: Context, message: string) => {
    ctx.problems.push({ kind: 'unsupported', message });
    throw new GraphQLError(`Not modelled by the Shopify test server: ${message}`, {
      extensions: { code: 'NOT_MODELLED' },
    });
  };
  const rule = (ctx: Context, message: string) => {
    ctx.problems.push({ kind: 'shopify-rule', message });
  };

  const productsMatching = (query: string | null, ctx: Context): ProductRecord[] => {
    if (!query) return [...state.products];
    const { terms, problems } = parseSearch(query, ['handle', 'sku', 'status', 'title', 'updated_at', 'id']);
    for (const p of problems) rule(ctx, `products(query: ${JSON.stringify(query)}): ${p}`);
    return state.products.filter((p) =>
      terms.every((t) => {
        switch (t.field) {
          case 'handle':
            return p.handle === t.value;
          case 'sku':
            return p.variants.some((v) => v.sku === t.value);
          case 'status':
            return t.value.split(',').some((s) => s.trim().toUpperCase() === p.status);
          case 'title':
            return p.title.toLowerCase().includes(t.value.toLowerCase());
          case 'id':
            return p.id.split('/').pop() === t.value;
          case 'updated_at':
            return compareDates(p.updatedAt, t);
          default:
            return false;
        }
      }),
    );
  };

  const ordersMatching = (query: string | null, ctx: Context): OrderRecord[] => {
    const visibleFrom = hasScope(ctx.scopes, 'read_all_orders') ? -Infinity : clock.now() - ORDER_WINDOW_MS;
    const visible = state.orders.filter((o) => Date.parse(o.createdAt) >= visibleFrom);
    if (!query) return visible;
    const { terms, problems } = parseSearch(query, [
      'updated_at',
      'created_at',
      'status',
      'financial_status',
      'sku',
      'name',
    ]);
    for (const p of problems) rule(ctx, `orders(query: ${JSON.stringify(query)}): ${p}`);
    for (const t of terms) {
      if ((t.field === 'updated_at' || t.field === 'created_at') && Number.isNaN(Date.parse(t.value))) {
        rule(ctx, `orders(query: ${JSON.stringify(query)}): “${t.value}” is not a date Shopify can read`);
      }
    }
    return visible.filter((o) =>
      terms.every((t) => {
        switch (t.field) {
          case 'updated_at':
            return compareDates(o.updatedAt, t);
          case 'created_at':
            return compareDates(o.createdAt, t);
          case 'status':
            return (
              t.value === 'any' ||
              (t.value === 'cancelled'
                ? o.cancelledAt !== null
                : t.value === 'open'
                  ? o.cancelledAt === null
                  : true)
            );
          case 'financial_status':
            return o.financialStatus.toLowerCase() === t.value.toLowerCase();
          case 'sku':
            return o.lines.some((l) => l.sku === t.value);
          case 'name':
            return o.name === t.value || o.name === `#${t.value}`;
          default:
            return false;
        }
      }),
    );
  };

  const sortOrders = (orders: OrderRecord[], sortKey: string, reverse: boolean) => {
    const key = (o: OrderRecord): SortTuple => {
      switch (sortKey) {
        case 'UPDATED_AT':
          return [o.updatedAt, o.id];
        case 'CREATED_AT':
        case 'PROCESSED_AT':
          return [o.createdAt, o.id];
        default:
          return [Number(o.id.split('/').pop())];
      }
    };
    const sorted = [...orders].sort((a, b) => compareTuples(key(a), key(b)) * (reverse ? -1 : 1));
    return { sorted, key };
  };

  const userError = (field: string[], message: string, code?: string) => ({
    field,
    message,
    ...(code ? { code } : {}),
  });

  const productSet = (args: Args, ctx: Context) => {
    need(ctx, 'productSet');
    if (args['synchronous'] !== true) {
      unsupported(ctx, 'productSet without synchronous: true (asynchronous product operations)');
    }
    const input = args['input'] as Obj;
    const identifier = (args['identifier'] ?? null) as Obj | null;
    const errors: Obj[] = [];
    let product: ProductRecord | null = null;
    let newHandle: string | null = null;
    if (identifier?.['handle'] !== undefined) {
      const handle = String(identifier['handle']);
      product = state.productByHandle(handle);
      if (!product) newHandle = normaliseHandle(handle);
    } else if (identifier?.['id'] !== undefined) {
      product = state.productById(String(identifier['id']));
      if (!product)
        errors.push(userError(['identifier', 'id'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST'));
    } else if (identifier?.['customId'] !== undefined) {
      unsupported(ctx, 'productSet identifier customId');
    }
    if (!product && newHandle === null) {
      newHandle = normaliseHandle(String(input['handle'] ?? input['title'] ?? 'product'));
    }
    if (typeof input['handle'] === 'string' && input['handle'] !== (product?.handle ?? newHandle)) {
      const other = state.productByHandle(input['handle']);
      if (other && other !== product)
        errors.push(
          userError(
            ['input', 'handle'],
            `Handle '${input['handle']}' already in use. Please provide a new handle.`,
            'HANDLE_NOT_UNIQUE',
          ),
        );
    }
    if (newHandle !== null && state.productByHandle(newHandle)) {
      errors.push(
        userError(
          ['input', 'handle'],
          `Handle '${newHandle}' already in use. Please provide a new handle.`,
          'HANDLE_NOT_UNIQUE',
        ),
      );
    }
    if (!product && (typeof input['title'] !== 'string' || input['title'].trim() === '')) {
      errors.push(userError(['input', 'title'], "Title can't be blank", 'INVALID_INPUT'));
    }
    const variantsInput = input['variants'] as Obj[] | undefined;
    const optionsInput = input['productOptions'] as Obj[] | undefined;
    if (variantsInput && !optionsInput) {
      errors.push(
        userError(
          ['input', 'productOptions'],
          'Product options input is required when updating variants.',
          'PRODUCT_OPTIONS_INPUT_MISSING',
        ),
      );
    }
    if (optionsInput && !variantsInput) {
      errors.push(
        userError(
          ['input', 'variants'],
          'Variants input is required when updating product options.',
          'VARIANTS_INPUT_MISSING',
        ),
      );
    }
    const options = (optionsInput ?? []).map((o) => ({
      name: String(o['name'] ?? ''),
      values: ((o['values'] as Obj[] | undefined) ?? []).map((v) => String(v['name'] ?? '')),
    }));
    (variantsInput ?? []).forEach((v, i) => {
      const values = (v['optionValues'] as Obj[]) ?? [];
      for (const ov of values) {
        const option = options.find((o) => o.name === ov['optionName']);
        if (!option)
          errors.push(
            userError(
              ['input', 'variants', String(i), 'optionValues'],
              `Option '${String(ov['optionName'])}' does not exist`,
              'OPTION_DOES_NOT_EXIST',
            ),
          );
        else if (!option.values.includes(String(ov['name'])))
          errors.push(
            userError(
              ['input', 'variants', String(i), 'optionValues'],
              `Option value '${String(ov['name'])}' does not exist`,
              'OPTION_VALUE_DOES_NOT_EXIST',
            ),
          );
      }
      if (values.length !== options.length)
        errors.push(
          userError(
            ['input', 'variants', String(i), 'optionValues'],
            'Each variant needs a value for every product option.',
            'OPTION_VALUES_MISSING',
          ),
        );
      if (v['id'] !== undefined && !product?.variants.some((x) => x.id === v['id'])) {
        errors.push(
          userError(
            ['input', 'variants', String(i), 'id'],
            'Product variant does not exist',
            'PRODUCT_VARIANT_DOES_NOT_EXIST',
          ),
        );
      }
      if (v['price'] !== undefined && Number(v['price']) < 0)
        errors.push(
          userError(
            ['input', 'variants', String(i), 'price'],
            'Price must be greater than or equal to 0',
            'INVALID_INPUT',
          ),
        );
      for (const q of (v['inventoryQuantities'] as Obj[] | undefined) ?? []) {
        if (!state.locations.some((l) => l.id === q['locationId']))
          errors.push(
            userError(
              ['input', 'variants', String(i), 'inventoryQuantities'],
              'Location does not exist',
              'NOT_FOUND',
            ),
          );
        if (!['available', 'on_hand'].includes(String(q['name'])))
          errors.push(
            userError(
              ['input', 'variants', String(i), 'inventoryQuantities'],
              `Quantity name '${String(q['name'])}' is not valid: use available or on_hand`,
              'INVALID_INPUT',
            ),
          );
      }
    });
    const filesInput = input['files'] as Obj[] | undefined;
    (filesInput ?? []).forEach((f, i) => {
      if (f['id'] !== undefined) {
        if (!product?.media.some((m) => m.id === f['id']))
          errors.push(userError(['input', 'files', String(i), 'id'], 'File does not exist', 'NOT_FOUND'));
      } else if (typeof f['originalSource'] !== 'string' || !/^https?:\/\//.test(f['originalSource'])) {
        errors.push(
          userError(
            ['input', 'files', String(i), 'originalSource'],
            'Original source must be a URL',
            'INVALID_INPUT',
          ),
        );
      }
      if (f['contentType'] !== undefined && f['contentType'] !== 'IMAGE' && f['contentType'] !== 'FILE') {
        errors.push(
          userError(
            ['input', 'files', String(i), 'contentType'],
            'Only images are modelled',
            'INVALID_INPUT',
          ),
        );
      }
    });
    if (errors.length > 0) return { product: null, productSetOperation: null, userErrors: errors };

    const now = clock.iso();
    if (!product) {
      product = {
        id: state.gid('Product'),
        handle: newHandle!,
        title: '',
        descriptionHtml: '',
        status: 'ACTIVE',
        vendor: state.shop.name,
        productType: '',
        tags: [],
        options: [{ name: 'Title', values: ['Default Title'] }],
        variants: [],
        media: [],
        createdAt: now,
        updatedAt: now,
      };
      state.products.push(product);
    }
    const p = product;
    if (typeof input['title'] === 'string') p.title = input['title'];
    if (typeof input['descriptionHtml'] === 'string') p.descriptionHtml = input['descriptionHtml'];
    if (typeof input['status'] === 'string') p.status = input['status'] as ProductStatus;
    if (typeof input['vendor'] === 'string') p.vendor = input['vendor'];
    if (typeof input['productType'] === 'string') p.productType = input['productType'];
    if (typeof input['handle'] === 'string') p.handle = normaliseHandle(input['handle']);
    if (Array.isArray(input['tags'])) p.tags = input['tags'] as string[];
    if (optionsInput) p.options = options;
    if (variantsInput) {
      p.variants = variantsInput.map((v) => {
        const optionValues = ((v['optionValues'] as Obj[]) ?? []).map((ov) => ({
          optionName: String(ov['optionName']),
          name: String(ov['name']),
        }));
        const key = JSON.stringify(optionValues);
        let variant =
          p.variants.find((x) => x.id === v['id']) ??
          (v['id'] === undefined
            ? p.variants.find((x) => JSON.stringify(x.optionValues) === key)
            : undefined);
        if (!variant) {
          variant = {
            id: state.gid('ProductVariant'),
            inventoryItemId: state.gid('InventoryItem'),
            sku: null,
            price: '0.00',
            compareAtPrice: null,
            tracked: false,
            inventoryPolicy: 'DENY',
            optionValues,
            levels: new Map(),
            createdAt: now,
            updatedAt: now,
          };
        }
        variant.optionValues = optionValues;
        if (v['price'] !== undefined && v['price'] !== null) variant.price = decimal(v['price']);
        if (v['compareAtPrice'] !== undefined)
          variant.compareAtPrice = v['compareAtPrice'] === null ? null : decimal(v['compareAtPrice']);
        if (v['sku'] !== undefined) variant.sku = (v['sku'] as string | null) ?? null;
        const item = v['inventoryItem'] as Obj | undefined;
        if (item?.['tracked'] !== undefined) variant.tracked = item['tracked'] === true;
        if (typeof item?.['sku'] === 'string') variant.sku = item['sku'];
        if (v['inventoryPolicy'] !== undefined)
          variant.inventoryPolicy = v['inventoryPolicy'] as 'DENY' | 'CONTINUE';
        for (const q of (v['inventoryQuantities'] as Obj[] | undefined) ?? []) {
          state.setQuantity(variant, String(q['locationId']), String(q['name']), Number(q['quantity']));
        }
        variant.updatedAt = now;
        return variant;
      });
    }
    if (filesInput) {
      p.media = filesInput.map((f) => {
        if (f['id'] !== undefined) {
          const kept = p.media.find((m) => m.id === f['id'])!;
          if (f['alt'] !== undefined) kept.alt = (f['alt'] as string | null) ?? null;
          return kept;
        }
        const source = String(f['originalSource']);
        const staged = [...state.staged.values()].find((s) => s.resourceUrl === source);
        if (source.startsWith(baseUrl) && !staged) {
          rule(ctx, `productSet files: ${source} is not a resourceUrl stagedUploadsCreate returned`);
        }
        return {
          id: state.gid('MediaImage'),
          alt: (f['alt'] as string | null | undefined) ?? null,
          status: 'UPLOADED' as const,
          originalSource: source,
          contentType: staged?.mimeType ?? 'image/jpeg',
          // A staged target nobody POSTed to holds nothing: Shopify's processing then fails.
          bytes: staged ? (staged.received?.bytes ?? 0) : 1,
          createdAt: now,
        };
      });
    }
    p.updatedAt = now;
    return { product: productView(p), productSetOperation: null, userErrors: [] };
  };

  const productVariantsBulkUpdate = (args: Args, ctx: Context) => {
    need(ctx, 'productVariantsBulkUpdate');
    const product = state.productById(String(args['productId']));
    if (!product) {
      return {
        product: null,
        productVariants: null,
        userErrors: [userError(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')],
      };
    }
    const inputs = args['variants'] as Obj[];
    const errors: Obj[] = [];
    inputs.forEach((v, i) => {
      if (v['id'] === undefined)
        errors.push(
          userError(
            ['variants', String(i), 'id'],
            'Product variant is missing ID attribute',
            'PRODUCT_VARIANT_ID_MISSING',
          ),
        );
      else if (!product.variants.some((x) => x.id === v['id']))
        errors.push(
          userError(
            ['variants', String(i), 'id'],
            'Product variant does not exist',
            'PRODUCT_VARIANT_DOES_NOT_EXIST',
          ),
        );
      if (v['inventoryQuantities'] !== undefined)
        errors.push(
          userError(
            ['variants', String(i), 'inventoryQuantities'],
            'Inventory quantities can only be provided during create. To update inventory for existing variants, use inventoryAdjustQuantities.',
            'NO_INVENTORY_QUANTITIES_ON_VARIANTS_UPDATE',
          ),
        );
      if (v['price'] !== undefined && Number(v['price']) < 0)
        errors.push(
          userError(
            ['variants', String(i), 'price'],
            'Price cannot take a negative value.',
            'NEGATIVE_PRICE_VALUE',
          ),
        );
    });
    if (errors.length > 0) return { product: null, productVariants: null, userErrors: errors };
    const now = clock.iso();
    const changed = inputs.map((v) => {
      const variant = product.variants.find((x) => x.id === v['id'])!;
      if (v['price'] !== undefined && v['price'] !== null) variant.price = decimal(v['price']);
      if (v['compareAtPrice'] !== undefined)
        variant.compareAtPrice = v['compareAtPrice'] === null ? null : decimal(v['compareAtPrice']);
      if (v['inventoryPolicy'] !== undefined)
        variant.inventoryPolicy = v['inventoryPolicy'] as 'DENY' | 'CONTINUE';
      variant.updatedAt = now;
      return variant;
    });
    product.updatedAt = now;
    return {
      product: productView(product),
      productVariants: changed.map((v) => variantView(product, v)),
      userErrors: [],
    };
  };

  const inventorySetQuantities = (args: Args, ctx: Context) => {
    need(ctx, 'inventorySetQuantities');
    const input = args['input'] as Obj;
    const errors: Obj[] = [];
    const name = String(input['name']);
    if (!['available', 'on_hand'].includes(name))
      errors.push(
        userError(
          ['input', 'name'],
          `The quantity name must be either 'available' or 'on_hand'.`,
          'INVALID_NAME',
        ),
      );
    if (!INVENTORY_REASONS.has(String(input['reason'])))
      errors.push(userError(['input', 'reason'], 'The specified reason is invalid.', 'INVALID_REASON'));
    const reference = input['referenceDocumentUri'];
    if (typeof reference === 'string' && !/^[a-z][a-z0-9+.-]*:\/?\/?\S+$/i.test(reference)) {
      errors.push(
        userError(
          ['input', 'referenceDocumentUri'],
          'The specified reference document is invalid.',
          'INVALID_REFERENCE_DOCUMENT',
        ),
      );
    }
    const quantities = input['quantities'] as Obj[];
    const targets = quantities.map((q, i) => {
      const found = state.variantByInventoryItem(String(q['inventoryItemId']));
      const locationId = String(q['locationId']);
      const path = ['input', 'quantities', String(i)];
      if (!found) {
        errors.push(
          userError(
            [...path, 'inventoryItemId'],
            'The specified inventory item could not be found.',
            'INVALID_INVENTORY_ITEM',
          ),
        );
        return null;
      }
      if (!state.locations.some((l) => l.id === locationId)) {
        errors.push(
          userError(
            [...path, 'locationId'],
            'The specified location could not be found.',
            'INVALID_LOCATION',
          ),
        );
        return null;
      }
      const current = state.quantity(found.variant, locationId, name);
      if (current === null) {
        errors.push(
          userError(
            [...path, 'locationId'],
            'The specified inventory item is not stocked at the location.',
            'ITEM_NOT_STOCKED_AT_LOCATION',
          ),
        );
        return null;
      }
      const quantity = Number(q['quantity']);
      if (name === 'on_hand' && quantity < 0)
        errors.push(
          userError([...path, 'quantity'], 'The quantity can’t be negative.', 'INVALID_QUANTITY_NEGATIVE'),
        );
      // Since 2026-04 the compare-and-swap is required: send the quantity you expect, or null on purpose.
      if (!('changeFromQuantity' in q)) {
        errors.push(
          userError(
            [...path, 'changeFromQuantity'],
            'changeFromQuantity is required: pass the current quantity, or null to skip the check.',
            'COMPARE_QUANTITY_REQUIRED',
          ),
        );
      } else if (q['changeFromQuantity'] !== null && q['changeFromQuantity'] !== current) {
        errors.push(
          userError(
            [...path, 'changeFromQuantity'],
            'The specified compare quantity is stale.',
            'CHANGE_FROM_QUANTITY_STALE',
          ),
        );
      }
      return { ...found, locationId, quantity, delta: quantity - current };
    });
    if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
    const now = clock.iso();
    for (const t of targets) state.setQuantity(t!.variant, t!.locationId, name, t!.quantity);
    return {
      inventoryAdjustmentGroup: {
        __typename: 'InventoryAdjustmentGroup',
        id: state.gid('InventoryAdjustmentGroup'),
        createdAt: now,
        reason: String(input['reason']),
        referenceDocumentUri: (reference as string | undefined) ?? null,
        changes: () =>
          targets.map((t) => ({
            __typename: 'InventoryChange',
            name,
            delta: t!.delta,
            quantityAfterChange: t!.quantity,
            item: inventoryItemView(t!.product, t!.variant),
            location: locationView(t!.locationId),
          })),
      },
      userErrors: [],
    };
  };

  const productUpdate = (args: Args, ctx: Context) => {
    need(ctx, 'productUpdate');
    const input = (args['product'] ?? null) as Obj | null;
    if (!input) unsupported(ctx, 'productUpdate without the `product` argument');
    const identifier = (args['identifier'] ?? null) as Obj | null;
    const product =
      identifier?.['id'] !== undefined
        ? state.productById(String(identifier['id']))
        : identifier?.['handle'] !== undefined
          ? state.productByHandle(String(identifier['handle']))
          : input!['id'] !== undefined
            ? state.productById(String(input!['id']))
            : null;
    if (!product) return { product: null, userErrors: [userError(['id'], 'Product does not exist')] };
    if (typeof input!['status'] === 'string') product.status = input!['status'] as ProductStatus;
    if (typeof input!['title'] === 'string') product.title = input!['title'];
    if (typeof input!['descriptionHtml'] === 'string') product.descriptionHtml = input!['descriptionHtml'];
    product.updatedAt = clock.iso();
    return { product: productView(product), userErrors: [] };
  };

  const stagedUploadsCreate = (args: Args, ctx: Context) => {
    need(ctx, 'stagedUploadsCreate');
    const inputs = args['input'] as Obj[];
    const errors: Obj[] = [];
    const targets = inputs.map((input, i) => {
      const resource = String(input['resource']);
      const mimeType = String(input['mimeType']);
      const filename = String(input['filename']);
      if (input['httpMethod'] !== 'POST') {
        unsupported(
          ctx,
          `stagedUploadsCreate with httpMethod ${String(input['httpMethod'])} (only the multipart POST form is modelled)`,
        );
      }
      if (resource === 'PRODUCT_IMAGE')
        ctx.problems.push({
          kind: 'deprecated',
          message: 'StagedUploadTargetGenerateUploadResource.PRODUCT_IMAGE is deprecated: use IMAGE',
        });
      if (resource !== 'IMAGE' && resource !== 'FILE' && resource !== 'PRODUCT_IMAGE')
        unsupported(ctx, `stagedUploadsCreate resource ${resource}`);
      if (resource === 'IMAGE' && !/^image\/(jpeg|png|gif|webp|heic)$/.test(mimeType)) {
        errors.push(userError(['input', String(i), 'mimeType'], `Unsupported image type ${mimeType}`));
        return null;
      }
      if (filename.trim() === '') {
        errors.push(userError(['input', String(i), 'filename'], "Filename can't be blank"));
        return null;
      }
      const key = `tmp/68000000/products/${crypto.randomUUID()}/${filename}`;
      const date = clock.iso().replace(/[-:]|\.\d+/g, '');
      const parameters = [
        { name: 'Content-Type', value: mimeType },
        { name: 'success_action_status', value: '201' },
        { name: 'acl', value: 'private' },
        { name: 'key', value: key },
        { name: 'x-goog-date', value: date },
        {
          name: 'x-goog-credential',
          value: `merchant-assets@shopify-tiers.iam.gserviceaccount.com/${date.slice(0, 8)}/auto/storage/goog4_request`,
        },
        { name: 'x-goog-algorithm', value: 'GOOG4-RSA-SHA256' },
        { name: 'x-goog-signature', value: crypto.randomBytes(32).toString('hex') },
        { name: 'policy', value: Buffer.from(JSON.stringify({ key, expiration: date })).toString('base64') },
      ];
      const record = {
        key,
        url: `${baseUrl}/staged-uploads/`,
        resourceUrl: `${baseUrl}/staged-uploads/${key}`,
        filename,
        mimeType,
        resource,
        parameters,
        received: null,
      };
      state.staged.set(key, record);
      return {
        __typename: 'StagedMediaUploadTarget',
        url: record.url,
        resourceUrl: record.resourceUrl,
        parameters,
      };
    });
    if (errors.length > 0) return { stagedTargets: null, userErrors: errors };
    return { stagedTargets: targets, userErrors: [] };
  };

  const rootValue = {
    shop: (_args: Args, ctx: Context) => {
      need(ctx, 'shop');
      return {
        __typename: 'Shop',
        id: 'gid://shopify/Shop/68000000',
        name: state.shop.name,
        myshopifyDomain: state.shop.myshopifyDomain,
        currencyCode: state.shop.currencyCode,
        email: 'owner@example.com',
        contactEmail: 'owner@example.com',
        ianaTimezone: 'America/New_York',
        url: `https://${shopDomain}`,
        primaryDomain: {
          __typename: 'Domain',
          id: 'gid://shopify/Domain/1',
          host: shopDomain,
          url: `https://${shopDomain}`,
          sslEnabled: true,
        },
        plan: {
          __typename: 'ShopPlan',
          partnerDevelopment: true,
          shopifyPlus: false,
          publicDisplayName: 'Development',
        },
      };
    },
    currentAppInstallation: (_args: Args, ctx: Context) => ({
      __typename: 'AppInstallation',
      id: 'gid://shopify/AppInstallation/1',
      accessScopes: ctx.scopes.map((handle) => ({ __typename: 'AccessScope', handle, description: handle })),
    }),
    product: (args: Args, ctx: Context) => {
      need(ctx, 'product');
      const product = state.productById(String(args['id']));
      return product ? productView(product) : null;
    },
    productByIdentifier: (args: Args, ctx: Context) => {
      need(ctx, 'productByIdentifier');
      const identifier = args['identifier'] as Obj;
      if (identifier['customId'] !== undefined) unsupported(ctx, 'productByIdentifier customId');
      const product =
        identifier['handle'] !== undefined
          ? state.productByHandle(String(identifier['handle']))
          : state.productById(String(identifier['id']));
      return product ? productView(product) : null;
    },
    products: (args: Args, ctx: Context) => {
      need(ctx, 'products');
      if (args['sortKey'] !== undefined && args['sortKey'] !== 'ID')
        unsupported(ctx, `products sortKey ${String(args['sortKey'])}`);
      const list = productsMatching((args['query'] as string | undefined) ?? null, ctx);
      if (args['reverse'] === true) list.reverse();
      return connection(
        list.map(productView),
        args,
        (p) => [Number(String(p['id']).split('/').pop())],
        ctx,
        'products',
      );
    },
    location: (args: Args, ctx: Context) => {
      need(ctx, 'location');
      return locationView(
        args['id'] === undefined || args['id'] === null ? state.primaryLocation.id : String(args['id']),
      );
    },
    locations: (args: Args, ctx: Context) => {
      need(ctx, 'locations');
      return connection(
        state.locations.map((l) => locationView(l.id)!),
        args,
        (l) => [l.id],
        ctx,
        'locations',
      );
    },
    order: (args: Args, ctx: Context) => {
      need(ctx, 'order');
      const order = state.orders.find((o) => o.id === args['id']);
      return order ? orderView(order) : null;
    },
    orders: (args: Args, ctx: Context) => {
      need(ctx, 'orders');
      const sortKey = String(args['sortKey'] ?? 'ID');
      if (!['UPDATED_AT', 'CREATED_AT', 'PROCESSED_AT', 'ID'].includes(sortKey))
        unsupported(ctx, `orders sortKey ${sortKey}`);
      const { sorted, key } = sortOrders(
        ordersMatching((args['query'] as string | undefined) ?? null, ctx),
        sortKey,
        args['reverse'] === true,
      );
      const views = sorted.map((o) => ({ view: orderView(o), tuple: key(o) }));
      const page = connection(views, args, (v) => v.tuple, ctx, 'orders');
      return {
        ...page,
        nodes: page.nodes.map((v) => v.view),
        edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.view })),
      };
    },
    productSet,
    productVariantsBulkUpdate,
    inventorySetQuantities,
    productUpdate,
    stagedUploadsCreate,
  };

  // ---- HTTP ----

  const record = (violation: Violation) => violations.push(violation);

  const costExtension = (requested: number, actual: number | null = requested) => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() },
  });

  const throttledAnswer = (requested: number) => ({
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: THROTTLED_DOC } }],
    extensions: costExtension(requested, null),
  });

  const tokenScopes = (req: http.IncomingMessage): readonly string[] | null => {
    const header = req.headers['x-shopify-access-token'];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) return null;
    const known = state.tokens.get(token);
    if (!known) return null;
    if (known.expiresAt !== null && known.expiresAt <= clock.now()) return null;
    return known.scopes;
  };

  const handleGraphql = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
    urlVersion: string,
  ) => {
    const raw = await readBody(req);
    let body: Obj = {};
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as unknown;
      if (isObj(parsed)) body = parsed;
    } catch {
      // checkOperation reports the missing query below.
    }
    const operationName = typeof body['operationName'] === 'string' ? body['operationName'] : null;
    const entry: RecordedRequest = {
      method: 'POST',
      path,
      operationName,
      rootFields: [],
      variables: body['variables'],
    };
    requests.push(entry);
    const scopes = tokenScopes(req);
    if (!scopes) {
      entry.status = 401;
      sendJson(res, 401, INVALID_TOKEN_BODY);
      return;
    }
    if (urlVersion !== version) {
      record({
        path,
        operationName,
        kind: 'wrong-version',
        problems: [`API version ${urlVersion}; this server carries the ${version} schema`],
      });
    }
    const contentType = String(req.headers['content-type'] ?? '');
    if (!contentType.startsWith('application/json')) {
      record({
        path,
        operationName,
        kind: 'shopify-rule',
        problems: [`Content-Type ${contentType || '(none)'}; send application/json`],
      });
    }
    const checked = checkOperation(schema, body['query'], body['variables'], body['operationName']);
    const opName = checked.operation?.name?.value ?? operationName;
    const rootFields =
      checked.operation?.selectionSet.selections.flatMap((s) =>
        s.kind === Kind.FIELD && s.name.value !== '__typename' ? [s.name.value] : [],
      ) ?? [];
    Object.assign(entry, { operationName: opName, rootFields });
    const fatal = checked.problems.filter((p) => p.kind !== 'deprecated');
    if (checked.problems.length > 0) {
      const kinds = [...new Set(checked.problems.map((p) => p.kind))];
      for (const kind of kinds) {
        record({
          path,
          operationName: opName,
          kind,
          problems: checked.problems.filter((p) => p.kind === kind).map((p) => p.message),
        });
      }
    }
    if (fatal.length > 0 || !checked.document || !checked.operation) {
      entry.status = 200;
      entry.errorCodes = fatal.map((p) =>
        p.kind === 'variables' ? 'INVALID_VARIABLE' : 'GRAPHQL_VALIDATION_FAILED',
      );
      sendJson(res, 200, {
        errors: fatal.map((p) => ({
          message: p.message,
          ...(p.locations ? { locations: p.locations } : {}),
          extensions: { code: p.kind === 'variables' ? 'INVALID_VARIABLE' : 'GRAPHQL_VALIDATION_FAILED' },
        })),
        extensions: costExtension(0),
      });
      return;
    }
    const unknownRoots = rootFields.filter((f) => !(f in ROOT_FIELDS));
    if (unknownRoots.length > 0) {
      record({
        path,
        operationName: opName,
        kind: 'unsupported',
        problems: unknownRoots.map((f) => `root field ${f} is not modelled`),
      });
      entry.status = 200;
      sendJson(res, 200, {
        errors: unknownRoots.map((f) => ({
          message: `Not modelled by the Shopify test server: ${f}`,
          extensions: { code: 'NOT_MODELLED' },
        })),
        extensions: costExtension(0),
      });
      return;
    }

    const fault = faults.take(opName, rootFields);
    if (fault) entry.fault = fault.kind;
    const requested = estimateCost(schema, checked.document, checked.operation, checked.variables);
    entry.cost = requested;
    switch (fault?.kind) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'http-429':
        entry.status = 429;
        sendJson(
          res,
          429,
          {
            errors:
              'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
          },
          { 'Retry-After': String(fault.retryAfterSeconds ?? 2) },
        );
        return;
      case 'http-500':
      case 'http-503': {
        const status = fault.kind === 'http-500' ? 500 : 503;
        entry.status = status;
        sendJson(
          res,
          status,
          { errors: status === 500 ? 'Internal Server Error' : 'Service Unavailable' },
          fault.retryAfterSeconds ? { 'Retry-After': String(fault.retryAfterSeconds) } : {},
        );
        return;
      }
      case 'throttled':
        bucket.drainTo(fault.available ?? 0);
        entry.status = 200;
        entry.errorCodes = ['THROTTLED'];
        sendJson(res, 200, throttledAnswer(requested));
        return;
      default:
        break;
    }
    if (requested > MAX_SINGLE_QUERY_COST) {
      record({
        path,
        operationName: opName,
        kind: 'cost',
        problems: [`requested cost ${requested} > ${MAX_SINGLE_QUERY_COST}`],
      });
      entry.status = 200;
      entry.errorCodes = ['MAX_COST_EXCEEDED'];
      sendJson(res, 200, {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).`,
            extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_SINGLE_QUERY_COST },
          },
        ],
        extensions: costExtension(requested, null),
      });
      return;
    }
    if (requested > bucket.currentlyAvailable()) {
      entry.status = 200;
      entry.errorCodes = ['THROTTLED'];
      sendJson(res, 200, throttledAnswer(requested));
      return;
    }

    faults.runHooks(opName, rootFields);
    state.settleMedia();
    const ctx: Context = { scopes, problems: [] };
    const result = (await execute({
      schema,
      document: checked.document,
      rootValue,
      contextValue: ctx,
      variableValues: (body['variables'] ?? {}) as Obj,
      operationName: opName,
    })) as ExecutionResult;
    bucket.take(requested);
    for (const error of result.errors ?? []) {
      if (error.extensions?.['code'] === undefined) {
        // graphql-js's own complaint (a non-null field this server's views lack): a gap in the model.
        ctx.problems.push({
          kind: 'unsupported',
          message: `${error.path?.join('.') ?? ''}: ${error.message}`,
        });
      }
    }
    const byKind = new Map<ViolationKind, string[]>();
    for (const p of ctx.problems) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.message]);
    for (const [kind, problems] of byKind) record({ path, operationName: opName, kind, problems });
    const answer = {
      ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}),
      data: result.data ?? null,
      extensions: costExtension(requested),
    };
    entry.errorCodes = (result.errors ?? []).map((e) => String(e.extensions?.['code'] ?? 'ERROR'));
    if (fault?.kind === 'timeout') {
      // Carried out, never answered: the client gives up and must find its work on the retry.
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    entry.status = 200;
    sendJson(res, 200, answer);
  };

  const stagedError = (res: http.ServerResponse, code: string, message: string) => {
    res.writeHead(400, { 'Content-Type': 'application/xml; charset=UTF-8' });
    res.end(
      `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    );
  };

  const handleStagedUpload = async (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    const raw = await readBody(req);
    const entry: RecordedRequest = {
      method: 'POST',
      path,
      operationName: null,
      rootFields: [],
      variables: null,
    };
    requests.push(entry);
    const problems: string[] = [];
    let form: FormData | null = null;
    try {
      form = await new Response(raw, {
        headers: { 'content-type': String(req.headers['content-type'] ?? '') },
      }).formData();
    } catch {
      problems.push('the body is not multipart/form-data');
    }
    const staged = form ? state.staged.get(String(form.get('key') ?? '')) : undefined;
    if (form && !staged)
      problems.push(`field key “${String(form.get('key'))}” names no staged upload target`);
    if (form && staged) {
      for (const p of staged.parameters) {
        if (form.get(p.name) !== p.value)
          problems.push(`form field ${p.name} must be sent exactly as stagedUploadsCreate returned it`);
      }
      const names = [...form.keys()];
      const file = form.get('file');
      if (!(file instanceof Blob) || file.size === 0) problems.push('no file in the form field `file`');
      else if (names[names.length - 1] !== 'file')
        problems.push('the file must be the last form field (Google Cloud Storage ignores fields after it)');
      if (problems.length === 0 && file instanceof Blob) {
        staged.received = { bytes: file.size, contentType: file.type };
      }
    }
    if (problems.length > 0) {
      record({
        path,
        operationName: null,
        kind: 'shopify-rule',
        problems: problems.map((p) => `staged upload: ${p}`),
      });
      entry.status = 400;
      stagedError(res, 'InvalidArgument', problems.join('; '));
      return;
    }
    entry.status = 201;
    res.writeHead(201, { 'Content-Type': 'application/xml; charset=UTF-8' });
    res.end(
      `<?xml version='1.0' encoding='UTF-8'?><PostResponse><Location>${staged!.resourceUrl}</Location>` +
        `<Bucket>shopify-staged-uploads</Bucket><Key>${staged!.key}</Key><ETag>"${crypto.randomBytes(8).toString('hex')}"</ETag></PostResponse>`,
    );
  };

  const handleToken = async (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    const raw = (await readBody(req)).toString('utf8');
    requests.push({ method: 'POST', path, operationName: null, rootFields: [], variables: null });
    const contentType = String(req.headers['content-type'] ?? '');
    let params: Record<string, string>;
    if (contentType.startsWith('application/json')) {
      try {
        params = JSON.parse(raw) as Record<string, string>;
      } catch {
        params = {};
      }
    } else {
      params = Object.fromEntries(new URLSearchParams(raw));
    }
    if (params['grant_type'] !== 'client_credentials') {
      sendJson(res, 400, {
        error: 'unsupported_grant_type',
        error_description: 'grant_type must be client_credentials',
      });
      return;
    }
    if (
      !options.app ||
      params['client_id'] !== options.app.clientId ||
      params['client_secret'] !== options.app.clientSecret
    ) {
      sendJson(res, 400, {
        error: 'invalid_client',
        error_description:
          'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      });
      return;
    }
    const seconds = options.clientTokenSeconds ?? 86_399;
    const token = state.newToken(scopes, clock.now() + seconds * 1000, 'shpat_cc_');
    sendJson(res, 200, { access_token: token, scope: scopes.join(','), expires_in: seconds });
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const forwardedHost = req.headers['x-forwarded-host'];
    void (async () => {
      try {
        if (typeof forwardedHost === 'string' && forwardedHost !== shopDomain && path.startsWith('/admin/')) {
          // Shopify answers a store domain it does not know with a plain 404 page.
          requests.push({
            method: req.method ?? '',
            path,
            operationName: null,
            rootFields: [],
            variables: null,
            status: 404,
          });
          res.writeHead(404, { 'Content-Type': 'text/html' });
          res.end('<!DOCTYPE html><title>Not Found</title><p>There’s no store here.</p>');
          return;
        }
        const graphql = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(path);
        if (graphql && req.method === 'POST') return await handleGraphql(req, res, path, graphql[1]!);
        if (path === '/staged-uploads/' && req.method === 'POST')
          return await handleStagedUpload(req, res, path);
        if (path === '/admin/oauth/access_token' && req.method === 'POST')
          return await handleToken(req, res, path);
        record({
          path,
          operationName: null,
          kind: 'unsupported',
          problems: [`${req.method ?? ''} ${path} is not served`],
        });
        sendJson(res, 404, { errors: 'Not Found' });
      } catch (error) {
        record({
          path,
          operationName: null,
          kind: 'unsupported',
          problems: [`the test server failed: ${String(error)}`],
        });
        if (!res.headersSent) sendJson(res, 500, { errors: 'Internal Server Error' });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    shopDomain,
    version,
    accessToken,
    schema,
    state,
    clock,
    faults,
    bucket,
    requests,
    violations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Throws listing every request Shopify would have refused (or that the server cannot vouch for). */
export function expectNoViolations(
  server: Pick<ShopifyTestServer, 'violations'>,
  options: { ignore?: readonly ViolationKind[] } = {},
): void {
  const found = server.violations.filter((v) => !(options.ignore ?? []).includes(v.kind));
  if (found.length === 0) return;
  const lines = found.map((v) => `- ${v.kind} ${v.operationName ?? v.path}: ${v.problems.join('; ')}`);
  throw new Error(`The Shopify test server saw ${found.length} violation(s):\n${lines.join('\n')}`);
}
