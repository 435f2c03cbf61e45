/**
 * WooCommerce REST v3 and WordPress REST field tables, as a typed table the test server validates
 * every request against.
 *
 * Sources (WooCommerce publishes no OpenAPI file):
 * - products: woocommerce/woocommerce-rest-api-docs, `source/includes/wp-api-v3/_products.md`
 *   (commit 6cb00aed0e78a2bd5632fa2906ffb58eb31429f6): "Product properties" and its sub-tables,
 *   "List all products → Available parameters";
 * - orders: the same repository, `source/includes/wp-api-v3/_orders.md` (same commit): "Order
 *   properties", "Order - Line items / Shipping lines / Refunds … properties", "List all orders →
 *   Available parameters";
 * - media and the current user: the WordPress REST API handbook, `/wp/v2/media` (create arguments)
 *   and `/wp/v2/users/me`.
 *
 * Where the docs and WooCommerce itself disagree, the table follows WooCommerce and says so:
 * - `modified_after` / `modified_before` are collection parameters since WooCommerce 5.8 (the
 *   docs' parameter table predates them); with `dates_are_gmt=true` they are read as UTC;
 * - a line item's `price` is documented as a string but WooCommerce answers a number (the docs'
 *   own examples show `"price": 12`); the server answers a number, like WooCommerce.
 */

export type FieldType =
  'integer' | 'number' | 'string' | 'boolean' | 'date-time' | 'array' | 'object' | 'null';

export interface FieldSpec {
  readonly type: FieldType | readonly FieldType[];
  /** Marked "read-only" in the docs: WooCommerce ignores it on write; the test server refuses it. */
  readonly readOnly?: boolean;
  /** Marked "write-only" (e.g. an order's `set_paid`): never in an answer. */
  readonly writeOnly?: boolean;
  /** "Options: …" in the docs. */
  readonly enum?: readonly string[];
  /** Arrays: the table of each element (objects) or the element's own spec. */
  readonly items?: FieldTable | FieldSpec;
  /** Objects: their table. */
  readonly properties?: FieldTable;
  /** Inclusive bounds for integers (collection parameters). */
  readonly minimum?: number;
  readonly maximum?: number;
  /** Strings that are decimal amounts (`"12.99"`): WooCommerce stores them as typed. */
  readonly decimal?: boolean;
}

export type FieldTable = Readonly<Record<string, FieldSpec>>;

const ro = (type: FieldType | readonly FieldType[], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type,
  readOnly: true,
  ...extra,
});
const rw = (type: FieldType | readonly FieldType[], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type,
  ...extra,
});

const META_DATA: FieldTable = {
  id: ro('integer'),
  key: rw('string'),
  // "string" in the tables; WooCommerce stores any JSON value.
  value: rw(['string', 'number', 'boolean', 'object', 'array']),
};
const metaData = (): FieldSpec => rw('array', { items: META_DATA });

// --- Products (_products.md) -------------------------------------------------------------------

export const PRODUCT_TYPES = ['simple', 'grouped', 'external', 'variable'] as const;
export const PRODUCT_STATUSES = ['draft', 'pending', 'private', 'publish'] as const;
export const STOCK_STATUSES = ['instock', 'outofstock', 'onbackorder'] as const;

export const PRODUCT_IMAGE: FieldTable = {
  id: rw('integer'),
  date_created: ro('date-time'),
  date_created_gmt: ro('date-time'),
  date_modified: ro('date-time'),
  date_modified_gmt: ro('date-time'),
  src: rw('string'),
  name: rw('string'),
  alt: rw('string'),
};

