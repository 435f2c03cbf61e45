import type { ReboundBridge } from '../../shared/contract/bridge';
import type { DeskBridge } from '../../shared/contract/desk';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser mode, where the client uses HTTP. */
    readonly rebound?: ReboundBridge;
    /** Exposed by the desktop app when it is a window onto a Rebound server: the desk's camera folder. */
    readonly reboundDesk?: DeskBridge;
  }
}

export {};
