import { describe, expect, test } from 'vitest';
import { addMerchant, addProduct, call, tempWorkspace } from '../../../tests/support/intake';
import { type StoredMessage } from '../../../shared/messages';
import { englishText, renderMessage } from '../../../shared/messages/render';

describe('the product catalogue', () => {
  test('creates, lists and searches a merchant’s products', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    const other = await addMerchant(ws, { name: 'Maison Claire' });
    await addProduct(ws, { merchantId: other, sku: 'MC-1', title: 'Lamp' });
    const created = await call(ws, 'products.create', {
      merchantId: velo,
      sku: 'VS-HELM-01',
      ean: '4006381333931',
      brand: 'Abus',
      model: 'Aduro 2.1',
      title: 'Bike helmet Aduro 2.1, size M',
      originalCents: 5999,
      accessories: ['Manual', 'Visor', 'manual'],
    });
    expect(created).toMatchObject({
      merchantId: velo,
      merchantName: 'Velo Shop',
      currency: 'EUR',
      sku: 'VS-HELM-01',
      accessories: ['Manual', 'Visor'],
      itemCount: 0,
    });
    await call(ws, 'products.create', {
      merchantId: velo,
      sku: 'VS-LOCK',
      title: 'Folding lock',
      originalCents: 3999,
    });

    const all = await call(ws, 'products.list', { merchantId: velo });
    expect(all.total).toBe(2);
    expect(all.rows.map((p) => p.sku)).toEqual(['VS-HELM-01', 'VS-LOCK']);
    expect((await call(ws, 'products.list', { merchantId: velo, search: 'aduro' })).rows).toHaveLength(1);
    expect(
      (await call(ws, 'products.list', { merchantId: velo, search: '4006381333931' })).rows,
    ).toHaveLength(1);
    expect((await call(ws, 'products.list', { merchantId: velo, search: '%' })).rows).toHaveLength(0);

    const events = await ws.kysely.selectFrom('events').select(['kind', 'merchant_id']).execute();
    expect(events).toEqual([
      { kind: 'product.created', merchant_id: velo },
      { kind: 'product.created', merchant_id: velo },
    ]);
  });

  test('refuses a duplicate SKU, an invalid EAN and a negative price', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    await addProduct(ws, { merchantId: velo, sku: 'A', title: 'A' });
    await expect(
      call(ws, 'products.create', { merchantId: velo, sku: 'A', title: 'again', originalCents: 100 }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      call(ws, 'products.create', {
        merchantId: velo,
        sku: 'B',
        title: 'b',
        originalCents: 100,
        ean: '4006381333932',
      }),
    ).rejects.toMatchObject({ code: 'bad_input' });
    await expect(
      call(ws, 'products.create', { merchantId: velo, sku: 'B', title: 'b', originalCents: -1 }),
    ).rejects.toMatchObject({ code: 'bad_input' });
  });

  test('an edit records a diff, and a stale edit is refused', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    const id = await addProduct(ws, { merchantId: velo, sku: 'VS-1', title: 'Helmet', originalCents: 5999 });
    const before = await call(ws, 'products.get', { id });
    const after = await call(ws, 'products.update', {
      id,
      updatedAt: before.updatedAt,
      title: 'Helmet Aduro',
      originalCents: 6499,
      accessories: ['Visor'],
    });
    expect(after).toMatchObject({ title: 'Helmet Aduro', originalCents: 6499, accessories: ['Visor'] });
    const event = await ws.kysely
      .selectFrom('events')
      .select(['kind', 'data'])
      .where('kind', '=', 'product.updated')
      .executeTakeFirstOrThrow();
    const data = JSON.parse(event.data) as { text: StoredMessage };
    expect(data).toEqual({
      productId: id,
      changes: {
        title: { before: 'Helmet', after: 'Helmet Aduro' },
        originalCents: { before: 5999, after: 6499 },
        accessories: { before: [], after: ['Visor'] },
      },
      text: expect.objectContaining({ code: 'intake.product_changed' }),
    });
    expect(englishText(data.text)).toMatch(/^Product .+ changed: title, original price and accessories$/);
    expect(renderMessage(data.text, 'fr')).toMatch(
      /^Produit .+ modifié : titre, prix d’origine et accessoires$/,
    );
    await expect(
      call(ws, 'products.update', { id, updatedAt: before.updatedAt, title: 'Lost update' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('editing a merchant', () => {
  test('a longer return window re-checks the window of items in progress', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    const lock = await addProduct(ws, { merchantId: velo, sku: 'VS-LOCK', title: 'Lock' });
    const late = await call(ws, 'intake.receive', {
      productId: lock,
      deliveredAt: '2025-03-03',
      receivedAt: '2025-03-25',
    });
    expect(late.windowResult).toBe('outside');

    const merchant = await call(ws, 'merchants.update', {
      id: velo,
      returnWindowDays: 30,
      address: 'Rue du Port 4',
    });
    expect(merchant).toMatchObject({ returnWindowDays: 30, address: 'Rue du Port 4' });
    const item = await ws.kysely
      .selectFrom('items')
      .select(['window_result', 'version'])
      .where('id', '=', late.id)
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ window_result: 'within_merchant', version: late.version + 1 });
    const kinds = await ws.kysely.selectFrom('events').select('kind').orderBy('id').execute();
    expect(kinds.map((k) => k.kind)).toEqual(['item.received', 'merchant.updated', 'item.window']);
    // The item's history says it in the reader's language, with the screens' words for windows.
    const history = await call(ws, 'items.get', { id: late.id });
    const window = history.events.find((e) => e.kind === 'item.window')!;
    expect(window.summary).toBe(
      'Return window re-checked after the merchant’s window became 30 days: Outside the window → Within merchant window',
    );
    expect(renderMessage(window.text!, 'fr')).toBe(
      'Délai de retour vérifié à nouveau, le délai du marchand étant passé à 30 jours : Hors délai → Dans le délai du marchand',
    );
  });

  test('refuses a name already taken and a currency change once items exist', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    await addMerchant(ws, { name: 'Maison Claire' });
    await expect(call(ws, 'merchants.update', { id: velo, name: 'maison claire' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await call(ws, 'merchants.update', { id: velo, currency: 'CHF' })).toMatchObject({
      currency: 'CHF',
    });
    const lock = await addProduct(ws, { merchantId: velo, sku: 'VS-LOCK', title: 'Lock' });
    await call(ws, 'intake.receive', { productId: lock });
    await expect(call(ws, 'merchants.update', { id: velo, currency: 'EUR' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await call(ws, 'merchants.update', { id: velo, name: 'Velo Shop Genève' })).toMatchObject({
      name: 'Velo Shop Genève',
    });
  });
});
