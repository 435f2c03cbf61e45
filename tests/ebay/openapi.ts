/**
 * Loads eBay's own OpenAPI 3.0 contracts and validates requests (and the test server's own answers)
 * against them with ajv.
 *
 * Why a loader of our own: ajv speaks JSON Schema, not OpenAPI 3.0. The differences that matter in
 * eBay's files are few — `nullable`, `$ref`s into `#/components/schemas`, `format: int32` and many
 * documentation-only keywords (`description`, `example`, `xml`, `x-*`) — so a small converter is
 * enough and keeps us from adding a dependency.
 *
 * The contract files stay eBay's: they are read from `../shared/ebay-openapi/` beside the repository
 * (or from `REBOUND_EBAY_OPENAPI_DIR`), never copied into the repo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export; under ESM interop the function may sit on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The repository root: two folders above this file (tests/ebay/ → repo). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ContractsLocation {
  readonly dir: string;
  readonly available: boolean;
  /** Why the contract tests skip when the files are absent: printed in the skip reason. */
  readonly reason: string;
}

/** The files the test server needs; the others in the folder are read when present. */
export const REQUIRED_CONTRACTS = [
  'sell_inventory_v1_oas3.json',
  'sell_account_v1_oas3.json',
  'sell_metadata_v1_oas3.json',
  'sell_fulfillment_v1_oas3.json',
  'commerce_media_v1_beta_oas3.json',
] as const;

export function locateContracts(env: NodeJS.ProcessEnv = process.env): ContractsLocation {
  const fromEnv = env['REBOUND_EBAY_OPENAPI_DIR'];
  const dir = fromEnv ? path.resolve(fromEnv) : path.resolve(repoRoot, '..', 'shared', 'ebay-openapi');
  const missing = REQUIRED_CONTRACTS.filter((file) => !fs.existsSync(path.join(dir, file)));
  if (missing.length === 0) return { dir, available: true, reason: '' };
  return {
    dir,
    available: false,
    reason:
      `eBay OpenAPI contracts not found in ${dir} (missing ${missing.join(', ')}); ` +
      'set REBOUND_EBAY_OPENAPI_DIR or place them in ../shared/ebay-openapi — contract tests SKIPPED, not passed',
  };
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.0 schema → JSON Schema draft-07
// ---------------------------------------------------------------------------------------------

/** Keywords ajv understands and that mean the same in OpenAPI 3.0; everything else is dropped. */
const SCHEMA_KEYWORDS = new Set([
  'type',
  'enum',
  'format',
  'required',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts one OpenAPI 3.0 schema. `refBase` is the `$id` of the document that holds the converted
 * components (`<id>#/definitions/<Name>`), so converted schemas can be compiled on their own.
 */
export function toDraft07(schema: unknown, refBase: string): JsonObject {
  if (!isObject(schema)) return {};
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    // OpenAPI 3.0 ignores siblings of $ref (eBay puts `description` there), and so do we.
    const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!match) throw new Error(`Unsupported $ref ${ref}: only #/components/schemas/* is used by eBay`);
    return { $ref: `${refBase}#/definitions/${match[1]!}` };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_KEYWORDS.has(key)) out[key] = value;
  }
  // OpenAPI 3.0 booleans → draft-07 numbers.
  if (schema['exclusiveMinimum'] === true && typeof schema['minimum'] === 'number') {
    out['exclusiveMinimum'] = schema['minimum'];
    delete out['minimum'];
  }
  if (schema['exclusiveMaximum'] === true && typeof schema['maximum'] === 'number') {
    out['exclusiveMaximum'] = schema['maximum'];
    delete out['maximum'];
  }
  if (isObject(schema['properties'])) {
    const props: JsonObject = {};
    for (const [name, sub] of Object.entries(schema['properties'])) props[name] = toDraft07(sub, refBase);
    out['properties'] = props;
  }
  if (schema['items'] !== undefined) out['items'] = toDraft07(schema['items'], refBase);
  const additional = schema['additionalProperties'];
  if (typeof additional === 'boolean') out['additionalProperties'] = additional;
  else if (isObject(additional)) out['additionalProperties'] = toDraft07(additional, refBase);
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[combinator];
    if (Array.isArray(list)) out[combinator] = list.map((sub) => toDraft07(sub, refBase));
  }
  if (schema['not'] !== undefined) out['not'] = toDraft07(schema['not'], refBase);
  if (schema['nullable'] === true) {
    // draft-07 spells `nullable` as a type union (and an enum must then admit null too).
    const type = out['type'];
    if (typeof type === 'string') out['type'] = [type, 'null'];
    if (Array.isArray(out['enum'])) out['enum'] = [...out['enum'], null];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Errata: where eBay's generated contract contradicts eBay's own reference and real traffic
// ---------------------------------------------------------------------------------------------

/** Item specifics: `{"Brand": ["Google"], "Storage Capacity": ["128 GB"]}` — a map of name → values. */
const ASPECTS_MAP: JsonObject = {
  type: 'object',
  additionalProperties: { type: 'array', items: { type: 'string' } },
};

/**
 * Kept deliberately short; each entry says why. Loading fails if an entry no longer matches the
 * contract (eBay fixed it, or renamed the field), so the list cannot silently rot.
 */
export const ERRATA: readonly {
  readonly contract: string;
  readonly schema: string;
  readonly property: string;
  readonly replacement: JsonObject;
  readonly why: string;
}[] = [
  {
    contract: 'sell_inventory_v1_oas3.json',
    schema: 'Product',
    property: 'aspects',
    replacement: ASPECTS_MAP,
    why: "The contract types `aspects` as a string; eBay's reference and its request samples send an object of name → array of values.",
  },
  {
    contract: 'sell_inventory_v1_oas3.json',
    schema: 'InventoryItemGroup',
    property: 'aspects',
    replacement: ASPECTS_MAP,
    why: 'Same generator error as Product.aspects.',
  },
];

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: JsonObject;
}

