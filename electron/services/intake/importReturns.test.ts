import { describe, expect, test } from 'vitest';
import type { ServerEvent } from '../../../shared/contract';
import type { Workspace } from '../workspace';
import {
  addMerchant,
  addProduct,
  base64,
  call,
  tempWorkspace,
  windows1252,
} from '../../../tests/support/intake';
import { renderMessage } from '../../../shared/messages/render';

async function desk(ws: Workspace) {
  const velo = await addMerchant(ws, { name: 'Velo Shop', returnWindowDays: 30 });
  const claire = await addMerchant(ws, { name: 'Maison Claire' });
  const helmet = await addProduct(ws, {
    merchantId: velo,
    sku: 'VS-HELM-01',
    title: 'Bike helmet',
    ean: '4006381333931',
  });
  const lock = await addProduct(ws, { merchantId: velo, sku: 'VS-LOCK-7', title: 'Folding lock' });
  return { velo, claire, helmet, lock };
}

const items = (ws: Workspace) =>
  ws.kysely
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .select([
      'items.reference',
      'items.order_reference',
      'items.order_line',
      'products.sku',
      'items.return_reason',
      'items.return_note',
      'items.delivered_at',
      'items.received_at',
      'items.window_result',
      'items.status',
    ])
    .orderBy('items.id')
    .execute();

const lines = (...rows: string[]) => `${rows.join('\r\n')}\r\n`;

