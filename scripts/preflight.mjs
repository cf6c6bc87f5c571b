#!/usr/bin/env node
// Before the tests: make sure the system programs they start for real are installed. As root on
// Debian (as in CI) missing ones are installed with apt; anywhere else this stops with one line
// saying what to install. Programs are listed by the tests that need them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Add an entry when a test suite starts a program of the system: binary path and Debian package. */
const REQUIRED = [
  { binary: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', debianPackage: 'chromium', why: 'browser tests of the widget and the console' },
  { binary: process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server', debianPackage: 'redis-server', why: 'the Redis store and cluster tests' },
  { binary: process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy', debianPackage: 'haproxy', why: 'the cluster tests behind a load balancer' },
];

const isRoot = process.getuid?.() === 0;
const isDebian = existsSync('/etc/debian_version') || /debian/i.test(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '');
const canApt = isRoot && isDebian && spawnSync('apt-get', ['--version']).status === 0;

/** The embedded store's history database needs better-sqlite3's native module, built by `npm ci` when it can be. */
function sqliteLoads() {
  try {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}
if (!sqliteLoads()) {
  if (canApt && !existsSync('/usr/bin/g++')) {
    process.stdout.write('preflight: installing build-essential and python3 to build better-sqlite3\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'build-essential', 'python3'], { stdio: 'inherit', env });
  }
  process.stdout.write('preflight: building better-sqlite3 (npm rebuild better-sqlite3)\n');
  spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
  if (!sqliteLoads()) {
    process.stderr.write(
      "better-sqlite3's native module does not load and could not be built: install python3, make and g++ (sudo apt-get install build-essential python3), then run npm rebuild better-sqlite3.\n",
    );
    process.exit(1);
  }
}

const missing = REQUIRED.filter(({ binary }) => !existsSync(binary));
if (missing.length === 0) process.exit(0);

const packages = missing.map((m) => m.debianPackage);
if (canApt) {
  process.stdout.write(`preflight: installing ${packages.join(', ')} from Debian's packages for the tests\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  process.exit(0);
}
process.stderr.write(
  `The tests need ${missing.map((m) => `${m.binary} (${m.why})`).join(' and ')}: install the Debian package${packages.length > 1 ? 's' : ''} ${packages.join(' ')} (sudo apt-get install ${packages.join(' ')}).\n`,
);
process.exit(1);
