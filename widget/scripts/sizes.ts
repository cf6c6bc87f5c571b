import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What travels: compressed as the server sends it (static-files.ts: brotli 11, gzip 9). */
export type Size = { raw: number; gzip: number; brotli: number };

export function sizeOf(files: string[], folder: string): Size {
  const bytes = Buffer.concat(files.map((file) => readFileSync(join(folder, file))));
  // Each file is sent (and compressed) on its own; the sum of the parts is what the visitor pays.
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const content = readFileSync(join(folder, file));
    gzip += gzipSync(content, { level: 9 }).length;
    brotli += brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw: bytes.length, gzip, brotli };
}

/** The targets: the loader is on every page; the app loads on intent or when idle. */
export const BUDGETS = { loaderGzip: 2 * 1024, appGzip: 25 * 1024 };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

export function sizeTable(rows: [string, Size][]): string {
  const lines = ['| Part | Raw | gzip | brotli |', '|---|---:|---:|---:|'];
  for (const [name, size] of rows) lines.push(`| ${name} | ${kb(size.raw)} | ${kb(size.gzip)} | ${kb(size.brotli)} |`);
  return lines.join('\n');
}
