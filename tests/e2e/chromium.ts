import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium, quiet: no sandbox (root in CI), no GPU, no calls home. */
export const CHROMIUM: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/**
 * The same Chromium with its fake camera (a test pattern) and no permission prompt, for the
 * webcam. Launch options cannot differ inside one spec file: they apply to all its tests.
 */
export const CHROMIUM_WITH_CAMERA: LaunchOptions = {
  ...CHROMIUM,
  args: [...(CHROMIUM.args ?? []), '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
};
