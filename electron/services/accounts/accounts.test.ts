import { afterEach, describe, expect, test, vi } from 'vitest';
import { addMerchant, addProfile } from '../../../tests/integration/seed';
import { tempWorkspace } from '../../../tests/integration/temp';
import { dispatch } from '../api';
import type { Workspace } from '../workspace';
import { hashPassword, passwordMatches } from './passwords';
import { resolveSession, signIn } from './sessions';
import { failure } from '../../../tests/support/failure';

const PASSWORD = 'kettle-and-toaster';

const open = (ws: Workspace, name: string, password = PASSWORD, address: string | null = '192.0.2.7') =>
  signIn(ws, { name, password, device: 'Firefox on Linux', address });
const asPerson = (personId: number) => ({ via: 'person', personId }) as const;
const asSession = (token: string) => ({ via: 'session', token, local: false }) as const;

afterEach(() => {
  vi.useRealTimers();
});

describe('passwords', () => {
  test('are stored as a salted scrypt hash with its cost, and only the right one matches', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain(PASSWORD);
    expect(await hashPassword(PASSWORD)).not.toBe(stored);
    expect(await passwordMatches(PASSWORD, stored)).toBe(true);
    expect(await passwordMatches('kettle-and-toaster ', stored)).toBe(false);
    expect(await passwordMatches(PASSWORD, 'scrypt$1$1$1$x$y')).toBe(false);
    expect(await passwordMatches(PASSWORD, null)).toBe(false);
  });
});

describe('the first admin', () => {
  test('is created once; then the workspace belongs to its people', async () => {
    const ws = await tempWorkspace();
    const first = { via: 'session', token: undefined, local: true } as const;
    expect(await dispatch(ws, 'session.me', {}, first)).toEqual({
      me: null,
      needsFirstAdmin: true,
      demoPeople: [],
    });
    await dispatch(ws, 'setup.firstAdmin', { name: 'Nadia Okafor', password: PASSWORD }, first);
    expect(
      (await failure(dispatch(ws, 'setup.firstAdmin', { name: 'Eve', password: PASSWORD }, first))).code,
    ).toBe('unauthorized');
    const opened = await open(ws, 'nadia okafor');
    expect(await dispatch(ws, 'session.me', {}, asSession(opened.token))).toMatchObject({
      me: { name: 'Nadia Okafor', role: 'admin', merchantIds: [] },
      needsFirstAdmin: false,
    });
  });

  test('is not created from another machine, even on an empty workspace', async () => {
    const ws = await tempWorkspace();
    const remote = { via: 'session', token: undefined, local: false } as const;
    const error = await failure(
      dispatch(ws, 'setup.firstAdmin', { name: 'Eve', password: PASSWORD }, remote),
    );
    expect(error.code).toBe('unauthorized');
  });
});

