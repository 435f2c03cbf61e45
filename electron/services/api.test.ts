import { describe, expect, test } from 'vitest';
import { contract, type MethodName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { addProfile, seedReturnsDesk } from '../../tests/integration/seed';
import { tempWorkspace } from '../../tests/integration/temp';
import { dispatch, dispatchEnvelope, handlers, invoke, toErrorData } from './api';
import type { Workspace } from './workspace';
import { failure } from '../../tests/support/failure';

const velo = { name: 'Velo Shop', currency: 'EUR', language: 'en', returnWindowDays: 14 };

async function profiles(ws: Workspace) {
  const desk = await seedReturnsDesk(ws);
  return {
    desk,
    admin: await addProfile(ws, { name: 'Sam', role: 'admin' }),
    staff: await addProfile(ws, { name: 'Kim', role: 'staff' }),
    approver: await addProfile(ws, { name: 'Mara', role: 'approver', merchantIds: [desk.merchants.velo] }),
  };
}

describe('the API entry point (every transport goes through it)', () => {
  test('every method of the contract has a handler, and no handler is outside the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  test('answers a valid call with the handler’s value', async () => {
    const ws = await tempWorkspace();
    await seedReturnsDesk(ws);
    const result = await invoke(ws, 'items.list', { grades: ['defective'] });
    expect(result.total).toBe(1);
    // No input at all is the same as an empty object: every default applies.
    expect(await dispatch(ws, 'items.counts', undefined)).toMatchObject({ total: 5 });
    expect(await dispatch(ws, 'workspace.status', null)).toMatchObject({
      schemaVersion: ws.db.schemaVersion,
      itemCount: 5,
      merchantCount: 2,
      isEmpty: false,
    });
  });

  test('an unknown method is not_found, including names every object inherits', async () => {
    const ws = await tempWorkspace();
    for (const name of [
      'items.drop',
      '',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      42,
      null,
    ]) {
      const error = await failure(dispatch(ws, name, {}));
      expect(error.code, String(name)).toBe('not_found');
      expect(error.message).toBe(
        `Rebound does not know the request “${String(name)}”. The window and the workspace may be of different versions.`,
      );
      expect(error.text).toEqual({ code: 'common.unknown_method', params: { method: String(name) } });
    }
  });

  test('invalid input is bad_input, naming the field and what was wrong with it', async () => {
    const ws = await tempWorkspace();
    const tooMany = await failure(dispatch(ws, 'items.list', { limit: 5000 }));
    expect(tooMany.code).toBe('bad_input');
    expect(tooMany.message).toMatch(/^Invalid input for items.list: limit: /);

    const badGrade = await failure(dispatch(ws, 'items.list', { grades: ['like_new'] }));
    expect(badGrade.message).toContain('grades.0');

    const badDate = await failure(dispatch(ws, 'items.list', { receivedFrom: '02/03/2026' }));
    expect(badDate.message).toContain('receivedFrom: expected a date as YYYY-MM-DD');

    const missing = await failure(dispatch(ws, 'items.get', {}));
    expect(missing.message).toContain('id');
    expect(missing.details).toMatchObject({ issues: [expect.objectContaining({ path: ['id'] })] });

    expect((await failure(dispatch(ws, 'items.get', 'RB-000101'))).code).toBe('bad_input');
    expect((await failure(dispatch(ws, 'items.get', { id: 1.5 }))).code).toBe('bad_input');
  });

  test('an input with a key the contract does not know is refused, for every method', async () => {
    const ws = await tempWorkspace();
    for (const name of Object.keys(contract) as MethodName[]) {
      const parsed = contract[name].input.safeParse({ colour: 'red' });
      expect(parsed.success, name).toBe(false);
      const codes = parsed.success ? [] : parsed.error.issues.map((i) => i.code);
      expect(codes, name).toContain('unrecognized_keys');
    }
    const error = await failure(dispatch(ws, 'items.list', { colour: 'red' }));
    expect(error.code).toBe('bad_input');
    expect(error.message).toContain('colour');
  });

  test('a profile that does not exist is unauthorized, before anything runs', async () => {
    const ws = await tempWorkspace();
    const error = await failure(dispatch(ws, 'merchants.create', velo, { via: 'person', personId: 4242 }));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe('There is nobody with id 4242.');
    expect(await dispatch(ws, 'merchants.list', {})).toEqual([]);
  });

  test('a method kept for some roles refuses the others with forbidden', async () => {
    const ws = await tempWorkspace();
    const { staff, approver, admin } = await profiles(ws);
    for (const personId of [staff, approver]) {
      const error = await failure(
        dispatch(ws, 'merchants.create', { ...velo, name: 'Nordic' }, { via: 'person', personId }),
      );
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(
        /^\w+ is (resale staff|an approver) and may not do this \(merchants.create\)\.$/,
      );
    }
    expect(await dispatch(ws, 'merchants.list', {}, { via: 'person', personId: staff })).toHaveLength(2);

    const created = await dispatch(
      ws,
      'merchants.create',
      { ...velo, name: 'Nordic' },
      { via: 'person', personId: admin },
    );
    expect(created).toMatchObject({ name: 'Nordic' });
    const event = await ws.kysely
      .selectFrom('events')
      .select(['profile_id', 'actor'])
      .where('kind', '=', 'merchant.created')
      .executeTakeFirstOrThrow();
    // The history says who did it.
    expect(event).toEqual({ profile_id: admin, actor: 'Sam' });
  });

  test('a service error keeps its code; a conflict is reported as such', async () => {
    const ws = await tempWorkspace();
    await dispatch(ws, 'merchants.create', velo);
    expect((await failure(dispatch(ws, 'merchants.create', velo))).code).toBe('conflict');
    expect((await failure(dispatch(ws, 'items.get', { id: 77 }))).code).toBe('not_found');
  });
});

describe('the wire envelope', () => {
  test('wraps values and errors as data, never throwing', async () => {
    const ws = await tempWorkspace();
    expect(await dispatchEnvelope(ws, 'settings.get', {})).toEqual({
      ok: true,
      value: { language: null, theme: 'auto' },
    });
    expect(await dispatchEnvelope(ws, 'items.get', { id: 5 })).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'There is no item with id 5.',
        text: { code: 'items.not_found', params: { id: '5' } },
      },
    });
  });

  test('an unexpected error reaches the user as a plain sentence with code internal', () => {
    expect(toErrorData(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'Something went wrong inside Rebound: x is undefined',
      text: { code: 'common.internal', params: { detail: 'x is undefined' } },
    });
    expect(toErrorData('disk unplugged')).toMatchObject({
      code: 'internal',
      message: 'Something went wrong inside Rebound: disk unplugged',
    });
    expect(toErrorData(new AppError('conflict', 'Already there.', { id: 3 }))).toEqual({
      code: 'conflict',
      message: 'Already there.',
      details: { id: 3 },
    });
  });
});
