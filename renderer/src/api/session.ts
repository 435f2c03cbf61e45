import type { Envelope, SessionStart } from '../../../shared/contract';
import { AppError, isErrorData } from '../../../shared/errors';
import { i18next } from '../i18n';

/**
 * Signing in and out of this window. In the desktop app the main process keeps the session (the
 * page never sees its secret); in a browser the server sets an HttpOnly cookie. Either way the
 * page only learns who it now is.
 */

async function overHttp(method: 'POST' | 'DELETE', body?: unknown): Promise<Envelope<SessionStart | null>> {
  let response: Response;
  try {
    response = await fetch('/api/session', {
      method,
      credentials: 'same-origin',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch {
    throw new AppError('internal', i18next.t('errors.unreachable'));
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
    const ok = (answer as { ok: unknown }).ok;
    if (ok === true) return answer as Envelope<SessionStart | null>;
    const error = (answer as { error?: unknown }).error;
    if (isErrorData(error)) return { ok: false, error };
  }
  throw new AppError('internal', i18next.t('errors.badAnswer', { status: response.status }));
}

export async function signIn(name: string, password: string): Promise<SessionStart> {
  const bridge = window.rebound;
  const envelope = bridge
    ? await bridge.session({ op: 'signIn', name, password })
    : await overHttp('POST', { name, password });
  if (!envelope.ok) throw AppError.from(envelope.error);
  if (!envelope.value) throw new AppError('internal', i18next.t('errors.badAnswer', { status: 200 }));
  return envelope.value;
}

export async function signOut(): Promise<void> {
  const bridge = window.rebound;
  const envelope = bridge ? await bridge.session({ op: 'signOut' }) : await overHttp('DELETE');
  if (!envelope.ok) throw AppError.from(envelope.error);
}
