import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console is served by Parley at /agent/ from agent/dist. Preact through the automatic JSX
 * runtime; the emoji data is a separate chunk, loaded the first time the picker opens.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/agent/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // Modern browsers only: no module-preload polyfill.
    modulePreload: { polyfill: false },
  },
  logLevel: 'warn',
});
