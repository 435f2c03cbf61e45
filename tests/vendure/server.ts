import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable, type Stream } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import {
  bootstrap,
  defaultConfig,
  DefaultLogger,
  dummyPaymentHandler,
  LanguageCode,
  LogLevel,
  mergeConfig,
  NoopLogger,
  type AssetPreviewStrategy,
  type AssetStorageStrategy,
  type PasswordHashingStrategy,
  type InitialData,
  type VendureConfig,
} from '@vendure/core';
// The file itself: the package has no exports map, and ES module resolution refuses a folder.
import { populateInitialData } from '@vendure/core/cli/index.js';

/**
 * A real Vendure server for the adapter's tests (README.md beside this file): `@vendure/core`
 * from npm on an in-memory sql.js database, listening on 127.0.0.1 only, on a port the OS picks.
 * One server per test file: start it in `beforeAll`, `close()` it in `afterAll`.
 */

export const SUPERADMIN = { username: 'rebound-admin', password: 'a-long-test-password' } as const;
/** The ProductVariant custom field the merchant adds for the struck-through original price. */
export const COMPARE_AT_FIELD = 'reboundCompareAtPrice';
export const SHIPPING_CENTS = 490;

export interface VendureTestServer {
  readonly adminApiUrl: string;
  readonly shopApiUrl: string;
  readonly host: string;
  readonly port: number;
  /** From the call to listening with the catalogue set up, in milliseconds. */
  readonly startupMs: number;
  /** The bytes Vendure stored for each uploaded asset, by its identifier. */
  readonly assetDir: string;
  /** A superadmin bearer token, for the test's own checks through the Admin API. */
  readonly adminToken: string;
  close(): Promise<void>;
}

/**
 * Stores asset files in a folder (Vendure's own LocalAssetStorageStrategy lives in the
 * asset-server plugin, which this test does not need), so a test can compare the stored bytes
 * with the JPEG Rebound uploaded.
 */
class FolderAssetStorage implements AssetStorageStrategy {
  constructor(private readonly dir: string) {}

  private file(identifier: string): string {
    return path.join(this.dir, path.basename(identifier));
  }
  async writeFileFromBuffer(fileName: string, data: Buffer): Promise<string> {
    await fs.promises.writeFile(this.file(fileName), data);
    return path.basename(fileName);
  }
  async writeFileFromStream(fileName: string, data: Stream): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of data as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
    return this.writeFileFromBuffer(fileName, Buffer.concat(chunks));
  }
  readFileToBuffer(identifier: string): Promise<Buffer> {
    return fs.promises.readFile(this.file(identifier));
  }
  async readFileToStream(identifier: string): Promise<Stream> {
    return Readable.from(await this.readFileToBuffer(identifier));
  }
  deleteFile(identifier: string): Promise<void> {
    return fs.promises.rm(this.file(identifier), { force: true });
  }
  async fileExists(fileName: string): Promise<boolean> {
    return fs.existsSync(this.file(fileName));
  }
}

/** The preview is the source itself: resizing is the asset-server plugin's business, not ours. */
class SourceAsPreview implements AssetPreviewStrategy {
  generatePreviewImage(_ctx: unknown, _mimeType: string, data: Buffer): Promise<Buffer> {
    return Promise.resolve(data);
  }
}

/**
 * Vendure hashes passwords with bcrypt (12 rounds): a quarter of a second of CPU per login, at
 * every bootstrap and every test that signs in. A throwaway database needs no slow hash.
 */
class FastTestHashing implements PasswordHashingStrategy {
  hash(plaintext: string): Promise<string> {
    return Promise.resolve(crypto.createHash('sha256').update(plaintext).digest('hex'));
  }
  async check(plaintext: string, hash: string): Promise<boolean> {
    return (await this.hash(plaintext)) === hash;
  }
}

/**
 * The least a shop needs to take an order: one country and zone, a tax rate, a shipping method
 * and a payment method whose handler settles at once (Vendure's own dummy handler).
 */
const INITIAL_DATA: InitialData = {
  defaultLanguage: LanguageCode.en,
  defaultZone: 'Europe',
  countries: [{ name: 'Germany', code: 'DE', zone: 'Europe' }],
  taxRates: [{ name: 'Standard Tax', percentage: 19 }],
  shippingMethods: [{ name: 'Standard Shipping', price: SHIPPING_CENTS }],
  paymentMethods: [
    {
      name: 'Test payment',
      handler: {
        code: dummyPaymentHandler.code,
        arguments: [{ name: 'automaticSettle', value: 'true' }],
      },
    },
  ],
  collections: [],
};