describe('importing return notices', () => {
  test('a plain UTF-8 comma file: items created, window checked, unknown SKUs created from the row', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const file = lines(
      'merchant,order_reference,order_line,sku,title,original_price,return_reason,delivered_at,received_at',
      'Velo Shop,WEB-1001,1,VS-HELM-01,,,changed_mind,2025-03-03,2025-03-10',
      'Velo Shop,WEB-1001,2,VS-LOCK-7,,,Too small,2025-03-03,2025-03-20',
      'Velo Shop,WEB-1002,1,VS-LAMP-2,Bike lamp,"1,234.50",,2025-03-01,2025-05-01',
    );
    const report = await call(ws, 'intake.importReturns', { base64: base64(file) });
    expect(report).toEqual({
      encoding: 'utf-8',
      separator: ',',
      rows: 3,
      imported: 3,
      skipped: 0,
      productsCreated: 1,
      errors: [],
    });
    expect(await items(ws)).toEqual([
      {
        reference: 'RB-000001',
        order_reference: 'WEB-1001',
        order_line: 1,
        sku: 'VS-HELM-01',
        return_reason: 'changed_mind',
        return_note: '',
        delivered_at: '2025-03-03',
        received_at: '2025-03-10',
        window_result: 'within_legal',
        status: 'received',
      },
      {
        reference: 'RB-000002',
        order_reference: 'WEB-1001',
        order_line: 2,
        sku: 'VS-LOCK-7',
        return_reason: 'wrong_size',
        return_note: 'Too small',
        delivered_at: '2025-03-03',
        received_at: '2025-03-20',
        window_result: 'within_merchant',
        status: 'received',
      },
      {
        reference: 'RB-000003',
        order_reference: 'WEB-1002',
        order_line: 1,
        sku: 'VS-LAMP-2',
        return_reason: null,
        return_note: '',
        delivered_at: '2025-03-01',
        received_at: '2025-05-01',
        window_result: 'outside',
        status: 'received',
      },
    ]);
    const lamp = await ws.kysely
      .selectFrom('products')
      .select(['title', 'original_cents', 'merchant_id'])
      .where('sku', '=', 'VS-LAMP-2')
      .executeTakeFirstOrThrow();
    expect(lamp).toEqual({ title: 'Bike lamp', original_cents: 123450, merchant_id: d.velo });
    const events = await ws.kysely.selectFrom('events').select('kind').orderBy('id').execute();
    expect(events.map((e) => e.kind)).toEqual([
      'item.received',
      'item.received',
      'product.created',
      'item.received',
      'import.returns',
    ]);
  });

  test('a Windows-1252 semicolon file from a German Excel: accents, €, decimal commas, dd.mm.yyyy', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const file = lines(
      'Bestellnummer;Position;Artikelnummer;Bezeichnung;Preis;Rücksendegrund;Lieferdatum;Eingangsdatum',
      'B-77;1;VS-HELM-01;;;Größe passt nicht;03.03.2025;10.03.2025',
      'B-78;1;VS-NEU-1;Fahrradschloss „Stärke 3“ für Räder;1.299,90 €;Gefällt nicht;1.3.2025;4.3.2025',
    );
    const bytes = windows1252(file);
    const report = await call(ws, 'intake.importReturns', { base64: base64(bytes), merchantId: d.velo });
    expect(report).toMatchObject({ encoding: 'windows-1252', separator: ';', imported: 2, errors: [] });
    const product = await ws.kysely
      .selectFrom('products')
      .select(['title', 'original_cents'])
      .where('sku', '=', 'VS-NEU-1')
      .executeTakeFirstOrThrow();
    expect(product).toEqual({ title: 'Fahrradschloss „Stärke 3“ für Räder', original_cents: 129990 });
    const stored = await items(ws);
    expect(stored.map((i) => [i.return_reason, i.return_note, i.delivered_at, i.received_at])).toEqual([
      ['wrong_size', 'Größe passt nicht', '2025-03-03', '2025-03-10'],
      ['changed_mind', 'Gefällt nicht', '2025-03-01', '2025-03-04'],
    ]);
  });

  test('UTF-8 with a byte-order mark (Excel “CSV UTF-8”), French headers and dd/mm/yyyy', async () => {
    const ws = await tempWorkspace();
    await desk(ws);
    const file = lines(
      'Marchand;N° de commande;Référence;Désignation;Prix TTC;Motif du retour;Livré le;Reçu le',
      'Velo Shop;CMD-5;VS-LOCK-7;;;Couleur différente;01/03/2025;05/03/2025',
      'velo shop;CMD-6;VS-CASQUE;Casque vélo « Éclair »;89,90;;;',
    );
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(file)]);
    const report = await call(ws, 'intake.importReturns', { base64: base64(bytes) });
    expect(report).toMatchObject({
      encoding: 'utf-8',
      separator: ';',
      imported: 2,
      productsCreated: 1,
      errors: [],
    });
    const stored = await items(ws);
    expect(stored[0]).toMatchObject({ return_reason: 'not_as_described', delivered_at: '2025-03-01' });
    // No arrival date in the file: the day of the import.
    expect(stored[1]!.received_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(stored[1]!.window_result).toBe('unknown');
    const casque = await ws.kysely
      .selectFrom('products')
      .select('title')
      .where('sku', '=', 'VS-CASQUE')
      .executeTakeFirstOrThrow();
    expect(casque.title).toBe('Casque vélo « Éclair »');
  });

  test('good rows are imported and every bad row is reported with its physical line and reason', async () => {
    const ws = await tempWorkspace();
    await desk(ws);
    const file = [
      'merchant,order_reference,order_line,sku,title,original_price,delivered_at,received_at', // 1
      'Velo Shop,W-1,1,VS-HELM-01,,,2025-03-03,2025-03-10', // 2
      'Velo Shop,W-2,1,NEW-LAMP,"Lamp ""Aurora""', // 3
      'with a two-line title",49.90,2025-03-03,2025-03-12', // 4
      'Velo Shop,W-3,1,,Nameless,10.00,,', // 5 missing SKU
      '', // 6
      'Velo Shop,W-4,1,VS-LOCK-7,,,31/02/2025,2025-03-10', // 7 impossible date
      'Velo Shop,W-5,1,NEW-X,"Multi', // 8
      'line',
      'title",-12.00,,', // 10 (starts on 8) negative price
      'Nobody Ltd,W-6,1,VS-LOCK-7,,,,', // 11 unknown merchant
      'Velo Shop,W-7,1,NEW-Y,Thing,"1.234",,', // 12 ambiguous price
      'Velo Shop,W-8,1,NEW-Z,,,,', // 13 unknown SKU, nothing to create it from
      'Velo Shop,W-9,x,VS-LOCK-7,,,2025-03-05,2025-03-01', // 14 bad line, dates reversed
      ',W-10,1,VS-LOCK-7,,,,', // 15 missing merchant
      'Velo Shop,,1,VS-LOCK-7,,,,', // 16 missing order reference
      'Velo Shop,W-11,1,VS-LOCK-7,,abc,,', // 17 unparseable price
      'Velo Shop,W-12,1,VS-LOCK-7,,,2025-03-03,2025-03-04', // 18 good
    ].join('\n');
    const report = await call(ws, 'intake.importReturns', { base64: base64(file) });
    expect(report.imported).toBe(3);
    expect(report.rows).toBe(13);
    expect(report.errors.map((e) => e.line)).toEqual([5, 7, 8, 11, 12, 13, 14, 15, 16, 17]);
    const reason = (line: number) => report.errors.find((e) => e.line === line)?.reason;
    expect(reason(5)).toBe('missing SKU');
    expect(reason(7)).toMatch(/delivered_at: “31\/02\/2025” is not a real date/);
    expect(reason(8)).toMatch(/negative amount “-12.00”/);
    expect(reason(11)).toBe('unknown merchant “Nobody Ltd”');
    expect(reason(12)).toMatch(/ambiguous/);
    expect(reason(13)).toMatch(/unknown SKU “NEW-Z” for Velo Shop.*title and original_price/);
    expect(reason(14)).toMatch(/order line “x”.*received_at 2025-03-01 is before delivered_at 2025-03-05/);
    expect(reason(15)).toBe('missing merchant');
    expect(reason(16)).toBe('missing order reference');
    expect(reason(17)).toMatch(/“abc” is not an amount/);

    const lamp = await ws.kysely
      .selectFrom('products')
      .select('title')
      .where('sku', '=', 'NEW-LAMP')
      .executeTakeFirstOrThrow();
    expect(lamp.title).toBe('Lamp "Aurora"\nwith a two-line title');
    // Nothing half-written: refused rows left no product behind.
    const skus = await ws.kysely.selectFrom('products').select('sku').orderBy('id').execute();
    expect(skus.map((s) => s.sku)).toEqual(['VS-HELM-01', 'VS-LOCK-7', 'NEW-LAMP']);
  });

  test('importing the same file again creates nothing new', async () => {
    const ws = await tempWorkspace();
    await desk(ws);
    const file = lines(
      'merchant,order_reference,order_line,sku,title,original_price',
      'Velo Shop,WEB-1,1,VS-HELM-01,,',
      'Velo Shop,WEB-1,2,VS-HELM-01,,',
      'Velo Shop,WEB-2,,NEW-1,New thing,10.00',
      'Velo Shop,WEB-2,,NEW-1,New thing,10.00',
      'Velo Shop,WEB-3,1,VS-LOCK-7,,',
    );
    const first = await call(ws, 'intake.importReturns', { base64: base64(file) });
    // The fifth line repeats the fourth (same merchant, order, SKU and no line): one item.
    expect(first).toMatchObject({ imported: 4, skipped: 1, productsCreated: 1, errors: [] });
    const again = await call(ws, 'intake.importReturns', { base64: base64(file) });
    expect(again).toMatchObject({ imported: 0, skipped: 5, productsCreated: 0, errors: [] });
    expect(await items(ws)).toHaveLength(4);
    expect(await ws.kysely.selectFrom('products').select('id').execute()).toHaveLength(3);
  });

  test('text is stored exactly as given, formulas and markup included', async () => {
    const ws = await tempWorkspace();
    await desk(ws);
    const formula = '=HYPERLINK("http://evil.example","Click me")';
    const markup = '<img src=x onerror=alert(1)>';
    const file = lines(
      'merchant,order_reference,sku,title,original_price,return_reason',
      `Velo Shop,"${formula.replaceAll('"', '""')}",X-1,"${formula.replaceAll('"', '""')}",10,${markup}`,
      `Velo Shop,+cmd|' /C calc'!A0,X-2,${markup},10,@SUM(1+1)`,
    );
    const report = await call(ws, 'intake.importReturns', { base64: base64(file) });
    expect(report).toMatchObject({ imported: 2, errors: [] });
    const products = await ws.kysely
      .selectFrom('products')
      .select(['sku', 'title'])
      .where('sku', 'like', 'X-%')
      .execute();
    expect(products).toEqual([
      { sku: 'X-1', title: formula },
      { sku: 'X-2', title: markup },
    ]);
    const stored = await items(ws);
    expect(stored.map((i) => [i.order_reference, i.return_reason, i.return_note])).toEqual([
      [formula, 'other', markup],
      ["+cmd|' /C calc'!A0", 'other', '@SUM(1+1)'],
    ]);
  });

  test('with a merchant chosen for the file, rows naming another merchant are refused', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const file = lines(
      'merchant;order;sku',
      'Velo Shop;A-1;VS-LOCK-7',
      'Maison Claire;A-2;VS-LOCK-7',
      ';A-3;VS-LOCK-7',
    );
    const report = await call(ws, 'intake.importReturns', { base64: base64(file), merchantId: d.velo });
    expect(report.imported).toBe(2);
    expect(report.errors).toMatchObject([
      { line: 3, reason: 'the row is for merchant “Maison Claire”, but this import is for Velo Shop' },
    ]);
    expect(renderMessage(report.errors[0]!.text!, 'fr')).toBe(
      'la ligne concerne le marchand « Maison Claire », mais cet import est pour Velo Shop',
    );
  });

  test('columns can be chosen by hand; a file lacking a required column is refused before anything is read', async () => {
    const ws = await tempWorkspace();
    const d = await desk(ws);
    const odd = lines('Ticket;Code produit interne;Quand', 'T-1;VS-LOCK-7;2025-03-04');
    await expect(
      call(ws, 'intake.importReturns', { base64: base64(odd), merchantId: d.velo }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('no column for: order reference (order_reference) and SKU (sku)'),
    });
    const report = await call(ws, 'intake.importReturns', {
      base64: base64(odd),
      merchantId: d.velo,
      mapping: { order_reference: 'Ticket', sku: 'Code produit interne', received_at: 'Quand' },
    });
    expect(report).toMatchObject({ imported: 1, errors: [] });
    await expect(
      call(ws, 'intake.importReturns', { base64: base64(odd), merchantId: d.velo, mapping: { sku: 'Nope' } }),
    ).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('“Nope”') });
    const noMerchant = lines('order;sku', 'A-1;VS-LOCK-7');
    await expect(call(ws, 'intake.importReturns', { base64: base64(noMerchant) })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('merchant'),
    });
  });

  test('a quote never closed refuses the file and imports nothing', async () => {
    const ws = await tempWorkspace();
    await desk(ws);
    const file = lines(
      'merchant,order,sku,title',
      'Velo Shop,A-1,VS-LOCK-7,ok',
      'Velo Shop,A-2,VS-LOCK-7,"broken',
    );
    await expect(call(ws, 'intake.importReturns', { base64: base64(file) })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringContaining('past line 2'),
    });
    expect(await items(ws)).toHaveLength(0);
  });

  test('a large file is written in batches, with progress', async () => {
    const ws = await tempWorkspace();
    await desk(ws);
    const rows = ['merchant,order_reference,order_line,sku,title,original_price,received_at'];
    for (let i = 1; i <= 1200; i++) {
      rows.push(`Velo Shop,BULK-${i},1,SKU-${i % 40},Product ${i % 40},${(i % 90) + 10}.99,2025-03-10`);
    }
    const progress: ServerEvent[] = [];
    ws.onEvent((event) => {
      if (event.type === 'progress') progress.push(event);
    });
    const started = Date.now();
    const report = await call(ws, 'intake.importReturns', { base64: base64(rows.join('\n')) });
    expect(report).toMatchObject({ rows: 1200, imported: 1200, productsCreated: 40, errors: [] });
    expect(progress).toEqual([
      { type: 'progress', task: 'import', done: 500, total: 1200 },
      { type: 'progress', task: 'import', done: 1000, total: 1200 },
      { type: 'progress', task: 'import', done: 1200, total: 1200 },
      { type: 'progress', task: 'import', done: 1200, total: 1200 },
    ]);
    expect(Date.now() - started).toBeLessThan(20_000);
    const last = await ws.kysely
      .selectFrom('items')
      .select('reference')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.reference).toBe('RB-001200');
  });
});

