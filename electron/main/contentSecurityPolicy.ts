import { PHOTO_SCHEME } from '../../shared/contract/bridge';

/**
 * The Content-Security-Policy of every page: our own scripts only, no remote anything. With
 * electron-vite's dev server (development only) its inline preamble and hot-reload websocket.
 */
export function contentSecurityPolicy(devServer: string | undefined): string {
  const dev = devServer ? new URL(devServer) : null;
  return [
    "default-src 'self'",
    // Vite's dev server injects an inline module (React Refresh's preamble); only there.
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    // Mantine sets style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${PHOTO_SCHEME}:`,
    "font-src 'self' data:",
    // Calls go over IPC, never the network; in development Vite's hot reload uses a websocket.
    dev ? `connect-src 'self' ws://${dev.host}` : "connect-src 'self'",
    "media-src 'self' blob: mediastream:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
