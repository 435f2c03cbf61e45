import crypto from 'node:crypto';
import { deviceParam } from '../../../shared/accounts/device';
import type { SessionView } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { say, type Message } from '../../../shared/messages';
import type { Actor } from '../actor';
import { recordEvent } from '../events';
import type { Queryable } from '../db/queryable';
import type { Workspace } from '../workspace';
import { passwordMatches, spendLikeAVerification } from './passwords';
import { findPerson, type PersonRow } from './people';
import { addressKey, clearFailures, lockedUntil, nameKey, recordFailure } from './throttle';

/**
 * Sessions: the only way a window or a browser acts as somebody. The server makes one at
 * sign-in and hands its secret to the transport (a cookie, or the main process's memory for a
 * desktop window); the database keeps only the secret's SHA-256. A session ends when its person
 * signs out, an admin (or the person) revokes it, the person is disabled or their password
 * changes, or it has not been used for `idleLimitMs`.
 */

const DEFAULT_IDLE_HOURS = 12;
/** last_used_at is written at most this often: reading a page must not mean a write per call. */
const TOUCH_EVERY_MS = 60_000;

export function idleLimitMs(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.REBOUND_SESSION_IDLE_MINUTES);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : DEFAULT_IDLE_HOURS * 3_600_000;
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export interface SignInRequest {
  readonly name: string;
  readonly password: string;
  readonly device: string;
  /** The network address the attempt came from; null for a desktop window. */
  readonly address: string | null;
}

export interface OpenSession {
  readonly token: string;
  readonly sessionId: number;
  readonly person: PersonRow;
}

/** One answer for an unknown name and a wrong password, so that a refusal tells nobody which it was. */
const WRONG = say('accounts.wrong_credentials');

function waitMessage(until: Date, now: Date): Message {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return seconds < 90
    ? say('accounts.throttled_seconds', { count: seconds })
    : say('accounts.throttled_minutes', { count: Math.ceil(seconds / 60) });
}

export async function signIn(ws: Workspace, request: SignInRequest): Promise<OpenSession> {
  const keys = [nameKey(request.name), ...(request.address ? [addressKey(request.address)] : [])];
  const now = new Date();
  const locked = await lockedUntil(ws.kysely, keys, now);
  if (locked) throw new AppError('throttled', waitMessage(locked, now), { retryAt: locked.toISOString() });

  const person = await findPerson(ws.kysely, { name: request.name });
  const matches = person?.passwordHash
    ? await passwordMatches(request.password, person.passwordHash)
    : (await spendLikeAVerification(request.password), false);
  if (!person || !matches) {
    await recordFailure(ws.kysely, keys, now);
    throw new AppError('unauthorized', WRONG);
  }
  if (person.disabled) throw new AppError('forbidden', say('accounts.disabled', { name: person.name }));
  await clearFailures(ws.kysely, nameKey(request.name));

  const token = crypto.randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const sessionId = await ws.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        profile_id: person.id,
        device: request.device.slice(0, 120),
        address: request.address,
        created_at: at,
        last_used_at: at,
        revoked_at: null,
        revoked_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actorOf(person, request.device), {
      kind: 'session.signed_in',
      text: say('accounts.signed_in', { person: person.name, device: deviceParam(request.device) }),
      data: { sessionId: row.id, address: request.address },
    });
    return row.id;
  });
  ws.changed('sessions');
  return { token, sessionId, person };
}

export function actorOf(person: PersonRow, device?: string): Actor {
  return {
    profileId: person.id,
    name: person.name,
    role: person.role,
    merchantIds: person.merchantIds,
    ...(device ? { device } : {}),
  };
}

export interface LiveSession {
  readonly sessionId: number;
  readonly device: string;
  readonly person: PersonRow;
}

/** The session a secret belongs to, if it is still open; touches its last use. */
export async function resolveSession(ws: Workspace, token: string | undefined): Promise<LiveSession | null> {
  if (!token || token.length > 200) return null;
  const row = await ws.kysely
    .selectFrom('sessions')
    .select(['id', 'profile_id', 'device', 'last_used_at', 'revoked_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  const now = Date.now();
  const idle = now - Date.parse(row.last_used_at);
  if (idle > idleLimitMs()) return null;
  const person = await findPerson(ws.kysely, { id: row.profile_id });
  if (!person || person.disabled) return null;
  if (idle > TOUCH_EVERY_MS) {
    await ws.kysely
      .updateTable('sessions')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return { sessionId: row.id, device: row.device, person };
}

/** Sign-out: the session's own secret ends it. */
export async function endSession(ws: Workspace, token: string | undefined): Promise<void> {
  const live = await resolveSession(ws, token);
  if (!live) return;
  await ws.kysely
    .updateTable('sessions')
    .set({ revoked_at: new Date().toISOString(), revoked_by: live.person.id })
    .where('id', '=', live.sessionId)
    .execute();
  ws.changed('sessions');
}

export async function revokeAllSessions(
  db: Queryable,
  personId: number,
  by: number | null,
  except: number | null = null,
): Promise<void> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: new Date().toISOString(), revoked_by: by })
    .where('profile_id', '=', personId)
    .where('revoked_at', 'is', null);
  if (except !== null) query = query.where('id', '<>', except);
  await query.execute();
}

/** Revoking: everyone their own sessions, an admin anyone's. */
export async function revokeSession(ws: Workspace, actor: Actor, sessionId: number): Promise<null> {
  const row = await ws.kysely
    .selectFrom('sessions')
    .innerJoin('profiles', 'profiles.id', 'sessions.profile_id')
    .select(['sessions.id', 'sessions.profile_id', 'sessions.device', 'profiles.name'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', say('accounts.no_session', { id: sessionId }));
  if (row.profile_id !== actor.profileId && actor.role !== 'admin') {
    throw new AppError('forbidden', say('accounts.own_sessions_only', { name: actor.name }));
  }
  await ws.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('sessions')
      .set({ revoked_at: new Date().toISOString(), revoked_by: actor.profileId })
      .where('id', '=', row.id)
      .where('revoked_at', 'is', null)
      .execute();
    await recordEvent(trx, actor, {
      kind: 'session.revoked',
      text: say('accounts.session_ended', {
        person: row.name,
        device: deviceParam(row.device),
        name: actor.name,
      }),
      data: { sessionId: row.id, personId: row.profile_id },
    });
  });
  ws.changed('sessions');
  return null;
}

/** Open sessions: one's own, or (an admin) anyone's; the newest use first. */
export async function listSessions(
  ws: Workspace,
  actor: Actor,
  currentSessionId: number | null,
  personId: number | undefined,
): Promise<SessionView[]> {
  const whose = personId ?? actor.profileId;
  if (whose !== actor.profileId && actor.role !== 'admin') {
    throw new AppError('forbidden', say('accounts.see_own_sessions_only', { name: actor.name }));
  }
  const since = new Date(Date.now() - idleLimitMs()).toISOString();
  let query = ws.kysely
    .selectFrom('sessions')
    .innerJoin('profiles', 'profiles.id', 'sessions.profile_id')
    .select([
      'sessions.id',
      'sessions.profile_id',
      'profiles.name',
      'sessions.device',
      'sessions.address',
      'sessions.created_at',
      'sessions.last_used_at',
    ])
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.last_used_at', '>', since);
  if (whose !== null) query = query.where('sessions.profile_id', '=', whose);
  const rows = await query.orderBy('sessions.last_used_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.profile_id,
    personName: r.name,
    device: r.device,
    address: r.address,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    current: r.id === currentSessionId,
  }));
}
