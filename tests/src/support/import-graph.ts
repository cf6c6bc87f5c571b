import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every `import … from`, `export … from`, side-effect `import '…'` and `import('…')` specifier. */
const SPECIFIER = /(?:^|[\s;])(?:import|export)(?:[^'";]*?\sfrom)?\s*\(?\s*['"]([^'"]+)['"]/gm;

export type ImportGraph = Map<string, string[]>;

/** The workspace packages' subpath exports (`@parley/shared/codes` → `shared/src/codes.ts`). */
function workspaceExports(): Map<string, string> {
  const exports = new Map<string, string>();
  for (const folder of ['shared', 'server', 'widget', 'agent']) {
    const manifest = JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8')) as { name: string; exports?: Record<string, string> };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      exports.set(subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`, normalize(join(folder, target)));
    }
  }
  return exports;
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = normalize(join(dirname(from), specifier));
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((candidate) => /\.tsx?$/.test(candidate) && existsSync(join(ROOT, candidate))) ?? null;
}

/**
 * The repository's TypeScript import graph, file by file (paths relative to the root), from the
 * files git tracks. Packages from npm are left out; our own workspace packages are followed.
 */
export function importGraph(): ImportGraph {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && !file.endsWith('.d.ts') && existsSync(join(ROOT, file)));
  const exports = workspaceExports();
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const source = readFileSync(join(ROOT, file), 'utf8');
    const targets = new Set<string>();
    for (const match of source.matchAll(SPECIFIER)) {
      const specifier = match[1]!;
      const target = specifier.startsWith('.') ? resolveRelative(file, specifier) : (exports.get(specifier) ?? null);
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
export function cycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** The server folder a file belongs to (`hub`, `email` for `email/adf/x.ts`, `.` for app.ts and main.ts), or null outside the server. */
export function serverFolder(file: string): string | null {
  if (!file.startsWith('server/src/')) return null;
  const parts = file.slice('server/src/'.length).split('/');
  return parts.length === 1 ? '.' : parts[0]!;
}

/** Imports between server folders, as `from → to` with the files that make each one. */
export function folderEdges(graph: ImportGraph): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const [file, targets] of graph) {
    const from = serverFolder(file);
    if (from === null) continue;
    for (const target of targets) {
      const to = serverFolder(target);
      if (to === null || to === from) continue;
      const key = `${from} → ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), `${file} imports ${target}`]);
    }
  }
  return edges;
}
