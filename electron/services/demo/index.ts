import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { DemoSummary } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import type { Database } from '../db/schema';
import { recordEvent } from '../events';
import { makePrivateDirAsync } from '../paths';
import type { Workspace } from '../workspace';
import { hashPassword } from '../accounts/passwords';
import { DEMO_MERCHANT, DEMO_PRODUCTS, DEMO_PROFILES, type DemoProfile } from './catalogue';
import { renderPhoto, type RenderedPhoto } from './images';
import { buildDemoPlan, isVisible, type PlannedItem, type PlannedPhoto } from './plan';
import { DEMO_POLICY } from './pricing';
import { say } from '../../../shared/messages';

/**
 * The demo workspace: one sample merchant with a few dozen returns at every stage of their life,
 * with photos, prices, listings, sales and history, so that a new user (or a trainee, or a test)
 * can walk through every screen without typing anything first. It is what `rebound demo` and the
 * start screen's "Open the demo workspace" run.
 */

const DAY = 86_400_000;

async function assertEmpty(db: Kysely<Database> | Transaction<Database>): Promise<void> {
  const merchants = await db
    .selectFrom('merchants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('profiles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  // The demo's people have documented passwords: they must never join a workspace with real ones.
  if (Number(merchants.n) > 0 || Number(items.n) > 0 || Number(people.n) > 0) {
    throw new AppError('conflict', say('workspace.demo_not_empty'));
  }
}

/** Renders every planned photo, a few at a time: sharp works on libuv's threads, not this one. */
async function renderAll(plan: readonly PlannedItem[]): Promise<Map<PlannedPhoto, RenderedPhoto>> {
  const jobs: { item: PlannedItem; photo: PlannedPhoto }[] = plan.flatMap((item) =>
    item.photos.map((photo) => ({ item, photo })),
  );
  const rendered = new Map<PlannedPhoto, RenderedPhoto>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { item, photo } = jobs[next++]!;
      rendered.set(
        photo,
        await renderPhoto({
          product: item.product,
          view: photo.view,
          reference: item.reference,
          seed: photo.seed,
          defects: item.defects.filter(isVisible),
          sealed: photo.sealed,
          boxBeside: photo.boxBeside,
          boxDamaged: photo.boxDamaged,
        }),
      );
    }
  };
  const parallel = Math.min(4, Math.max(2, os.availableParallelism()));
  await Promise.all(Array.from({ length: parallel }, worker));
  return rendered;
}

/**
 * Writes the photo files before the database transaction (the files are content-addressed, so
 * a file without a row is harmless) and returns the ones this call created, to remove them if
 * the transaction fails. Each file is written under a temporary name and renamed, so a crash
 * never leaves a half-written JPEG under a real hash.
 */
async function writePhotoFiles(ws: Workspace, photos: Iterable<RenderedPhoto>): Promise<string[]> {
  const created: string[] = [];
  for (const photo of photos) {
    for (const [variant, bytes] of [
      ['listing', photo.listing],
      ['thumb', photo.thumb],
    ] as const) {
      const file = ws.photoPath(photo.hash, variant);
      if (fs.existsSync(file)) continue;
      await makePrivateDirAsync(path.dirname(file));
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(temporary, bytes);
      await fs.promises.rename(temporary, file);
      created.push(file);
    }
  }
  return created;
}

export async function createDemoWorkspace(ws: Workspace, actor: Actor): Promise<DemoSummary> {
  // Checked before the slow part, and again inside the transaction in case something was
  // created meanwhile.
  await assertEmpty(ws.kysely);
  const now = new Date();
  const plan = buildDemoPlan(now);
  const rendered = await renderAll(plan);
  const created = await writePhotoFiles(ws, rendered.values());
  const passwords = new Map(
    await Promise.all(DEMO_PROFILES.map(async (p) => [p.key, await hashPassword(p.password)] as const)),
  );
  let merchantId: number;
  try {
    merchantId = await ws.kysely
      .transaction()
      .execute((trx) => writeDemo(trx, plan, rendered, passwords, actor, now));
  } catch (error) {
    await Promise.all(created.map((file) => fs.promises.rm(file, { force: true })));
    throw error;
  }
  ws.changed('items', 'merchants', 'people', 'settings');
  return { merchantId, items: plan.length, photos: rendered.size };
}