export const PRODUCT_FIELDS: FieldTable = {
  id: ro('integer'),
  name: rw('string'),
  slug: rw('string'),
  permalink: ro('string'),
  date_created: ro('date-time'),
  date_created_gmt: ro('date-time'),
  date_modified: ro('date-time'),
  date_modified_gmt: ro('date-time'),
  type: rw('string', { enum: PRODUCT_TYPES }),
  status: rw('string', { enum: PRODUCT_STATUSES }),
  featured: rw('boolean'),
  catalog_visibility: rw('string', { enum: ['visible', 'catalog', 'search', 'hidden'] }),
  description: rw('string'),
  short_description: rw('string'),
  sku: rw('string'),
  price: ro('string'),
  regular_price: rw('string', { decimal: true }),
  sale_price: rw('string', { decimal: true }),
  date_on_sale_from: rw(['date-time', 'null']),
  date_on_sale_from_gmt: rw(['date-time', 'null']),
  date_on_sale_to: rw(['date-time', 'null']),
  date_on_sale_to_gmt: rw(['date-time', 'null']),
  price_html: ro('string'),
  on_sale: ro('boolean'),
  purchasable: ro('boolean'),
  total_sales: ro('integer'),
  virtual: rw('boolean'),
  downloadable: rw('boolean'),
  downloads: rw('array', { items: { id: rw('string'), name: rw('string'), file: rw('string') } }),
  download_limit: rw('integer'),
  download_expiry: rw('integer'),
  external_url: rw('string'),
  button_text: rw('string'),
  tax_status: rw('string', { enum: ['taxable', 'shipping', 'none'] }),
  tax_class: rw('string'),
  manage_stock: rw('boolean'),
  // null when stock is not managed.
  stock_quantity: rw(['integer', 'null']),
  stock_status: rw('string', { enum: STOCK_STATUSES }),
  backorders: rw('string', { enum: ['no', 'notify', 'yes'] }),
  backorders_allowed: ro('boolean'),
  backordered: ro('boolean'),
  sold_individually: rw('boolean'),
  weight: rw('string'),
  dimensions: rw('object', {
    properties: { length: rw('string'), width: rw('string'), height: rw('string') },
  }),
  shipping_required: ro('boolean'),
  shipping_taxable: ro('boolean'),
  shipping_class: rw('string'),
  shipping_class_id: ro('integer'),
  reviews_allowed: rw('boolean'),
  average_rating: ro('string'),
  rating_count: ro('integer'),
  related_ids: ro('array', { items: rw('integer') }),
  upsell_ids: rw('array', { items: rw('integer') }),
  cross_sell_ids: rw('array', { items: rw('integer') }),
  parent_id: rw('integer'),
  purchase_note: rw('string'),
  categories: rw('array', { items: { id: rw('integer'), name: ro('string'), slug: ro('string') } }),
  tags: rw('array', { items: { id: rw('integer'), name: ro('string'), slug: ro('string') } }),
  images: rw('array', { items: PRODUCT_IMAGE }),
  attributes: rw('array', {
    items: {
      id: rw('integer'),
      name: rw('string'),
      position: rw('integer'),
      visible: rw('boolean'),
      variation: rw('boolean'),
      options: rw('array', { items: rw('string') }),
    },
  }),
  default_attributes: rw('array', {
    items: { id: rw('integer'), name: rw('string'), option: rw('string') },
  }),
  variations: ro('array', { items: rw('integer') }),
  grouped_products: rw('array', { items: rw('integer') }),
  menu_order: rw('integer'),
  meta_data: metaData(),
};

/** "List all products → Available parameters", plus `modified_*` (WooCommerce 5.8). */
export const PRODUCT_LIST_PARAMS: FieldTable = {
  context: rw('string', { enum: ['view', 'edit'] }),
  page: rw('integer', { minimum: 1 }),
  per_page: rw('integer', { minimum: 1, maximum: 100 }),
  search: rw('string'),
  after: rw('date-time'),
  before: rw('date-time'),
  modified_after: rw('date-time'),
  modified_before: rw('date-time'),
  dates_are_gmt: rw('boolean'),
  exclude: rw('array', { items: rw('integer') }),
  include: rw('array', { items: rw('integer') }),
  offset: rw('integer', { minimum: 0 }),
  order: rw('string', { enum: ['asc', 'desc'] }),
  orderby: rw('string', {
    enum: ['date', 'id', 'include', 'title', 'slug', 'price', 'popularity', 'rating'],
  }),
  parent: rw('array', { items: rw('integer') }),
  parent_exclude: rw('array', { items: rw('integer') }),
  slug: rw('string'),
  status: rw('string', { enum: ['any', ...PRODUCT_STATUSES] }),
  type: rw('string', { enum: PRODUCT_TYPES }),
  sku: rw('string'),
  featured: rw('boolean'),
  category: rw('string'),
  tag: rw('string'),
  shipping_class: rw('string'),
  attribute: rw('string'),
  attribute_term: rw('string'),
  tax_class: rw('string'),
  on_sale: rw('boolean'),
  min_price: rw('string'),
  max_price: rw('string'),
  stock_status: rw('string', { enum: STOCK_STATUSES }),
};

/** "Batch update products": arrays of creates, updates (with `id`) and ids to delete. */
export const PRODUCT_BATCH_FIELDS: FieldTable = {
  create: rw('array', { items: PRODUCT_FIELDS }),
  update: rw('array', { items: { ...PRODUCT_FIELDS, id: rw('integer') } }),
  delete: rw('array', { items: rw('integer') }),
};