describe('people', () => {
  test('an admin adds an approver for two merchants; names are unique in any case', async () => {
    const ws = await tempWorkspace();
    const a = await addMerchant(ws, { name: 'Larkfield' });
    const b = await addMerchant(ws, { name: 'Nordvik' });
    const admin = await addProfile(ws, { name: 'Nadia', role: 'admin' });
    const added = await dispatch(
      ws,
      'people.add',
      { name: 'Siobhán Kelly', role: 'approver', merchantIds: [a, b], password: PASSWORD },
      asPerson(admin),
    );
    expect(added).toMatchObject({
      name: 'Siobhán Kelly',
      role: 'approver',
      merchantIds: [a, b],
      disabled: false,
    });
    const twice = await failure(
      dispatch(
        ws,
        'people.add',
        { name: 'SIOBHÁN KELLY', role: 'staff', password: PASSWORD },
        asPerson(admin),
      ),
    );
    expect(twice.code).toBe('conflict');
    const noMerchant = await failure(
      dispatch(ws, 'people.add', { name: 'Ola', role: 'approver', password: PASSWORD }, asPerson(admin)),
    );
    expect(noMerchant.message).toMatch(/an approver decides for at least one merchant/);
    const history = await ws.kysely.selectFrom('events').select(['kind', 'actor']).execute();
    expect(history).toEqual([{ kind: 'person.added', actor: 'Nadia' }]);
  });

  test('disabling ends every session and signing in again is refused; the person stays in history', async () => {
    const ws = await tempWorkspace();
    const admin = await addProfile(ws, { name: 'Nadia', role: 'admin', password: PASSWORD });
    const lea = await addProfile(ws, { name: 'Lea', role: 'staff', password: PASSWORD });
    const session = await open(ws, 'Lea');
    await dispatch(ws, 'people.setDisabled', { id: lea, disabled: true }, asPerson(admin));
    expect(await resolveSession(ws, session.token)).toBeNull();
    expect((await failure(open(ws, 'Lea'))).message).toBe('Lea is disabled: ask an admin.');
    // A wrong password for a disabled person says nothing about them being disabled.
    expect((await failure(open(ws, 'Lea', 'wrong password'))).code).toBe('unauthorized');
    expect(await ws.kysely.selectFrom('profiles').select('name').where('id', '=', lea).execute()).toEqual([
      { name: 'Lea' },
    ]);
    const self = await failure(
      dispatch(ws, 'people.setDisabled', { id: admin, disabled: true }, asPerson(admin)),
    );
    expect(self.message).toMatch(/cannot disable yourself/);
  });

  test('the last admin who can sign in stays an admin', async () => {
    const ws = await tempWorkspace();
    const admin = await addProfile(ws, { name: 'Nadia', role: 'admin', password: PASSWORD });
    const error = await failure(
      dispatch(ws, 'people.update', { id: admin, role: 'staff', merchantIds: [] }, asPerson(admin)),
    );
    expect(error.message).toMatch(/last admin/);
  });

  test('an admin’s reset is recorded and ends the person’s sessions; changing one’s own needs the current password', async () => {
    const ws = await tempWorkspace();
    const admin = await addProfile(ws, { name: 'Nadia', role: 'admin', password: PASSWORD });
    const lea = await addProfile(ws, { name: 'Lea', role: 'staff', password: PASSWORD });
    const first = await open(ws, 'Lea');
    await dispatch(ws, 'people.resetPassword', { id: lea, password: 'a-new-start' }, asPerson(admin));
    expect(await resolveSession(ws, first.token)).toBeNull();
    expect((await failure(open(ws, 'Lea'))).code).toBe('unauthorized');

    const mine = await open(ws, 'Lea', 'a-new-start');
    const other = await open(ws, 'Lea', 'a-new-start');
    const wrong = await failure(
      dispatch(ws, 'people.changePassword', { current: 'guess', next: 'mine-alone' }, asSession(mine.token)),
    );
    expect(wrong.message).toBe('The current password is not right.');
    await dispatch(
      ws,
      'people.changePassword',
      { current: 'a-new-start', next: 'mine-alone' },
      asSession(mine.token),
    );
    // The window that changed it stays signed in; every other session ends.
    expect(await resolveSession(ws, mine.token)).not.toBeNull();
    expect(await resolveSession(ws, other.token)).toBeNull();
    const kinds = (await ws.kysely.selectFrom('events').select(['kind', 'actor']).execute()).filter((e) =>
      e.kind.startsWith('person.'),
    );
    expect(kinds).toEqual([
      { kind: 'person.password_reset', actor: 'Nadia' },
      { kind: 'person.password_changed', actor: 'Lea' },
    ]);
  });
});

describe('sessions', () => {
  test('end after twelve idle hours; using one keeps it open', async () => {
    const ws = await tempWorkspace();
    await addProfile(ws, { name: 'Lea', role: 'staff', password: PASSWORD });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T08:00:00Z'));
    const session = await open(ws, 'Lea');
    vi.setSystemTime(new Date('2026-12-07T19:00:00Z'));
    expect(await resolveSession(ws, session.token)).not.toBeNull();
    vi.setSystemTime(new Date('2026-12-08T06:59:00Z'));
    expect(await resolveSession(ws, session.token)).not.toBeNull();
    vi.setSystemTime(new Date('2026-12-08T19:00:01Z'));
    expect(await resolveSession(ws, session.token)).toBeNull();
  });

  test('everyone lists and ends their own; an admin anyone’s; nobody else’s', async () => {
    const ws = await tempWorkspace();
    await addProfile(ws, { name: 'Nadia', role: 'admin', password: PASSWORD });
    await addProfile(ws, { name: 'Lea', role: 'staff', password: PASSWORD });
    const lea = await open(ws, 'Lea');
    const nadia = await open(ws, 'Nadia');
    const leaSessions = await dispatch(ws, 'sessions.list', {}, asSession(lea.token));
    expect(leaSessions).toEqual([
      expect.objectContaining({
        personName: 'Lea',
        device: 'Firefox on Linux',
        address: '192.0.2.7',
        current: true,
      }),
    ]);
    const peek = await failure(
      dispatch(ws, 'sessions.list', { personId: nadia.person.id }, asSession(lea.token)),
    );
    expect(peek.code).toBe('forbidden');
    const end = await failure(
      dispatch(ws, 'sessions.revoke', { sessionId: nadia.sessionId }, asSession(lea.token)),
    );
    expect(end.code).toBe('forbidden');
    await dispatch(ws, 'sessions.revoke', { sessionId: lea.sessionId }, asSession(nadia.token));
    expect(await resolveSession(ws, lea.token)).toBeNull();
    expect(await resolveSession(ws, nadia.token)).not.toBeNull();
  });

  test('guessing from one address is throttled across names, not the others’ sign-ins elsewhere', async () => {
    const ws = await tempWorkspace();
    await addProfile(ws, { name: 'Lea', role: 'staff', password: PASSWORD });
    for (let i = 0; i < 6; i += 1) {
      await failure(open(ws, `nobody-${i}`, 'guess', '198.51.100.9'));
    }
    expect((await failure(open(ws, 'Lea', PASSWORD, '198.51.100.9'))).code).toBe('throttled');
    expect((await open(ws, 'Lea', PASSWORD, '203.0.113.5')).person.name).toBe('Lea');
  });
});