export interface Operation {
  /** The contract file, e.g. `sell_inventory_v1_oas3.json`. */
  readonly contract: string;
  readonly operationId: string;
  readonly method: string;
  /** Full path template as served, e.g. `/sell/inventory/v1/offer/{offerId}/publish`. */
  readonly template: string;
  readonly parameters: readonly Parameter[];
  readonly body: { readonly required: boolean; readonly contentTypes: readonly string[] } | null;
  /** A token needs at least one of these scopes (eBay's `security.api_auth`). */
  readonly scopes: readonly string[];
  readonly regex: RegExp;
  readonly pathParamNames: readonly string[];
  /** Literal segments: more literal segments wins (`/offer/get_listing_fees` over `/offer/{offerId}`). */
  readonly literalSegments: number;
  readonly raw: JsonObject;
}

export interface RequestToValidate {
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
  readonly hasBody: boolean;
}

/** Drops the trailing slash eBay's account contract uses on some POST paths. */
export function normalisePath(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Contracts {
  readonly operations: Operation[] = [];
  private readonly ajv: Ajv;
  private readonly docs = new Map<string, { id: string; doc: JsonObject }>();
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(readonly dir: string) {
    // strict: false — eBay's files carry keywords ajv does not know; we strip most, but a stray one
    // must not stop the server. allErrors: report every problem of a body in one go.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    // OpenAPI formats that ajv-formats does not define.
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
    });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('double', { type: 'number', validate: () => true });
    this.ajv.addFormat('float', { type: 'number', validate: () => true });
  }

  static load(dir: string): Contracts {
    const contracts = new Contracts(dir);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('_oas3.json'))) {
      contracts.addDocument(file, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as JsonObject);
    }
    // Literal paths before templated ones, so `/offer/publish_by_inventory_item_group` is not an offerId.
    contracts.operations.sort((a, b) => b.literalSegments - a.literalSegments);
    return contracts;
  }

  private addDocument(file: string, doc: JsonObject): void {
    const id = `https://rebound.test/ebay-openapi/${file}`;
    const components = isObject(doc['components']) ? doc['components'] : {};
    const schemas = isObject(components['schemas']) ? components['schemas'] : {};
    const definitions: JsonObject = {};
    for (const [name, schema] of Object.entries(schemas)) definitions[name] = toDraft07(schema, id);
    for (const erratum of ERRATA.filter((e) => e.contract === file)) {
      const target = definitions[erratum.schema];
      const properties = isObject(target) && isObject(target['properties']) ? target['properties'] : null;
      if (!properties || properties[erratum.property] === undefined) {
        throw new Error(
          `Erratum ${erratum.schema}.${erratum.property} no longer applies to ${file}: review ERRATA`,
        );
      }
      properties[erratum.property] = erratum.replacement;
    }
    this.ajv.addSchema({ $id: id, definitions });
    this.docs.set(file, { id, doc });

    const basePath = serverBasePath(doc);
    const paths = isObject(doc['paths']) ? doc['paths'] : {};
    for (const [pathKey, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
      for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
        const op = item[method];
        if (!isObject(op)) continue;
        const template = normalisePath(basePath + pathKey);
        const pathParamNames: string[] = [];
        const regex = new RegExp(
          '^' +
            template
              .split(/(\{[^}]+\})/)
              .map((part) => {
                const param = /^\{(.+)\}$/.exec(part);
                if (!param) return escapeRegex(part);
                pathParamNames.push(param[1]!);
                return '([^/]+)';
              })
              .join('') +
            '$',
        );
        const parameters = [...shared, ...(Array.isArray(op['parameters']) ? op['parameters'] : [])]
          .filter(isObject)
          .map((p): Parameter => ({
            name: String(p['name']),
            in: String(p['in']) as Parameter['in'],
            required: p['required'] === true,
            schema: toDraft07(p['schema'], id),
          }));
        const requestBody = isObject(op['requestBody']) ? op['requestBody'] : null;
        const security = Array.isArray(op['security']) ? op['security'].filter(isObject) : [];
        const scopes = security.flatMap((s) =>
          Array.isArray(s['api_auth']) ? s['api_auth'].map(String) : [],
        );
        this.operations.push({
          contract: file,
          operationId: String(op['operationId']),
          method: method.toUpperCase(),
          template,
          parameters,
          body: requestBody
            ? {
                required: requestBody['required'] === true,
                contentTypes: isObject(requestBody['content']) ? Object.keys(requestBody['content']) : [],
              }
            : null,
          scopes,
          regex,
          pathParamNames,
          literalSegments: template.split('/').filter((s) => s && !s.startsWith('{')).length,
          raw: op,
        });
      }
    }
  }

  /** Finds the operation for a method and a concrete path; `pathExists` tells 405 from 404. */
  match(
    method: string,
    pathname: string,
  ): { op: Operation; pathParams: Record<string, string> } | { op: null; pathExists: boolean } {
    const clean = normalisePath(pathname);
    let pathExists = false;
    for (const op of this.operations) {
      const m = op.regex.exec(clean);
      if (!m) continue;
      pathExists = true;
      if (op.method !== method.toUpperCase()) continue;
      const pathParams: Record<string, string> = {};
      op.pathParamNames.forEach((name, i) => {
        pathParams[name] = decodeURIComponent(m[i + 1]!);
      });
      return { op, pathParams };
    }
    return { op: null, pathExists };
  }

  find(operationId: string): Operation {
    const op = this.operations.find((o) => o.operationId === operationId);
    if (!op) throw new Error(`No operation ${operationId} in the contracts`);
    return op;
  }

  /** Everything the contract itself says about a request: parameters, headers, body schema. */
  validateRequest(op: Operation, req: RequestToValidate): string[] {
    const problems: string[] = [];
    for (const p of op.parameters) {
      let value: string | undefined;
      if (p.in === 'path') value = req.pathParams[p.name];
      else if (p.in === 'query') value = req.query.get(p.name) ?? undefined;
      else if (p.in === 'header') {
        const h = req.headers[p.name.toLowerCase()];
        value = Array.isArray(h) ? h.join(', ') : h;
      } else continue;
      if (value === undefined || value === '') {
        if (p.required) problems.push(`missing required ${p.in} parameter ${p.name}`);
        continue;
      }
      // Query and path values arrive as text: check that numbers are numbers.
      if (
        (p.schema['type'] === 'integer' || p.schema['type'] === 'number') &&
        !/^-?\d+(\.\d+)?$/.test(value)
      ) {
        problems.push(`${p.in} parameter ${p.name} must be ${String(p.schema['type'])}, got "${value}"`);
      }
    }
    if (op.body) {
      const contentType = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      if (!req.hasBody) {
        if (op.body.required) problems.push('missing required request body');
      } else if (op.body.contentTypes.length > 0 && !op.body.contentTypes.includes(contentType)) {
        problems.push(
          `Content-Type "${contentType}" is not one the operation accepts (${op.body.contentTypes.join(', ')})`,
        );
      } else if (contentType === 'application/json') {
        const validate = this.requestValidator(op);
        if (validate && !validate(req.body)) {
          for (const e of validate.errors ?? []) {
            problems.push(`body${e.instancePath || ''} ${e.message ?? 'is invalid'}`.trim());
          }
        }
      }
    }
    return problems;
  }

  /** Validates a JSON answer against the response schema for its status (self-check of the fake). */
  validateResponse(op: Operation, status: number, body: unknown): string[] {
    const responses = isObject(op.raw['responses']) ? op.raw['responses'] : {};
    const declared = responses[String(status)];
    if (!isObject(declared)) return [`status ${status} is not declared for ${op.operationId}`];
    // eBay declares bulk 207s without a body schema; the body is the 200 one with per-entry statuses.
    const fallback = status === 207 && !isObject(declared['content']) ? responses['200'] : undefined;
    const response = isObject(fallback) ? fallback : declared;
    const content = isObject(response['content']) ? response['content'] : null;
    const json = content && isObject(content['application/json']) ? content['application/json'] : null;
    if (!json || json['schema'] === undefined) return [];
    const validate = this.compile(`${op.contract}:${op.operationId}:${status}`, json['schema'], op.contract);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `response${e.instancePath} ${e.message ?? 'is invalid'}`);
  }

  private requestValidator(op: Operation): ValidateFunction | null {
    const requestBody = isObject(op.raw['requestBody']) ? op.raw['requestBody'] : null;
    const content = requestBody && isObject(requestBody['content']) ? requestBody['content'] : null;
    const json = content && isObject(content['application/json']) ? content['application/json'] : null;
    if (!json || json['schema'] === undefined) return null;
    return this.compile(`${op.contract}:${op.operationId}:request`, json['schema'], op.contract);
  }

  /** Validates a value against a named component schema, e.g. `Order` in sell_fulfillment. */
  validateComponent(contract: string, name: string, value: unknown): string[] {
    const validate = this.compile(`${contract}:#${name}`, { $ref: `#/components/schemas/${name}` }, contract);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message ?? 'is invalid'}`);
  }

  private compile(key: string, schema: unknown, contract: string): ValidateFunction {
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const doc = this.docs.get(contract);
    if (!doc) throw new Error(`Contract ${contract} not loaded`);
    const validate = this.ajv.compile(toDraft07(schema, doc.id));
    this.compiled.set(key, validate);
    return validate;
  }
}

function serverBasePath(doc: JsonObject): string {
  const servers = Array.isArray(doc['servers']) ? doc['servers'].filter(isObject) : [];
  const first = servers[0];
  if (!first) return '';
  const variables = isObject(first['variables']) ? first['variables'] : {};
  const basePath = isObject(variables['basePath']) ? variables['basePath']['default'] : undefined;
  if (typeof basePath === 'string') return basePath;
  // A server URL without variables: keep its path part (eBay's hosts differ; the paths are what we serve).
  return new URL(String(first['url'])).pathname.replace(/\/$/, '');
}
