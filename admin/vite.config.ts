import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The admin console is served by Parley at /admin/ from admin/dist. Preact through the automatic
 * JSX runtime. The widget's live preview is not bundled here: it is the widget's own preview
 * build, loaded from /widget/preview/ when the theme tab opens.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
  logLevel: 'warn',
});
