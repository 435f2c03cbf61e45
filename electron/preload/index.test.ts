import { beforeEach, describe, expect, test, vi } from 'vitest';
import {
  IPC_CALL,
  IPC_CONNECT_SERVER,
  IPC_EBAY_CONSENT,
  IPC_EVENT,
  IPC_OPEN_EXTERNAL,
  IPC_SESSION,
} from '../../shared/contract/bridge';

/** A stand-in for the preload's side of `electron`: what it exposes and which channels it uses. */
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  return {
    exposed,
    invoked,
    listeners,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
      off: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((l) => l !== listener),
        );
      },
    },
  };
});
vi.mock('electron', () => electron);

type Bridge = Record<string, unknown> & {
  call(method: string, input: unknown): Promise<unknown>;
  session(request: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  openExternal(url: string): Promise<void>;
  ebayConsent(url: string): Promise<unknown>;
  connectServer(address: string): Promise<unknown>;
};

describe('the preload bridge', () => {
  let bridge: Bridge;

  beforeEach(async () => {
    electron.invoked.length = 0;
    await import('./index');
    bridge = electron.exposed.get('rebound') as Bridge;
  });

  test('exposes window.rebound and nothing else, with exactly these members', () => {
    expect([...electron.exposed.keys()]).toEqual(['rebound']);
    expect(Object.keys(bridge).sort()).toEqual([
      'call',
      'connectServer',
      'ebayConsent',
      'onEvent',
      'openExternal',
      'runtime',
      'session',
    ]);
    expect(bridge.runtime).toBe('electron');
  });

  test('each member uses its own channel and passes only what the page gave it', async () => {
    await bridge.call('items.list', { limit: 5 });
    await bridge.session({ op: 'signIn', name: 'Lea', password: 'pw' });
    await bridge.openExternal('https://www.ebay.com/');
    await bridge.ebayConsent('https://auth.ebay.com/oauth2/authorize');
    await bridge.connectServer('rebound.example.com');
    // A third argument naming a person never leaves the page.
    await (bridge.call as (...args: unknown[]) => Promise<unknown>)('workspace.status', {}, { profileId: 1 });
    expect(electron.invoked).toEqual([
      [IPC_CALL, 'items.list', { limit: 5 }],
      [IPC_SESSION, { op: 'signIn', name: 'Lea', password: 'pw' }],
      [IPC_OPEN_EXTERNAL, 'https://www.ebay.com/'],
      [IPC_EBAY_CONSENT, 'https://auth.ebay.com/oauth2/authorize'],
      [IPC_CONNECT_SERVER, 'rebound.example.com'],
      [IPC_CALL, 'workspace.status', {}],
    ]);
  });

  test('onEvent hands the page the payload only (never the IPC event) and unsubscribes', () => {
    const seen: unknown[] = [];
    const stop = bridge.onEvent((event) => seen.push(event));
    const [listener] = electron.listeners.get(IPC_EVENT)!;
    listener!({ sender: 'the ipcRenderer event' }, { type: 'changed', domains: ['items'] });
    expect(seen).toEqual([{ type: 'changed', domains: ['items'] }]);
    stop();
    expect(electron.listeners.get(IPC_EVENT)).toEqual([]);
  });
});
