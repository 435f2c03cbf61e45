/**
 * Which pages are Rebound's own. The window's pages are served from rebound://app/…, not file://.
 * A file:// page shares its origin with every local file, gets privileges no web page has, and
 * is not reliably reached by webRequest's header hooks, so its CSP could silently not apply. Our
 * own scheme gives the app one origin of its own, headers we set ourselves on every response, and
 * lets the packaged app switch file:// privileges off entirely (electron-builder.yml →
 * electronFuses). Free of Electron at run time, so it is tested on its own (pages.test.ts).
 */
export const APP_SCHEME = 'rebound';
export const APP_HOST = 'app';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** electron-vite's dev server, only ever in development: a packaged app loads its own files. */
export function devServerUrl(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  return !isPackaged ? env.ELECTRON_RENDERER_URL : undefined;
}

/** Whether a URL (or origin) is one of the app's own pages: rebound://app, or the dev server. */
export function isOwnPage(url: string | undefined, devServer: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Compared by protocol and host: for a custom scheme, WHATWG's URL.origin is "null".
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServer) {
    const dev = new URL(devServer);
    return parsed.protocol === dev.protocol && parsed.host === dev.host;
  }
  return false;
}

/** The part of an IPC event that says where it came from (Electron's IpcMainInvokeEvent has it). */
export interface IpcOrigin {
  readonly senderFrame: { readonly parent: unknown; readonly url: string } | null;
}

/** Only the top frame of our own page may call in (the CSP allows no frames; this holds anyway). */
export function fromOwnPage(event: IpcOrigin, devServer: string | undefined): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isOwnPage(frame.url, devServer);
}
