import crypto from 'node:crypto';
import type { Channel, ItemStatus, Language, ListingStatus, Role } from '../../shared/domain/status';
import type { DefectKind, DefectSeverity, Grade, ReturnReason } from '../../shared/domain/grades';
import type { PriceStep } from '../../shared/contract';
import { hashPassword } from '../../electron/services/accounts/passwords';
import type { Workspace } from '../../electron/services/workspace';

/**
 * Small, explicit test data written with plain Kysely inserts, so the service tests depend on
 * nothing but the schema (not on the demo generator, nor on services they are not testing).
 */

const CREATED_AT = '2026-03-01T08:00:00.000Z';

/** A stable, valid photo content hash (64 hex digits) derived from a readable label. */
export function photoHash(label: string): string {
  return crypto.createHash('sha256').update(label).digest('hex');
}

export interface MerchantSeed {
  readonly name: string;
  readonly currency?: string;
  readonly language?: Language;
  readonly returnWindowDays?: number;
}

export async function addMerchant(ws: Workspace, seed: MerchantSeed): Promise<number> {
  const row = await ws.kysely
    .insertInto('merchants')
    .values({
      name: seed.name,
      currency: seed.currency ?? 'EUR',
      language: seed.language ?? 'en',
      return_window_days: seed.returnWindowDays ?? 14,
      address: '',
      created_at: CREATED_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ProductSeed {
  readonly merchantId: number;
  readonly sku: string;
  readonly title: string;
  readonly ean?: string | null;
  readonly brand?: string | null;
  readonly model?: string | null;
  readonly originalCents?: number;
  readonly accessories?: readonly string[];
}

export async function addProduct(ws: Workspace, seed: ProductSeed): Promise<number> {
  const row = await ws.kysely
    .insertInto('products')
    .values({
      merchant_id: seed.merchantId,
      sku: seed.sku,
      ean: seed.ean ?? null,
      brand: seed.brand ?? null,
      model: seed.model ?? null,
      title: seed.title,
      description: '',
      original_cents: seed.originalCents ?? 4999,
      accessories: JSON.stringify(seed.accessories ?? []),
      created_at: CREATED_AT,
      updated_at: CREATED_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ItemSeed {
  readonly merchantId: number;
  readonly productId: number;
  readonly reference: string;
  readonly receivedAt?: string;
  readonly grade?: Grade | null;
  readonly status?: ItemStatus;
  readonly orderReference?: string | null;
  readonly orderLine?: number | null;
  readonly returnReason?: ReturnReason | null;
  readonly gradedAt?: string | null;
  readonly updatedAt?: string;
  readonly accessoriesMissing?: readonly string[];
  readonly factoryReset?: boolean;
}

export async function addItem(ws: Workspace, seed: ItemSeed): Promise<number> {
  const receivedAt = seed.receivedAt ?? CREATED_AT;
  const row = await ws.kysely
    .insertInto('items')
    .values({
      reference: seed.reference,
      merchant_id: seed.merchantId,
      product_id: seed.productId,
      order_reference: seed.orderReference ?? null,
      order_line: seed.orderLine ?? null,
      return_reason: seed.returnReason ?? null,
      received_at: receivedAt,
      grade: seed.grade ?? null,
      graded_at: seed.gradedAt ?? null,
      status: seed.status ?? 'received',
      accessories_missing: JSON.stringify(seed.accessoriesMissing ?? []),
      factory_reset: seed.factoryReset ? 1 : 0,
      created_at: receivedAt,
      updated_at: seed.updatedAt ?? receivedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A person, as an admin would add them. Without a password they cannot sign in (the tests that
 * act through `{ via: 'person' }` need none); hashing one costs the real KDF's time.
 */
export async function addProfile(
  ws: Workspace,
  seed: {
    readonly name: string;
    readonly role: Role;
    readonly merchantIds?: readonly number[];
    readonly password?: string;
  },
): Promise<number> {
  const merchantIds = seed.role === 'approver' ? (seed.merchantIds ?? []) : [];
  const row = await ws.kysely
    .insertInto('profiles')
    .values({
      name: seed.name,
      role: seed.role,
      merchant_id: merchantIds[0] ?? null,
      password_hash: seed.password === undefined ? null : await hashPassword(seed.password),
      created_at: CREATED_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const merchantId of merchantIds) {
    await ws.kysely
      .insertInto('profile_merchants')
      .values({ profile_id: row.id, merchant_id: merchantId })
      .execute();
  }
  return row.id;
}

export async function addPhoto(
  ws: Workspace,
  itemId: number,
  seed: {
    readonly label: string;
    readonly position: number;
    readonly isMain?: boolean;
    readonly deletedAt?: string | null;
  },
): Promise<{ id: number; hash: string }> {
  const hash = photoHash(seed.label);
  const row = await ws.kysely
    .insertInto('photos')
    .values({
      item_id: itemId,
      hash,
      position: seed.position,
      is_main: seed.isMain ? 1 : 0,
      width: 1600,
      height: 1200,
      bytes: 250_000,
      source: 'file',
      original_name: `${seed.label}.jpg`,
      deleted_at: seed.deletedAt ?? null,
      created_at: CREATED_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, hash };
}

export async function addDefect(
  ws: Workspace,
  itemId: number,
  seed: {
    readonly position: number;
    readonly kind: DefectKind;
    readonly severity: DefectSeverity;
    readonly location?: string;
    readonly sizeMm?: number | null;
    readonly photoId?: number | null;
  },
): Promise<number> {
  const row = await ws.kysely
    .insertInto('defects')
    .values({
      item_id: itemId,
      position: seed.position,
      kind: seed.kind,
      severity: seed.severity,
      location: seed.location ?? '',
      size_mm: seed.sizeMm ?? null,
      photo_id: seed.photoId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addPrice(
  ws: Workspace,
  itemId: number,
  seed: {
    readonly originalCents: number;
    readonly proposedCents: number;
    readonly steps?: readonly PriceStep[];
    readonly decision?: 'pending' | 'approved' | 'auto_approved' | 'adjusted' | 'rejected';
    readonly decidedBy?: number | null;
    readonly createdAt?: string;
  },
): Promise<number> {
  const row = await ws.kysely
    .insertInto('prices')
    .values({
      item_id: itemId,
      currency: 'EUR',
      original_cents: seed.originalCents,
      proposed_cents: seed.proposedCents,
      floor_cents: Math.round(seed.originalCents * 0.3),
      net_cents: Math.round(seed.proposedCents * 0.85),
      steps: JSON.stringify(seed.steps ?? []),
      decision: seed.decision ?? 'pending',
      decided_by: seed.decidedBy ?? null,
      decided_at: seed.decidedBy ? CREATED_AT : null,
      created_at: seed.createdAt ?? CREATED_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addListing(
  ws: Workspace,
  itemId: number,
  seed: { readonly channel: Channel; readonly status: ListingStatus; readonly priceCents?: number },
): Promise<number> {
  const row = await ws.kysely
    .insertInto('listings')
    .values({
      item_id: itemId,
      channel: seed.channel,
      status: seed.status,
      price_cents: seed.priceCents ?? null,
      created_at: CREATED_AT,
      updated_at: CREATED_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addEvent(
  ws: Workspace,
  itemId: number,
  seed: { readonly kind: string; readonly summary: string; readonly at: string; readonly data?: unknown },
): Promise<number> {
  const row = await ws.kysely
    .insertInto('events')
    .values({
      item_id: itemId,
      at: seed.at,
      actor: 'Test desk',
      kind: seed.kind,
      summary: seed.summary,
      data: JSON.stringify(seed.data ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A returns desk after a few days of work: two merchants, four products and five returns in
 * different grades and states. References, dates and codes are chosen so that each filter,
 * sort and search in the tests has exactly one right answer.
 */
export async function seedReturnsDesk(ws: Workspace) {
  const velo = await addMerchant(ws, { name: 'Velo Shop', language: 'en' });
  const maison = await addMerchant(ws, { name: 'Maison Lumière', language: 'fr', returnWindowDays: 30 });

  const helmet = await addProduct(ws, {
    merchantId: velo,
    sku: 'VS-HELM-01',
    ean: '4006381333931',
    brand: 'Abus',
    model: 'Aduro 2.1',
    title: 'Bike helmet Aduro 2.1, size M',
    originalCents: 5999,
    accessories: ['visor', 'manual'],
  });
  const light = await addProduct(ws, {
    merchantId: velo,
    sku: 'VS-LIGHT-02',
    ean: '4008496989296',
    brand: 'Busch+Müller',
    model: 'IQ-X',
    title: 'Front light IQ-X 100 lux',
    originalCents: 8990,
  });
  const pump = await addProduct(ws, {
    merchantId: velo,
    sku: 'VS-PUMP-03',
    brand: 'Lezyne',
    title: 'Floor pump with gauge',
    originalCents: 4500,
  });
  const lamp = await addProduct(ws, {
    merchantId: maison,
    sku: 'ML-LAMP-10',
    ean: '3760123456789',
    brand: 'Lumière',
    title: 'Lampe de chevet en laiton',
    originalCents: 12900,
  });

  const items = {
    helmetOpened: await addItem(ws, {
      merchantId: velo,
      productId: helmet,
      reference: 'RB-000101',
      receivedAt: '2026-03-02T09:15:00.000Z',
      grade: 'opened_packaging',
      gradedAt: '2026-03-02T09:40:00.000Z',
      status: 'awaiting_approval',
      orderReference: 'WEB-5001',
      orderLine: 1,
      returnReason: 'changed_mind',
      updatedAt: '2026-03-02T10:00:00.000Z',
      accessoriesMissing: ['manual'],
      factoryReset: true,
    }),
    lightUsed: await addItem(ws, {
      merchantId: velo,
      productId: light,
      reference: 'RB-000102',
      receivedAt: '2026-03-03T14:30:00.000Z',
      grade: 'used',
      gradedAt: '2026-03-03T15:00:00.000Z',
      status: 'awaiting_approval',
      orderReference: 'WEB-5002',
      orderLine: 1,
      returnReason: 'not_as_described',
      updatedAt: '2026-03-03T16:00:00.000Z',
    }),
    pumpUngraded: await addItem(ws, {
      merchantId: velo,
      productId: pump,
      reference: 'RB-000103',
      receivedAt: '2026-03-05T23:59:59.000Z',
      status: 'received',
    }),
    helmetDefective: await addItem(ws, {
      merchantId: velo,
      productId: helmet,
      reference: 'RB-000104',
      receivedAt: '2026-03-06T08:00:00.000Z',
      grade: 'defective',
      gradedAt: '2026-03-06T08:30:00.000Z',
      status: 'destroyed',
      orderReference: 'WEB-5010',
      orderLine: 2,
      returnReason: 'defective_on_first_use',
    }),
    lampSealed: await addItem(ws, {
      merchantId: maison,
      productId: lamp,
      reference: 'RB-000105',
      receivedAt: '2026-03-01T10:00:00.000Z',
      grade: 'new_sealed',
      gradedAt: '2026-03-01T10:05:00.000Z',
      status: 'restocked',
      orderReference: 'CMD-77',
      orderLine: 1,
      returnReason: 'late_delivery',
    }),
  };
  return { merchants: { velo, maison }, products: { helmet, light, pump, lamp }, items };
}

export type ReturnsDesk = Awaited<ReturnType<typeof seedReturnsDesk>>;
