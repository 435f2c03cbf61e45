import type { ReboundBridge } from '../../shared/contract/bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser mode, where the client uses HTTP. */
    readonly rebound?: ReboundBridge;
  }
}

export {};
