import { recoverText, type OldEvent } from './history-recovery';

/** An events row as migration 0130 reads it on either engine. */
export interface HistoryRow {
  readonly id: number;
  readonly kind: string;
  readonly summary: string;
  readonly data: string;
  readonly currency: string | null;
}

/**
 * The row's new data with its message inside, or null when there is nothing to recover: data
 * that is not a JSON object, a row that has a message already, or a sentence not read back.
 */
export function recoveredData(row: HistoryRow): string | null {
  let data: unknown;
  try {
    data = JSON.parse(row.data);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || 'text' in data) return null;
  const event: OldEvent = {
    kind: row.kind,
    summary: row.summary,
    data: data as Record<string, unknown>,
    currency: row.currency,
  };
  const text = recoverText(event);
  return text === null ? null : JSON.stringify({ ...data, text });
}
