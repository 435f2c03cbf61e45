import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Database } from '../db/schema';

/** Either the workspace's Kysely or an open transaction: helpers that only run queries take both. */
export type Queryable = Kysely<Database> | Transaction<Database>;

/** A field's value before and after a change, as stored in an event's `data.changes`. */
export interface FieldChange {
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * The fields whose value differs between `before` and `after` (compared as JSON, so arrays and
 * objects compare by content). Only keys present in `after` are considered.
 */
export function diffFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key] ?? null;
    const now = value ?? null;
    if (JSON.stringify(old) !== JSON.stringify(now)) changes[key] = { before: old, after: now };
  }
  return changes;
}

export function parseJsonList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Case-insensitive, order-keeping de-duplication of names typed by people. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = name.trim().toLocaleLowerCase('en');
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(name.trim());
  }
  return out;
}

export function conflictMessage(reference: string, had: number, now: number): string {
  return (
    `Someone else changed item ${reference} while you were editing it (you started from version ${had}, ` +
    `it is now at version ${now}). Reload the item to see their changes, then save again.`
  );
}

/**
 * Writes `values` to an item only if it is still at `version`, bumping the version: the check
 * and the write are one statement, so two desks saving at once cannot both win.
 */
export async function updateItemAt(
  trx: Transaction<Database>,
  item: { readonly id: number; readonly reference: string },
  version: number,
  values: Updateable<Database['items']>,
  now: string,
): Promise<void> {
  const result = await trx
    .updateTable('items')
    .set(values)
    .set({ version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', item.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const current = await trx
      .selectFrom('items')
      .select('version')
      .where('id', '=', item.id)
      .executeTakeFirst();
    throw new AppError('conflict', conflictMessage(item.reference, version, current?.version ?? version), {
      itemId: item.id,
      version: current?.version ?? null,
    });
  }
}
