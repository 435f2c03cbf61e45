/**
 * Shopify's published Admin GraphQL schema, and the checks every operation sent to the test server
 * goes through before it touches state.
 *
 * The schema is Shopify's own introspection result for the pinned API version, as shipped in the
 * npm package @shopify/dev-mcp (`dist/data/admin_<version>.json.gz`). It is never copied into the
 * repository: `scripts/fetch-shopify-schema.mjs` puts it in `.cache/shopify/`, or
 * `REBOUND_SHOPIFY_SCHEMA` names a file (`.json` or `.json.gz`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import {
  buildClientSchema,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLScalarType,
  Kind,
  NoDeprecatedCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { SHOPIFY_ADMIN_API_VERSION } from '../../electron/services/channels/shopify/config.js';

export { SHOPIFY_ADMIN_API_VERSION };

/** The repository root: two folders above this file (tests/shopify/ → repo). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SchemaLocation {
  readonly file: string;
  readonly available: boolean;
  /** Why the schema tests skip when the file is absent: printed in the skip reason. */
  readonly reason: string;
}

export function locateSchema(
  env: NodeJS.ProcessEnv = process.env,
  version = SHOPIFY_ADMIN_API_VERSION,
): SchemaLocation {
  const fromEnv = env['REBOUND_SHOPIFY_SCHEMA']?.trim();
  const file = fromEnv
    ? path.resolve(fromEnv)
    : path.join(repoRoot, '.cache', 'shopify', `admin_${version}.json.gz`);
  if (fs.existsSync(file)) return { file, available: true, reason: '' };
  return {
    file,
    available: false,
    reason:
      `Shopify Admin schema ${version} not found at ${file}; run \`node scripts/fetch-shopify-schema.mjs\` ` +
      'or set REBOUND_SHOPIFY_SCHEMA — Shopify schema tests SKIPPED, not passed',
  };
}

const loaded = new Map<string, GraphQLSchema>();

/** Loads (once per process and file) the introspection JSON into a schema graphql-js can validate against. */
export function loadSchema(file: string): GraphQLSchema {
  const cached = loaded.get(file);
  if (cached) return cached;
  let bytes = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  const json = JSON.parse(bytes.toString('utf8')) as { data?: IntrospectionQuery } & IntrospectionQuery;
  const schema = buildClientSchema(json.data ?? json);
  tightenScalars(schema);
  loaded.set(file, schema);
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Custom scalars
// ---------------------------------------------------------------------------------------------

/**
 * A schema built from introspection knows its custom scalars by name only and accepts any value
 * for them. Shopify parses them strictly, so the ones Rebound sends get Shopify's input rules
 * (from the scalars' descriptions in the schema): a price sent as a float or "12,50" must fail here
 * as it would there.
 */
const SCALAR_RULES: Readonly<Record<string, (value: unknown) => boolean>> = {
  // "A monetary value string without a currency symbol or code. Example value: "100.57"."
  Money: (v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) || Number.isFinite(v),
  // "A signed decimal number, which supports arbitrary precision and is serialized as a string."
  Decimal: (v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) || Number.isFinite(v),
  // ISO-8601 with a time zone designator.
  DateTime: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) &&
    !Number.isNaN(Date.parse(v)),
  URL: (v) => {
    if (typeof v !== 'string') return false;
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  },
  // "An unsigned 64-bit integer. Represents whole numeric values between 0 and 2^64 - 1 encoded as a string"
  UnsignedInt64: (v) =>
    (typeof v === 'string' && /^\d{1,20}$/.test(v)) || (Number.isSafeInteger(v) && (v as number) >= 0),
  HTML: (v) => typeof v === 'string',
};

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    default:
      return undefined;
  }
}

function tightenScalars(schema: GraphQLSchema): void {
  for (const [name, accepts] of Object.entries(SCALAR_RULES)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) continue;
    const check = (value: unknown) => {
      if (!accepts(value)) throw new GraphQLError(`invalid value ${JSON.stringify(value)} for ${name}`);
      return value;
    };
    // graphql-js reads these per call; replacing them on the built type is its documented extension point.
    Object.assign(type, {
      parseValue: check,
      parseLiteral: (node: ValueNode) => check(literalValue(node)),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Operation checks
// ---------------------------------------------------------------------------------------------

export type ProblemKind =
  /** Not GraphQL at all. */
  | 'syntax'
  /** Against the schema: unknown fields or arguments, wrong literal types, unused or undefined variables… */
  | 'validation'
  /** A field, argument or enum value Shopify marks deprecated in this version. */
  | 'deprecated'
  /** The variables do not match their declared input types (missing required, wrong type, unknown field). */
  | 'variables'
  /** No operation, several without a name, or an operationName that names none. */
  | 'operation';

export interface OperationProblem {
  readonly kind: ProblemKind;
  readonly message: string;
  readonly locations?: readonly { line: number; column: number }[];
}

export interface CheckedOperation {
  readonly document: DocumentNode | null;
  readonly operation: OperationDefinitionNode | null;
  /** Coerced variables, ready for `execute`. */
  readonly variables: Record<string, unknown>;
  readonly problems: readonly OperationProblem[];
}

function problem(kind: ProblemKind, error: GraphQLError): OperationProblem {
  return {
    kind,
    message: error.message,
    ...(error.locations
      ? { locations: error.locations.map((l) => ({ line: l.line, column: l.column })) }
      : {}),
  };
}

/**
 * Parses and validates one request exactly as a GraphQL server does (all of the specification's
 * rules), plus deprecation, then coerces its variables against the schema's input types.
 */
export function checkOperation(
  schema: GraphQLSchema,
  query: unknown,
  variables: unknown,
  operationName: unknown,
): CheckedOperation {
  const none = { document: null, operation: null, variables: {} };
  if (typeof query !== 'string' || query.trim() === '') {
    return { ...none, problems: [{ kind: 'syntax', message: 'No query string was present' }] };
  }
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { ...none, problems: [problem('syntax', error as GraphQLError)] };
  }
  const name = typeof operationName === 'string' && operationName !== '' ? operationName : null;
  const operation = getOperationAST(document, name) ?? null;
  const validation = validate(schema, document, specifiedRules);
  if (validation.length > 0) {
    // The operation is returned for naming it in reports only: it must not be executed.
    return { ...none, document, operation, problems: validation.map((e) => problem('validation', e)) };
  }
  const deprecated = validate(schema, document, [NoDeprecatedCustomRule]);
  if (!operation) {
    return {
      ...none,
      document,
      problems: [
        {
          kind: 'operation',
          message: name
            ? `Unknown operation named "${name}".`
            : 'Must provide operation name if query contains multiple operations.',
        },
      ],
    };
  }
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    return {
      ...none,
      document,
      operation,
      problems: [{ kind: 'variables', message: 'Variables must be provided as an object' }],
    };
  }
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    (variables ?? {}) as Record<string, unknown>,
  );
  const problems = [
    ...deprecated.map((e) => problem('deprecated', e)),
    ...(coerced.errors ?? []).map((e) => problem('variables', e)),
  ];
  return { document, operation, variables: coerced.coerced ?? {}, problems };
}
