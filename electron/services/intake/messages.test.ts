import { describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { renderMessage } from '../../../shared/messages/render';
import { addMerchant, addProduct, base64, call, tempWorkspace } from '../../../tests/support/intake';

/**
 * The intake desk in French: a refusal at the desk, a scan hint and an import's refused rows
 * arrive as codes from a real workspace, and read as a French desk person would write them.
 */

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('intake messages', () => {
  test('a return dated before its delivery is refused with both dates in the reader’s format', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    const lock = await addProduct(ws, { merchantId: velo, sku: 'VS-LOCK', title: 'Lock' });
    const error = await refusal(
      call(ws, 'intake.receive', { productId: lock, deliveredAt: '2025-03-10', receivedAt: '2025-03-02' }),
    );
    expect(error.code).toBe('bad_input');
    expect(error.text?.code).toBe('intake.dates_out_of_order');
    expect(renderMessage(error.text!, 'fr')).toBe(
      'Le retour ne peut pas arriver (2 mars 2025) avant que le client ait reçu la marchandise (10 mars 2025). Vérifiez les deux dates.',
    );
    expect(renderMessage(error.text!, 'de')).toBe(
      'Die Retoure kann nicht eingehen (2. März 2025), bevor der Kunde die Ware erhalten hat (10. März 2025). Prüfen Sie beide Daten.',
    );
  });

  test('a scan that finds nothing says why, in French, beside the English hint', async () => {
    const ws = await tempWorkspace();
    const result = await call(ws, 'intake.scan', { text: '4006381333932' });
    expect(result).toMatchObject({ kind: 'unknown', looksLike: 'order' });
    if (result.kind !== 'unknown') throw new Error('expected an unknown scan');
    expect(result.hint).toBe(
      'Not a valid EAN/GTIN (its check digit should be 1); no order has this reference either.',
    );
    expect(renderMessage(result.hintText!, 'fr')).toBe(
      'Ce n’est pas un EAN/GTIN valable (son chiffre de contrôle devrait être 1) ; aucune commande n’a non plus cette référence.',
    );
  });

  test('refused rows of a return-notice import give every reason, joined, in French', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    await addProduct(ws, { merchantId: velo, sku: 'VS-LOCK', title: 'Lock' });
    const file = [
      'order_reference;sku;original_price;delivered_at;received_at',
      'A-1;VS-LOCK;;2025-03-01;2025-03-04',
      ';VS-LOCK;-12,00;31/02/2025;2025-03-04',
      'A-3;NEW-Z;;;2025-03-04',
    ].join('\n');
    const report = await call(ws, 'intake.importReturns', { base64: base64(file), merchantId: velo });
    expect(report.imported).toBe(1);
    const [second, third] = report.errors;
    expect(second).toMatchObject({
      line: 3,
      reason:
        'missing order reference; original price: negative amount “-12,00”: a price cannot be below zero; delivered_at: “31/02/2025” is not a real date',
    });
    expect(renderMessage(second!.text!, 'fr')).toBe(
      'numéro de commande manquant ; prix d’origine : montant négatif « -12,00 » : un prix ne peut pas être inférieur à zéro ; delivered_at : « 31/02/2025 » n’est pas une date qui existe',
    );
    expect(renderMessage(third!.text!, 'fr')).toBe(
      'SKU « NEW-Z » inconnu pour Velo Shop : ajoutez-le au catalogue, ou indiquez title et original_price dans la ligne pour le créer',
    );
  });

  test('a merchant whose name is taken is refused in German with the screens’ word', async () => {
    const ws = await tempWorkspace();
    await addMerchant(ws, { name: 'Velo Shop' });
    const error = await refusal(
      call(ws, 'merchants.create', {
        name: 'Velo Shop',
        currency: 'EUR',
        language: 'de',
        returnWindowDays: 14,
        address: '',
      }),
    );
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'A merchant named “Velo Shop” already exists.',
    });
    expect(renderMessage(error.text!, 'de')).toBe('Ein Händler namens „Velo Shop“ existiert bereits.');
  });
});
