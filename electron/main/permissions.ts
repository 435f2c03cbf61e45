import type { Session } from 'electron';
import { isOwnPage } from './pages';
import { isServerPage } from './server';

/**
 * The session's rules: the CSP on every response (the dev server's too), and of all the
 * permissions a page can ask for, only the camera, only for our own page. The microphone is
 * refused: the photo desk's webcam panel takes pictures, not sound.
 */
export function hardenSession(
  ses: Session,
  /** The CSP every response gets; null keeps the one the pages' server sends (a Rebound server's own). */
  csp: string | null,
  devServer: string | undefined,
  /** The Rebound server the app is a window onto (server.ts): its pages may use the camera too. */
  server: string | null = null,
): void {
  // A window onto a server has the server's pages only (nothing serves rebound://app then).
  const ours = (url: string) => (server !== null ? isServerPage(url, server) : isOwnPage(url, devServer));
  if (csp !== null) {
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const cameraOnly = mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
    callback(permission === 'media' && cameraOnly && ours(details.requestingUrl));
  });
  // Synchronous checks (e.g. whether enumerateDevices may show camera names) follow the same rule.
  ses.setPermissionCheckHandler(
    (_webContents, permission, requestingOrigin, details) =>
      permission === 'media' && details.mediaType !== 'audio' && ours(requestingOrigin),
  );
  // No WebHID, WebUSB or Web Serial: barcode scanners type like a keyboard.
  ses.setDevicePermissionHandler(() => false);
}
