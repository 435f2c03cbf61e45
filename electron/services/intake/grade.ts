import type { z } from 'zod';
import type { ItemDetail } from '../../../shared/contract';
import type { DispositionInput, GradeInput } from '../../../shared/contract/intake';
import type { DefectKind, DefectSeverity, Grade } from '../../../shared/domain/grades';
import type { ItemStatus } from '../../../shared/domain/status';
import { AppError, assertNever } from '../../../shared/errors';
import { reachesMerchant } from '../../../shared/access';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { recordEvent } from '../events';
import { getItem } from '../items';
import { proposeIfReady } from '../pricing/readiness';
import type { Workspace } from '../workspace';
import { conflictMessage, updateItemAt } from '../item-versions';
import { andList, diffFields, fieldList, parseJsonList } from './shared';
import { list, nested, say, term } from '../../../shared/messages';

type GradeParams = z.output<typeof GradeInput>;

/** Statuses in which the desk may (re)grade: before the merchant has been asked to approve. */
const GRADABLE: ReadonlySet<ItemStatus> = new Set([
  'received',
  'graded',
  'photographed',
  'priced',
  'rejected',
]);

/** Disposition of a defective item until the merchant decides. */
export const PENDING_DISPOSITION = 'pending';

/**
 * Where grading leaves the item. Defective goods are never priced: they wait for the merchant's
 * decision (disposition "pending"). Otherwise grading keeps the photo work already done, and sends a
 * priced or rejected item back to be priced again, since its price was computed from the old grade.
 */
export function statusAfterGrading(current: ItemStatus, grade: Grade, hasPhotos: boolean): ItemStatus {
  if (grade === 'defective') return 'graded';
  switch (current) {
    case 'received':
    case 'graded':
      return 'graded';
    case 'photographed':
      return 'photographed';
    case 'priced':
    case 'rejected':
      return hasPhotos ? 'photographed' : 'graded';
    default:
      // Refused before this point (GRADABLE); kept exhaustive so a new status is a decision.
      return current;
  }
}

interface StoredDefect {
  kind: DefectKind;
  location: string;
  sizeMm: number | null;
  severity: DefectSeverity;
  note: string;
  photoId: number | null;
}

export async function gradeItem(ws: Workspace, actor: Actor, input: GradeParams): Promise<ItemDetail> {
  let saved = false;
  await ws.kysely.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('items')
      .innerJoin('products', 'products.id', 'items.product_id')
      .select([
        'items.id',
        'items.reference',
        'items.version',
        'items.merchant_id',
        'items.status',
        'items.grade',
        'items.packaging',
        'items.functional_test',
        'items.factory_reset',
        'items.cleaned',
        'items.repackaged',
        'items.accessories_missing',
        'items.disposition',
        'products.sku',
        'products.accessories',
      ])
      .where('items.id', '=', input.itemId)
      .executeTakeFirst();
    if (!item) throw new AppError('not_found', say('items.not_found', { id: String(input.itemId) }));
    if (item.version !== input.version) {
      throw new AppError('conflict', conflictMessage(item.reference, input.version, item.version), {
        itemId: item.id,
        version: item.version,
      });
    }
    const status = item.status;
    if (!GRADABLE.has(status)) {
      throw new AppError(
        'conflict',
        say('items.not_gradable', { reference: item.reference, status: term('status', status) }),
      );
    }
    if (input.grade === 'new_sealed' && input.packaging !== 'sealed') {
      throw new AppError(
        'bad_input',
        say('items.sealed_mismatch', {
          condition: term('grade', 'new_sealed'),
          packaging: term('packaging', input.packaging),
        }),
      );
    }

    // Missing accessories must be among those the product comes with; stored in the catalogue's spelling.
    const expected = parseJsonList(item.accessories);
    const byKey = new Map(expected.map((name) => [name.toLocaleLowerCase('en'), name]));
    const unknown = input.accessoriesMissing.filter((name) => !byKey.has(name.toLocaleLowerCase('en')));
    if (unknown.length > 0) {
      throw new AppError(
        'bad_input',
        say('items.unknown_accessories', {
          count: unknown.length,
          names: nested(andList(unknown.map((name) => say('items.quoted', { name })))),
          sku: item.sku,
          expected: expected.length > 0 ? list(expected) : nested(say('items.no_accessories_expected')),
        }),
        { unknown, expected },
      );
    }
    const missingKeys = new Set(input.accessoriesMissing.map((n) => n.toLocaleLowerCase('en')));
    const accessoriesMissing = expected.filter((name) => missingKeys.has(name.toLocaleLowerCase('en')));

    const photos = await trx
      .selectFrom('photos')
      .select('id')
      .where('item_id', '=', item.id)
      .where('deleted_at', 'is', null)
      .execute();
    const photoIds = new Set(photos.map((p) => p.id));
    for (const [index, defect] of input.defects.entries()) {
      if (defect.photoId !== null && defect.photoId !== undefined && !photoIds.has(defect.photoId)) {
        throw new AppError(
          'bad_input',
          say('items.defect_photo_unknown', {
            number: index + 1,
            photo: String(defect.photoId),
            reference: item.reference,
          }),
        );
      }
    }

    const oldDefects = await trx
      .selectFrom('defects')
      .selectAll()
      .where('item_id', '=', item.id)
      .orderBy('position')
      .execute();
    const defectsBefore: StoredDefect[] = oldDefects.map((d) => ({
      kind: d.kind,
      location: d.location,
      sizeMm: d.size_mm,
      severity: d.severity,
      note: d.note,
      photoId: d.photo_id,
    }));
    const defectsAfter: StoredDefect[] = input.defects.map((d) => ({
      kind: d.kind,
      location: d.location,
      sizeMm: d.sizeMm ?? null,
      severity: d.severity,
      note: d.note,
      photoId: d.photoId ?? null,
    }));

    const nextStatus = statusAfterGrading(status, input.grade, photoIds.size > 0);
    const disposition =
      input.grade === 'defective'
        ? item.grade === 'defective'
          ? (item.disposition ?? PENDING_DISPOSITION)
          : PENDING_DISPOSITION
        : null;
    const before = {
      grade: item.grade,
      packaging: item.packaging,
      functionalTest: item.functional_test,
      factoryReset: item.factory_reset === 1,
      cleaned: item.cleaned === 1,
      repackaged: item.repackaged === 1,
      accessoriesMissing: parseJsonList(item.accessories_missing),
      defects: defectsBefore,
      status,
      disposition: item.disposition,
    };
    const after = {
      grade: input.grade,
      packaging: input.packaging,
      functionalTest: input.functionalTest,
      factoryReset: input.factoryReset,
      cleaned: input.cleaned,
      repackaged: input.repackaged,
      accessoriesMissing,
      defects: defectsAfter,
      status: nextStatus,
      disposition,
    };
    const changes = diffFields(before, after);
    // Saving an unchanged form writes nothing: no new version, no empty event in the history.
    if (Object.keys(changes).length === 0) return;

    const now = nowIso();
    await updateItemAt(
      trx,
      item,
      input.version,
      {
        grade: input.grade,
        packaging: input.packaging,
        functional_test: input.functionalTest,
        factory_reset: input.factoryReset ? 1 : 0,
        cleaned: input.cleaned ? 1 : 0,
        repackaged: input.repackaged ? 1 : 0,
        accessories_missing: JSON.stringify(accessoriesMissing),
        status: nextStatus,
        disposition,
        graded_at: now,
      },
      now,
    );
    if (changes.defects) {
      await trx.deleteFrom('defects').where('item_id', '=', item.id).execute();
      if (defectsAfter.length > 0) {
        await trx
          .insertInto('defects')
          .values(
            defectsAfter.map((d, position) => ({
              item_id: item.id,
              position,
              kind: d.kind,
              location: d.location,
              size_mm: d.sizeMm,
              severity: d.severity,
              note: d.note,
              photo_id: d.photoId,
            })),
          )
          .execute();
      }
    }
    const text =
      item.grade === null
        ? say('items.graded', { condition: term('grade', input.grade) })
        : changes.grade
          ? say('items.regraded', { before: term('grade', item.grade), after: term('grade', input.grade) })
          : say('items.grading_changed', { fields: nested(fieldList('items.field', Object.keys(changes))) });
    await recordEvent(trx, actor, {
      itemId: item.id,
      merchantId: item.merchant_id,
      kind: item.grade === null ? 'item.graded' : 'item.regraded',
      text,
      data: { changes },
      at: now,
    });
    saved = true;
  });
  ws.changed('items');
  // After the commit: a graded item with photos goes on to its proposal (queue or auto-approval).
  // An unchanged save asks for nothing new. Never throws: the grading stands whatever pricing says.
  if (saved) await proposeIfReady(ws, actor, input.itemId);
  return getItem(ws, input.itemId);
}