export async function startVendureServer(): Promise<VendureTestServer> {
  // Vendure 3 sends anonymous usage data to telemetry.vendure.io from a running server and
  // writes `.vendure/.installation-id` into the working folder: neither belongs in a test run.
  process.env.VENDURE_DISABLE_TELEMETRY = 'true';
  const started = performance.now();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'rebound-vendure-'));
  const assetDir = path.join(dir, 'assets');
  await fs.promises.mkdir(assetDir);
  const host = '127.0.0.1';
  const config: VendureConfig = mergeConfig(defaultConfig, {
    // Port 0: the OS picks a free one, so parallel test files (and other people's) never clash.
    apiOptions: { hostname: host, port: 0, adminApiPath: 'admin-api', shopApiPath: 'shop-api' },
    authOptions: {
      tokenMethod: 'bearer',
      requireVerification: false,
      superadminCredentials: { identifier: SUPERADMIN.username, password: SUPERADMIN.password },
      cookieOptions: { secret: 'rebound-test' },
      passwordHashingStrategy: new FastTestHashing(),
    },
    // In memory: nothing to clean up, and the schema is built from the config at every start.
    dbConnectionOptions: { type: 'sqljs', synchronize: true, autoSave: false, logging: false },
    paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
    customFields: {
      ProductVariant: [
        {
          name: COMPARE_AT_FIELD,
          type: 'int',
          nullable: true,
          public: true,
          label: [{ languageCode: LanguageCode.en, value: 'Original price (minor units)' }],
        },
      ],
    },
    assetOptions: {
      assetStorageStrategy: new FolderAssetStorage(assetDir),
      assetPreviewStrategy: new SourceAsPreview(),
    },
    logger: process.env.LOG ? new DefaultLogger({ level: LogLevel.Info }) : new NoopLogger(),
  });
  let app: INestApplication;
  try {
    app = await bootstrap(config);
  } catch (error) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await fs.promises.rm(dir, { recursive: true, force: true });
  };
  try {
    await populateInitialData(app, INITIAL_DATA);
    const address = app.getHttpServer().address() as AddressInfo;
    const base = `http://${host}:${address.port}`;
    const adminApiUrl = `${base}/admin-api`;
    const adminToken = await login(adminApiUrl, SUPERADMIN.username, SUPERADMIN.password);
    // A European shop in euros: listed prices include VAT, so the price Rebound sets is what a
    // buyer pays.
    const updated = await gql<{ updateChannel: { __typename: string; message?: string } }>(
      adminApiUrl,
      adminToken,
      UPDATE_CHANNEL,
      {
        input: {
          id: await defaultChannelId(adminApiUrl, adminToken),
          pricesIncludeTax: true,
          defaultCurrencyCode: 'EUR',
          availableCurrencyCodes: ['EUR'],
        },
      },
    );
    if (updated.updateChannel.__typename !== 'Channel') {
      throw new Error(`Vendure test setup: ${updated.updateChannel.message ?? 'updateChannel failed'}`);
    }
    return {
      adminApiUrl,
      shopApiUrl: `${base}/shop-api`,
      host: address.address,
      port: address.port,
      startupMs: Math.round(performance.now() - started),
      assetDir,
      adminToken,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

const UPDATE_CHANNEL = `mutation TestUpdateChannel($input: UpdateChannelInput!) {
  updateChannel(input: $input) { __typename ... on ErrorResult { message } }
}`;

async function defaultChannelId(url: string, token: string): Promise<string> {
  const data = await gql<{ activeChannel: { id: string } }>(
    url,
    token,
    `query TestActiveChannel { activeChannel { id } }`,
  );
  return data.activeChannel.id;
}

/** Logs in through a Vendure API and returns the bearer token from `vendure-auth-token`. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation TestLogin($u: String!, $p: String!) {
        login(username: $u, password: $p) { __typename ... on ErrorResult { message } }
      }`,
      variables: { u: username, p: password },
    }),
  });
  const body = (await response.json()) as { data?: { login?: { __typename: string; message?: string } } };
  const token = response.headers.get('vendure-auth-token');
  if (body.data?.login?.__typename !== 'CurrentUser' || !token) {
    throw new Error(`Vendure test login failed: ${JSON.stringify(body)}`);
  }
  return token;
}

/**
 * One GraphQL call for the tests' own checks and the shop flow. A `token` of null calls as
 * anonymous; the answer's `vendure-auth-token` (a shop session) is handed to `onToken`.
 */
export async function gql<T = Record<string, unknown>>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  onToken?: (token: string) => void,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const issued = response.headers.get('vendure-auth-token');
  if (issued && onToken) onToken(issued);
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`Vendure answered ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}
