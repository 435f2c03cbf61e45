import { describe, expect, test } from 'vitest';
import type { ItemDetail } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { renderMessage } from '../../../shared/messages/render';
import { addMerchant, addProduct, call, tempWorkspace } from '../../../tests/support/intake';

/**
 * An item's day in French and German: received from an order, graded, a refused regrade, its
 * return facts corrected, sent back to the merchant. Every line of its history and every refusal
 * arrives as a code from a real workspace and reads in the reader's language.
 */

const grading = (item: ItemDetail) => ({
  itemId: item.id,
  version: item.version,
  grade: 'defective' as const,
  packaging: 'opened_intact' as const,
  functionalTest: 'failed' as const,
  factoryReset: false,
  cleaned: true,
  repackaged: false,
  accessoriesMissing: [],
  defects: [],
});

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('items messages', () => {
  test('an item’s history and refusals read in French and German', async () => {
    const ws = await tempWorkspace();
    const velo = await addMerchant(ws, { name: 'Velo Shop' });
    const lamp = await addProduct(ws, { merchantId: velo, sku: 'VS-LAMP', title: 'Bike lamp' });
    const received = await call(ws, 'intake.receive', {
      productId: lamp,
      orderReference: '100234',
      orderLine: 2,
      receivedAt: '2025-03-04',
    });
    const graded = await call(ws, 'intake.grade', grading(received));

    // A stale form is refused with both versions, in the reader's language.
    const stale = await refused(call(ws, 'intake.grade', { ...grading(received), cleaned: false }));
    expect(stale).toMatchObject({ code: 'conflict', text: { code: 'items.conflict' } });
    expect(renderMessage(stale.text!, 'fr')).toBe(
      `Quelqu’un d’autre a modifié l’article ${received.reference} pendant que vous le modifiiez (vous êtes parti de la version 1, il en est à la version 2). Rechargez l’article pour voir ses modifications, puis enregistrez à nouveau.`,
    );

    const facts = await call(ws, 'intake.updateReturnFacts', {
      itemId: graded.id,
      version: graded.version,
      returnReason: 'arrived_damaged',
      returnNote: 'Box crushed',
    });
    const gone = await call(ws, 'intake.setDisposition', {
      itemId: facts.id,
      version: facts.version,
      disposition: 'return_to_merchant',
    });

    // Once sent back, its disposition is final.
    const again = await refused(
      call(ws, 'intake.setDisposition', { itemId: gone.id, version: gone.version, disposition: 'destroy' }),
    );
    expect(again.message).toBe(
      `Item ${received.reference} is already “Returned to merchant”; its disposition cannot change.`,
    );
    expect(renderMessage(again.text!, 'de')).toBe(
      `Artikel ${received.reference} ist bereits „An Händler zurück“; über ihn kann nicht mehr anders entschieden werden.`,
    );

    const lines = [...gone.events].reverse().map((e) => ({ kind: e.kind, english: e.summary, text: e.text }));
    expect(lines.map((l) => l.kind)).toEqual([
      'item.received',
      'item.graded',
      'item.return_facts',
      'item.disposition',
    ]);
    expect(lines.map((l) => l.english)).toEqual([
      `Received ${received.reference}, VS-LAMP (order 100234 line 2)`,
      'Graded Defective',
      'Return facts changed: return reason and return note',
      'Defective item returned to the merchant',
    ]);
    expect(lines.map((l) => renderMessage(l.text!, 'fr'))).toEqual([
      `${received.reference} réceptionné, VS-LAMP (commande 100234, ligne 2)`,
      'Contrôlé : Défectueux',
      'Informations de retour modifiées : motif de retour et remarque sur le retour',
      'Article défectueux renvoyé au marchand',
    ]);
    expect(renderMessage(lines[2]!.text!, 'de')).toBe(
      'Retourendaten geändert: Retourengrund und Anmerkung zur Retoure',
    );
  });
});
