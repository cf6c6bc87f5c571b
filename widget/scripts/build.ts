/**
 * `npm run build -w widget` (and the root `npm run build`): the chat app first, as ES modules
 * with content-hashed names (cached for a year), then the loader `widget.js`, a classic script
 * that knows the app's file name. Prints what each weighs over the wire and fails when the loader
 * or the app grows past its budget.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Rolldown } from 'vite';
import { BUDGETS, sizeOf, sizeTable } from './sizes.js';

// A production build whoever runs it (vitest sets NODE_ENV=test, which would pick the dev JSX runtime).
process.env.NODE_ENV = 'production';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist', import.meta.url));

const common: InlineConfig = {
  configFile: false,
  root,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
};

function outputs(result: Awaited<ReturnType<typeof build>>): Rolldown.OutputChunk[] {
  const list = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return list.flatMap((output) => output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk'));
}

const app = outputs(
  await build({
    ...common,
    base: './',
    build: {
      outDir: dist,
      emptyOutDir: true,
      // Browsers from 2022 on: class fields and Object.hasOwn as they are, no helpers.
      target: 'es2022',
      // Preload links would be added to the host page's <head>: the widget leaves the page alone.
      modulePreload: false,
      // Built as a library: Vite then leaves lazy imports as plain import() instead of wrapping them
      // in its preload helper (about 0.8 KB gzipped, and it would add <link>s to the host's <head>).
      lib: { entry: 'src/app/main.tsx', formats: ['es'] },
      rolldownOptions: {
        input: { app: 'src/app/main.tsx' },
        preserveEntrySignatures: 'exports-only',
        // Library builds keep whitespace and comments by default: minified in full all the same.
        output: { format: 'es', entryFileNames: 'app-[hash].js', chunkFileNames: '[name]-[hash].js', minify: true, comments: false },
      },
    },
  }),
);
const entry = app.find((chunk) => chunk.isEntry);
if (!entry) throw new Error('the app build produced no entry chunk');

await build({
  ...common,
  define: { __PARLEY_APP__: JSON.stringify(entry.fileName) },
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    lib: { entry: 'src/loader/main.ts', formats: ['iife'], name: 'ParleyLoader', fileName: () => 'widget.js' },
  },
});

// The admin console's live preview: the same components rendering unsaved settings. A build of its
// own (in dist/preview) so that it adds nothing to what visitors download.
await build({
  ...common,
  base: './',
  build: {
    outDir: join(dist, 'preview'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rolldownOptions: {
      input: { preview: 'src/app/preview.tsx' },
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: 'preview.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});

/** The app as a visitor loads it: the entry and what it imports at once (not the lazy emoji data). */
const byName = new Map(app.map((chunk) => [chunk.fileName, chunk]));
const eager = new Set<string>();
const visit = (name: string) => {
  if (eager.has(name)) return;
  eager.add(name);
  for (const imported of byName.get(name)?.imports ?? []) visit(imported);
};
visit(entry.fileName);
const lazy = app.map((chunk) => chunk.fileName).filter((name) => !eager.has(name));

const loader = sizeOf(['widget.js'], dist);
const appSize = sizeOf([...eager], dist);
const rows: [string, ReturnType<typeof sizeOf>][] = [
  ['Loader (`widget.js`, every page)', loader],
  ['Chat app, JS + CSS (on intent or idle)', appSize],
];
for (const name of lazy) rows.push([`Lazy: \`${name.replace(/-[\w-]{8}\.js$/, '')}\` (when used)`, sizeOf([name], dist)]);
process.stdout.write(`\nParley widget sizes (what travels: gzip 9 / brotli 11, as the server sends them)\n${sizeTable(rows)}\n\n`);

const over = [
  loader.gzip > BUDGETS.loaderGzip && `the loader is ${loader.gzip} bytes gzipped, over its ${BUDGETS.loaderGzip}`,
  appSize.gzip > BUDGETS.appGzip && `the app is ${appSize.gzip} bytes gzipped, over its ${BUDGETS.appGzip}`,
].filter(Boolean);
if (over.length > 0) {
  process.stderr.write(`Widget size budget exceeded: ${over.join('; ')}.\n`);
  process.exit(1);
}
