/**
 * `npm run start:cluster`: the demo on three Parley nodes sharing one Redis, behind HAProxy, so
 * anyone can watch a chat cross nodes and a node die. Starts a local redis-server (its append-only
 * file in DATA_DIR/redis) unless REDIS_URL names one, three nodes as separate processes, HAProxy
 * on PORT when it is installed (else the nodes are reached directly), and the demo shop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RedisServerProcess } from '../../server/src/store/redis/redis-server-process.js';
import { ensureWidgetBuilt } from '../../widget/scripts/ensure-built.js';
import { HaproxyProcess } from './cluster/haproxy-process.js';
import { prepareConsoles } from './console-build.js';
import { DEMO_ADMIN, DEMO_AGENTS, DEMO_PASSWORD } from './demo-credentials.js';
import { startDemoSite } from './demo-site.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NODES = 3;
const port = Number(process.env.PORT || '8080');
const dataDir = resolve(process.env.DATA_DIR || 'data');
const haproxy = HaproxyProcess.available();
const nodePorts = Array.from({ length: NODES }, (_, i) => port + 10 + i);
const base = (process.env.PUBLIC_URL || `http://localhost:${haproxy ? port : nodePorts[0]}`).replace(/\/+$/, '');

ensureWidgetBuilt();
await prepareConsoles();

let redis: RedisServerProcess | null = null;
let redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  redis = await RedisServerProcess.start({ dir, appendfsync: 'everysec' });
  redisUrl = redis.url;
}

const children: ChildProcess[] = [];
const nodes = await Promise.all(
  nodePorts.map(
    (nodePort, i) =>
      new Promise<{ name: string; port: number; pid: number }>((ready, fail) => {
        const name = `node-${i + 1}`;
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
          cwd: ROOT,
          env: {
            ...process.env,
            PORT: String(nodePort),
            PUBLIC_URL: base,
            STORE: 'redis',
            REDIS_URL: redisUrl,
            NODE_ID: name,
            TRUST_PROXY: haproxy ? 'true' : 'false',
            LOG_FORMAT: 'json',
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        children.push(child);
        let buffered = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) {
            process.stdout.write(`[${name}] ${line}\n`);
            if (line.includes('Parley listening')) ready({ name, port: nodePort, pid: child.pid! });
          }
        });
        child.once('exit', (code) => fail(new Error(`${name} exited (${code}) before it listened`)));
      }),
  ),
);
const proxy = haproxy ? await HaproxyProcess.start({ port, nodes: nodes.map(({ name, port: nodePort }) => ({ name, port: nodePort })) }) : null;
const site = await startDemoSite({ parleyUrl: base, host: process.env.HOST || '0.0.0.0', port: Number(process.env.DEMO_PORT || port + 1) });

const lines = [
  '',
  '  Parley demo, three nodes on one Redis',
  proxy ? `  HAProxy:       ${base}/  in front of every node` : '  HAProxy is not installed (Debian package haproxy): the demo uses the first node directly.',
  ...nodes.map(
    ({ name, port: nodePort, pid }) => `  ${name}:        http://localhost:${nodePort}/healthz  (pid ${pid}; kill -9 ${pid} to watch another node take over)`,
  ),
  `  Redis:         ${redisUrl}${redis ? `  (append-only file in ${join(dataDir, 'redis')})` : ''}`,
  `  Demo shop:     ${site.url}/`,
  `  Agent console: ${base}/agent/   Admin console: ${base}/admin/  (${DEMO_ADMIN})`,
  `  Statistics:    ${base}/api/rooms/GENERAL/stats  (the same on every node)`,
  `  Agents sign in with any of ${DEMO_AGENTS.join(', ')} and the password "${DEMO_PASSWORD}".`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await site.close();
      await proxy?.stop();
      await Promise.all(
        children.map(
          (child) =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done(null);
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        ),
      );
      await redis?.stop();
      process.exit(0);
    })();
  });
}
