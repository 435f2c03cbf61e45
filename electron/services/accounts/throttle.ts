import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/*
 * Sign-in throttling, per name and per address, kept in the database so it holds across
 * windows, browsers and restarts. Five failures are free within a quarter of an hour (typos
 * happen); each one after that locks the key for twice as long as the last, from 30 seconds up
 * to a quarter of an hour. A success clears the name's count, not the address's: one person
 * signing in must not unlock guessing at everyone else from the same address.
 */

const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

type Db = Kysely<Database> | Transaction<Database>;

export function nameKey(name: string): string {
  return `name:${name.trim().toLocaleLowerCase('en')}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}

/** The time until which any of these keys is locked, or null. */
export async function lockedUntil(db: Db, keys: readonly string[], now: Date): Promise<Date | null> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', now.toISOString())
    .execute();
  const latest = rows
    .map((r) => r.locked_until!)
    .sort()
    .at(-1);
  return latest ? new Date(latest) : null;
}

export async function recordFailure(db: Db, keys: readonly string[], now: Date): Promise<void> {
  for (const key of keys) {
    const row = await db.selectFrom('sign_in_failures').selectAll().where('key', '=', key).executeTakeFirst();
    const fresh = !row || now.getTime() - Date.parse(row.first_failed_at) > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const over = failures - FREE_FAILURES;
    const lockMs = over > 0 ? Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (over - 1)) : 0;
    const values = {
      failures,
      first_failed_at: fresh ? now.toISOString() : row.first_failed_at,
      locked_until: lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null,
    };
    await db
      .insertInto('sign_in_failures')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
  }
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}
