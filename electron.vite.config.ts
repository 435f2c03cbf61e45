import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * The CLI (out/main/cli.js) runs in plain Node, where `electron` is not there to load: the build
 * fails if cli.js, or any chunk it imports, imports it (lint keeps the sources apart; this catches
 * a shared chunk that would mix them).
 */
function cliWithoutElectron(): Plugin {
  return {
    name: 'rebound:cli-without-electron',
    generateBundle(_options, bundle) {
      const seen = new Set<string>();
      const visit = (fileName: string, via: string): void => {
        const chunk = bundle[fileName];
        if (seen.has(fileName) || chunk?.type !== 'chunk') return;
        seen.add(fileName);
        for (const id of chunk.imports) {
          if (id === 'electron' || id.startsWith('electron/')) {
            this.error(`out/main/cli.js must not load electron, but ${via}${fileName} imports it`);
          }
          visit(id, `${via}${fileName} → `);
        }
      };
      visit('cli.js', '');
    },
  };
}

/**
 * A sandboxed preload can require `electron` and nothing else: each one must be a single file.
 * The two preloads share no module (shared/contract/desk.ts says why), so none is split off; this
 * fails the build if a change makes one import a chunk.
 */
function preloadsWithoutChunks(): Plugin {
  return {
    name: 'rebound:preloads-without-chunks',
    generateBundle(_options, bundle) {
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (!chunk.isEntry) this.error(`a sandboxed preload cannot load the chunk ${fileName}`);
        const loads = [...chunk.imports, ...chunk.dynamicImports].filter((id) => id !== 'electron');
        if (loads.length > 0) this.error(`the preload ${fileName} loads ${loads.join(', ')}`);
      }
    },
  };
}

export default defineConfig({
  main: {
    plugins: [cliWithoutElectron()],
    build: {
      outDir: 'out/main',
      // package.json's dependencies stay external (electron-vite's default) and are loaded from
      // node_modules at run time: better-sqlite3 and sharp are native and cannot be bundled.
      // Pure-JS packages published as hundreds of small ES modules are bundled instead: Node
      // resolves and loads each file at every start (Kysely alone took 95 ms of `rebound --help`;
      // see `npm run bench -- startup`).
      externalizeDeps: { exclude: ['kysely', 'zod', 'commander'] },
      rollupOptions: {
        // index.js is Electron's main process; cli.js is the `rebound` command (bin/rebound.mjs),
        // which runs in plain Node and must never import `electron`. Code both use goes into
        // shared chunks (out/main/chunks), so the CLI serves exactly the app's services.
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          cli: resolve(root, 'electron/cli/index.ts'),
        },
        // An ES module, as package.json's "type": "module" implies; Electron 40 loads ESM mains.
        // Worker files imported with `?modulePath` become extra chunks beside it (out/main/chunks).
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    plugins: [preloadsWithoutChunks()],
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only `electron` (and a few polyfilled built-ins), not
      // files or packages: everything else must be bundled in, so nothing is externalized.
      externalizeDeps: false,
      rollupOptions: {
        // index: the app's own window; desk: a window onto a Rebound server (its camera folder only).
        input: {
          index: resolve(root, 'electron/preload/index.ts'),
          desk: resolve(root, 'electron/preload/desk.ts'),
        },
        // Sandboxed preloads cannot be ES modules: CommonJS, one file each and no chunks
        // (preloadsWithoutChunks checks; the two share no module but `electron`).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
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
