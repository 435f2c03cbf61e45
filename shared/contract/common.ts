import { z } from 'zod';

export const Id = z.number().int().positive();
export const ByIdInput = z.object({ id: Id }).strict();

/** ISO calendar date, YYYY-MM-DD, as stored in SQLite. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const Cents = z.number().int().safe();
export const NonNegativeCents = Cents.nonnegative();

/** A person-typed text field: stored as given (trimmed), always displayed as text. */
export const Text = (max: number) => z.string().trim().max(max);

export const Page = z
  .object({
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export interface Paged<T> {
  readonly rows: readonly T[];
  readonly total: number;
}
