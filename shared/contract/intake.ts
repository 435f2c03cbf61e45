import { z } from 'zod';
import { isValidGtin } from '../domain/ean';
import {
  DEFECT_KINDS,
  DEFECT_SEVERITIES,
  FUNCTIONAL_TESTS,
  GRADES,
  PACKAGING_STATES,
  RETURN_REASONS,
} from '../domain/grades';
import { CURRENCIES } from '../domain/money';
import { isValidIsoDate } from '../domain/returnWindow';
import { LANGUAGES, type ItemStatus } from '../domain/status';
import { Id, IsoDate, NonNegativeCents, Text } from './common';
import { method } from './define';
import type { ItemDetail } from './items';
import type { StoredMessage } from '../messages';

/**
 * The intake desk: scanning, receiving a return, grading it, deciding what happens to defective
 * items, labels, the product catalogue and the import of return notices.
 */

/** A real calendar date (YYYY-MM-DD): 2025-02-31 passes the pattern but is refused here. */
export const CalendarDate = IsoDate.refine(isValidIsoDate, 'not a real calendar date');

export const Gtin = z
  .string()
  .trim()
  .refine(isValidGtin, 'not a valid EAN/GTIN (8, 12, 13 or 14 digits with a correct check digit)');

export const Sku = z.string().trim().min(1).max(64);

/** Expected accessories as the merchant names them ("charger", "USB-C cable"…). */
export const AccessoryList = z.array(z.string().trim().min(1).max(120)).max(50);

// ---------------------------------------------------------------------------------------------
// Products

export interface Product {
  readonly id: number;
  readonly merchantId: number;
  readonly merchantName: string;
  readonly currency: string;
  readonly sku: string;
  readonly ean: string | null;
  readonly brand: string | null;
  readonly model: string | null;
  readonly title: string;
  readonly description: string;
  readonly ebayCategoryId: string | null;
  readonly originalCents: number;
  readonly accessories: readonly string[];
  readonly itemCount: number;
  readonly createdAt: string;
  /** Also the optimistic-concurrency token for products.update. */
  readonly updatedAt: string;
}

