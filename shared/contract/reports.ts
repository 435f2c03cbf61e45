import { z } from 'zod';
import type { Grade } from '../domain/grades';
import { Id } from './common';
import { method } from './define';

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

export const reportsContract = {
  'reports.overview': method<ReportsOverview>()(ReportsOverviewInput),
} as const;
