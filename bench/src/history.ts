/**
 * `npm run bench:history -w bench -- [--messages=N] [--conversations=N] [--open=N] [--runs=N]`:
 * what a long history costs the embedded store (issue 13). Fills a data folder through the store
 * itself (10 million messages over 200,000 ended conversations and 1,000 open ones by default),
 * with its default roll size, so compactions run in the background as on a live server, and
 * records the event loop's worst pause meanwhile (monitorEventLoopDelay, 1 ms resolution), and
 * again during one more compaction of the filled store at rest. Then, alternately on an empty
 * folder and on the filled one: Parley's start-up (`server/src/main.ts` under tsx, as `npm start`
 * does; spawn to "listening"), its resident memory and JS heap after start (its own /metrics),
 * and the store's append throughput (the same round of messages into new conversations). Reports
 * medians and the disk bytes per message (everything under DATA_DIR).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_ROLL_BYTES, openEmbeddedStore } from '../../server/src/store/embedded-store.js';

/** A journal line of the fill's messages, about: what a roll's worth of them is. */
const BYTES_PER_MESSAGE = 222;

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

/** The worst event-loop pause while `work` runs, in ms. */
async function worstPause(work: () => Promise<void>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  try {
    await work();
  } finally {
    delay.disable();
  }
  return delay.max / 1e6;
}

/**
 * The worst event-loop pause seen within compactions (from their start to their end) and outside
 * them (the fill's own: its appends, their writes and garbage collection), in ms.
 */
let compactionPause = 0;
let fillPause = 0;
let compactions = 0;