describe('previewing a file', () => {
  test('shows the encoding, separator, header, first rows and a suggested mapping', async () => {
    const file = lines(
      'Bestellnummer;Artikelnummer;Bezeichnung;Preis;Notiz (Prüfung)',
      'B-1;A-1;"Zwei',
      'Zeilen";12,50;x',
      'B-2;A-2;Eins;9,99;y',
      ';;;;',
    );
    const preview = await call(await tempWorkspace(), 'intake.previewImport', {
      base64: base64(windows1252(file)),
      rows: 5,
    });
    expect(preview).toEqual({
      encoding: 'windows-1252',
      bom: false,
      separator: ';',
      header: ['Bestellnummer', 'Artikelnummer', 'Bezeichnung', 'Preis', 'Notiz (Prüfung)'],
      rows: [
        { line: 2, fields: ['B-1', 'A-1', 'Zwei\nZeilen', '12,50', 'x'] },
        { line: 4, fields: ['B-2', 'A-2', 'Eins', '9,99', 'y'] },
      ],
      rowCount: 2,
      mapping: {
        order_reference: 'Bestellnummer',
        sku: 'Artikelnummer',
        title: 'Bezeichnung',
        original_price: 'Preis',
      },
      missing: [],
      unmapped: ['Notiz (Prüfung)'],
    });
    const products = await call(await tempWorkspace(), 'intake.previewImport', {
      text: 'SKU,EAN\nA,4006381333931\n',
      kind: 'products',
    });
    expect(products).toMatchObject({
      encoding: 'utf-8',
      separator: ',',
      missing: ['title', 'original_price'],
    });
  });
});
