import { describe, expect, test } from 'vitest';
import { DESKTOP_DEVICE, parseSessionRequest } from './session';

describe('a window asking to sign in (the page is not trusted)', () => {
  test('only a well-formed sign-in or sign-out passes', () => {
    expect(parseSessionRequest({ op: 'signIn', name: 'Lea', password: 'pw-of-lea' })).toEqual({
      op: 'signIn',
      name: 'Lea',
      password: 'pw-of-lea',
    });
    expect(parseSessionRequest({ op: 'signOut', profileId: 2 })).toEqual({ op: 'signOut' });
    for (const bad of [
      null,
      'signIn',
      {},
      { op: 'signIn', name: 'Lea' },
      { op: 'signIn', name: 'Lea', password: 42 },
      { op: 'signIn', name: 'x'.repeat(201), password: 'p' },
      { op: 'becomeAdmin' },
    ]) {
      expect(parseSessionRequest(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  test('a desktop window’s session is named for the machine, within the column’s limit', () => {
    expect(DESKTOP_DEVICE).toMatch(/^Rebound desktop on .+/);
    expect(DESKTOP_DEVICE.length).toBeLessThanOrEqual(120);
  });
});
