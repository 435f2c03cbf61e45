import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // package.json's dependencies stay external (electron-vite's default) and are loaded from
      // node_modules at run time: better-sqlite3 and sharp are native and cannot be bundled.
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
        // An ES module, as package.json's "type": "module" implies; Electron 40 loads ESM mains.
        // Worker files imported with `?modulePath` become extra chunks beside it (out/main/chunks).
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron` (and a few polyfilled built-ins), not
      // files or packages: everything else must be bundled in, so nothing is externalized.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules: one CommonJS file, no chunks.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
      chunkSizeWarningLimit: 2000,
    },
  },
});
