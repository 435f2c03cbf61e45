import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../actor';
import { recordEvent } from '../events';
import type { Workspace } from '../workspace';

/*
 * A profile's optional PIN: it keeps a colleague from clicking through the Start screen as the
 * merchant's approver. Stored as `scrypt$<salt hex>$<hash hex>` (node:crypto scrypt, a random
 * 16-byte salt per PIN), never the digits themselves.
 */

const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer): Buffer {
  return crypto.scryptSync(pin, salt, KEY_LENGTH);
}

export function hashPin(pin: string): string {
  const salt = crypto.randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${derive(pin, salt).toString('hex')}`;
}

/** Constant-time comparison; an unreadable stored hash never matches. */
export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  if (expected.length !== KEY_LENGTH) return false;
  return crypto.timingSafeEqual(derive(pin, Buffer.from(saltHex, 'hex')), expected);
}

/** Sets or clears a PIN: a person for their own profile, an admin for anyone's. */
export async function setPin(
  ws: Workspace,
  actor: Actor,
  input: { readonly profileId: number; readonly pin: string | null },
): Promise<{ hasPin: boolean }> {
  if (actor.profileId !== input.profileId && actor.role !== 'admin') {
    throw new AppError('forbidden', `${actor.name} can only set their own PIN.`);
  }
  await ws.kysely.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('profiles')
      .select(['id', 'name'])
      .where('id', '=', input.profileId)
      .executeTakeFirst();
    if (!profile) throw new AppError('not_found', `There is no profile with id ${input.profileId}.`);
    await trx
      .updateTable('profiles')
      .set({ pin_hash: input.pin === null ? null : hashPin(input.pin) })
      .where('id', '=', profile.id)
      .execute();
    await recordEvent(trx, actor, {
      kind: input.pin === null ? 'profile.pin_removed' : 'profile.pin_set',
      summary:
        input.pin === null
          ? `PIN of ${profile.name} removed by ${actor.name}`
          : `PIN of ${profile.name} set by ${actor.name}`,
      data: { profileId: profile.id },
    });
  });
  ws.changed('profiles');
  return { hasPin: input.pin !== null };
}

/** A profile without a PIN always passes: the PIN is optional by design. */
export async function verifyPin(
  ws: Workspace,
  input: { readonly profileId: number; readonly pin: string },
): Promise<{ ok: boolean }> {
  const profile = await ws.kysely
    .selectFrom('profiles')
    .select(['pin_hash'])
    .where('id', '=', input.profileId)
    .executeTakeFirst();
  if (!profile) throw new AppError('not_found', `There is no profile with id ${input.profileId}.`);
  return { ok: profile.pin_hash === null || pinMatches(input.pin, profile.pin_hash) };
}
