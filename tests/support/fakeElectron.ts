/**
 * A stand-in for the parts of `electron` the main process uses, for unit tests only (the app never
 * imports it; the Electron binary is not needed). Tests swap it in with
 *
 *   vi.mock('electron', () => import('./fakeElectron'));
 *
 * and import the same module to look at what was called: the options each BrowserWindow was built
 * with, the handlers registered on ipcMain, protocol, sessions and web contents, and the links
 * handed to shell.openExternal. `resetFakeElectron()` forgets everything between tests.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listeners of every Electron event
type Listener = (...args: any[]) => unknown;

/** Electron's objects are event emitters; this one records its listeners and can fire them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(name, wrapped);
      return listener(...args);
    };
    return this.on(name, wrapped);
  }

  off(name: string, listener: Listener): this {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) listener(...args);
  }

  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

/** A navigation event as Electron hands it to `will-navigate` / `will-redirect` listeners. */
export function navigationEvent(url: string): { url: string; prevented: boolean; preventDefault(): void } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

let nextContentsId = 1;

export interface WindowOpenResponse {
  readonly action: 'allow' | 'deny';
}

export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | null = null;
  /** What was sent to the page: [channel, payload]. */
  readonly sent: Array<readonly [string, unknown]> = [];
  destroyed = false;

  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Fires `will-navigate` (or another navigation hook) and says whether a listener prevented it. */
  navigate(url: string, hook = 'will-navigate'): boolean {
    const event = navigationEvent(url);
    this.emit(hook, event);
    return event.prevented;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class BrowserWindow extends FakeEmitter {
  /** Every window built since the last reset, in order. */
  static readonly created: BrowserWindow[] = [];

  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = false;
  destroyed = false;
  minimized = false;
  focused = false;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.created.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((win) => !win.destroyed);
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.created.find((win) => win.webContents === contents) ?? null;
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }

  show(): void {
    this.shown = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
    this.webContents.destroy();
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  focus(): void {
    this.focused = true;
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: Record<string, unknown>,
) => boolean;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession extends FakeEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };

  constructor(readonly partition: string) {
    super();
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: (details: unknown) => boolean): void {
    this.devicePermissionHandler = handler;
  }

  /** Asks the request handler, as Chromium would, and resolves with its answer. */
  request(permission: string, details: Record<string, unknown>): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) throw new Error('No permission request handler');
    return new Promise((resolve) => handler(null, permission, resolve, details));
  }

  check(permission: string, requestingOrigin: string, details: Record<string, unknown> = {}): boolean {
    const handler = this.permissionCheckHandler;
    if (!handler) throw new Error('No permission check handler');
    return handler(null, permission, requestingOrigin, details);
  }
}

const partitions = new Map<string, FakeSession>();

export const session = {
  defaultSession: new FakeSession(''),
  fromPartition(partition: string): FakeSession {
    let found = partitions.get(partition);
    if (!found) {
      found = new FakeSession(partition);
      partitions.set(partition, found);
    }
    return found;
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Electron hands handlers its own event type
type IpcHandler = (event: any, ...args: any[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  handle(channel: string, handler: IpcHandler): void {
    // Like Electron: a second handler for one channel is a programming error.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  /** What `ipcRenderer.invoke(channel, ...args)` from `event`'s frame would resolve with. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};

class FakeApp extends FakeEmitter {
  isPackaged = false;
  appPath = '/nonexistent/rebound-app';
  readonly paths = new Map<string, string>();
  sandboxed = false;
  quitCalls = 0;
  relaunchCalls = 0;
  exitCode: number | null = null;
  private ready: Promise<void> = Promise.resolve();

  whenReady(): Promise<void> {
    return this.ready;
  }
  enableSandbox(): void {
    this.sandboxed = true;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getPath(name: string): string {
    const found = this.paths.get(name);
    if (!found) throw new Error(`No path for ${name} in the fake app`);
    return found;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  relaunch(): void {
    this.relaunchCalls += 1;
  }
  exit(code: number): void {
    this.exitCode = code;
  }
}

export const app = new FakeApp();

export const dialog = {
  errors: [] as Array<readonly [string, string]>,
  /** What the next folder dialogs answer, in order (the person's choice, or cancel). */
  openAnswers: [] as Array<{ canceled: boolean; filePaths: string[] }>,
  /** The options each open dialog was shown with. */
  opened: [] as unknown[],
  showErrorBox(title: string, content: string): void {
    this.errors.push([title, content]);
  },
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.opened.push(args.at(-1));
    return this.openAnswers.shift() ?? { canceled: true, filePaths: [] };
  },
};

/** Never available here: the app then keeps secrets with the key file, as on a machine without one. */
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'unknown',
  encryptString: (): Buffer => {
    throw new Error('No keychain in the fake Electron');
  },
  decryptString: (): string => {
    throw new Error('No keychain in the fake Electron');
  },
};

/**
 * Forgets every window, handler, link and setting, as a fresh Electron would start. Partitioned
 * sessions stay (Electron keeps them for the process's life, and modules hold on to theirs).
 */
export function resetFakeElectron(): void {
  BrowserWindow.created.length = 0;
  ipcMain.handlers.clear();
  protocol.handlers.clear();
  protocol.privileged.length = 0;
  shell.opened.length = 0;
  dialog.errors.length = 0;
  dialog.openAnswers.length = 0;
  dialog.opened.length = 0;
  session.defaultSession = new FakeSession('');
  app.listeners.clear();
  app.isPackaged = false;
  app.paths.clear();
  app.sandboxed = false;
  app.quitCalls = 0;
  app.relaunchCalls = 0;
  app.exitCode = null;
}

export default {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
};
