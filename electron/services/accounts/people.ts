import type { z } from 'zod';
import type {
  FirstAdminInput,
  NewPersonInput,
  PersonUpdateInput,
  PersonView,
} from '../../../shared/contract';
import type { Role } from '../../../shared/domain/status';
import { AppError } from '../../../shared/errors';
import { say, term } from '../../../shared/messages';
import type { Actor } from '../actor';
import { nowIso } from '../db/connection';
import { recordEvent } from '../events';
import type { Queryable } from '../db/queryable';
import type { Workspace } from '../workspace';
import { hashPassword, passwordMatches } from './passwords';
import { revokeAllSessions } from './sessions';

/**
 * People: created by an admin (or, for the very first one, by whoever starts an empty
 * workspace on this machine), never deleted, only disabled, so every history line keeps a name.
 */

export interface PersonRow {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly merchantIds: readonly number[];
  readonly disabled: boolean;
  readonly passwordHash: string | null;
  readonly createdAt: string;
}

export async function hasPeople(db: Queryable): Promise<boolean> {
  const row = await db
    .selectFrom('profiles')
    .select('id')
    .where('password_hash', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function merchantIdsOf(db: Queryable, ids: readonly number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('profile_merchants')
    .select(['profile_id', 'merchant_id'])
    .where('profile_id', 'in', ids)
    .orderBy('merchant_id')
    .execute();
  for (const row of rows) map.get(row.profile_id)?.push(row.merchant_id);
  return map;
}

function rowOf(
  r: {
    id: number;
    name: string;
    role: string;
    disabled_at: string | null;
    password_hash: string | null;
    created_at: string;
  },
  merchantIds: readonly number[],
): PersonRow {
  return {
    id: r.id,
    name: r.name,
    role: r.role as Role,
    merchantIds: r.role === 'approver' ? merchantIds : [],
    disabled: r.disabled_at !== null,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
  };
}

const PERSON_COLUMNS = ['id', 'name', 'role', 'disabled_at', 'password_hash', 'created_at'] as const;

export async function findPerson(
  db: Queryable,
  by: { readonly id: number } | { readonly name: string },
): Promise<PersonRow | null> {
  let query = db.selectFrom('profiles').select(PERSON_COLUMNS);
  query =
    'id' in by
      ? query.where('id', '=', by.id)
      : query.where((eb) => eb(eb.fn('lower', ['name']), '=', by.name.trim().toLowerCase()));
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return rowOf(row, (await merchantIdsOf(db, [row.id])).get(row.id) ?? []);
}

async function view(db: Queryable, person: PersonRow): Promise<PersonView> {
  const seen = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.max('last_used_at').as('at'))
    .where('profile_id', '=', person.id)
    .executeTakeFirst();
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    merchantIds: person.merchantIds,
    disabled: person.disabled,
    createdAt: person.createdAt,
    lastSeenAt: seen?.at ?? null,
  };
}

async function mustFind(db: Queryable, id: number): Promise<PersonRow> {
  const person = await findPerson(db, { id });
  if (!person) throw new AppError('not_found', say('accounts.nobody_with_id', { id }));
  return person;
}

export async function listPeople(ws: Workspace): Promise<PersonView[]> {
  const rows = await ws.kysely.selectFrom('profiles').select(PERSON_COLUMNS).orderBy('name').execute();
  const merchants = await merchantIdsOf(
    ws.kysely,
    rows.map((r) => r.id),
  );
  return Promise.all(rows.map((r) => view(ws.kysely, rowOf(r, merchants.get(r.id) ?? []))));
}

async function assertMerchantsExist(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.selectFrom('merchants').select('id').where('id', 'in', ids).execute();
  const missing = ids.filter((id) => !found.some((m) => m.id === id));
  if (missing.length > 0)
    throw new AppError(
      'not_found',
      say('accounts.no_merchant', { ids: missing.join(', '), count: missing.length }),
    );
}

async function setMerchants(
  db: Queryable,
  personId: number,
  role: Role,
  ids: readonly number[],
): Promise<void> {
  await db.deleteFrom('profile_merchants').where('profile_id', '=', personId).execute();
  const kept = role === 'approver' ? [...new Set(ids)] : [];
  if (kept.length > 0) {
    await db
      .insertInto('profile_merchants')
      .values(kept.map((merchant_id) => ({ profile_id: personId, merchant_id })))
      .execute();
  }
  // 0010's column keeps the first merchant, which its CHECK on approvers requires.
  await db
    .updateTable('profiles')
    .set({ merchant_id: kept[0] ?? null })
    .where('id', '=', personId)
    .execute();
}

async function assertNameFree(db: Queryable, name: string, except?: number): Promise<void> {
  const other = await findPerson(db, { name });
  if (other && other.id !== except) throw new AppError('conflict', say('accounts.name_taken', { name }));
}