export const ProductListInput = z
  .object({
    merchantId: Id,
    search: Text(200).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const ProductCreateInput = z
  .object({
    merchantId: Id,
    sku: Sku,
    ean: Gtin.nullable().optional(),
    brand: Text(120).nullable().optional(),
    model: Text(120).nullable().optional(),
    title: Text(300).min(1),
    description: Text(5000).default(''),
    ebayCategoryId: Text(20).nullable().optional(),
    originalCents: NonNegativeCents,
    accessories: AccessoryList.default([]),
  })
  .strict();

export const ProductUpdateInput = z
  .object({
    id: Id,
    /** The `updatedAt` the editor read: refused with `conflict` if someone saved in between. */
    updatedAt: z.string().max(40).optional(),
    merchantId: Id.optional(),
    sku: Sku.optional(),
    ean: Gtin.nullable().optional(),
    brand: Text(120).nullable().optional(),
    model: Text(120).nullable().optional(),
    title: Text(300).min(1).optional(),
    description: Text(5000).optional(),
    ebayCategoryId: Text(20).nullable().optional(),
    originalCents: NonNegativeCents.optional(),
    accessories: AccessoryList.optional(),
  })
  .strict();

export const MerchantUpdateInput = z
  .object({
    id: Id,
    name: z.string().trim().min(1).max(120).optional(),
    currency: z.enum(CURRENCIES).optional(),
    language: z.enum(LANGUAGES).optional(),
    returnWindowDays: z.number().int().min(14).max(365).optional(),
    address: z.string().trim().max(500).optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Scan

export const ScanInput = z
  .object({
    text: Text(200).min(1),
    /** The merchant the desk is working for, if any: product matches are limited to it. */
    merchantId: Id.optional(),
  })
  .strict();

/** An item found by a scan: enough to show a pick list without another call. */
export interface ScannedItem {
  readonly itemId: number;
  readonly reference: string;
  readonly merchantId: number;
  readonly merchantName: string;
  readonly sku: string;
  readonly title: string;
  readonly status: ItemStatus;
  readonly orderReference: string | null;
  readonly orderLine: number | null;
  readonly receivedAt: string;
}

export type ScanLooksLike = 'ean' | 'sku' | 'reference' | 'order';

export type ScanResult =
  /** A Rebound reference (RB-000123): open that item. */
  | {
      readonly kind: 'item';
      readonly itemId: number;
      readonly reference: string;
      readonly status: ItemStatus;
    }
  /** An order reference of known return notices: their items (one or more). */
  | { readonly kind: 'notice'; readonly orderReference: string; readonly items: readonly ScannedItem[] }
  /**
   * A product by EAN/GTIN or SKU: start a new item with `productId`. `alternatives` are the same
   * code in other merchants' catalogues; `openItems` are items of this product still waiting to
   * be graded (e.g. from an imported notice), which the desk may mean instead of a new item.
   */
  | {
      readonly kind: 'product';
      readonly matchedBy: 'ean' | 'sku';
      readonly productId: number;
      readonly merchantId: number;
      readonly product: Product;
      readonly alternatives: readonly Product[];
      readonly openItems: readonly ScannedItem[];
    }
  /** Nothing known: the UI offers to create the product (or to check the reference). */
  | {
      readonly kind: 'unknown';
      readonly text: string;
      readonly looksLike: ScanLooksLike;
      /** A sentence for the desk, e.g. why an EAN-shaped code was not taken as one (English). */
      readonly hint: string | null;
      /** The same sentence as a message, drawn in the reader's language. */
      readonly hintText?: StoredMessage | null;
    };

// ---------------------------------------------------------------------------------------------
// Receive, return facts, grading, disposition

export const ReceiveInput = z
  .object({
    productId: Id,
    orderReference: Text(100).min(1).nullable().optional(),
    orderLine: z.number().int().min(1).max(100_000).nullable().optional(),
    returnReason: z.enum(RETURN_REASONS).nullable().optional(),
    returnNote: Text(1000).optional(),
    /** Day the customer received the goods. */
    deliveredAt: CalendarDate.nullable().optional(),
    /** Day the return arrived; today (the desk's calendar) when absent. */
    receivedAt: CalendarDate.optional(),
  })
  .strict();

export const ReturnFactsInput = z
  .object({
    itemId: Id,
    version: z.number().int().positive(),
    orderReference: Text(100).min(1).nullable().optional(),
    orderLine: z.number().int().min(1).max(100_000).nullable().optional(),
    returnReason: z.enum(RETURN_REASONS).nullable().optional(),
    returnNote: Text(1000).optional(),
    deliveredAt: CalendarDate.nullable().optional(),
    receivedAt: CalendarDate.optional(),
  })
  .strict();

export const DefectInput = z
  .object({
    kind: z.enum(DEFECT_KINDS),
    location: Text(120).default(''),
    sizeMm: z.number().int().min(0).max(10_000).nullable().optional(),
    severity: z.enum(DEFECT_SEVERITIES),
    note: Text(1000).default(''),
    photoId: Id.nullable().optional(),
  })
  .strict();

export const GradeInput = z
  .object({
    itemId: Id,
    /** The item's `version` when the form was loaded: a mismatch means someone else saved. */
    version: z.number().int().positive(),
    grade: z.enum(GRADES),
    packaging: z.enum(PACKAGING_STATES),
    /** A subset of the product's expected accessories. */
    accessoriesMissing: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
    functionalTest: z.enum(FUNCTIONAL_TESTS),
    factoryReset: z.boolean(),
    cleaned: z.boolean(),
    repackaged: z.boolean(),
    /** The item's complete list of defects: it replaces the stored one. */
    defects: z.array(DefectInput).max(100).default([]),
  })
  .strict();

export const DISPOSITIONS = ['destroy', 'return_to_merchant'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const DispositionInput = z
  .object({
    itemId: Id,
    version: z.number().int().positive(),
    disposition: z.enum(DISPOSITIONS),
    note: Text(1000).optional(),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Labels

export const LABEL_SIZES = ['62x29mm', '4x6in', '100x50mm'] as const;
export type LabelSize = (typeof LABEL_SIZES)[number];

export const LabelInput = z.object({ itemId: Id, size: z.enum(LABEL_SIZES) }).strict();

export interface LabelPdf {
  readonly fileName: string;
  readonly mimeType: 'application/pdf';
  /** The PDF file, base64-encoded. */
  readonly base64: string;
  readonly widthPt: number;
  readonly heightPt: number;
}

// ---------------------------------------------------------------------------------------------
// Imports (return notices and product catalogues)

/** Columns of a return-notice file (docs/import-returns.md). */
export const RETURN_FIELDS = [
  'merchant',
  'order_reference',
  'order_line',
  'sku',
  'ean',
  'title',
  'brand',
  'model',
  'original_price',
  'currency',
  'return_reason',
  'delivered_at',
  'received_at',
] as const;
export type ReturnField = (typeof RETURN_FIELDS)[number];

/** Columns of a product catalogue file. */
export const PRODUCT_FIELDS = [
  'sku',
  'ean',
  'brand',
  'model',
  'title',
  'description',
  'original_price',
  'currency',
  'accessories',
] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];

export const IMPORT_SEPARATORS = [',', ';', '\t', '|'] as const;
export type ImportSeparator = (typeof IMPORT_SEPARATORS)[number];
export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** About 100 MB of CSV once decoded: larger exports should be split. */
const MAX_BASE64 = 140_000_000;
const Base64 = z
  .string()
  .max(MAX_BASE64)
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'expected base64');

/** Header names chosen for each field (as they appear in the file); null or absent: not used. */
export const ReturnMapping = z.partialRecord(z.enum(RETURN_FIELDS), z.string().max(200).nullable());
export const ProductMapping = z.partialRecord(z.enum(PRODUCT_FIELDS), z.string().max(200).nullable());

export const PreviewImportInput = z
  .object({
    base64: Base64.optional(),
    text: z.string().max(MAX_BASE64).optional(),
    kind: z.enum(['returns', 'products']).default('returns'),
    /** How many data rows to return. */
    rows: z.number().int().min(0).max(100).default(10),
  })
  .strict()
  .refine((v) => (v.base64 === undefined) !== (v.text === undefined), {
    message: 'give the file as either base64 or text',
  });

export interface ImportPreview {
  readonly encoding: ImportEncoding;
  readonly bom: boolean;
  readonly separator: ImportSeparator;
  readonly header: readonly string[];
  /** The first data rows, as text, with their physical line numbers. */
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
  /** Data rows in the file (blank rows not counted). */
  readonly rowCount: number;
  /** Suggested mapping: field → header name, from the header's names in en/fr/de. */
  readonly mapping: Readonly<Partial<Record<string, string>>>;
  /** Required fields no header was found for. */
  readonly missing: readonly string[];
  /** Headers not used by the suggested mapping. */
  readonly unmapped: readonly string[];
}

export const ImportReturnsInput = z
  .object({
    base64: Base64,
    /** The merchant every row belongs to; without it, the file needs a merchant column. */
    merchantId: Id.optional(),
    /** Header chosen for each field; absent: the suggested mapping (see intake.previewImport). */
    mapping: ReturnMapping.optional(),
  })
  .strict();

export const ImportProductsInput = z
  .object({
    base64: Base64,
    merchantId: Id,
    mapping: ProductMapping.optional(),
  })
  .strict();

export interface ImportRowError {
  /** Physical line in the file where the row starts (the header is line 1). */
  readonly line: number;
  /** Why the row was refused, in English. */
  readonly reason: string;
  /** The same reason as a message, drawn in the reader's language. */
  readonly text?: StoredMessage;
}

export interface ImportReport {
  readonly encoding: ImportEncoding;
  readonly separator: ImportSeparator;
  /** Data rows read (blank rows not counted). */
  readonly rows: number;
  /** Items created. */
  readonly imported: number;
  /** Rows already imported (same merchant, order reference, SKU and line): nothing created. */
  readonly skipped: number;
  /** Products created from rows whose SKU was not in the catalogue. */
  readonly productsCreated: number;
  readonly errors: readonly ImportRowError[];
}

export interface ProductImportReport {
  readonly encoding: ImportEncoding;
  readonly separator: ImportSeparator;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  /** Rows identical to the catalogue: nothing written. */
  readonly unchanged: number;
  readonly errors: readonly ImportRowError[];
}

export const intakeContract = {
  'intake.scan': method<ScanResult>()(ScanInput),
  'intake.receive': method<ItemDetail>()(ReceiveInput, { writes: true }),
  'intake.updateReturnFacts': method<ItemDetail>()(ReturnFactsInput, { writes: true }),
  'intake.grade': method<ItemDetail>()(GradeInput, { writes: true }),
  // The merchant decides what happens to defective goods; the desk may record that decision.
  'intake.setDisposition': method<ItemDetail>()(DispositionInput, { writes: true }),
  'intake.label': method<LabelPdf>()(LabelInput),
  'intake.previewImport': method<ImportPreview>()(PreviewImportInput),
  'intake.importReturns': method<ImportReport>()(ImportReturnsInput, { writes: true }),
} as const;
