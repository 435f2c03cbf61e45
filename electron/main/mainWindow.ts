import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './webPreferences';

/**
 * The window's own icon: Linux shows it in development; packaged, the .desktop file provides it
 * (and other platforms take the icon from the app bundle).
 */
export function windowIcon(appPath: string, platform: NodeJS.Platform): string | undefined {
  const icon = path.join(appPath, 'resources', 'icon.png');
  return platform === 'linux' && fs.existsSync(icon) ? icon : undefined;
}

/** Opens the app's window on `url` (the entry page, or the dev server) and shows it once painted. */
export function openMainWindow(options: {
  readonly isPackaged: boolean;
  readonly preload: string | null;
  readonly icon: string | undefined;
  readonly url: string;
}): BrowserWindow {
  const win = new BrowserWindow(
    mainWindowOptions({ isPackaged: options.isPackaged, preload: options.preload, icon: options.icon }),
  );
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.url);
  return win;
}