/** Creates a person, hashing the password before the transaction so the database is not held. */
export async function addPerson(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof NewPersonInput>,
): Promise<PersonView> {
  const hash = await hashPassword(input.password);
  const id = await ws.kysely.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name);
    await assertMerchantsExist(trx, input.merchantIds);
    const row = await trx
      .insertInto('profiles')
      .values({
        name: input.name,
        role: input.role,
        merchant_id: input.role === 'approver' ? (input.merchantIds[0] ?? null) : null,
        pin_hash: null,
        password_hash: hash,
        disabled_at: null,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setMerchants(trx, row.id, input.role, input.merchantIds);
    await recordEvent(trx, actor, {
      kind: 'person.added',
      text: say('accounts.added', { person: input.name, role: term('role', input.role), name: actor.name }),
      data: { personId: row.id, role: input.role, merchantIds: input.merchantIds },
    });
    return row.id;
  });
  ws.changed('people');
  return view(ws.kysely, await mustFind(ws.kysely, id));
}

/** The first admin of an empty workspace; refused as soon as anybody can sign in. */
export async function createFirstAdmin(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof FirstAdminInput>,
): Promise<PersonView> {
  if (await hasPeople(ws.kysely)) {
    throw new AppError('forbidden', say('accounts.already_has_people'));
  }
  return addPerson(ws, actor, { ...input, role: 'admin', merchantIds: [] });
}

async function assertAnAdminRemains(db: Queryable, without: number): Promise<void> {
  const other = await db
    .selectFrom('profiles')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('password_hash', 'is not', null)
    .where('id', '<>', without)
    .limit(1)
    .executeTakeFirst();
  if (!other) throw new AppError('conflict', say('accounts.last_admin'));
}

export async function updatePerson(
  ws: Workspace,
  actor: Actor,
  input: z.output<typeof PersonUpdateInput>,
): Promise<PersonView> {
  await ws.kysely.transaction().execute(async (trx) => {
    const person = await mustFind(trx, input.id);
    if (person.role === 'admin' && input.role !== 'admin') await assertAnAdminRemains(trx, person.id);
    await assertMerchantsExist(trx, input.merchantIds);
    await trx.updateTable('profiles').set({ role: input.role }).where('id', '=', person.id).execute();
    await setMerchants(trx, person.id, input.role, input.merchantIds);
    await recordEvent(trx, actor, {
      kind: 'person.changed',
      text: say('accounts.role_changed', {
        person: person.name,
        role: term('role', input.role),
        name: actor.name,
      }),
      data: { personId: person.id, from: person.role, role: input.role, merchantIds: input.merchantIds },
    });
  });
  ws.changed('people');
  return view(ws.kysely, await mustFind(ws.kysely, input.id));
}

/** An admin's reset: recorded, and every session of that person ends. */
export async function resetPassword(
  ws: Workspace,
  actor: Actor,
  input: { readonly id: number; readonly password: string },
): Promise<PersonView> {
  const hash = await hashPassword(input.password);
  await ws.kysely.transaction().execute(async (trx) => {
    const person = await mustFind(trx, input.id);
    await trx.updateTable('profiles').set({ password_hash: hash }).where('id', '=', person.id).execute();
    await revokeAllSessions(trx, person.id, actor.profileId);
    await recordEvent(trx, actor, {
      kind: 'person.password_reset',
      text: say('accounts.password_reset', { person: person.name, name: actor.name }),
      data: { personId: person.id },
    });
  });
  ws.changed('people');
  return view(ws.kysely, await mustFind(ws.kysely, input.id));
}

export async function setDisabled(
  ws: Workspace,
  actor: Actor,
  input: { readonly id: number; readonly disabled: boolean },
): Promise<PersonView> {
  if (input.disabled && input.id === actor.profileId) {
    throw new AppError('conflict', say('accounts.cannot_disable_self'));
  }
  await ws.kysely.transaction().execute(async (trx) => {
    const person = await mustFind(trx, input.id);
    if (input.disabled && person.role === 'admin') await assertAnAdminRemains(trx, person.id);
    await trx
      .updateTable('profiles')
      .set({ disabled_at: input.disabled ? nowIso() : null })
      .where('id', '=', person.id)
      .execute();
    if (input.disabled) await revokeAllSessions(trx, person.id, actor.profileId);
    await recordEvent(trx, actor, {
      kind: input.disabled ? 'person.disabled' : 'person.enabled',
      text: say(input.disabled ? 'accounts.person_disabled' : 'accounts.person_enabled', {
        person: person.name,
        name: actor.name,
      }),
      data: { personId: person.id },
    });
  });
  ws.changed('people');
  return view(ws.kysely, await mustFind(ws.kysely, input.id));
}

/** A person changes their own password: the current one is required, other sessions end. */
export async function changeOwnPassword(
  ws: Workspace,
  actor: Actor,
  sessionId: number | null,
  input: { readonly current: string; readonly next: string },
): Promise<null> {
  if (actor.profileId === null)
    throw new AppError('unauthorized', say('accounts.sign_in_to_change_password'));
  const person = await mustFind(ws.kysely, actor.profileId);
  if (!(await passwordMatches(input.current, person.passwordHash))) {
    throw new AppError('bad_input', say('accounts.current_password_wrong'));
  }
  const hash = await hashPassword(input.next);
  await ws.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ password_hash: hash }).where('id', '=', person.id).execute();
    await revokeAllSessions(trx, person.id, person.id, sessionId);
    await recordEvent(trx, actor, {
      kind: 'person.password_changed',
      text: say('accounts.password_changed', { person: person.name }),
      data: { personId: person.id },
    });
  });
  ws.changed('people');
  return null;
}
