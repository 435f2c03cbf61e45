import { z } from 'zod';
import type { ItemDetail, Photo } from '../contract/items';
import { AppError } from '../errors';
import { say } from '../messages';
import {
  DEFECT_KINDS,
  DEFECT_SEVERITIES,
  FUNCTIONAL_TESTS,
  GRADES,
  PACKAGING_STATES,
} from '../domain/grades';

/**
 * Everything a draft may say, and nothing else: the product as the merchant's catalogue has it,
 * the item as staff recorded it at grading, and the proposed price. Every sentence of a draft
 * points back at the pieces of this it came from (`FactKey`).
 */

const cents = z.number().int().safe().nonnegative();
const typed = (max: number) => z.string().max(max);

export const DraftDefectSchema = z
  .object({
    /** The recorded defect's id: the sentence about it carries the fact `defect:<id>`. */
    id: z.number().int().nonnegative(),
    /** The order staff recorded it in (1-based): breaks ties between equally important defects. */
    position: z.number().int().nonnegative(),
    kind: z.enum(DEFECT_KINDS),
    /** Where on the product, as staff typed it ("lid", "Deckel"…). */
    location: typed(200),
    sizeMm: z.number().finite().nonnegative().nullable(),
    severity: z.enum(DEFECT_SEVERITIES),
    /** Staff's own words: untrusted text, always shown as text. */
    note: typed(2000),
    /** 1-based position of the photo showing it among the listing's photos (see `listingPhotoOrder`). */
    photoPosition: z.number().int().positive().nullable().optional(),
  })
  .strict();

export const DraftFactsSchema = z
  .object({
    product: z
      .object({
        brand: typed(200).nullable(),
        model: typed(200).nullable(),
        title: typed(1000),
        /** Plain text from the merchant's catalogue; blank lines separate paragraphs. */
        description: typed(20_000),
        originalCents: cents,
        currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR'),
      })
      .strict(),
    item: z
      .object({
        grade: z.enum(GRADES),
        /** null: not recorded, so nothing is said about it. */
        packaging: z.enum(PACKAGING_STATES).nullable(),
        accessoriesExpected: z.array(typed(200)).max(100),
        accessoriesMissing: z.array(typed(200)).max(100),
        functionalTest: z.enum(FUNCTIONAL_TESTS),
        factoryReset: z.boolean(),
        cleaned: z.boolean(),
        repackaged: z.boolean(),
        defects: z.array(DraftDefectSchema).max(200),
      })
      .strict(),
    /** null: not priced yet, so the shop description shows no price. */
    proposedCents: cents.nullable(),
  })
  .strict();

export type DraftDefect = z.infer<typeof DraftDefectSchema>;
export type DraftFacts = z.infer<typeof DraftFactsSchema>;
export type DraftItem = DraftFacts['item'];
export type DraftProduct = DraftFacts['product'];

/**
 * The order photos go to a listing in: the main photo first (eBay and the shops show the first
 * picture as the gallery image), then the others by their position. Descriptions number photos
 * in this order ("see photo 3"), so the listing code must send them in this order too.
 */
export function listingPhotoOrder(photos: readonly Photo[]): Photo[] {
  return [...photos].sort((a, b) => Number(b.isMain) - Number(a.isMain) || a.position - b.position);
}

/**
 * The facts of an item as the API returns it; the catalogue description is not part of ItemDetail.
 * An ungraded item has nothing to describe yet.
 */
export function draftFactsFromItem(item: ItemDetail, productDescription: string): DraftFacts {
  if (item.grade === null) {
    throw new AppError('bad_input', say('descriptions.not_graded_facts', { reference: item.reference }));
  }
  const photoNumber = new Map(listingPhotoOrder(item.photos).map((photo, index) => [photo.id, index + 1]));
  return {
    product: {
      brand: item.brand,
      model: item.model,
      title: item.title,
      description: productDescription,
      originalCents: item.originalCents,
      currency: item.currency,
    },
    item: {
      grade: item.grade,
      packaging: item.packaging,
      accessoriesExpected: [...item.accessoriesExpected],
      accessoriesMissing: [...item.accessoriesMissing],
      functionalTest: item.functionalTest,
      factoryReset: item.factoryReset,
      cleaned: item.cleaned,
      repackaged: item.repackaged,
      defects: item.defects.map((defect, index) => ({
        id: defect.id,
        position: index + 1,
        kind: defect.kind,
        location: defect.location,
        sizeMm: defect.sizeMm,
        severity: defect.severity,
        note: defect.note,
        photoPosition: defect.photoId === null ? null : (photoNumber.get(defect.photoId) ?? null),
      })),
    },
    proposedCents: item.price?.proposedCents ?? null,
  };
}