// --- Orders (_orders.md) -----------------------------------------------------------------------

export const ORDER_STATUSES = [
  'pending',
  'processing',
  'on-hold',
  'completed',
  'cancelled',
  'refunded',
  'failed',
  'trash',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const ADDRESS: FieldTable = {
  first_name: rw('string'),
  last_name: rw('string'),
  company: rw('string'),
  address_1: rw('string'),
  address_2: rw('string'),
  city: rw('string'),
  state: rw('string'),
  postcode: rw('string'),
  country: rw('string'),
};

const TAXES: FieldTable = {
  id: ro('integer'),
  rate_code: ro('string'),
  rate_id: ro('string'),
  label: ro('string'),
  compound: ro('boolean'),
  tax_total: ro('string'),
  shipping_tax_total: ro('string'),
  meta_data: metaData(),
};

export const ORDER_LINE_ITEM: FieldTable = {
  id: ro('integer'),
  name: rw('string'),
  product_id: rw('integer'),
  variation_id: rw('integer'),
  quantity: rw('integer'),
  tax_class: rw('string'),
  subtotal: rw('string', { decimal: true }),
  subtotal_tax: ro('string'),
  total: rw('string', { decimal: true }),
  total_tax: ro('string'),
  taxes: ro('array', { items: TAXES }),
  meta_data: metaData(),
  sku: ro('string'),
  // Documented "string"; WooCommerce answers a number (see the header).
  price: ro('number'),
};

export const ORDER_FIELDS: FieldTable = {
  id: ro('integer'),
  parent_id: rw('integer'),
  number: ro('string'),
  order_key: ro('string'),
  created_via: ro('string'),
  version: ro('string'),
  status: rw('string', { enum: ORDER_STATUSES }),
  // The docs list every ISO 4217 code; three letters is the check that matters here.
  currency: rw('string'),
  date_created: ro('date-time'),
  date_created_gmt: ro('date-time'),
  date_modified: ro('date-time'),
  date_modified_gmt: ro('date-time'),
  discount_total: ro('string'),
  discount_tax: ro('string'),
  shipping_total: ro('string'),
  shipping_tax: ro('string'),
  cart_tax: ro('string'),
  total: ro('string'),
  total_tax: ro('string'),
  prices_include_tax: ro('boolean'),
  customer_id: rw('integer'),
  customer_ip_address: ro('string'),
  customer_user_agent: ro('string'),
  customer_note: rw('string'),
  billing: rw('object', { properties: { ...ADDRESS, email: rw('string'), phone: rw('string') } }),
  shipping: rw('object', { properties: ADDRESS }),
  payment_method: rw('string'),
  payment_method_title: rw('string'),
  transaction_id: rw('string'),
  date_paid: ro(['date-time', 'null']),
  date_paid_gmt: ro(['date-time', 'null']),
  date_completed: ro(['date-time', 'null']),
  date_completed_gmt: ro(['date-time', 'null']),
  cart_hash: ro('string'),
  meta_data: metaData(),
  line_items: rw('array', { items: ORDER_LINE_ITEM }),
  tax_lines: ro('array', { items: TAXES }),
  shipping_lines: rw('array', {
    items: {
      id: ro('integer'),
      method_title: rw('string'),
      method_id: rw('string'),
      total: rw('string', { decimal: true }),
      total_tax: ro('string'),
      taxes: ro('array', { items: TAXES }),
      meta_data: metaData(),
    },
  }),
  fee_lines: rw('array', {
    items: {
      id: ro('integer'),
      name: rw('string'),
      tax_class: rw('string'),
      tax_status: rw('string', { enum: ['taxable', 'none'] }),
      total: rw('string', { decimal: true }),
      total_tax: ro('string'),
      taxes: ro('array', { items: TAXES }),
      meta_data: metaData(),
    },
  }),
  coupon_lines: rw('array', {
    items: {
      id: ro('integer'),
      code: rw('string'),
      discount: ro('string'),
      discount_tax: ro('string'),
      meta_data: metaData(),
    },
  }),
  refunds: ro('array', { items: { id: ro('integer'), reason: ro('string'), total: ro('string') } }),
  set_paid: { type: 'boolean', writeOnly: true },
};

/** "List all orders → Available parameters", plus `modified_*` (WooCommerce 5.8). */
export const ORDER_LIST_PARAMS: FieldTable = {
  context: rw('string', { enum: ['view', 'edit'] }),
  page: rw('integer', { minimum: 1 }),
  per_page: rw('integer', { minimum: 1, maximum: 100 }),
  search: rw('string'),
  after: rw('date-time'),
  before: rw('date-time'),
  modified_after: rw('date-time'),
  modified_before: rw('date-time'),
  dates_are_gmt: rw('boolean'),
  exclude: rw('array', { items: rw('integer') }),
  include: rw('array', { items: rw('integer') }),
  offset: rw('integer', { minimum: 0 }),
  order: rw('string', { enum: ['asc', 'desc'] }),
  orderby: rw('string', { enum: ['date', 'id', 'include', 'title', 'slug'] }),
  parent: rw('array', { items: rw('integer') }),
  parent_exclude: rw('array', { items: rw('integer') }),
  status: rw('array', { items: rw('string', { enum: ['any', ...ORDER_STATUSES] }) }),
  customer: rw('integer'),
  product: rw('integer'),
  dp: rw('integer'),
};

/** Single-resource GETs take only `context`. */
export const SINGLE_GET_PARAMS: FieldTable = { context: rw('string', { enum: ['view', 'edit'] }) };

// --- WordPress media and users (WP REST handbook) ----------------------------------------------

/**
 * `POST /wp/v2/media` arguments. With a raw file body they can only come as query parameters;
 * the file's name comes from `Content-Disposition`.
 */
export const MEDIA_CREATE_PARAMS: FieldTable = {
  date: rw('date-time'),
  date_gmt: rw('date-time'),
  slug: rw('string'),
  status: rw('string', { enum: ['publish', 'future', 'draft', 'pending', 'private'] }),
  title: rw('string'),
  author: rw('integer'),
  comment_status: rw('string', { enum: ['open', 'closed'] }),
  ping_status: rw('string', { enum: ['open', 'closed'] }),
  template: rw('string'),
  alt_text: rw('string'),
  caption: rw('string'),
  description: rw('string'),
  post: rw('integer'),
};

export const USERS_ME_PARAMS: FieldTable = { context: rw('string', { enum: ['view', 'edit', 'embed'] }) };

// --- Validation --------------------------------------------------------------------------------

/** One refused parameter, worded the way WordPress words `rest_invalid_param` entries. */
export interface ParamProblem {
  readonly param: string;
  readonly message: string;
}

/** WordPress' `rest_parse_date` accepts RFC 3339 with or without a zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;

function typesOf(spec: FieldSpec): readonly FieldType[] {
  return typeof spec.type === 'string' ? [spec.type] : spec.type;
}

/** A table maps names to specs; a spec has a `type` that is a string or a list of strings. */
function isTable(value: FieldTable | FieldSpec): value is FieldTable {
  const type = (value as { type?: unknown }).type;
  return !(typeof type === 'string' || Array.isArray(type));
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date-time':
      return typeof value === 'string' && DATE_TIME.test(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

/**
 * Checks a JSON body against a table, the way a write is checked: unknown properties, read-only
 * properties, wrong JSON types (no coercion: WordPress would turn `"1"` into 1, a client must not
 * rely on it), values outside the enum, malformed decimal amounts. `what` names the resource in
 * messages ("product").
 */
export function validateBody(body: unknown, table: FieldTable, what: string, prefix = ''): ParamProblem[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ param: prefix || 'body', message: `${prefix || 'The body'} is not of type object.` }];
  }
  const problems: ParamProblem[] = [];
  for (const [key, value] of Object.entries(body)) {
    const param = prefix ? `${prefix}[${key}]` : key;
    const spec = table[key];
    if (!spec) {
      problems.push({ param, message: `${param} is not a property of a WooCommerce ${what}.` });
      continue;
    }
    if (spec.readOnly) {
      problems.push({ param, message: `${param} is read-only.` });
      continue;
    }
    problems.push(...validateValue(value, spec, param, what));
  }
  return problems;
}

