import { describe, expect, it } from 'vitest';
import { cycles, folderEdges, importGraph } from './support/import-graph.js';

/**
 * The server's folders, lowest first. A folder imports only folders of lower layers: the graph
 * runs one way, from the composition root (app.ts, main.ts) down to the core, and two folders of
 * one layer never import each other. Transport is low because it imports nothing of ours: the
 * gateway and the HTTP routes implement its interfaces.
 */
// biome-ignore format: one layer a line, lowest first, reads as the layering it is.
const LAYERS: string[][] = [
  ['core'],
  ['config'],
  ['store', 'transport'],
  ['sessions', 'settings', 'availability', 'files', 'hub'],
  ['email'],
  ['owner'],
  ['gateway', 'http'],
  ['cluster'],
  ['.'],
];

const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));

describe('the import graph', () => {
  const graph = importGraph();

  it('reads the whole tree (a scan that found nothing would pass anything)', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('server/src/cluster/owner-core.ts')).toContain('server/src/hub/create-hub.ts');
    expect(graph.get('widget/src/app/chat/chat-controller.ts')).toContain('shared/src/client/index.ts');
  });

  it('has no cycle in any package', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('gives every server folder a layer', () => {
    const folders = new Set([...folderEdges(graph).keys()].flatMap((edge) => edge.split(' → ')));
    expect([...folders].filter((folder) => layerOf(folder) < 0)).toEqual([]);
  });

  it('has no pair of server folders importing each other, and every import goes down the layers', () => {
    const edges = folderEdges(graph);
    const upward = [...edges].filter(([edge]) => {
      const [from, to] = edge.split(' → ') as [string, string];
      return layerOf(to) >= layerOf(from);
    });
    expect(Object.fromEntries(upward)).toEqual({});
  });
});
