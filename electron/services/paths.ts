import os from 'node:os';
import path from 'node:path';

/**
 * The data folder Electron's `app.getPath('userData')` would give for "Rebound", so that the CLI
 * and the browser mode open the same workspace as the desktop app unless told otherwise.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.REBOUND_DATA_DIR) return path.resolve(env.REBOUND_DATA_DIR);
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Rebound');
    case 'darwin':
      return path.join(os.homedir(), 'Library', 'Application Support', 'Rebound');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Rebound');
  }
}
