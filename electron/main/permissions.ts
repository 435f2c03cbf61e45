import type { Session } from 'electron';
import { isOwnPage } from './pages';

/**
 * The session's rules: the CSP on every response (the dev server's too), and of all the
 * permissions a page can ask for, only the camera, only for our own page. The microphone is
 * refused: the photo desk's webcam panel takes pictures, not sound.
 */
export function hardenSession(ses: Session, csp: string, devServer: string | undefined): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const cameraOnly = mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
    callback(permission === 'media' && cameraOnly && isOwnPage(details.requestingUrl, devServer));
  });
  // Synchronous checks (e.g. whether enumerateDevices may show camera names) follow the same rule.
  ses.setPermissionCheckHandler(
    (_webContents, permission, requestingOrigin, details) =>
      permission === 'media' && details.mediaType !== 'audio' && isOwnPage(requestingOrigin, devServer),
  );
  // No WebHID, WebUSB or Web Serial: barcode scanners type like a keyboard.
  ses.setDevicePermissionHandler(() => false);
}