function validateValue(value: unknown, spec: FieldSpec, param: string, what: string): ParamProblem[] {
  const types = typesOf(spec);
  if (!types.some((t) => matchesType(value, t))) {
    const named = types.map((t) => (t === 'date-time' ? 'string (date-time)' : t)).join(',');
    return [{ param, message: `${param} is not of type ${named}.` }];
  }
  if (spec.enum && typeof value === 'string' && !spec.enum.includes(value)) {
    return [{ param, message: `${param} is not one of ${spec.enum.join(', ')}.` }];
  }
  if (spec.decimal && typeof value === 'string' && value !== '' && !DECIMAL.test(value)) {
    return [{ param, message: `${param} is not a decimal amount ("12.99"): "${value}".` }];
  }
  if (Array.isArray(value) && spec.items) {
    const items = spec.items;
    return value.flatMap((element, index) =>
      isTable(items)
        ? validateBody(element, items, what, `${param}[${index}]`)
        : validateValue(element, items, `${param}[${index}]`, what),
    );
  }
  if (spec.properties && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return validateBody(value, spec.properties, what, param);
  }
  return [];
}

/**
 * Checks query parameters (all strings on the wire) against a collection's parameter table.
 * `ignore` names parameters that are not the endpoint's own (OAuth 1.0a's `oauth_*`).
 */
