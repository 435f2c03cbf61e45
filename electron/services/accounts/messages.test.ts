import { describe, expect, test } from 'vitest';
import { type StoredMessage } from '../../../shared/messages';
import { renderMessage } from '../../../shared/messages/render';
import { addProfile } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { failure } from '../../../tests/support/failure';
import { dispatch, invoke } from '../api';
import type { Workspace } from '../workspace';
import { deviceMessage } from '../../../shared/accounts/device';
import { signIn } from './sessions';

/**
 * People and sessions at a French workspace: the history says who did what to whom in French,
 * and a refused sign-in stays the same sentence whichever half of it was wrong.
 */

const PASSWORD = 'kettle-and-toaster';
const asPerson = (personId: number) => ({ via: 'person', personId }) as const;
const open = (ws: Workspace, name: string, password = PASSWORD) =>
  signIn(ws, { name, password, device: 'Firefox on Linux', address: '192.0.2.7' });

async function frenchHistory(ws: Workspace) {
  const rows = await ws.kysely.selectFrom('events').select(['kind', 'data']).orderBy('id').execute();
  return rows.map((row) => {
    const text = (JSON.parse(row.data) as { text?: StoredMessage }).text;
    return [row.kind, text ? renderMessage(text, 'fr') : null];
  });
}

describe('accounts speak French', () => {
  test('adding, changing, disabling a person and signing in are told in French', async () => {
    const ws = await tempWorkspace();
    const admin = await addProfile(ws, { name: 'Nadia', role: 'admin', password: PASSWORD });
    const added = await invoke(
      ws,
      'people.add',
      { name: 'Léa', role: 'staff', password: PASSWORD, merchantIds: [] },
      asPerson(admin),
    );
    await open(ws, 'Léa');
    await dispatch(
      ws,
      'people.update',
      { id: added.id, role: 'bookkeeper', merchantIds: [] },
      asPerson(admin),
    );
    await dispatch(ws, 'people.setDisabled', { id: added.id, disabled: true }, asPerson(admin));

    expect(await frenchHistory(ws)).toEqual([
      ['person.added', 'Nadia a ajouté Léa avec le rôle « Opérateur revente »'],
      ['session.signed_in', 'Connexion de Léa (Firefox sous Linux)'],
      ['person.changed', 'Léa a désormais le rôle « Comptable » (modifié par Nadia)'],
      ['person.disabled', 'Compte de Léa désactivé par Nadia'],
    ]);

    const disabled = await failure(open(ws, 'Léa'));
    expect(renderMessage(disabled.text!, 'fr')).toBe(
      'Le compte de Léa est désactivé : adressez-vous à un administrateur.',
    );
  });

  test('the stored device labels read in the reader’s words, names kept as they are', () => {
    const draw = (device: string, lang: 'fr' | 'de') => {
      const message = deviceMessage(device);
      return message ? renderMessage(message, lang) : device;
    };
    expect(draw('Chrome on Android', 'fr')).toBe('Chrome sous Android');
    expect(draw('a browser on Windows', 'de')).toBe('ein Browser unter Windows');
    expect(draw('Rebound desktop on lager-pc-2', 'fr')).toBe('Application Rebound sur lager-pc-2');
    expect(draw('a browser', 'fr')).toBe('un navigateur');
    expect(draw('Safari', 'de')).toBe('Safari');
  });

  test('a wrong name and a wrong password get the same answer; the lock counts in the reader’s plural', async () => {
    const ws = await tempWorkspace();
    await addProfile(ws, { name: 'Lea', role: 'staff', password: PASSWORD });
    const unknown = await failure(open(ws, 'Nobody'));
    const wrong = await failure(open(ws, 'Lea', 'guess'));
    expect([unknown.code, wrong.code]).toEqual(['unauthorized', 'unauthorized']);
    expect(unknown.text).toEqual(wrong.text);
    expect(unknown.message).toBe(wrong.message);
    expect(renderMessage(wrong.text!, 'fr')).toBe('Le nom ou le mot de passe est incorrect.');

    for (let attempt = 0; attempt < 10; attempt++) await failure(open(ws, 'Lea', 'guess'));
    const locked = await failure(open(ws, 'Lea'));
    expect(locked.code).toBe('throttled');
    expect(locked.text?.code).toMatch(/^accounts\.throttled_(seconds|minutes)$/);
    expect(renderMessage(locked.text!, 'fr')).toMatch(
      /^Trop d’échecs de connexion : réessayez dans \d+ (seconde|secondes|minute|minutes)\.$/,
    );
    expect(renderMessage(locked.text!, 'de')).toMatch(/^Zu viele fehlgeschlagene Anmeldungen: /);
  });
});
