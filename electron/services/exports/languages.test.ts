import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { ExportSalesInput } from '../../../shared/contract/exports';
import type { Language } from '../../../shared/domain/status';
import { addItem, addMerchant, addProduct } from '../../../tests/integration/seed';
import { tempDir, tempWorkspace } from '../../../tests/integration/temp';
import { writeStatementPdf } from '../statements';
import type { Workspace } from '../workspace';
import { exportSales } from '.';

/**
 * December at Maison Lumière, read by its French bookkeeper and by a German one: a lamp sold on
 * eBay and refunded, a vase sold on the practice marketplace under the margin scheme. What leaves
 * the app — CSV, XLSX, journal and the monthly statement — is read back as its reader gets it.
 */

async function seedDecember(ws: Workspace, language: Language) {
  const merchantId = await addMerchant(ws, { name: 'Maison Lumière', language });
  await ws.kysely
    .updateTable('merchants')
    .set({ address: '12 rue des Tanneurs, 69002 Lyon, France' })
    .where('id', '=', merchantId)
    .execute();
  const lampProduct = await addProduct(ws, {
    merchantId,
    sku: 'LAMP-1',
    title: 'Lampe de bureau',
    originalCents: 15000,
  });
  const vaseProduct = await addProduct(ws, { merchantId, sku: 'VASE-1', title: 'Vase', originalCents: 9000 });
  const lamp = await addItem(ws, {
    merchantId,
    productId: lampProduct,
    reference: 'RB-1',
    status: 'sold',
    grade: 'used',
    receivedAt: '2026-11-20T09:00:00.000Z',
  });
  const vase = await addItem(ws, {
    merchantId,
    productId: vaseProduct,
    reference: 'RB-2',
    status: 'sold',
    grade: 'opened_packaging',
    receivedAt: '2026-11-20T09:00:00.000Z',
  });
  await ws.kysely.updateTable('items').set({ purchase_cents: 4000 }).where('id', '=', vase).execute();
  const sale = (values: {
    itemId: number;
    channel: string;
    orderId: string;
    soldAt: string;
    priceCents: number;
    feesCents: number;
    feesEstimated?: boolean;
    vatScheme?: 'standard' | 'margin';
    kind?: 'sale' | 'refund';
    reverses?: number;
  }) =>
    ws.kysely
      .insertInto('sales')
      .values({
        item_id: values.itemId,
        merchant_id: merchantId,
        channel: values.channel,
        order_id: values.orderId,
        line_id: '1',
        sold_at: values.soldAt,
        currency: 'EUR',
        price_cents: values.priceCents,
        shipping_cents: 495,
        fees_cents: values.feesCents,
        fees_estimated: values.feesEstimated ? 1 : 0,
        vat_rate_bp: 2000,
        vat_scheme: values.vatScheme ?? 'standard',
        buyer_country: 'FR',
        kind: values.kind ?? 'sale',
        reverses_sale_id: values.reverses ?? null,
        created_at: values.soldAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const lampSale = await sale({
    itemId: lamp,
    channel: 'ebay',
    orderId: 'O-1',
    soldAt: '2026-12-03T10:00:00.000Z',
    priceCents: 12000,
    feesCents: 1560,
  });
  await sale({
    itemId: vase,
    channel: 'practice',
    orderId: 'P-1',
    soldAt: '2026-12-07T15:30:00.000Z',
    priceCents: 6001,
    feesCents: 780,
    feesEstimated: true,
    vatScheme: 'margin',
  });
  // The lamp comes back: refunded with a positive amount, as channels write it.
  await sale({
    itemId: lamp,
    channel: 'ebay',
    orderId: 'O-1',
    soldAt: '2026-12-15T09:00:00.000Z',
    priceCents: 12000,
    feesCents: 1560,
    kind: 'refund',
    reverses: lampSale.id,
  });
  return merchantId;
}

const DECEMBER = { from: '2026-12-01', to: '2026-12-31' } as const;

function readCsv(file: string, delimiter: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { bom: true, delimiter, columns: true }) as Record<string, string>[];
}

describe('sales exports speak the bookkeeper’s language', () => {
  test('CSV: French and German words and days in the cells, amounts still plain numbers; English as before', async () => {
    const ws = await tempWorkspace();
    await seedDecember(ws, 'fr');
    const csv = async (locale: Language) =>
      readCsv(
        (await exportSales(ws, ExportSalesInput.parse({ ...DECEMBER, format: 'csv', locale }))).file,
        locale === 'en' ? ',' : ';',
      );

    const fr = await csv('fr');
    expect(
      fr.map((r) => [r['Date'], r['Type'], r['Canal'], r['État'], r['Régime TVA'], r['Frais estimés']]),
    ).toEqual([
      ['03/12/2026', 'Vente', 'eBay', 'Occasion', 'Régime normal', 'non'],
      [
        '07/12/2026',
        'Vente',
        'Place de marché d’entraînement',
        'Emballage ouvert',
        'Régime de la marge',
        'oui',
      ],
      ['15/12/2026', 'Remboursement', 'eBay', 'Occasion', 'Régime normal', 'non'],
    ]);
    // The refund stays a number a French spreadsheet adds up.
    expect(fr[2]!['Prix']).toBe('-120,00');

    const de = await csv('de');
    expect(
      de.map((r) => [
        r['Datum'],
        r['Art'],
        r['Kanal'],
        r['Zustand'],
        r['USt-Regelung'],
        r['Gebühren geschätzt'],
      ]),
    ).toEqual([
      ['03.12.2026', 'Verkauf', 'eBay', 'Gebraucht', 'Regelbesteuerung', 'nein'],
      ['07.12.2026', 'Verkauf', 'Übungsmarktplatz', 'Verpackung geöffnet', 'Differenzbesteuerung', 'ja'],
      ['15.12.2026', 'Erstattung', 'eBay', 'Gebraucht', 'Regelbesteuerung', 'nein'],
    ]);
    expect(de[2]!['Preis']).toBe('-120,00');

    // English keeps the codes and ISO days its files always had.
    const en = await csv('en');
    expect(en.map((r) => [r['Date'], r['Type'], r['Channel'], r['Grade'], r['VAT scheme']])).toEqual([
      ['2026-12-03', 'sale', 'ebay', 'used', 'standard'],
      ['2026-12-07', 'sale', 'practice', 'opened_packaging', 'margin'],
      ['2026-12-15', 'refund', 'ebay', 'used', 'standard'],
    ]);
  });

  test('XLSX: a sheet named in the language, real date cells in the local format, translated words', async () => {
    const ws = await tempWorkspace();
    await seedDecember(ws, 'fr');
    for (const [locale, sheetName, dateFormat, words] of [
      ['fr', 'Ventes', 'dd/mm/yyyy', ['Remboursement', 'Occasion', 'Régime normal', 'eBay']],
      ['de', 'Verkäufe', 'dd.mm.yyyy', ['Erstattung', 'Gebraucht', 'Regelbesteuerung', 'eBay']],
      ['en', 'Sales', 'yyyy-mm-dd', ['refund', 'used', 'standard', 'ebay']],
    ] as const) {
      const result = await exportSales(ws, ExportSalesInput.parse({ ...DECEMBER, format: 'xlsx', locale }));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(result.file);
      const sheet = book.getWorksheet(sheetName);
      expect(sheet, `${locale}: sheet ${sheetName}`).toBeDefined();
      const header = (sheet!.getRow(1).values as unknown[]).slice(1);
      const refund = sheet!.getRow(4);
      const date = refund.getCell(1);
      expect(date.type).toBe(ExcelJS.ValueType.Date);
      expect((date.value as Date).toISOString()).toBe('2026-12-15T00:00:00.000Z');
      expect(date.numFmt).toBe(dateFormat);
      const at = (index: number) => refund.getCell(index + 1).value;
      const cells = [1, 19, 16, 6].map(at);
      expect(cells, locale).toEqual(words);
      expect(header.length).toBe(21);
    }
  });

  test('journal: labels in the language, days kept ISO for the accounting import', async () => {
    const ws = await tempWorkspace();
    await seedDecember(ws, 'fr');
    const journal = async (locale: Language) =>
      readCsv(
        (await exportSales(ws, ExportSalesInput.parse({ ...DECEMBER, format: 'journal', locale }))).file,
        locale === 'en' ? ',' : ';',
      );
    const fr = await journal('fr');
    expect(fr.every((l) => /^2026-12-\d{2}$/.test(l['Date']!))).toBe(true);
    const frLabels = fr.map((l) => l['Libellé']);
    expect(frLabels).toContain('Vente RB-1 (eBay, commande O-1)\u00a0: montant dû par le canal');
    expect(frLabels).toContain(
      'Vente RB-2 (Place de marché d’entraînement, commande P-1)\u00a0: marchandises, régime de la marge',
    );
    expect(frLabels).toContain('Remboursement RB-1 (eBay, commande O-1)\u00a0: frais retenus par le canal');
    expect(frLabels.filter((l) => l!.endsWith('TVA collectée'))).toHaveLength(3);

    const de = await journal('de');
    const deLabels = de.map((l) => l['Buchungstext']);
    expect(deLabels).toContain('Erstattung RB-1 (eBay, Bestellung O-1): Forderung gegen den Kanal');
    expect(deLabels).toContain(
      'Verkauf RB-2 (Übungsmarktplatz, Bestellung P-1): Waren, Differenzbesteuerung',
    );
    expect(de.every((l) => /^2026-12-\d{2}$/.test(l['Datum']!))).toBe(true);

    // The English journal reads exactly as it did.
    const en = await journal('en');
    expect(en.map((l) => l['Description'])).toContain(
      'Sale RB-1 (ebay order O-1): amount due from the channel',
    );
    expect(en.map((l) => l['Description'])).toContain('Sale RB-2 (practice order P-1): goods, margin scheme');
  });
});

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The statement's text as pdftotext extracts it, spaces (no-break ones too) collapsed. */
async function statementText(language: Language): Promise<{ text: string; file: string }> {
  const ws = await tempWorkspace();
  const merchantId = await seedDecember(ws, language);
  const result = await writeStatementPdf(
    ws,
    { merchantId, month: '2026-12' },
    { file: path.join(tempDir(), `statement-${language}.pdf`), now: new Date('2027-01-07T09:00:00Z') },
  );
  const t = result.totals;
  // The fee split adds up, and the payout is reduced by the fee with its VAT.
  expect(t.serviceFeeNetCents + t.serviceFeeVatCents).toBe(t.serviceFeeCents);
  expect(t.netPayoutCents).toBe(t.grossCents - t.channelFeesCents - t.serviceFeeCents);
  const text = execFileSync('pdftotext', ['-layout', result.file, '-'], { encoding: 'utf8' });
  return { text: text.replaceAll(/\s+/gu, ' '), file: result.file };
}

describe('the monthly statement in the merchant’s language', () => {
  // Gross 60.01 (120.00 sold and refunded, 60.01 sold); fee 20 % = 12.00 before VAT, 2.40 VAT at
  // 20 %, 14.40 charged. Channel fees 7.80; payout 60.01 − 7.80 − 14.40 = 37.81.
  test.skipIf(!hasPoppler())(
    'French: days, channel names, dashes for minus, fee HT / TVA / TTC, schemes named',
    async () => {
      const { text } = await statementText('fr');
      expect(text).toContain('Émis le 7 janvier 2027');
      expect(text).toContain('Décembre 2026');
      expect(text).toMatch(/RB-1 Lampe de bureau 3 déc\. 2026 eBay 120,00 € 15,60 €/);
      expect(text).toMatch(/RB-2 Vase 7 déc\. 2026 Entraînement 60,01 € 7,80 €/);
      expect(text).toMatch(/RB-1 Remboursé : Lampe de bureau 15 déc\. 2026 eBay –120,00 € –15,60 €/);
      expect(text).not.toContain('practice');
      expect(text).toContain('FRAIS DE SERVICE · TVA : RÉGIME NORMAL');
      expect(text).toMatch(/Montant HT 12,00 €/);
      expect(text).toMatch(/TVA 20 % 2,40 €/);
      expect(text).toMatch(/Montant TTC 14,40 €/);
      expect(text).toMatch(/Frais de service TTC –14,40 €/);
      expect(text).toContain('TVA sur les ventes : régime normal et régime de la marge');
      expect(text).toMatch(/Frais des canaux –7,80 €/);
      expect(text).toMatch(/Versement net 37,81 €/);
      // No amount is left with a hyphen for its sign.
      expect(text).not.toMatch(/(?<![\w-])-\d/);
    },
  );

  test.skipIf(!hasPoppler())('German: the same statement as a German merchant reads it', async () => {
    const { text } = await statementText('de');
    expect(text).toContain('Ausgestellt am 7. Januar 2027');
    expect(text).toMatch(/RB-2 Vase 07\.12\.2026 Übung 60,01 € 7,80 €/);
    expect(text).toMatch(/Erstattet: Lampe de bureau 15\.12\.2026 eBay –120,00 € –15,60 €/);
    expect(text).toContain('SERVICEGEBÜHR · UST: REGELBESTEUERUNG');
    expect(text).toMatch(/Netto 12,00 €/);
    expect(text).toMatch(/USt 20 % 2,40 €/);
    expect(text).toMatch(/Brutto 14,40 €/);
    expect(text).toMatch(/Servicegebühr brutto –14,40 €/);
    expect(text).toContain('USt auf die Verkäufe: Regelbesteuerung und Differenzbesteuerung');
    expect(text).toMatch(/Nettoauszahlung 37,81 €/);
    expect(text).not.toMatch(/(?<![\w-])-\d/);
  });

  test.skipIf(!hasPoppler())('English: names the channel and splits the fee too', async () => {
    const { text } = await statementText('en');
    expect(text).toMatch(/RB-2 Vase 7 Dec 2026 Practice €60\.01 €7\.80/);
    expect(text).toMatch(/Refund: Lampe de bureau 15 Dec 2026 eBay –€120\.00 –€15\.60/);
    expect(text).toMatch(/Excl\. VAT €12\.00/);
    expect(text).toMatch(/VAT 20% €2\.40/);
    expect(text).toMatch(/Service fee incl\. VAT –€14\.40/);
    expect(text).toContain('VAT on the sales: standard scheme and margin scheme');
    expect(text).toMatch(/Net payout €37\.81/);
  });
});