/**
 * Records the merchant's decision about a defective item: destroyed (recycled) or sent back.
 * Both end the item's life in Rebound.
 */
export async function setDisposition(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof DispositionInput>,
): Promise<ItemDetail> {
  await ws.kysely.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('items')
      .select(['id', 'reference', 'version', 'merchant_id', 'status', 'grade', 'disposition'])
      .where('id', '=', input.itemId)
      .executeTakeFirst();
    if (!item) throw new AppError('not_found', say('items.not_found', { id: String(input.itemId) }));
    if (!reachesMerchant(actor, item.merchant_id)) {
      throw new AppError('forbidden', say('items.other_merchant', { reference: item.reference }));
    }
    if (item.version !== input.version) {
      throw new AppError('conflict', conflictMessage(item.reference, input.version, item.version), {
        itemId: item.id,
        version: item.version,
      });
    }
    if (item.grade !== 'defective') {
      throw new AppError(
        'bad_input',
        item.grade === null
          ? say('items.disposition_not_graded', { reference: item.reference })
          : say('items.disposition_not_defective', {
              reference: item.reference,
              condition: term('grade', item.grade),
            }),
      );
    }
    if (item.status !== 'graded') {
      throw new AppError(
        'conflict',
        say('items.disposition_final', { reference: item.reference, status: term('status', item.status) }),
      );
    }
    let status: ItemStatus;
    switch (input.disposition) {
      case 'destroy':
        status = 'destroyed';
        break;
      case 'return_to_merchant':
        status = 'returned_to_merchant';
        break;
      default:
        assertNever(input.disposition, 'disposition');
    }
    const now = nowIso();
    await updateItemAt(trx, item, input.version, { status, disposition: input.disposition }, now);
    const changes = diffFields(
      { status: item.status, disposition: item.disposition },
      { status, disposition: input.disposition },
    );
    await recordEvent(trx, actor, {
      itemId: item.id,
      merchantId: item.merchant_id,
      kind: 'item.disposition',
      text:
        input.disposition === 'destroy'
          ? input.note
            ? say('items.to_destroy_note', { note: input.note })
            : say('items.to_destroy')
          : input.note
            ? say('items.returned_to_merchant_note', { note: input.note })
            : say('items.returned_to_merchant'),
      data: { changes, note: input.note ?? null },
      at: now,
    });
  });
  ws.changed('items');
  return getItem(ws, input.itemId);
}
