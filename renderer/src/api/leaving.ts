import type { Input, MethodName } from '../../../shared/contract';
import { call } from './client';

/**
 * Calls a method while the window is going away (closed, reloaded, another address typed). In
 * Electron the bridge's message reaches the main side whatever the page does next. In the browser
 * mode an ordinary fetch is cancelled with the page, so this one is sent with `keepalive`, which
 * lets the request finish after the page is gone; its answer is not waited for.
 */
export function callWhileLeaving<M extends MethodName>(method: M, input: Input<M>): Promise<unknown> {
  if (window.rebound) return call(method, input);
  return fetch(`/api/call/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
    keepalive: true,
  });
}
