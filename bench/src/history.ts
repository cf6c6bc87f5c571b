/**
 * `npm run bench:history -w bench -- [--messages=N] [--conversations=N] [--open=N] [--runs=N]`:
 * what a long history costs the embedded store today (issue 13's baseline). Fills a data folder
 * through the store itself (10 million messages over 200,000 ended conversations and 1,000 open
 * ones by default), then starts Parley (`server/src/main.ts` under tsx, as `npm start` does) on
 * it and on an empty folder, alternately, and reports the median start-up time (spawn to
 * "listening"), resident memory and JS heap after start (its own /metrics), and journal bytes per
 * message. The compaction figures the issue asks for come once there is a compaction.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openEmbeddedStore } from '../../server/src/store/embedded-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000000' },
    conversations: { type: 'string', default: '200000' },
    open: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
  },
});
const messages = Number(values.messages);
const ended = Number(values.conversations);
const open = Number(values.open);
const runs = Number(values.runs);

/** About 75 characters, as in the measurement. */
const text = (n: number) => `Message ${n}: where is my order, and when will it be delivered to me, please?`.slice(0, 75);

async function fill(dataDir: string): Promise<void> {
  const store = await openEmbeddedStore({ dataDir });
  const started = Date.now();
  const total = ended + open;
  const perConversation = Math.ceil(messages / total);
  let written = 0;
  for (let c = 0; c < total && written < messages; c++) {
    const id = `history-${String(c).padStart(8, '0')}-conv`;
    const isOpen = c >= ended;
    const at = 1_700_000_000_000 + c * 1000;
    await store.conversations.save({
      id,
      room: 'GENERAL',
      visitorId: `visitor-${String(c).padStart(8, '0')}-v`,
      status: isOpen ? 'waiting' : 'ended',
      privateFor: null,
      agentId: null,
      agentName: null,
      servedFrom: null,
      form: {},
      context: { url: 'https://shop.example/', title: 'Shop' },
      createdAt: at,
      acceptedAt: null,
      endedAt: isOpen ? null : at + 600_000,
      endedBy: isOpen ? null : 'visitor',
      lastSeq: 0,
    });
    const batch: Promise<unknown>[] = [];
    for (let m = 0; m < perConversation && written < messages; m++, written++) {
      batch.push(store.messages.append(id, { kind: 'text', from: m % 2 ? 'agent' : 'visitor', clientId: `c${m}`, text: text(written), at: at + m }));
    }
    await Promise.all(batch);
    if (c % 20_000 === 0) process.stderr.write(`filled ${written.toLocaleString('en')} messages in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  await store.close();
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts Parley on `dataDir`: milliseconds until it listens, then its RSS and heap in MB. */
async function start(dataDir: string): Promise<{ startMs: number; rssMb: number; heapMb: number }> {
  const metricsPort = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', METRICS_PORT: String(metricsPort), LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const startMs = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('Parley listening')) resolve(performance.now() - began);
      });
      child.once('exit', (code) => reject(new Error(`Parley exited (${code}) before listening: ${output.slice(-500)}`)));
    });
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const gauge = (name: string) => Number(metrics.match(new RegExp(`^${name} (\\S+)$`, 'm'))?.[1] ?? Number.NaN) / 1024 / 1024;
    return { startMs, rssMb: gauge('process_resident_memory_bytes'), heapMb: gauge('nodejs_heap_size_used_bytes') };
  } finally {
    child.kill('SIGKILL');
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const emptyDir = mkdtempSync(join(tmpdir(), 'parley-history-empty-'));
const fullDir = mkdtempSync(join(tmpdir(), 'parley-history-full-'));
try {
  const fillStarted = Date.now();
  await fill(fullDir);
  const fillSeconds = (Date.now() - fillStarted) / 1000;
  const journalBytes = statSync(join(fullDir, 'journal.jsonl')).size;
  const empty: Awaited<ReturnType<typeof start>>[] = [];
  const full: Awaited<ReturnType<typeof start>>[] = [];
  for (let run = 0; run < runs; run++) {
    empty.push(await start(emptyDir));
    full.push(await start(fullDir));
  }
  const row = (label: string, results: typeof empty) =>
    `| ${label} | ${(median(results.map((r) => r.startMs)) / 1000).toFixed(2)} s | ${median(results.map((r) => r.rssMb)).toFixed(0)} MB | ${median(results.map((r) => r.heapMb)).toFixed(0)} MB | ${results.map((r) => (r.startMs / 1000).toFixed(2)).join(', ')} |`;
  const lines = [
    `History: ${messages.toLocaleString('en')} messages over ${ended.toLocaleString('en')} ended and ${open.toLocaleString('en')} open conversations (filled through the store in ${fillSeconds.toFixed(0)} s); journal ${(journalBytes / 1024 / 1024).toFixed(0)} MB, ${(journalBytes / messages).toFixed(0)} bytes per message. Medians of ${runs} starts each, alternating.`,
    '',
    '| Store | Start-up (spawn to listening) | RSS after start | JS heap used | Start-ups |',
    '| --- | --- | --- | --- | --- |',
    row('empty', empty),
    row('filled', full),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(emptyDir, { recursive: true, force: true });
  rmSync(fullDir, { recursive: true, force: true });
}