export function validateQuery(
  query: URLSearchParams,
  table: FieldTable,
  ignore: (name: string) => boolean = () => false,
): ParamProblem[] {
  const problems: ParamProblem[] = [];
  const seen = new Set<string>();
  for (const [rawKey, value] of query) {
    if (ignore(rawKey)) continue;
    // `status[]=a&status[]=b` and `status[0]=a` are how PHP spells arrays on a query string.
    const key = rawKey.replace(/\[\d*\]$/, '');
    const spec = table[key];
    if (!spec) {
      problems.push({ param: key, message: `${key} is not a parameter of this endpoint.` });
      continue;
    }
    // A repeated name is not an error: PHP keeps the last one (the JS client repeats them all).
    if (seen.has(rawKey) && !rawKey.endsWith('[]')) continue;
    seen.add(rawKey);
    const types = typesOf(spec);
    const scalar = types.includes('array') && spec.items && !isTable(spec.items) ? spec.items : spec;
    // Arrays may also come comma-separated (WordPress' `wp_parse_list`).
    const values = types.includes('array') ? value.split(',') : [value];
    for (const one of values) {
      const problem = checkQueryScalar(one, scalar, key);
      if (problem) problems.push({ param: key, message: problem });
    }
  }
  return problems;
}

function checkQueryScalar(value: string, spec: FieldSpec, key: string): string | null {
  const type = typesOf(spec)[0];
  switch (type) {
    case 'integer': {
      if (!/^-?\d+$/.test(value)) return `${key} is not of type integer.`;
      const n = Number(value);
      if (
        spec.minimum !== undefined &&
        spec.maximum !== undefined &&
        (n < spec.minimum || n > spec.maximum)
      ) {
        return `${key} must be between ${spec.minimum} (inclusive) and ${spec.maximum} (inclusive)`;
      }
      if (spec.minimum !== undefined && n < spec.minimum) {
        return `${key} must be greater than or equal to ${spec.minimum}`;
      }
      return null;
    }
    case 'boolean':
      return ['true', 'false', '1', '0'].includes(value) ? null : `${key} is not of type boolean.`;
    case 'date-time':
      return DATE_TIME.test(value) ? null : `Invalid date.`;
    case 'string':
      if (spec.enum && !spec.enum.includes(value)) return `${key} is not one of ${spec.enum.join(', ')}.`;
      return null;
    default:
      return null;
  }
}

/**
 * The test server's own answers against the same table: every documented property present (but
 * write-only ones), of its documented type. A failure is a bug in the test server.
 */
export function checkAnswer(answer: unknown, table: FieldTable, what: string, prefix = ''): string[] {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    return [`${prefix || what} is not an object`];
  }
  const record = answer as Record<string, unknown>;
  const failures: string[] = [];
  for (const [key, spec] of Object.entries(table)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (spec.writeOnly) {
      if (key in record) failures.push(`${name} is write-only but was answered`);
      continue;
    }
    if (!(key in record)) {
      failures.push(`${name} is missing`);
      continue;
    }
    const value = record[key];
    if (!typesOf(spec).some((t) => matchesType(value, t))) {
      failures.push(`${name} is ${JSON.stringify(value)}, not ${typesOf(spec).join('|')}`);
      continue;
    }
    if (Array.isArray(value) && spec.items && isTable(spec.items)) {
      const items = spec.items;
      value.forEach((element, i) => failures.push(...checkAnswer(element, items, what, `${name}[${i}]`)));
    }
  }
  for (const key of Object.keys(record)) {
    if (!(key in table) && key !== '_links')
      failures.push(`${prefix ? `${prefix}.` : ''}${key} is not documented`);
  }
  return failures;
}
