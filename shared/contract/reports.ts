import { z } from 'zod';
import type { Grade } from '../domain/grades';
import { Id } from './common';
import type { PeriodSelling } from './catalogue-units';
import { method } from './define';
import { ReportRangeInput, type MonthlyFigures, type RecoveryReport, type SkuFigures } from './exports';

export const ReportsOverviewInput = z.object({ merchantId: Id.optional() }).strict();

export interface CurrencyAmount {
  readonly currency: string;
  readonly cents: number;
}

export interface GradeFigures {
  readonly grade: Grade | 'ungraded';
  readonly handled: number;
  readonly sold: number;
  /** Mean of sale price ÷ original price over the grade's sold items; null when none sold. */
  readonly recoveryRate: number | null;
}

export interface MonthRevenue {
  /** YYYY-MM */
  readonly month: string;
  readonly currency: string;
  readonly cents: number;
  readonly sold: number;
}

export interface ReportsOverview {
  /** Every item that entered Rebound. */
  readonly itemsHandled: number;
  readonly itemsSold: number;
  /** Sale prices (without shipping) net of cancellations and refunds, per currency. */
  readonly recovered: readonly CurrencyAmount[];
  /** Mean of sale price ÷ original price over sold items (0–1); null when nothing sold. */
  readonly recoveryRate: number | null;
  /** Mean days from the return's arrival to the sale; null when nothing sold. */
  readonly daysToSell: number | null;
  readonly byGrade: readonly GradeFigures[];
  /** Oldest month first. */
  readonly revenueByMonth: readonly MonthRevenue[];
}

/** Returns by reason and by where they ended up, and the best channel per grade, for the charts. */
export const ReportsReturnsInput = z
  .object({
    merchantId: Id.optional(),
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict();

export interface CountByKey {
  readonly key: string;
  readonly count: number;
}

export interface BestChannel {
  readonly grade: string;
  readonly channel: string;
  readonly currency: string;
  readonly sold: number;
  /** Σ sale price ÷ Σ original price of the grade's sales on that channel (0–1). */
  readonly recoveryRate: number;
}

export interface ReturnsBreakdown {
  /** Items received in the period, by the customer's return reason ('' when none was given). */
  readonly reasons: readonly CountByKey[];
  /** The same items by where they are now (item status: sold, restocked, destroyed…). */
  readonly dispositions: readonly CountByKey[];
  /** Per grade, the channel whose sales in the period recovered the most of the original price. */
  readonly bestChannels: readonly BestChannel[];
}

export const reportsContract = {
  'reports.overview': method<ReportsOverview>()(ReportsOverviewInput),
  'reports.returns': method<ReturnsBreakdown>()(ReportsReturnsInput),
  'reports.recovery': method<RecoveryReport>()(ReportRangeInput),
  'reports.monthly': method<readonly MonthlyFigures[]>()(ReportRangeInput),
  'reports.skus': method<readonly SkuFigures[]>()(ReportRangeInput),
  'reports.selling': method<readonly PeriodSelling[]>()(ReportRangeInput),
} as const;
