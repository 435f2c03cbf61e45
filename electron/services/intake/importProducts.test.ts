import { describe, expect, test } from 'vitest';
import {
  addMerchant,
  addProduct,
  base64,
  call,
  tempWorkspace,
  windows1252,
} from '../../../tests/support/intake';
import { renderMessage } from '../../../shared/messages/render';

describe('importing a product catalogue', () => {
  test('creates new products, updates changed ones, and a second import changes nothing', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    await addProduct(ws, { merchantId: velo, sku: 'VS-LOCK-7', title: 'Lock', originalCents: 2999 });
    const file = [
      'Artikelnummer;EAN;Marke;Bezeichnung;Preis;Zubehör',
      'VS-HELM-01;4006381333931;Abus;Fahrradhelm Größe M;59,99;Anleitung | Visier',
      'VS-LOCK-7;;;Faltschloss "Bordo";34,90 €;',
      'VS-BELL;;;Klingel;"1.234";',
      ';;;Ohne Nummer;5,00;',
      'VS-PUMP;4006381333932;;Pumpe;19,99;',
      'VS-NEW;;;;;',
    ].join('\r\n');
    const report = await call(ws, 'products.import', { base64: base64(windows1252(file)), merchantId: velo });
    expect(report).toMatchObject({
      encoding: 'windows-1252',
      separator: ';',
      rows: 6,
      created: 1,
      updated: 1,
      unchanged: 0,
    });
    expect(report.errors).toMatchObject([
      { line: 4, reason: expect.stringMatching(/^original price: “1.234” is ambiguous/) },
      { line: 5, reason: 'missing SKU', text: { code: 'intake.row.missing_sku' } },
      { line: 6, reason: expect.stringContaining('check) digit should be 1') },
      { line: 7, reason: 'new product VS-NEW needs title and original_price' },
    ]);
    // The desk reads the same reasons in its own language.
    const french = report.errors.map((error) => renderMessage(error.text!, 'fr'));
    expect(french[0]).toMatch(/^prix d’origine : « 1.234 » est ambigu : ce peut être 1234/);
    expect(french[1]).toBe('SKU manquant');
    expect(french[2]).toMatch(/son dernier chiffre \(de contrôle\) devrait être 1/);
    expect(french[3]).toBe('le nouveau produit VS-NEW nécessite title et original_price');
    expect(renderMessage(report.errors[3]!.text!, 'de')).toBe(
      'das neue Produkt VS-NEW braucht title und original_price',
    );
    const helmet = await ws.kysely
      .selectFrom('products')
      .select(['title', 'brand', 'ean', 'original_cents', 'accessories'])
      .where('sku', '=', 'VS-HELM-01')
      .executeTakeFirstOrThrow();
    expect(helmet).toEqual({
      title: 'Fahrradhelm Größe M',
      brand: 'Abus',
      ean: '4006381333931',
      original_cents: 5999,
      accessories: JSON.stringify(['Anleitung', 'Visier']),
    });
    const lock = await ws.kysely
      .selectFrom('products')
      .select(['title', 'original_cents'])
      .where('sku', '=', 'VS-LOCK-7')
      .executeTakeFirstOrThrow();
    expect(lock).toEqual({ title: 'Faltschloss "Bordo"', original_cents: 3490 });

    const again = await call(ws, 'products.import', { base64: base64(windows1252(file)), merchantId: velo });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const kinds = await ws.kysely.selectFrom('events').select('kind').orderBy('id').execute();
    expect(kinds.map((k) => k.kind)).toEqual([
      'product.created',
      'product.updated',
      'import.products',
      'import.products',
    ]);
  });

  test('refuses a file without a SKU column, and a price in another currency', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    await expect(
      call(ws, 'products.import', { base64: base64('title,price\nLamp,10\n'), merchantId: velo }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('no SKU column') });
    const report = await call(ws, 'products.import', {
      base64: base64('sku,title,price,currency\nA,Lamp,10.00,USD\nB,Lamp,10.00,eur\n'),
      merchantId: velo,
    });
    expect(report).toMatchObject({
      created: 1,
      errors: [{ line: 2, reason: 'the price is in USD, but Velo Shop works in EUR' }],
    });
  });
});