async function writeDemo(
  trx: Transaction<Database>,
  plan: readonly PlannedItem[],
  rendered: ReadonlyMap<PlannedPhoto, RenderedPhoto>,
  passwords: ReadonlyMap<DemoProfile['key'], string>,
  actor: Actor,
  now: Date,
): Promise<number> {
  await assertEmpty(trx);
  const iso = (ms: number) => new Date(ms).toISOString();
  // The shop joined Rebound a while before its oldest return in the demo.
  const setUpAt = iso(now.getTime() - 75 * DAY);

  const merchant = await trx
    .insertInto('merchants')
    .values({
      name: DEMO_MERCHANT.name,
      currency: DEMO_MERCHANT.currency,
      language: DEMO_MERCHANT.language,
      return_window_days: DEMO_MERCHANT.returnWindowDays,
      address: DEMO_MERCHANT.address,
      pricing_policy: JSON.stringify(DEMO_POLICY),
      fee_schedule: null,
      created_at: setUpAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const merchantId = merchant.id;

  const actors = new Map<DemoProfile['key'], Actor>();
  for (const profile of DEMO_PROFILES) {
    const row = await trx
      .insertInto('profiles')
      .values({
        name: profile.name,
        role: profile.role,
        merchant_id: profile.forMerchant ? merchantId : null,
        pin_hash: null,
        password_hash: passwords.get(profile.key)!,
        disabled_at: null,
        created_at: setUpAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (profile.forMerchant) {
      await trx
        .insertInto('profile_merchants')
        .values({ profile_id: row.id, merchant_id: merchantId })
        .execute();
    }
    actors.set(profile.key, {
      profileId: row.id,
      name: profile.name,
      role: profile.role,
      merchantIds: profile.forMerchant ? [merchantId] : [],
    });
  }
  const actorFor = (key: DemoProfile['key']) => actors.get(key)!;

  await recordEvent(trx, actorFor('admin'), {
    merchantId,
    kind: 'merchant.created',
    text: say('intake.merchant_created', { name: DEMO_MERCHANT.name }),
    data: DEMO_MERCHANT,
    at: setUpAt,
  });

  const productIds = new Map<string, number>();
  for (const product of DEMO_PRODUCTS) {
    const row = await trx
      .insertInto('products')
      .values({
        merchant_id: merchantId,
        sku: product.sku,
        ean: product.ean,
        brand: product.brand,
        model: product.model,
        title: product.title,
        description: product.description,
        ebay_category_id: null,
        original_cents: product.originalCents,
        accessories: JSON.stringify(product.accessories),
        created_at: setUpAt,
        updated_at: setUpAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    productIds.set(product.key, row.id);
  }

  for (const item of plan) {
    const s = item.scenario;
    const graded = item.grade !== null;
    const { id: itemId } = await trx
      .insertInto('items')
      .values({
        reference: item.reference,
        merchant_id: merchantId,
        product_id: productIds.get(item.product.key)!,
        order_reference: item.orderReference,
        order_line: item.orderLine,
        return_reason: s.reason,
        return_note: s.note,
        delivered_at: item.deliveredAt,
        received_at: item.receivedAt,
        window_result: item.windowResult,
        grade: item.grade,
        packaging: item.packaging,
        functional_test: item.functionalTest,
        factory_reset: graded && s.reset === true ? 1 : 0,
        cleaned: graded && s.cleaned === true ? 1 : 0,
        repackaged: graded && s.repackaged === true ? 1 : 0,
        accessories_missing: JSON.stringify(graded ? (s.missing ?? []) : []),
        status: item.status,
        disposition: item.disposition,
        graded_at: item.gradedAt,
        created_at: item.receivedAt,
        updated_at: item.updatedAt,
        // Every recorded change bumped the version once.
        version: item.events.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const photoIds: number[] = [];
    for (const [position, photo] of item.photos.entries()) {
      const file = rendered.get(photo)!;
      const row = await trx
        .insertInto('photos')
        .values({
          item_id: itemId,
          hash: file.hash,
          position,
          is_main: position === 0 ? 1 : 0,
          width: file.width,
          height: file.height,
          bytes: file.listing.length,
          warnings: '[]',
          source: 'demo',
          original_name: null,
          deleted_at: null,
          created_at: photo.takenAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      photoIds.push(row.id);
    }

    for (const [position, defect] of item.defects.entries()) {
      const shownIn = item.photos.findIndex((p) => p.showsDefect === position);
      await trx
        .insertInto('defects')
        .values({
          item_id: itemId,
          position,
          kind: defect.kind,
          location: defect.location,
          size_mm: defect.sizeMm,
          severity: defect.severity,
          note: defect.note,
          photo_id: shownIn >= 0 ? photoIds[shownIn]! : null,
        })
        .execute();
    }

    const price = item.price;
    if (price) {
      await trx
        .insertInto('prices')
        .values({
          item_id: itemId,
          currency: price.currency,
          original_cents: price.originalCents,
          proposed_cents: price.proposedCents,
          floor_cents: price.floorCents,
          net_cents: price.netCents,
          steps: JSON.stringify(price.steps),
          policy_version: 1,
          decision: price.decision,
          decided_by: price.decidedBy ? actorFor(price.decidedBy).profileId : null,
          decided_at: price.decidedAt,
          reason: price.reason,
          created_at: price.createdAt,
        })
        .execute();
    }

    if (item.listing) {
      const l = item.listing;
      await trx
        .insertInto('listings')
        .values({
          item_id: itemId,
          channel: 'practice',
          status: l.status,
          // Listings are idempotent by SKU: the item's own reference is its SKU on every channel.
          remote_sku: item.reference,
          remote_offer_id: null,
          remote_listing_id: l.remoteListingId,
          url: l.url,
          price_cents: l.priceCents,
          end_reason: l.endReason,
          last_error: null,
          created_at: l.createdAt,
          updated_at: l.updatedAt,
        })
        .execute();
    }

    if (item.sale) {
      const sale = item.sale;
      await trx
        .insertInto('sales')
        .values({
          item_id: itemId,
          merchant_id: merchantId,
          channel: 'practice',
          order_id: sale.orderId,
          line_id: sale.lineId,
          sold_at: sale.soldAt,
          currency: DEMO_MERCHANT.currency,
          price_cents: sale.priceCents,
          shipping_cents: sale.shippingCents,
          fees_cents: sale.feesCents,
          // The practice marketplace reports no real fees: these are the policy's estimate.
          fees_estimated: 1,
          vat_cents: sale.vatCents,
          vat_rate_bp: sale.vatRateBp,
          vat_scheme: 'standard',
          buyer_country: sale.buyerCountry,
          kind: 'sale',
          reverses_sale_id: null,
          created_at: sale.soldAt,
        })
        .execute();
    }

    for (const event of item.events) {
      await recordEvent(trx, actorFor(event.by), {
        itemId,
        merchantId,
        kind: event.kind,
        text: event.text,
        data: event.data,
        at: event.at,
      });
    }
  }

  await recordEvent(trx, actor, {
    merchantId,
    kind: 'workspace.demo_created',
    text: say('workspace.demo_created', { count: plan.length, merchant: DEMO_MERCHANT.name }),
    data: { items: plan.length, photos: rendered.size },
    at: now.toISOString(),
  });

  // The start screen and the top bar label a demo workspace as such (settings.isDemoWorkspace).
  await trx
    .insertInto('settings')
    .values({ key: 'demo', value: JSON.stringify(true) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(true) }))
    .execute();

  return merchantId;
}
