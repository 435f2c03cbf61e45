import type { StoredMessage } from '../messages';
import { z } from 'zod';
import type { EndReasonName } from './channels';
import {
  DEFECT_KINDS,
  DEFECT_SEVERITIES,
  FUNCTIONAL_TESTS,
  GRADES,
  PACKAGING_STATES,
  RETURN_REASONS,
  type DefectKind,
  type DefectSeverity,
  type FunctionalTest,
  type Grade,
  type PackagingState,
  type ReturnReason,
} from '../domain/grades';
import {
  ITEM_STATUSES,
  type Channel,
  type ItemStatus,
  type ListingStatus,
  type WindowResult,
} from '../domain/status';
import { ByIdInput, Id, IsoDate, Text, type Paged } from './common';
import { method } from './define';

export const ITEM_SORTS = ['received_desc', 'received_asc', 'reference', 'title', 'price_desc'] as const;

/**
 * The items list counts its matches up to this many and no further: an exact count of 700,000
 * matches costs a read of every one of them on every page, and nobody scrolls that far; they
 * narrow the search. Past it the list says "10,000+" and shows the first 10,000.
 */
export const ITEM_LIST_COUNT_LIMIT = 10_000;

export const ItemListInput = z
  .object({
    search: Text(200).optional(),
    grades: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
    statuses: z.array(z.enum(ITEM_STATUSES)).max(ITEM_STATUSES.length).optional(),
    merchantId: Id.optional(),
    receivedFrom: IsoDate.optional(),
    receivedTo: IsoDate.optional(),
    sort: z.enum(ITEM_SORTS).default('received_desc'),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

/** A page of the items list: `total` is exact unless `totalCapped`, when more items match. */
export interface ItemPage extends Paged<ItemSummary> {
  /** More than ITEM_LIST_COUNT_LIMIT items match; `total` is that limit. */
  readonly totalCapped: boolean;
}

export interface ItemSummary {
  readonly id: number;
  readonly reference: string;
  readonly merchantId: number;
  readonly merchantName: string;
  readonly currency: string;
  readonly sku: string;
  readonly title: string;
  readonly brand: string | null;
  readonly grade: Grade | null;
  readonly status: ItemStatus;
  readonly returnReason: ReturnReason | null;
  readonly receivedAt: string;
  readonly originalCents: number;
  readonly proposedCents: number | null;
  readonly defectCount: number;
  readonly mainPhotoHash: string | null;
  readonly windowResult: WindowResult;
}

export interface Defect {
  readonly id: number;
  readonly kind: DefectKind;
  readonly location: string;
  readonly sizeMm: number | null;
  readonly severity: DefectSeverity;
  readonly note: string;
  readonly photoId: number | null;
}

export interface Photo {
  readonly id: number;
  readonly hash: string;
  readonly position: number;
  readonly isMain: boolean;
  readonly width: number;
  readonly height: number;
  readonly warnings: readonly string[];
  readonly source: string;
  /** The file's name as the camera or the person gave it; null for photos made by Rebound. */
  readonly name: string | null;
}

export interface PriceStep {
  readonly code: string;
  readonly label: string;
  readonly deltaCents: number;
}

export interface PriceProposal {
  readonly id: number;
  readonly originalCents: number;
  readonly proposedCents: number;
  readonly floorCents: number;
  readonly netCents: number;
  readonly steps: readonly PriceStep[];
  readonly decision: 'pending' | 'approved' | 'auto_approved' | 'adjusted' | 'rejected';
  readonly decidedBy: string | null;
  readonly createdAt: string;
}

export interface Listing {
  readonly id: number;
  readonly channel: Channel;
  readonly status: ListingStatus;
  readonly url: string | null;
  readonly priceCents: number | null;
  readonly lastError: string | null;
  /** The same as a message in the reader's language (the remote's words verbatim inside); null for older rows. */
  readonly lastErrorText: StoredMessage | null;
  /** Why an ended listing ended: it sold there, sold on another channel, or was withdrawn. */
  readonly endReason: EndReasonName | null;
}

export interface ItemEvent {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly kind: string;
  /** The English line, as written when it happened. */
  readonly summary: string;
  /** What happened as a message, drawn in the reader's language; null for lines kept as English only. */
  readonly text: StoredMessage | null;
  readonly data: unknown;
}

export interface ItemDetail extends ItemSummary {
  readonly version: number;
  readonly productId: number;
  readonly ean: string | null;
  readonly model: string | null;
  readonly orderReference: string | null;
  readonly orderLine: number | null;
  readonly deliveredAt: string | null;
  readonly packaging: PackagingState | null;
  readonly functionalTest: FunctionalTest;
  readonly factoryReset: boolean;
  readonly cleaned: boolean;
  readonly repackaged: boolean;
  readonly accessoriesExpected: readonly string[];
  readonly accessoriesMissing: readonly string[];
  readonly disposition: string | null;
  readonly gradedAt: string | null;
  readonly defects: readonly Defect[];
  readonly photos: readonly Photo[];
  readonly price: PriceProposal | null;
  readonly listings: readonly Listing[];
  readonly events: readonly ItemEvent[];
}

export interface ItemCounts {
  readonly byStatus: Readonly<Partial<Record<ItemStatus, number>>>;
  readonly byGrade: Readonly<Partial<Record<Grade | 'ungraded', number>>>;
  readonly gradedToday: number;
  readonly total: number;
  /** Oldest item waiting for the merchant's decision, ISO timestamp. */
  readonly oldestAwaitingApproval: string | null;
}

export const ItemCountsInput = z.object({ merchantId: Id.optional() }).strict();

export const itemsContract = {
  'items.list': method<ItemPage>()(ItemListInput),
  'items.get': method<ItemDetail>()(ByIdInput),
  'items.getByReference': method<ItemDetail>()(z.object({ reference: Text(64).min(1) }).strict()),
  'items.counts': method<ItemCounts>()(ItemCountsInput),
} as const;

export { DEFECT_KINDS, DEFECT_SEVERITIES, FUNCTIONAL_TESTS, PACKAGING_STATES, RETURN_REASONS };