async function fill(dataDir: string): Promise<void> {
  const inside = monitorEventLoopDelay({ resolution: 1 });
  const outside = monitorEventLoopDelay({ resolution: 1 });
  outside.enable();
  const store = await openEmbeddedStore({
    dataDir,
    // Rolled by the loop below instead, at the same size, so that compactions keep up as they do
    // on a server that takes weeks to reach this history (the fill takes a minute).
    rollBytes: Number.MAX_SAFE_INTEGER,
    pauseCompactionAt: (point) => {
      if (point === 'started') {
        fillPause = Math.max(fillPause, outside.max / 1e6);
        outside.disable();
        inside.reset();
        inside.enable();
      } else if (point === 'finished') {
        inside.disable();
        outside.reset();
        outside.enable();
        compactionPause = Math.max(compactionPause, inside.max / 1e6);
        compactions++;
      }
    },
  });
  const started = Date.now();
  const total = ended + open;
  const perConversation = Math.ceil(messages / total);
  let rolledAt = 0;
  let compacting: Promise<void> = Promise.resolve();
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
    // A roll's worth written: the next compaction starts (after the one under way, if any); appends go on meanwhile.
    if ((written - rolledAt) * BYTES_PER_MESSAGE >= DEFAULT_ROLL_BYTES) {
      rolledAt = written;
      await compacting;
      compacting = store.maintenance!.compact();
    }
    if (c % 20_000 === 0) process.stderr.write(`filled ${written.toLocaleString('en')} messages in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
  await compacting;
  await store.close();
  outside.disable();
  fillPause = Math.max(fillPause, outside.max / 1e6);
}

/** Messages a second the store appends: ROUND_MESSAGES into 100 new conversations, 50 appends in flight, as the fill does. */
const ROUND_MESSAGES = 100_000;
async function appendRound(dataDir: string, round: number): Promise<number> {
  const store = await openEmbeddedStore({ dataDir });
  const began = performance.now();
  for (let c = 0; c < 100; c++) {
    const id = `round-${round}-${c}`;
    await store.conversations.save({
      id,
      room: 'GENERAL',
      visitorId: `round-visitor-${round}-${c}`,
      status: 'active',
      privateFor: null,
      agentId: 'agent@example.com',
      agentName: 'Agent',
      servedFrom: 'browser',
      form: {},
      context: { url: 'https://shop.example/', title: 'Shop' },
      createdAt: Date.now(),
      acceptedAt: Date.now(),
      endedAt: null,
      endedBy: null,
      lastSeq: 0,
    });
    for (let m = 0; m < ROUND_MESSAGES / 100; m += 50) {
      const batch: Promise<unknown>[] = [];
      for (let k = m; k < m + 50; k++)
        batch.push(store.messages.append(id, { kind: 'text', from: 'visitor', clientId: `r${k}`, text: text(k), at: Date.now() }));
      await Promise.all(batch);
    }
  }
  const perSecond = ROUND_MESSAGES / ((performance.now() - began) / 1000);
  await store.close();
  return perSecond;
}

function bytesUnder(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => statSync(join(folder, name)))
    .filter((found) => found.isFile())
    .reduce((sum, found) => sum + found.size, 0);
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
  const diskBytes = bytesUnder(fullDir);
  const empty: Awaited<ReturnType<typeof start>>[] = [];
  const full: Awaited<ReturnType<typeof start>>[] = [];
  const emptyAppends: number[] = [];
  const fullAppends: number[] = [];
  for (let run = 0; run < runs; run++) {
    empty.push(await start(emptyDir));
    full.push(await start(fullDir));
    emptyAppends.push(await appendRound(emptyDir, run));
    fullAppends.push(await appendRound(fullDir, run));
  }
  // Last, so that the start-ups above find the journal as the fill left it (up to a roll's worth).
  const atRest = await openEmbeddedStore({ dataDir: fullDir });
  const restPause = await worstPause(() => atRest.maintenance!.compact());
  await atRest.close();
  const row = (label: string, results: typeof empty, appends: number[]) =>
    `| ${label} | ${(median(results.map((r) => r.startMs)) / 1000).toFixed(2)} s | ${median(results.map((r) => r.rssMb)).toFixed(0)} MB | ${median(results.map((r) => r.heapMb)).toFixed(0)} MB | ${median(appends).toFixed(0)} msg/s | ${results.map((r) => (r.startMs / 1000).toFixed(2)).join(', ')} | ${appends.map((a) => a.toFixed(0)).join(', ')} |`;
  const lines = [
    `History: ${messages.toLocaleString('en')} messages over ${ended.toLocaleString('en')} ended and ${open.toLocaleString('en')} open conversations, filled through the store in ${fillSeconds.toFixed(0)} s with ${compactions} compactions running meanwhile; DATA_DIR ${(diskBytes / 1024 / 1024).toFixed(0)} MB, ${(diskBytes / messages).toFixed(0)} bytes per message. Worst event-loop pause: ${compactionPause.toFixed(1)} ms within the compactions that ran during the fill (the fill's appends go on meanwhile), ${fillPause.toFixed(1)} ms outside them (the fill's own), ${restPause.toFixed(1)} ms during a compaction of the filled store at rest. Medians of ${runs} runs each, alternating; append rounds of ${ROUND_MESSAGES.toLocaleString('en')} messages.`,
    '',
    '| Store | Start-up (spawn to listening) | RSS after start | JS heap used | Appends | Start-ups | Append rounds |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    row('empty', empty, emptyAppends),
    row('filled', full, fullAppends),
    '',
    `Ratios filled/empty: start-up +${((median(full.map((r) => r.startMs)) - median(empty.map((r) => r.startMs))) / 1000).toFixed(2)} s, RSS +${(median(full.map((r) => r.rssMb)) - median(empty.map((r) => r.rssMb))).toFixed(0)} MB, heap +${(median(full.map((r) => r.heapMb)) - median(empty.map((r) => r.heapMb))).toFixed(0)} MB, appends ${(median(fullAppends) / median(emptyAppends)).toFixed(2)}x.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(emptyDir, { recursive: true, force: true });
  rmSync(fullDir, { recursive: true, force: true });
}
