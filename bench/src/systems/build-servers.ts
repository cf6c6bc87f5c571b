import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/*
 * Every benchmarked server runs as plain JavaScript bundled by esbuild, as a production build
 * would run it. Under tsx (as `npm start` runs Parley) each closure the code creates is wrapped in
 * a `__name` helper (Object.defineProperty per closure, for readable stack traces): measured at
 * several percent of the server's CPU on request paths that create closures, a cost of the dev
 * runner rather than of the code. `--tsx` runs Parley from its sources instead.
 */

const SRC = fileURLToPath(new URL('../', import.meta.url));

/** Packages from node_modules stay imports; the workspace's TypeScript packages (@parley/*) are bundled. */
const keepDependencies: Plugin = {
  name: 'keep-dependencies',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@parley/') ? undefined : { path: args.path, external: true }));
  },
};

export type Builds = {
  parley: string;
  /** Parley from the `--before` tree, when given. */
  parleyBefore: string | null;
  raw: string;
  socketio: string;
  probe: string;
};

async function bundle(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [keepDependencies],
    logLevel: 'error',
  });
  return outfile;
}

/** Bundles the servers into `outDir` (each build takes well under a second). */
export async function buildServers(repoRoot: string, outDir: string, beforeRoot?: string): Promise<Builds> {
  const [parley, parleyBefore, raw, socketio, probe] = await Promise.all([
    bundle(join(repoRoot, 'server/src/main.ts'), join(outDir, 'parley.mjs')),
    beforeRoot ? bundle(join(beforeRoot, 'server/src/main.ts'), join(outDir, 'parley-before.mjs')) : Promise.resolve(null),
    bundle(join(SRC, 'systems/raw-uws-server.ts'), join(outDir, 'raw-uws-server.mjs')),
    bundle(join(SRC, 'systems/socketio-server.ts'), join(outDir, 'socketio-server.mjs')),
    bundle(join(SRC, 'systems/memory-probe.ts'), join(outDir, 'memory-probe.mjs')),
  ]);
  return { parley, parleyBefore, raw, socketio, probe };
}
