import os from 'node:os';
import type { SessionRequest } from '../../shared/contract/bridge';

/** How a desktop window's session is named in the list of a person's sessions. */
export const DESKTOP_DEVICE = `Rebound desktop on ${os.hostname()}`.slice(0, 120);

/** A sign-in request from a window, checked field by field: the page is not trusted. */
export function parseSessionRequest(value: unknown): SessionRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const request = value as Record<string, unknown>;
  if (request.op === 'signOut') return { op: 'signOut' };
  if (
    request.op === 'signIn' &&
    typeof request.name === 'string' &&
    typeof request.password === 'string' &&
    request.name.length <= 200 &&
    request.password.length <= 200
  ) {
    return { op: 'signIn', name: request.name, password: request.password };
  }
  return null;
}
