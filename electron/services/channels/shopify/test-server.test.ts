/**
 * The Shopify test server itself (tests/shopify): it must refuse what Shopify refuses, so the
 * channel's tests cannot pass on a double that accepts anything. Raw HTTP, no client library.
 * Skips, with the reason in its title, without Shopify's schema (scripts/fetch-shopify-schema.mjs).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { locateSchema } from '../../../../tests/shopify/schema';
import {
  expectNoViolations,
  startShopifyTestServer,
  type ShopifyTestServer,
} from '../../../../tests/shopify/server';

const schema = locateSchema();
if (!schema.available) console.warn(schema.reason);
const title = (name: string): string => (schema.available ? name : `${name} — SKIPPED: ${schema.reason}`);
const run = test.skipIf(!schema.available);

let server: ShopifyTestServer;

beforeEach(async () => {
  if (!schema.available) return;
  server = await startShopifyTestServer({ bucket: { maximumAvailable: 1000, restoreRate: 50 } });
});
afterEach(async () => {
  if (schema.available) await server.close();
});

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[] | string;
    extensions?: {
      cost?: {
        requestedQueryCost: number;
        throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
      };
    };
  };
}

async function gql(
  query: string,
  variables?: Record<string, unknown>,
  token: string = server.accessToken,
): Promise<Answer> {
  const res = await fetch(`${server.baseUrl}/admin/api/${server.version}/graphql.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

function errorsOf(answer: Answer): { message: string; extensions?: { code?: string } }[] {
  return Array.isArray(answer.body.errors) ? answer.body.errors : [];
}

describe('the Shopify test server refuses what Shopify refuses', () => {
  run(title('answers shop { name } with the cost and throttle status, and no violation'), async () => {
    const answer = await gql('query Shop { shop { name currencyCode } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ shop: { name: 'Rebound Test Shop', currencyCode: 'USD' } });
    expect(answer.body.extensions?.cost?.throttleStatus).toMatchObject({
      maximumAvailable: 1000,
      restoreRate: 50,
    });
    expectNoViolations(server);
  });

  run(title('an unknown token is a 401, as on Shopify'), async () => {
    const answer = await gql('query Shop { shop { name } }', undefined, 'shpat_nobody');
    expect(answer.status).toBe(401);
    expect(answer.body.errors).toMatch(/Invalid API key or access token/);
  });

  run(title('an unknown field is a GraphQL error and a recorded violation'), async () => {
    const answer = await gql('query P { products(first: 1) { nodes { id price } } }');
    expect(answer.status).toBe(200);
    expect(errorsOf(answer)[0]?.message).toMatch(/Cannot query field "price" on type "Product"/);
    expect(answer.body.data).toBeUndefined();
    expect(server.violations.map((v) => v.kind)).toEqual(['validation']);
    expect(() => expectNoViolations(server)).toThrow(/validation P: Cannot query field "price"/);
  });

  run(title('a variable of the wrong type is refused'), async () => {
    const answer = await gql('query P($n: Int!) { products(first: $n) { nodes { id } } }', { n: 'ten' });
    expect(errorsOf(answer)[0]?.message).toMatch(/Variable "\$n" got invalid value "ten"/);
    expect(server.violations[0]?.kind).toBe('variables');
  });

  run(
    title('an input object field Shopify does not have, or a missing required one, is refused'),
    async () => {
      const mutation = `mutation S($input: ProductSetInput!) {
      productSet(input: $input, synchronous: true) { product { id } userErrors { message } }
    }`;
      const unknown = await gql(mutation, { input: { title: 'A', price: '12.00' } });
      expect(errorsOf(unknown)[0]?.message).toMatch(/Field "price" is not defined by type "ProductSetInput"/);
      const missing = await gql(mutation, { input: { title: 'A', variants: [{ price: '12.00' }] } });
      expect(errorsOf(missing)[0]?.message).toMatch(/Field "optionValues" of required type/);
      const money = await gql(mutation, {
        input: { title: 'A', variants: [{ optionValues: [], price: '12,50' }] },
      });
      expect(errorsOf(money)[0]?.message).toMatch(/invalid value "12,50" for Money/);
      const missingVariable = await gql(mutation, {});
      expect(errorsOf(missingVariable)[0]?.message).toMatch(/Variable "\$input" of required type/);
      expect(server.violations.map((v) => v.kind)).toEqual([
        'variables',
        'variables',
        'variables',
        'variables',
      ]);
      expect(server.state.products).toHaveLength(0);
    },
  );

  run(
    title('a deprecated argument is a violation (productUpdate(input:) is replaced by product:)'),
    async () => {
      await gql(
        'mutation U { productUpdate(input: {id: "gid://shopify/Product/1"}) { userErrors { message } } }',
      );
      expect(server.violations.map((v) => v.kind)).toContain('deprecated');
    },
  );

  run(title('search syntax Shopify would silently ignore is a violation'), async () => {
    await gql('query O { orders(first: 5, query: "updated since yesterday") { nodes { id } } }');
    expect(server.violations.map((v) => v.kind)).toEqual(['shopify-rule']);
  });

  run(title('a connection without first or last is refused'), async () => {
    const answer = await gql('query O { orders { nodes { id } } }');
    expect(errorsOf(answer)[0]?.message).toBe('you must provide one of first or last');
    expect(server.violations.map((v) => v.kind)).toEqual(['shopify-rule']);
  });

  run(title('a query above the bucket is THROTTLED inside an HTTP 200'), async () => {
    server.bucket.drainTo(5);
    const answer = await gql(
      'query P { products(first: 50) { nodes { id variants(first: 5) { nodes { id } } } } }',
    );
    expect(answer.status).toBe(200);
    expect(errorsOf(answer)[0]?.extensions?.code).toBe('THROTTLED');
    expect(answer.body.extensions?.cost?.requestedQueryCost).toBeGreaterThan(5);
    expect(answer.body.extensions?.cost?.throttleStatus.currentlyAvailable).toBeLessThan(10);
    expectNoViolations(server);
  });

  run(title('a missing scope is ACCESS_DENIED, answered like Shopify'), async () => {
    await server.close();
    server = await startShopifyTestServer({ scopes: ['read_products'] });
    const answer = await gql('query O { orders(first: 1) { nodes { id } } }');
    expect(errorsOf(answer)[0]).toMatchObject({
      message: 'Access denied for orders field. Required access: `read_orders` access scope.',
      extensions: { code: 'ACCESS_DENIED' },
    });
    expectNoViolations(server);
  });

  run(title('a staged upload target needs every returned parameter and the file last'), async () => {
    const staged = await gql(
      `mutation S($input: [StagedUploadInput!]!) {
        stagedUploadsCreate(input: $input) { stagedTargets { url resourceUrl parameters { name value } } userErrors { message } }
      }`,
      { input: [{ filename: 'a.jpg', mimeType: 'image/jpeg', resource: 'IMAGE', httpMethod: 'POST' }] },
    );
    const target = (
      staged.body.data as {
        stagedUploadsCreate: {
          stagedTargets: { url: string; parameters: { name: string; value: string }[] }[];
        };
      }
    ).stagedUploadsCreate.stagedTargets[0]!;
    const partial = new FormData();
    partial.append('key', target.parameters.find((p) => p.name === 'key')!.value);
    partial.append('file', new Blob([Buffer.from('jpeg')], { type: 'image/jpeg' }), 'a.jpg');
    expect((await fetch(target.url, { method: 'POST', body: partial })).status).toBe(400);
    expect(server.violations.map((v) => v.kind)).toEqual(['shopify-rule']);

    const full = new FormData();
    for (const p of target.parameters) full.append(p.name, p.value);
    full.append('file', new Blob([Buffer.from('jpeg')], { type: 'image/jpeg' }), 'a.jpg');
    const res = await fetch(target.url, { method: 'POST', body: full });
    expect(res.status).toBe(201);
    expect(await res.text()).toMatch(/<PostResponse><Location>/);
  });
});
